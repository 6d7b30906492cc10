// The checkout's order summary follows the country and shipping method as they change: the same
// totals the "Update totals" button shows without JavaScript, asked of the store as JSON.
(function () {
  'use strict';
  if (!window.fetch || !window.URLSearchParams) { return; }
  var form = document.querySelector('form.checkout-form');
  if (!form) { return; }

  function show(id, text) {
    var element = document.getElementById(id);
    if (element) { element.textContent = text; }
  }

  // the promotions given follow too (free shipping is worth what the method costs)
  function showDiscounts(discounts) {
    var list = document.querySelector('dl.totals');
    var shipping = document.getElementById('total-method');
    if (!list || !shipping || !discounts) { return; }
    list.querySelectorAll('.discount').forEach(function (e) { e.remove(); });
    var before = shipping.closest('dt');
    discounts.forEach(function (discount) {
      var term = document.createElement('dt');
      term.className = 'discount';
      term.textContent = discount.name + (discount.code ? ' (' + discount.code + ')' : '');
      var amount = document.createElement('dd');
      amount.className = 'discount';
      amount.textContent = discount.amount;
      list.insertBefore(term, before);
      list.insertBefore(amount, before);
    });
  }

  function update() {
    fetch('/checkout/totals', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (totals) {
      if (!totals) { return; }
      show('total-subtotal', totals.subtotal);
      show('total-shipping', totals.shipping);
      show('total-method', totals.shippingMethod);
      show('total-tax', totals.tax);
      show('total-tax-rate', totals.taxRate);
      show('total-country', totals.country);
      show('total-total', totals.total);
      showDiscounts(totals.discounts);
      document.querySelectorAll('.total-country').forEach(function (e) { e.textContent = totals.country; });
    }).catch(function () { /* the button still works */ });
  }

  form.addEventListener('change', function (event) {
    var name = event.target && event.target.name;
    if (name === 'country' || name === 'shippingMethod') { update(); }
  });
}());
