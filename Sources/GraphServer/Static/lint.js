// cegraph child-first language check as it is typed: a textarea or input with
// data-lint="LIST-ID" is sent to POST /api/lint (debounced) whenever it changes, and the
// warnings, with what to write instead, go in the list with that id. The text is never
// changed; the server checks it again when it is saved. Plain script, no library: the
// Content-Security-Policy allows script from this site only.
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function item(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function show(list, warnings) {
    list.textContent = "";
    warnings.forEach(function (warning) {
      var entry = item("li", "language-warning");
      entry.appendChild(item("strong", "matched", "\u201c" + warning.matched + "\u201d"));
      entry.appendChild(document.createTextNode(": " + warning.reason + " "));
      if (warning.suggestions && warning.suggestions.length) {
        entry.appendChild(document.createTextNode("Instead, for example:"));
        var suggestions = item("ul", "suggestions");
        warning.suggestions.forEach(function (suggestion) { suggestions.appendChild(item("li", null, suggestion)); });
        entry.appendChild(suggestions);
      }
      list.appendChild(entry);
    });
  }

  function attach(field) {
    var list = document.getElementById(field.getAttribute("data-lint"));
    if (!list) { return; }
    var timer = null;
    var asked = 0;
    function check() {
      var sequence = ++asked;
      fetch("/api/lint", {
        method: "POST", credentials: "same-origin",
        headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ text: field.value })
      }).then(function (response) {
        if (!response.ok) { return null; }
        return response.json();
      }).then(function (answer) {
        if (answer && sequence === asked) { show(list, answer.warnings || []); }
      }).catch(function () { /* the save checks again */ });
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
    if (field.value) { check(); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-lint]"), attach);
})();
