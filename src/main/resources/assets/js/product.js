// The product page's variant choice, shown as soon as it is made: price, stock, SKU and the address
// follow the chosen radio. Optional: without this script "Show this option" reloads the page, and the
// chosen variant is what "Add to cart" adds either way (the radios belong to the add-to-cart form).
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var radio = event.target;
    if (!radio.matches || !radio.matches('.variant-picker input[type=radio][name=sku]')) { return; }
    var price = document.getElementById('price');
    var stock = document.getElementById('availability');
    var sku = document.getElementById('sku');
    var quantity = document.getElementById('quantity');
    var available = parseInt(radio.getAttribute('data-available'), 10) || 0;
    if (price && price.firstChild && price.firstChild.nodeType === 3) {
      price.firstChild.textContent = radio.getAttribute('data-price') + ' ';
    }
    if (stock) {
      stock.textContent = radio.getAttribute('data-stock');
      stock.className = 'availability ' + (available <= 0 ? 'out' : (/^Only /.test(stock.textContent) ? 'low' : 'in'));
    }
    if (sku) { sku.textContent = radio.value; }
    if (quantity && available > 0) {
      quantity.max = Math.min(99, available);
      if (parseInt(quantity.value, 10) > available) { quantity.value = available; }
    }
    if (window.history && history.replaceState) {
      history.replaceState(null, '', location.pathname + '?variant=' + encodeURIComponent(radio.value));
    }
  });
}());
