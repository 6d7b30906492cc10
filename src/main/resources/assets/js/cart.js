// Adds to the cart without leaving the page. Optional: without this script the same forms post and
// the browser goes to /cart.
(function () {
  'use strict';
  if (!window.fetch || !window.URLSearchParams) { return; }
  var status = document.getElementById('cart-status');

  function say(message, isError) {
    if (!status) { return; }
    status.textContent = message;
    status.className = 'cart-status container ' + (isError ? 'is-error' : 'is-ok');
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('add-to-cart')) { return; }
    // another button of the form (the product page's "Show this option") goes where it says
    if (event.submitter && event.submitter.hasAttribute('formaction')) { return; }
    event.preventDefault();
    var button = event.submitter || form.querySelector('button[type=submit]:not([formaction])');
    if (button) { button.disabled = true; }
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'fetch', Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (answer.ok) {
        document.querySelectorAll('.cart-count').forEach(function (count) {
          count.textContent = answer.body.itemCount;
          count.setAttribute('aria-label', answer.body.itemCount + ' items');
        });
        say('Added to your cart.', false);
      } else {
        var detail = answer.body && answer.body.errors && answer.body.errors.length
          ? answer.body.errors[0].message : (answer.body && answer.body.detail) || 'Could not add it.';
        say('Could not add it: ' + detail, true);
      }
    }).catch(function () {
      // no answer we can read: say so rather than post again, which could add the item twice
      say('Could not add it just now. Please try again.', true);
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  });
}());
