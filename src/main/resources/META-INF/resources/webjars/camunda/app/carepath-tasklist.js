// CarePath: what the Tasklist's supported configuration (config.js, locales, user-styles.css, plugin
// exclusion) cannot do by itself. Loaded by tasklist/scripts/config.js as a custom script. See the README,
// "The Tasklist", for why each part is here.

// 1. Dates are English (United Kingdom) whatever the browser's language: the Camunda Forms date fields take
// their format from the browser's default locale (Intl.DateTimeFormat()), so an American browser would ask
// for mm/dd/yyyy. A statutory date must read the same for everyone: dd/mm/yyyy.
const BRITISH = 'en-GB';
const NativeDateTimeFormat = Intl.DateTimeFormat;
const withBritishDefault = (locales) => (locales === undefined || locales === 'default' ? BRITISH : locales);
function BritishDateTimeFormat(locales, options) {
  return new NativeDateTimeFormat(withBritishDefault(locales), options);
}
BritishDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
BritishDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = BritishDateTimeFormat;
for (const method of ['toLocaleDateString', 'toLocaleString', 'toLocaleTimeString']) {
  const native = Date.prototype[method];
  Date.prototype[method] = function (locales, options) {
    return native.call(this, withBritishDefault(locales), options);
  };
}

// 2. Deadlines as dates, overdue marked. The list and the task show "Due 6 hours ago"; the date itself is
// only in the tooltip (formatted by config.js's dateFormat.long). CarePath shows it beside the words, a
// deadline at the end of its day as the day alone, and "Overdue" on a task past its due date.
function addClass(element, name) {
  if (!element.classList.contains(name)) {
    element.classList.add(name);
  }
}

function dateText(tooltip) {
  return tooltip.replace(/, 23:59$/, '');
}

function showDates() {
  document.querySelectorAll('.due-date [am-time-ago], .followup-date [am-time-ago], .creation-date [am-time-ago]')
    .forEach((relative) => {
      const tooltip = relative.getAttribute('uib-tooltip');
      if (!tooltip || tooltip.includes('{{')) {
        return;
      }
      let date = relative.nextElementSibling;
      if (!date || !date.classList.contains('carepath-date')) {
        date = document.createElement('span');
        date.className = 'carepath-date';
        relative.after(date);
      }
      const text = dateText(tooltip);
      if (date.textContent !== text) {
        date.textContent = text;
      }
      addClass(relative, 'carepath-relative');
    });
  document.querySelectorAll('.due-date').forEach((due) => {
    const overdue = due.classList.contains('overdue');
    let marker = due.querySelector('.carepath-overdue');
    if (overdue && !marker && due.querySelector('.carepath-date')) {
      marker = document.createElement('span');
      marker.className = 'carepath-overdue';
      marker.textContent = 'Overdue';
      due.querySelector('.carepath-date').after(marker);
    } else if (!overdue && marker) {
      marker.remove();
    }
  });
}

// 3. Statutory dates and the work's groups are not for editing in the Tasklist: the due date and the
// reminder date come from the timescale catalogue (extensions are granted through CarePath's API, on the
// record), and who a task is offered to follows from the child's team. The Tasklist offers every one of
// them to everyone (its task header does not ask the engine's authorizations), and resetting a due date
// ends in a Java error. CarePath takes the controls away; handing a task to someone else stays with the
// managers (the engine refuses anyone else).
function lockTaskHeader() {
  document.querySelectorAll('[cam-tasklist-task-meta] .due-date[cam-widget-inline-field], '
      + '[cam-tasklist-task-meta] .followup-date[cam-widget-inline-field]').forEach((field) => {
    if (field.getAttribute('tabindex') !== '-1') {
      field.setAttribute('tabindex', '-1');
    }
    addClass(field, 'carepath-read-only');
  });
  document.querySelectorAll('[cam-tasklist-task-meta] li.groups > span').forEach((groups) => addClass(groups, 'carepath-read-only'));
  document.querySelectorAll('[cam-tasklist-task-meta] li.assignee [cam-widget-inline-field]').forEach((assignee) => {
    if (!document.body.classList.contains('carepath-manager')) {
      assignee.setAttribute('tabindex', '-1');
      addClass(assignee, 'carepath-read-only');
    }
  });
}

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('.carepath-read-only')) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
document.addEventListener('keydown', (event) => {
  if (event.target instanceof Element && event.target.closest('.carepath-read-only')) {
    event.stopImmediatePropagation();
  }
}, true);

fetch(new URL('../../manager/access', import.meta.url).href, { credentials: 'same-origin' })
  .then((answer) => document.body.classList.toggle('carepath-manager', answer.status === 204))
  .catch(() => {});

