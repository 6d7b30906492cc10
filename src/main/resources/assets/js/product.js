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

// "Recently viewed": the products this browser opened last, kept in its own storage (never sent to the
// store, so the page itself stays the same for everyone and can be served from memory). Shown below the
// product, without the product itself; nothing is shown without this script or storage.
(function () {
  'use strict';
  var KEY = 'sf_recently_viewed';
  var KEPT = 12;
  var SHOWN = 8;
  var section = document.getElementById('recently-viewed');
  if (!section) { return; }
  var current = {
    slug: section.getAttribute('data-slug'),
    name: section.getAttribute('data-name'),
    brand: section.getAttribute('data-brand'),
    image: section.getAttribute('data-image'),
    price: section.getAttribute('data-price')
  };
  var seen = [];
  try { seen = JSON.parse(window.localStorage.getItem(KEY) || '[]'); } catch (e) { seen = []; }
  if (!Array.isArray(seen)) { seen = []; }
  seen = seen.filter(function (p) { return p && typeof p.slug === 'string' && /^[a-z0-9-]+$/.test(p.slug); });
  var others = seen.filter(function (p) { return p.slug !== current.slug; });
  var list = section.querySelector('ul');
  others.slice(0, SHOWN).forEach(function (p) {
    var item = document.createElement('li');
    item.className = 'card';
    var link = document.createElement('a');
    link.href = '/p/' + p.slug;
    if (p.image && p.image.charAt(0) === '/') {
      var img = document.createElement('img');
      img.src = p.image; img.alt = String(p.name || ''); img.width = 400; img.height = 400;
      img.loading = 'lazy'; img.decoding = 'async';
      link.appendChild(img);
    }
    [['card-brand', p.brand], ['card-name', p.name], ['card-price', p.price]].forEach(function (part) {
      var span = document.createElement('span');
      span.className = part[0];
      span.textContent = String(part[1] || '');
      link.appendChild(span);
    });
    item.appendChild(link);
    list.appendChild(item);
  });
  if (others.length > 0) { section.hidden = false; }
  try {
    window.localStorage.setItem(KEY, JSON.stringify([current].concat(others).slice(0, KEPT)));
  } catch (e) { /* storage full or refused: nothing is remembered */ }
}());

// The gallery: with more than one picture, the first is shown large with a row of thumbnails that swap it
// (each picture still opens full size from its link). Without this script every picture is shown, one
// under the other, each opening full size.
(function () {
  'use strict';
  var gallery = document.getElementById('gallery');
  if (!gallery) { return; }
  var views = Array.prototype.slice.call(gallery.querySelectorAll('.gallery-view'));
  if (views.length < 2) { return; }
  var strip = document.createElement('div');
  strip.className = 'gallery-thumbs';
  strip.setAttribute('role', 'group');
  strip.setAttribute('aria-label', 'Pictures');
  function show(index) {
    views.forEach(function (view, i) { view.hidden = i !== index; });
    Array.prototype.forEach.call(strip.children, function (button, i) {
      button.setAttribute('aria-pressed', i === index ? 'true' : 'false');
    });
  }
  views.forEach(function (view, index) {
    var picture = view.querySelector('img');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'gallery-thumb';
    button.setAttribute('aria-label', 'Show picture ' + (index + 1) + ' of ' + views.length);
    var thumb = document.createElement('img');
    thumb.src = picture.getAttribute('src');
    thumb.alt = '';
    thumb.width = 80; thumb.height = 80;
    thumb.loading = 'lazy';
    button.appendChild(thumb);
    button.addEventListener('click', function () { show(index); });
    strip.appendChild(button);
  });
  gallery.appendChild(strip);
  gallery.classList.add('has-thumbs');
  show(0);
}());
