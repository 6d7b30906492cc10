// Drawers (the listing's filters, the header's categories) stand open on a wide screen and stay closed
// on a phone until asked for, following the width as it changes; a new sort order applies as soon as it is chosen. Without this script a
// drawer opens with a tap and the "Apply" button sorts.
(function () {
  'use strict';
  // drawers that stand open on a wide screen: the listing's filters, the header's categories; they follow
  // the width when it crosses the line (a tablet turned to portrait closes them again)
  if (window.matchMedia) {
    var wide = window.matchMedia('(min-width: 860px)');
    var follow = function () {
      document.querySelectorAll('details[data-open-wide]').forEach(function (drawer) { drawer.open = wide.matches; });
    };
    follow();
    if (wide.addEventListener) { wide.addEventListener('change', follow); } else if (wide.addListener) { wide.addListener(follow); }
  }
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select && select.id === 'sort' && select.form) { select.form.submit(); }
  });
}());