// 4. A task nobody has taken yet opens with its form greyed out: say why, and offer the claim in words.
// A colleague's task is greyed out too: say whose it is.
function explainHeldByColleague(form) {
  const meta = document.querySelector('[cam-tasklist-task-meta]');
  const held = meta && meta.querySelector('li.assignee [cam-widget-inline-field]');
  const mine = meta && meta.querySelector('li.assignee button.unclaim');
  let notice = document.querySelector('.carepath-held-notice');
  if (form && held && !mine) {
    const text = 'This task is held by ' + held.textContent.trim() + ': only they can fill in its form and complete it.'
      + (document.body.classList.contains('carepath-manager') ? ' As their manager, you can hand it to someone else in the team (the name above).' : '');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'carepath-claim-notice carepath-held-notice';
      notice.setAttribute('role', 'note');
      notice.appendChild(document.createElement('p'));
      (form.closest('.disabled-form') || form).before(notice);
    }
    if (notice.firstChild.textContent !== text) {
      notice.firstChild.textContent = text;
    }
  } else if (notice) {
    notice.remove();
  }
}

function explainClaim() {
  const claim = document.querySelector('[cam-tasklist-task-meta] button.claim');
  const form = document.querySelector('.fjs-container');
  const notice = document.querySelector('.carepath-claim-notice:not(.carepath-held-notice)');
  explainHeldByColleague(claim ? null : form);
  if (claim && form) {
    if (!notice) {
      const box = document.createElement('div');
      box.className = 'carepath-claim-notice';
      box.setAttribute('role', 'note');
      const text = document.createElement('p');
      text.textContent = 'Nobody has taken this task yet, so its form is read only. Claim it to fill in the form and complete it: it then moves to My tasks.';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-primary carepath-claim';
      button.textContent = 'Claim this task';
      button.addEventListener('click', () => {
        const current = document.querySelector('[cam-tasklist-task-meta] button.claim');
        if (current) {
          current.click();
        }
      });
      box.append(text, button);
      (form.closest('.disabled-form') || form).before(box); // outside the greyed-out form, so it can be clicked
    }
  } else if (notice) {
    notice.remove();
  }
}

// 5. Saying what happened. The Tasklist leaves a refused Complete's red message on screen through the next,
// successful one, and says nothing when a form is recorded. CarePath clears the old message when the form
// is sent again, and confirms what was recorded. No message shows a Java class or an engine code.
const JAVA = /\b(?:org|com|java|javax|jakarta|io)\.[a-z0-9_]+(?:\.[A-Za-z0-9_$]+)+|Cannot construct instance|ENGINE-\d{5}|Exception\b/;
const PLAIN = 'This could not be done, and nothing was changed. If it happens again, tell the CarePath support team what you were doing.';

function clearErrors() {
  document.querySelectorAll('.page-notifications .alert-danger button.close').forEach((close) => close.click());
  document.querySelectorAll('.carepath-confirmation').forEach((confirmation) => confirmation.remove());
}

function plainErrors() {
  document.querySelectorAll('.page-notifications .alert-danger').forEach((alert) => {
    const message = alert.querySelector('.message');
    if (message && JAVA.test(message.textContent) && message.textContent !== PLAIN) {
      message.textContent = PLAIN;
    }
    const status = alert.querySelector('.status');
    if (status && status.textContent.startsWith('An error happened while submitting the task form')) {
      status.textContent = 'Not recorded yet';
    }
    if (status && status.textContent.trim() === 'Not recorded yet' && message && !message.textContent.trim()) {
      message.textContent = 'Some answers are missing or need correcting: see the fields marked in red, then Complete again.';
    }
  });
}

function confirmRecorded(taskName) {
  clearErrors();
  const confirmation = document.createElement('div');
  confirmation.className = 'carepath-confirmation alert alert-success';
  confirmation.setAttribute('role', 'status');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => confirmation.remove());
  const text = document.createElement('span');
  text.textContent = 'Recorded: ' + (taskName || 'the task') + '. It is done and has left your list; the next step has gone to whoever does it.';
  confirmation.append(close, text);
  document.body.appendChild(confirmation);
  setTimeout(() => confirmation.remove(), 30000);
}

const SUBMIT = /\/task\/[^/]+\/(submit-form|complete)$/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.carepathRequest = { method: String(method).toUpperCase(), url: String(url).split('?')[0] };
  return open.call(this, method, url, ...rest);
};
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  const request = this.carepathRequest;
  if (request && request.method === 'POST' && SUBMIT.test(request.url)) {
    clearErrors();
    const name = document.querySelector('[cam-tasklist-task] .names h2.task, .names h2.task');
    const taskName = name ? name.textContent.trim() : null;
    this.addEventListener('loadend', () => {
      if (this.status >= 200 && this.status < 300) {
        confirmRecorded(taskName);
      }
    });
  }
  return send.apply(this, args);
};

// Once the person corrects an answer, the message about the refused attempt has done its work.
['input', 'change'].forEach((type) => document.addEventListener(type, (event) => {
  if (event.target instanceof Element && event.target.closest('.fjs-form')) {
    document.querySelectorAll('.page-notifications .alert-danger button.close').forEach((close) => close.click());
  }
}, true));

let scheduled = false;
function tidy() {
  scheduled = false;
  showDates();
  lockTaskHeader();
  explainClaim();
  plainErrors();
}
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(tidy);
  }
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['uib-tooltip', 'class'] });
