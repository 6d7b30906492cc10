// The back office. A form that changes something for good (refund, cancel, delete, end) first shows what it
// will do: without script the store answers with a confirmation page; with it, that same page is asked for
// in the background and its question, consequence and button are shown in a dialog over this page, so the
// words ("Refund $633.97?") are always the store's own.
(function () {
  'use strict';
  function ask(form) {
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var confirmation = page.querySelector('form[data-confirmation]');
        if (!confirmation) { return Promise.reject('no confirmation'); }
        show(page.querySelector('main h1').textContent, page.querySelectorAll('main .confirm-consequence'),
          confirmation);
      })
      .catch(function () { form.submit(); }) // the store's own page says what went wrong
      .finally(function () { sending.delete(form); });
  }
  function show(question, consequences, confirmation) {
    var dialog = document.createElement('dialog');
    dialog.className = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
    var title = document.createElement('h2');
    title.id = 'confirm-dialog-title';
    title.textContent = question;
    dialog.appendChild(title);
    consequences.forEach(function (p) {
      var copy = document.createElement('p');
      copy.textContent = p.textContent;
      dialog.appendChild(copy);
    });
    var form = document.importNode(confirmation, true);
    form.querySelectorAll('a').forEach(function (link) { link.remove(); });
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'secondary';
    keep.textContent = 'Go back without changing anything';
    keep.addEventListener('click', function () { dialog.close(); });
    var buttons = form.querySelector('button[type=submit]').parentNode;
    buttons.appendChild(document.createTextNode(' '));
    buttons.appendChild(keep);
    dialog.appendChild(form);
    dialog.addEventListener('close', function () { dialog.remove(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    keep.focus();
  }
  // A form sent is not sent again by a second click or Enter while its answer is on the way (the store refuses
  // most repeats anyway, but the admin would see its refusal instead of the first answer).
  var sending = new WeakMap();
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var now = Date.now();
    if (sending.has(form) && now - sending.get(form) < 8000 || document.querySelector('dialog.confirm-dialog[open]')
        && !form.closest('dialog')) {
      event.preventDefault();
      return;
    }
    sending.set(form, now);
    if (form.hasAttribute('data-confirm-first') && window.fetch && window.HTMLDialogElement) {
      event.preventDefault();
      ask(form);
    }
  });
  window.addEventListener('pageshow', function () { sending = new WeakMap(); }); // back to a page: send again
}());
