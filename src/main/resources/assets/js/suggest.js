// Search suggestions under the header search box. Optional: without this script the box is a plain
// form that submits to /search. Follows the ARIA combobox pattern, so it works from the keyboard.
(function () {
  'use strict';
  var input = document.getElementById('search-q');
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var list = document.createElement('ul');
  list.id = 'search-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  var active = -1;
  var timer = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show(suggestions) {
    list.textContent = '';
    active = -1;
    if (!suggestions.length) { close(); return; }
    suggestions.forEach(function (suggestion, index) {
      var item = document.createElement('li');
      item.id = 'suggestion-' + index;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      var link = document.createElement('a');
      link.href = suggestion.url;
      link.tabIndex = -1;
      link.textContent = suggestion.name;
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function highlight(index) {
    var items = list.querySelectorAll('li');
    if (!items.length) { return; }
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', items[active].id);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { close(); return; }
    timer = setTimeout(function () {
      var request = ++latest;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) { if (request === latest) { show(body.suggestions); } })
        .catch(close);
    }, 120);
  });

  input.addEventListener('keydown', function (event) {
    if (list.hidden) { return; }
    if (event.key === 'ArrowDown') { highlight(active + 1); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { highlight(active - 1); event.preventDefault(); }
    else if (event.key === 'Escape') { close(); }
    else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll('li a')[active].href;
    }
  });

  input.addEventListener('blur', function () { setTimeout(close, 150); });
}());
