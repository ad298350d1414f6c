package org.pocketsim.report.html;

/**
 * The page's only script, inline and without network: tables of class {@code sortable} sort by
 * a click on a header (numbers by their exact {@code data-v} value, text otherwise; a second
 * click reverses), and an input with {@code data-filter="TABLE_ID"} hides the rows of that
 * table whose text does not contain what is typed.
 */
final class PageScript {

    private PageScript() {
    }

    static final String JS = """
            (function () {
              function key(row, i) {
                var c = row.cells[i];
                if (!c) return '';
                var v = c.getAttribute('data-v');
                return v === null ? c.textContent.trim().toLowerCase() : parseFloat(v);
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                table.querySelectorAll('thead th').forEach(function (th, i) {
                  th.tabIndex = 0;
                  th.title = (th.title ? th.title + '. ' : '') + 'Click to sort by this column';
                  function sort() {
                    var asc = th.getAttribute('aria-sort') !== 'ascending';
                    table.querySelectorAll('thead th').forEach(function (o) { o.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = key(a, i), y = key(b, i);
                      var d = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
                      return asc ? d : -d;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  }
                  th.addEventListener('click', sort);
                  th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
                });
              });
              document.querySelectorAll('input[data-filter]').forEach(function (input) {
                var table = document.getElementById(input.getAttribute('data-filter'));
                input.addEventListener('input', function () {
                  var q = input.value.trim().toLowerCase();
                  Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
                    r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
                  });
                });
              });
            })();
            """;
}
