/// The site's only script: sorting and filtering of a brand's index. Without it the table is all
/// there, unsorted and unfiltered.
enum Script {
    static let js = #"""
"use strict";
(function () {
  var table = document.getElementById("templates");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var locale = document.getElementById("filter-locale");
  var state = document.getElementById("filter-state");
  var count = document.getElementById("row-count");
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!locale.value || row.getAttribute("data-locale") === locale.value) &&
        (!state.value || (" " + row.getAttribute("data-state") + " ").indexOf(" " + state.value + " ") >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  locale.addEventListener("change", apply);
  state.addEventListener("change", apply);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    th.querySelector("button").addEventListener("click", function () {
      var descending = th.getAttribute("aria-sort") === "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var numeric = th.getAttribute("data-sort") === "number";
      function key(row) {
        var cell = row.cells[column];
        return numeric ? Number(cell.getAttribute("data-value")) : cell.textContent.trim().toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""#
}
