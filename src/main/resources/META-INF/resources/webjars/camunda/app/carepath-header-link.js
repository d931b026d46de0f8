// CarePath: a link in the web apps' header, next to the signed-in user's menu, shown only when CarePath answers
// its access address with 204 for the signed-in user. Used by carepath-manager-link.js and carepath-panel-link.js.
function userMenu() {
  const logout = document.querySelector('li.logout');
  return logout ? logout.closest('ul').closest('li') : null;
}

/** Places the link once per signed-in user; {@code beforeEachLook} runs each time the page changes. */
export function headerLink({ label, className, page, access, beforeEachLook = () => {} }) {
  let checkedFor = null;
  function placeLink() {
    beforeEachLook();
    const menu = userMenu();
    if (!menu || document.querySelector('li.' + className)) {
      return;
    }
    const user = menu.textContent.trim();
    if (checkedFor === user) {
      return;
    }
    checkedFor = user;
    fetch(access, { credentials: 'same-origin' }).then((answer) => {
      if (answer.status !== 204 || document.querySelector('li.' + className)) {
        return;
      }
      const item = document.createElement('li');
      item.className = className;
      const link = document.createElement('a');
      link.href = page;
      link.textContent = label;
      item.appendChild(link);
      menu.parentNode.insertBefore(item, menu);
    }).catch(() => { checkedFor = null; });
  }
  new MutationObserver(placeLink).observe(document.documentElement, { childList: true, subtree: true });
}
