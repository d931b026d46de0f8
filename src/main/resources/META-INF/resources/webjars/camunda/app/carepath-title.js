// CarePath: the browser's title names the council (carepath.council.name, put in here by WebAppBranding),
// not Camunda (the web apps' index.html has it fixed).
const COUNCIL = 'CarePath';
const apply = () => {
  const title = document.title.replace(/^(Camunda|CarePath)(?= )/, COUNCIL);
  if (title !== document.title) {
    document.title = title;
  }
};
apply();
new MutationObserver(apply).observe(document.querySelector('title') || document.head, { childList: true, subtree: true, characterData: true });
