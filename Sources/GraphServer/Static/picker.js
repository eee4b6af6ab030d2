// cegraph entity picker: search as you type for the id fields of the analysis and case-work forms.
// An input with data-picker="/api/search" gets a list of the records its text finds;
// choosing one puts the record's id in the field and names it beside the field. Without
// script the field is a plain id box and the form a plain GET form. No library, no inline
// script (the Content-Security-Policy allows script from this site only).
(function () {
  "use strict";

  function attach(input) {
    var source = input.getAttribute("data-picker");
    // data-picker-kind, if given, keeps the search to one kind of record (a place, say).
    var kind = input.getAttribute("data-picker-kind");
    var list = document.createElement("ul");
    list.className = "picks";
    list.setAttribute("role", "listbox");
    list.id = input.id + "-picks";
    var chosen = document.createElement("span");
    chosen.className = "picked";
    chosen.setAttribute("aria-live", "polite");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.appendChild(chosen);
    input.parentNode.appendChild(list);
    var timer = null;
    var asked = 0;

    function clear() { list.textContent = ""; }

    function choose(hit) {
      input.value = hit.id;
      chosen.textContent = hit.label + " (" + hit.kind.replace(/_/g, " ") + ")";
      clear();
      input.focus();
    }

    function show(hits) {
      clear();
      hits.forEach(function (hit) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "pick-option";
        button.setAttribute("data-id", hit.id);
        button.textContent = hit.label + " · " + hit.kind.replace(/_/g, " ") + " · " + hit.id;
        button.addEventListener("click", function () { choose(hit); });
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    function search() {
      var text = input.value.trim();
      chosen.textContent = "";
      if (text.length < 2) { clear(); return; }
      var ticket = ++asked;
      // Posted, not put in the URL: the text is often a name.
      var meta = document.querySelector('meta[name="csrf-token"]');
      fetch(source, {
        method: "POST", credentials: "same-origin",
        headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": meta ? meta.getAttribute("content") : "" },
        body: JSON.stringify(kind ? { q: text, limit: 8, kind: kind } : { q: text, limit: 8 })
      })
        .then(function (response) { return response.ok ? response.json() : { hits: [] }; })
        .then(function (answer) {
          // An answer to an older keystroke arriving late is dropped.
          if (ticket === asked) { show(answer.hits || []); }
        })
        .catch(function () { clear(); });
    }

    input.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { clear(); }
      if (event.key === "ArrowDown" && list.firstChild) {
        event.preventDefault();
        list.firstChild.firstChild.focus();
      }
    });
  }

  var inputs = document.querySelectorAll("input[data-picker]");
  for (var i = 0; i < inputs.length; i++) { attach(inputs[i]); }
}());
