// Listings: the filters drawer is open beside the results on a wide screen (closed on a phone until
// asked for), and a new sort order applies as soon as it is chosen. Without this script the drawer
// opens with a tap and the "Apply" button sorts.
(function () {
  'use strict';
  var drawer = document.querySelector('.filters-drawer');
  if (drawer && window.matchMedia && window.matchMedia('(min-width: 860px)').matches) {
    drawer.open = true;
  }
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select && select.id === 'sort' && select.form) { select.form.submit(); }
  });
}());
