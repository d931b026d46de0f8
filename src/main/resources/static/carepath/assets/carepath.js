// CarePath's pages: the GOV.UK Design System's components (no inline script: the pages' Content-Security-Policy
// allows scripts from the app only).
import { initAll } from '../../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// a Print button (the panel's agenda): no inline handler, the Content-Security-Policy allows none
document.querySelectorAll('[data-carepath-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
