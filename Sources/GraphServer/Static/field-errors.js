// cegraph: after a refused form, the message beside the field at fault, for forms whose
// template does not put it there itself. The server names the form and the field in
// <template id="field-at-fault">; the message also stays at the top of the page, so
// without script nothing is lost. No library, no inline script (the Content-Security-
// Policy allows script from this site only).
(function () {
  "use strict";
  var fault = document.getElementById("field-at-fault");
  if (!fault) { return; }
  var formName = fault.getAttribute("data-form"), fieldName = fault.getAttribute("data-field");
  var words = fault.content ? fault.content.textContent : fault.textContent;
  var forms = document.querySelectorAll("form");
  for (var i = 0; i < forms.length; i++) {
    var marker = forms[i].querySelector("input[name=form]");
    if (!marker || marker.value !== formName) { continue; }
    var fields = forms[i].querySelectorAll("[name]");
    for (var j = 0; j < fields.length; j++) {
      var field = fields[j];
      if (field.getAttribute("name") !== fieldName || field.type === "hidden") { continue; }
      // The template placed it already.
      if (field.getAttribute("aria-invalid") === "true") { return; }
      var note = document.createElement("p");
      note.className = "field-error";
      note.id = "error-" + formName + "-" + fieldName;
      note.textContent = words;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", note.id);
      var after = field.closest("label") || field;
      after.parentNode.insertBefore(note, after.nextSibling);
      return;
    }
  }
}());
