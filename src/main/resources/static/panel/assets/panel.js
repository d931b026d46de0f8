// CarePath's panel pages: the GOV.UK Design System's components, and the agenda's Print button. Served from the
// app (no inline script: the pages' Content-Security-Policy allows scripts from the app only).
import { initAll } from '../../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

document.querySelectorAll('[data-carepath-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
