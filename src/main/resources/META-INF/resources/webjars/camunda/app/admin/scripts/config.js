// CarePath's configuration of Admin (it replaces the web app's own, which is empty).
export default {
  app: {
    name: 'Admin',
    vendor: 'CarePath'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY',
    normal: 'D MMM YYYY, HH:mm',
    long: 'ddd D MMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  customScripts: ['../carepath-sign-out', '../carepath-title']
};
