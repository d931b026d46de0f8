// CarePath's configuration of this Camunda web app (it replaces the web app's own, which is empty).
export default {
  customScripts: ['../carepath-sign-out', '../carepath-manager-link']
};
