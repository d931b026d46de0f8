// CarePath: "Log out" in the Camunda web apps signs out of CarePath (GET /logout), which in Keycloak mode
// ends the Keycloak session too; the web apps' own logout would leave it open and sign straight back in.
const signOut = new URL('../../logout', import.meta.url).href;

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('li.logout a')) {
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.assign(signOut);
  }
}, true);
