// CarePath's configuration of the Tasklist, through its supported options (docs.camunda.org, Tasklist,
// Configuration). What these cannot change is done in ../carepath-tasklist.js; the README says which and why.
export default {
  // The header reads "CarePath Tasklist": a council's name (carepath.council.name) is put in place of
  // CarePath's when this file is served (org.carepath.web.WebAppBranding), its logo with carepath.council.logo.
  app: {
    name: 'Tasklist',
    vendor: 'CarePath'
  },

  // English (United Kingdom) dates, whatever the browser's language: a statutory date must be unambiguous.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY',
    normal: 'D MMM YYYY, HH:mm',
    long: 'ddd D MMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },

  // Only CarePath's English texts (locales/en.json), not the German ones, whatever the browser asks for.
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },

  // No "Welcome to Camunda" pointing at a page for developers.
  disableWelcomeMessage: true,

  customScripts: ['../carepath-sign-out', '../carepath-manager-link', '../carepath-panel-link', '../carepath-tasklist', '../carepath-title'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
