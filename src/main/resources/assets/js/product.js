// The product page's variant choice, shown as soon as it is made: price, stock, SKU, picture and the address
// follow the chosen variant. Optional: without this script the list of variants is the choice, "Show this
// option" reloads the page, and the chosen variant is what "Add to cart" adds either way (the variants' radios
// belong to the add-to-cart form; the separate pickers only check one of them).
(function () {
  'use strict';
  var form = document.querySelector('form.buy-form');
  if (!form) { return; }
  var variantRadios = Array.prototype.slice.call(form.querySelectorAll('.variant-picker input[name=sku]'));
  var addButton = form.querySelector('button.add');
  var addLabel = addButton ? addButton.textContent : '';

  function showVariant(radio) {
    var price = document.getElementById('price');
    var stock = document.getElementById('availability');
    var sku = document.getElementById('sku');
    var quantity = document.getElementById('quantity');
    var available = parseInt(radio.getAttribute('data-available'), 10) || 0;
    if (price && price.firstChild && price.firstChild.nodeType === 3) {
      price.firstChild.textContent = radio.getAttribute('data-price') + ' ';
    }
    var compareAt = document.getElementById('compare-at');
    if (compareAt) {
      var was = radio.getAttribute('data-compare-at');
      compareAt.hidden = !was;
      if (was) { compareAt.querySelector('.compare-at-amount').textContent = was; }
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
    var image = radio.getAttribute('data-image');
    if (image) { document.dispatchEvent(new CustomEvent('product:picture', { detail: image })); }
    if (window.history && history.replaceState) {
      history.replaceState(null, '', location.pathname + '?variant=' + encodeURIComponent(radio.value));
    }
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'sku') { showVariant(event.target); }
  });

  // Separate pickers (colour swatches, size buttons) over the list of variants: each combination checks the
  // variant it names; one that is sold out or not made says so and cannot be added.
  var pickers = document.getElementById('option-pickers');
  if (!pickers || variantRadios.length === 0) { return; }
  var groups = Array.prototype.slice.call(pickers.querySelectorAll('.option-group'));
  var state = document.getElementById('option-state');
  var variants = variantRadios.map(function (radio) {
    return { radio: radio, choice: radio.getAttribute('data-choice').split(' '),
      inStock: (parseInt(radio.getAttribute('data-available'), 10) || 0) > 0 };
  });
  function picked() {
    return groups.map(function (group) {
      var checked = group.querySelector('input:checked');
      return checked ? checked.value : null;
    });
  }
  function matching(choice) {
    return variants.filter(function (v) {
      return choice.every(function (value, g) { return value === null || v.choice[g] === value; });
    });
  }
  function refresh() {
    var choice = picked();
    groups.forEach(function (group, g) {
      var checked = group.querySelector('input:checked');
      group.querySelector('.option-chosen').textContent = checked ? checked.getAttribute('data-value') : '';
      Array.prototype.forEach.call(group.querySelectorAll('input'), function (input) {
        var trial = choice.slice();
        trial[g] = input.value;
        var found = matching(trial);
        var label = input.parentNode;
        label.classList.toggle('missing', found.length === 0);
        label.classList.toggle('sold-out', found.length > 0 && !found.some(function (v) { return v.inStock; }));
      });
    });
    var exact = matching(choice);
    var variant = exact.length === 1 ? exact[0] : null;
    variantRadios.forEach(function (radio) { radio.checked = variant !== null && radio === variant.radio && !radio.disabled; });
    var buyable = variant !== null && variant.inStock;
    if (addButton) {
      addButton.disabled = !buyable;
      addButton.textContent = buyable ? addLabel : (variant ? 'Sold out' : 'Not available');
    }
    if (state) {
      state.textContent = variant === null ? 'This combination is not made; choose another.'
        : (variant.inStock ? '' : 'This combination is sold out; choose another.');
    }
    if (variant) { showVariant(variant.radio); }
  }
  pickers.addEventListener('change', function (event) {
    var input = event.target;
    var group = groups.indexOf(input.closest('.option-group'));
    if (matching(picked()).length === 0) {
      // the value just chosen does not go with the others: keep it, and take the first variant that has it
      var withIt = variants.filter(function (v) { return v.choice[group] === input.value; });
      var best = withIt.filter(function (v) { return v.inStock; })[0] || withIt[0];
      if (best) {
        groups.forEach(function (other, g) {
          if (g !== group) { other.querySelector('input[value="' + best.choice[g] + '"]').checked = true; }
        });
      }
    }
    refresh();
  });
  pickers.hidden = false;
  form.querySelector('.variant-picker').hidden = true;
  var showOption = form.querySelector('.show-option');
  if (showOption) { showOption.hidden = true; }
  refresh();
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
  document.addEventListener('product:picture', function (event) {
    var index = views.map(function (view) { return view.getAttribute('href'); }).indexOf(event.detail);
    if (index >= 0) { show(index); }
  });
}());
