// CarePath: a "Manager view" link in the web apps' header, next to the signed-in user's menu, for the
// roles that have the manager view (CarePath answers /manager/access with 204 for them).
import { headerLink } from './carepath-header-link.js';

const managerView = new URL('../../manager', import.meta.url).href;
const returnPages = { manager: managerView, tracker: new URL('../../tracker', import.meta.url).href };

// /manager without a session sends the person here to sign in (?carepath-return=manager): once they are
// signed in, back to the manager view (or the tracker, ?carepath-return=tracker). Only those names are understood,
// so no address can be slipped in.
const RETURN = 'carepath-return';
const asked = new URLSearchParams(window.location.search).get(RETURN);
if (Object.hasOwn(returnPages, asked)) {
  sessionStorage.setItem(RETURN, asked);
}

function returnAfterSignIn() {
  const page = returnPages[sessionStorage.getItem(RETURN)];
  if (page && document.querySelector('li.logout')) {
    sessionStorage.removeItem(RETURN);
    window.location.assign(page);
  }
}

headerLink({
  label: 'Manager view',
  className: 'carepath-manager-view',
  page: managerView,
  access: new URL('../../manager/access', import.meta.url).href,
  beforeEachLook: returnAfterSignIn
});
