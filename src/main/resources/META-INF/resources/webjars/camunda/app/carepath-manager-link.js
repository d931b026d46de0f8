// CarePath: a "Manager view" link in the web apps' header, next to the signed-in user's menu, for the
// roles that have the manager view (CarePath answers /manager/access with 204 for them).
import { headerLink } from './carepath-header-link.js';

const managerView = new URL('../../manager', import.meta.url).href;

// A page of the manager's or the panel's without a session sends the person here to sign in
// (?carepath-return=tracker/children/C-000123, as org.carepath.web.SignIn writes it): once they are signed in,
// back to that page. Only such a page is understood (letters, digits, - and _ between slashes under manager,
// tracker or panel), and it is taken as a path of this app, so no address elsewhere can be slipped in.
const RETURN = 'carepath-return';
const PAGE = /^(manager|tracker|panel)(\/[A-Za-z0-9_-]{1,64}){0,4}$/;
const asked = new URLSearchParams(window.location.search).get(RETURN);
if (asked && PAGE.test(asked)) {
  sessionStorage.setItem(RETURN, asked);
}

function returnAfterSignIn() {
  const page = sessionStorage.getItem(RETURN);
  if (page && PAGE.test(page) && document.querySelector('li.logout')) {
    sessionStorage.removeItem(RETURN);
    window.location.assign(new URL('../../' + page, import.meta.url).href);
  }
}

headerLink({
  label: 'Manager view',
  className: 'carepath-manager-view',
  page: managerView,
  access: new URL('../../manager/access', import.meta.url).href,
  beforeEachLook: returnAfterSignIn
});
