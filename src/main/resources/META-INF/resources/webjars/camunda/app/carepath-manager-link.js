// CarePath: a "Manager view" link in the web apps' header, next to the signed-in user's menu, for the
// roles that have the manager view (CarePath answers /manager/access with 204 for them).
const managerView = new URL('../../manager', import.meta.url).href;
const access = new URL('../../manager/access', import.meta.url).href;
let checkedFor = null;

// /manager without a session sends the person here to sign in (?carepath-return=manager): once they are
// signed in, back to the manager view. Only that name is understood, so no address can be slipped in.
const RETURN = 'carepath-return';
if (new URLSearchParams(window.location.search).get(RETURN) === 'manager') {
  sessionStorage.setItem(RETURN, 'manager');
}

function returnAfterSignIn() {
  if (sessionStorage.getItem(RETURN) === 'manager' && document.querySelector('li.logout')) {
    sessionStorage.removeItem(RETURN);
    window.location.assign(managerView);
  }
}

function userMenu() {
  const logout = document.querySelector('li.logout');
  return logout ? logout.closest('ul').closest('li') : null;
}

function placeLink() {
  returnAfterSignIn();
  const menu = userMenu();
  if (!menu || document.querySelector('li.carepath-manager-view')) {
    return;
  }
  const user = menu.textContent.trim();
  if (checkedFor === user) {
    return;
  }
  checkedFor = user;
  fetch(access, { credentials: 'same-origin' }).then((answer) => {
    if (answer.status !== 204 || document.querySelector('li.carepath-manager-view')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'carepath-manager-view';
    const link = document.createElement('a');
    link.href = managerView;
    link.textContent = 'Manager view';
    item.appendChild(link);
    menu.parentNode.insertBefore(item, menu);
  }).catch(() => { checkedFor = null; });
}

new MutationObserver(placeLink).observe(document.documentElement, { childList: true, subtree: true });
