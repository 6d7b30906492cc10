// Drawers (the listing's filters, the header's categories) stand open on a wide screen and stay closed
// on a phone until asked for; a new sort order applies as soon as it is chosen. Without this script a
// drawer opens with a tap and the "Apply" button sorts.
(function () {
  'use strict';
  // drawers that stand open on a wide screen: the listing's filters, the header's categories
  if (window.matchMedia && window.matchMedia('(min-width: 860px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (drawer) { drawer.open = true; });
  }
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select && select.id === 'sort' && select.form) { select.form.submit(); }
  });
}());
