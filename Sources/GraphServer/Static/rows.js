// cegraph form rows: a fieldset with data-rows holds several rows of the same fields (who
// attended, flags to set). Without script every row shows; with it, the rows after the
// first empty one are hidden behind an "Add another" button. Nothing is sent differently:
// hidden rows are empty and the page ignores empty rows. No library, no inline script.
(function () {
  "use strict";

  function filled(row) {
    var fields = row.querySelectorAll("input:not([type=checkbox]), select");
    for (var i = 0; i < fields.length; i++) { if (fields[i].value.trim() !== "") { return true; } }
    return false;
  }

  function attach(set) {
    var rows = Array.prototype.slice.call(set.querySelectorAll("[data-row]"));
    var shown = 0;
    rows.forEach(function (row, index) { if (filled(row)) { shown = index + 1; } });
    shown = Math.min(Math.max(shown + 1, 1), rows.length);
    rows.forEach(function (row, index) { row.hidden = index >= shown; });
    if (shown >= rows.length) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "add-row";
    button.textContent = "Add another";
    button.addEventListener("click", function () {
      var next = rows.filter(function (row) { return row.hidden; })[0];
      if (!next) { return; }
      next.hidden = false;
      var first = next.querySelector("input, select");
      if (first) { first.focus(); }
      if (!rows.some(function (row) { return row.hidden; })) { button.remove(); }
    });
    set.appendChild(button);
  }

  var sets = document.querySelectorAll("fieldset[data-rows]");
  for (var i = 0; i < sets.length; i++) { attach(sets[i]); }
}());
