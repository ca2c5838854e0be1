/**
 * The page's inline script, kept as plain browser JavaScript in a string: a function's `toString()` would carry
 * whatever the compiler or test runner injected. It reads the marks from the JSON data block and builds the
 * panel with DOM calls and `textContent` only, never `innerHTML`, since every field comes from untrusted text.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cnr-data').textContent);
  var text = document.getElementById('text');
  var panel = document.getElementById('panel');
  var selected = null;

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content != null) e.textContent = content;
    return e;
  }

  function fragments(i) {
    return text.querySelectorAll('[data-i="' + i + '"]');
  }

  function select(i, outers, scroll) {
    if (selected !== null) fragments(selected).forEach(function (f) { f.classList.remove('sel'); });
    selected = i;
    var frags = fragments(i);
    frags.forEach(function (f) { f.classList.add('sel'); });
    if (scroll && frags[0]) frags[0].scrollIntoView({ block: 'center' });
    show(data.marks[i], outers || []);
  }

  function show(mark, outers) {
    panel.textContent = '';
    var title = el('h2', null, mark.label);
    var close = el('button', 'close', '\\u00d7');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', hide);
    title.appendChild(close);
    panel.appendChild(title);
    var dl = el('dl');
    mark.fields.forEach(function (pair) {
      dl.appendChild(el('dt', null, pair[0]));
      dl.appendChild(el('dd', null, pair[1] === '' ? '\\u2014' : pair[1]));
    });
    panel.appendChild(dl);
    if (outers.length) {
      var box = el('div', 'outer', 'Inside: ');
      outers.forEach(function (j) {
        var b = el('button', null, data.marks[j].label.slice(0, 40));
        b.addEventListener('click', function () { select(j, outers.slice(outers.indexOf(j) + 1), true); });
        box.appendChild(b);
      });
      panel.appendChild(box);
    }
    panel.hidden = false;
  }

  function hide() {
    if (selected !== null) fragments(selected).forEach(function (f) { f.classList.remove('sel'); });
    selected = null;
    panel.hidden = true;
  }

  text.addEventListener('click', function (event) {
    var hit = event.target.closest && event.target.closest('[data-i]');
    if (!hit) return hide();
    var outers = [];
    for (var up = hit.parentElement.closest('[data-i]'); up; up = up.parentElement.closest('[data-i]')) {
      if (outers.indexOf(+up.dataset.i) < 0) outers.push(+up.dataset.i);
    }
    select(+hit.dataset.i, outers, false);
  });

  document.querySelectorAll('tr[data-i]').forEach(function (row) {
    function go() { select(+row.dataset.i, [], true); }
    row.addEventListener('click', go);
    row.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); go(); } });
  });

  // Rows hidden by a filter have no layout box: count the others.
  function countRows() {
    var rows = document.querySelectorAll('tbody tr');
    document.getElementById('shown').textContent = Array.prototype.filter.call(rows, function (r) { return r.offsetParent !== null; }).length;
  }

  document.querySelectorAll('input[data-off]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('off-' + box.dataset.off, !box.checked);
      countRows();
    });
  });

  document.getElementById('section').addEventListener('change', function (event) {
    var id = event.target.value;
    document.querySelectorAll('[data-chain]').forEach(function (e) {
      e.hidden = id !== '' && e.dataset.chain.split(' ').indexOf(id) < 0;
    });
    hide();
    countRows();
    text.scrollTop = 0;
  });

  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hide(); });
})();
`;
