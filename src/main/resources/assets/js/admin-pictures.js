// The product editor's pictures: drag one onto another to reorder them; the new order is sent as the
// picture-order form (each picture's address once, in order), as the Earlier/Later buttons do without script.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var list = document.querySelector('ol[data-reorder]');
    var form = document.querySelector('form.picture-order');
    if (!list || !form) { return; }
    var dragged = null;
    list.addEventListener('dragstart', function (event) {
      dragged = event.target.closest('li[data-url]');
      if (dragged) {
        dragged.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', dragged.getAttribute('data-url'));
      }
    });
    list.addEventListener('dragover', function (event) {
      var over = event.target.closest('li[data-url]');
      if (dragged && over && over !== dragged) {
        event.preventDefault();
        var box = over.getBoundingClientRect();
        var after = (event.clientY - box.top) > box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
      }
    });
    list.addEventListener('dragover', function (event) { if (dragged) { event.preventDefault(); } });
    list.addEventListener('drop', function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      dragged.classList.remove('dragging');
      dragged = null;
      form.querySelectorAll('input[name="url"]').forEach(function (input) { input.remove(); });
      list.querySelectorAll('li[data-url]').forEach(function (item) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'url';
        input.value = item.getAttribute('data-url');
        form.appendChild(input);
      });
      form.submit();
    });
    list.addEventListener('dragend', function () {
      if (dragged) { dragged.classList.remove('dragging'); dragged = null; }
    });
  });
}());
