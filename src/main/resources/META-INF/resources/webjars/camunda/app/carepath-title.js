// CarePath: the browser's title names CarePath, not Camunda (the web apps' index.html has it fixed).
const apply = () => {
  if (document.title.startsWith('Camunda')) {
    document.title = document.title.replace(/^Camunda/, 'CarePath');
  }
};
apply();
new MutationObserver(apply).observe(document.querySelector('title') || document.head, { childList: true, subtree: true, characterData: true });
