// CarePath: a "Panels" link in the web apps' header, next to the signed-in user's menu, for the roles that have
// the panel pages (CarePath answers /panel/access with 204 for them: panel administrators, managers, administrators).
const panels = new URL('../../panel', import.meta.url).href;
const access = new URL('../../panel/access', import.meta.url).href;
let checkedFor = null;

function userMenu() {
  const logout = document.querySelector('li.logout');
  return logout ? logout.closest('ul').closest('li') : null;
}

function placeLink() {
  const menu = userMenu();
  if (!menu || document.querySelector('li.carepath-panels')) {
    return;
  }
  const user = menu.textContent.trim();
  if (checkedFor === user) {
    return;
  }
  checkedFor = user;
  fetch(access, { credentials: 'same-origin' }).then((answer) => {
    if (answer.status !== 204 || document.querySelector('li.carepath-panels')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'carepath-panels';
    const link = document.createElement('a');
    link.href = panels;
    link.textContent = 'Panels';
    item.appendChild(link);
    menu.parentNode.insertBefore(item, menu);
  }).catch(() => { checkedFor = null; });
}

new MutationObserver(placeLink).observe(document.documentElement, { childList: true, subtree: true });
