// cegraph intelligence entry: the form of /intel/new and /intel/{id}/edit. It finds records as they are typed
// (POST /api/search: names never go in a URL), keeps the records the report is about (found, or added on the spot)
// and the links it asserts, and saves through the JSON API with the session's CSRF token.
// It never changes what was written. Plain script, no library: the Content-Security-Policy
// allows script from this site only.
(function () {
  "use strict";

  var form = document.getElementById("intel-form");
  if (!form) { return; }
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var editing = form.getAttribute("data-method") === "PUT";

  function byId(id) { return document.getElementById(id); }

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  // A JSON call to the API; resolves with the status and the parsed answer.
  function api(method, url, body) {
    var headers = { "Accept": "application/json" };
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    if (method !== "GET") { headers["X-CSRF-Token"] = csrf; }
    return fetch(url, {
      method: method, credentials: "same-origin", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { ok: response.ok, status: response.status, json: json };
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var formError = byId("form-error");
  function showError(message) {
    formError.textContent = message;
    formError.hidden = !message;
  }

  // MARK: handling conditions, only for code C

  var handling = byId("handling-code");
  function showConditions() { byId("conditions-field").hidden = handling.value !== "C"; }
  handling.addEventListener("change", showConditions);
  showConditions();

  // MARK: the live child-first language check is lint.js's (data-lint on the text)

  var text = byId("intel-text");

  // MARK: the records the report is about

  var aboutList = byId("about");
  var chosen = [];
  Array.prototype.forEach.call(aboutList.querySelectorAll("li[data-id]"), function (item) {
    chosen.push({ id: item.getAttribute("data-id"), kind: item.getAttribute("data-kind"), label: item.getAttribute("data-label"),
                  harm: item.getAttribute("data-harm") === "true" });
  });
  var links = [];

  function kindName(kind) { return kind === "location" ? "place" : kind; }

  function renderAbout() {
    aboutList.textContent = "";
    chosen.forEach(function (entity, index) {
      var item = element("li");
      item.setAttribute("data-id", entity.id);
      item.appendChild(document.createTextNode(entity.label + " "));
      item.appendChild(element("span", "kind", kindName(entity.kind) + (entity.record ? " (new)" : "")));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "id", entity.id));
      // MARTHR threshold 3: the report suggests a risk of harm from a person, group or place.
      if (["adult", "group", "location"].indexOf(entity.kind) >= 0) {
        var harm = element("label", "check");
        var box = element("input");
        box.type = "checkbox";
        box.checked = !!entity.harm;
        box.className = "harm";
        box.addEventListener("change", function () { entity.harm = box.checked; });
        harm.appendChild(box);
        harm.appendChild(document.createTextNode(" suggests a risk of harm from them"));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(harm);
      }
      var remove = element("button", "remove", "Remove");
      remove.type = "button";
      remove.addEventListener("click", function () {
        chosen.splice(index, 1);
        links = links.filter(function (link) { return link.from !== entity.id && link.to !== entity.id; });
        renderAbout();
        renderLinks();
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(remove);
      aboutList.appendChild(item);
    });
    ["link-from", "link-to"].forEach(function (id) {
      var select = byId(id);
      var previous = select.value;
      select.textContent = "";
      chosen.forEach(function (entity) {
        var option = element("option", null, entity.label + " (" + entity.id + ")");
        option.value = entity.id;
        select.appendChild(option);
      });
      if (previous) { select.value = previous; }
    });
    if (typeof offerKinds === "function") { offerKinds(); }
  }

  function choose(entity) {
    var known = chosen.some(function (other) { return other.id === entity.id; });
    if (!known) { chosen.push(entity); }
    renderAbout();
  }

  // Search as you type.
  var search = byId("entity-search");
  var hitsList = byId("entity-hits");
  var searchSequence = 0;
  var find = debounce(function () {
    var sequence = ++searchSequence;
    var query = search.value.trim();
    if (query.length < 2) { hitsList.textContent = ""; return; }
    api("POST", "/api/search", { q: query, limit: 10 }).then(function (answer) {
      if (sequence !== searchSequence) { return; }
      hitsList.textContent = "";
      var hits = (answer.ok && answer.json.hits) || [];
      if (!hits.length) { hitsList.appendChild(element("li", "none", answer.ok ? "Nothing found: add it below." : "The search failed.")); }
      hits.forEach(function (hit) {
        var item = element("li");
        var pick = element("button", "pick", hit.label);
        pick.type = "button";
        pick.setAttribute("data-id", hit.id);
        pick.addEventListener("click", function () {
          choose({ id: hit.id, kind: hit.kind, label: hit.label });
          hitsList.textContent = "";
          search.value = "";
        });
        item.appendChild(pick);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "kind", kindName(hit.kind)));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "id", hit.id));
        hitsList.appendChild(item);
      });
    }).catch(function () { hitsList.textContent = ""; });
  }, 250);
  search.addEventListener("input", find);

  // Added on the spot: the field that names each kind (FORMAT.md, "Entities").
  var nameFields = {
    vehicle: ["vrm", "Registration (VRM)"], phone: ["number", "Phone number"],
    handle: ["handle", "Handle, as platform:handle"]
  };
  var newKind = byId("new-kind");
  function nameLabel() {
    var field = nameFields[newKind.value];
    byId("new-name-label").textContent = field ? field[1] : "Name";
  }
  newKind.addEventListener("change", nameLabel);
  nameLabel();

  function randomId(kind) {
    var letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", id = kind.slice(0, 2).toUpperCase() + "-";
    for (var i = 0; i < 8; i++) { id += letters.charAt(Math.floor(Math.random() * letters.length)); }
    return id;
  }

  byId("add-entity").addEventListener("click", function () {
    var kind = newKind.value;
    var name = byId("new-name").value.trim();
    var id = byId("new-id").value.trim() || randomId(kind);
    var area = byId("new-area").value;
    if (!name) { showError("Give the new record's " + byId("new-name-label").textContent.toLowerCase() + "."); return; }
    var record = { id: id, kind: kind };
    if (kind === "handle") {
      var colon = name.indexOf(":");
      if (colon < 1 || colon === name.length - 1) { showError("Write a handle as platform:handle, for example snapchat:example_handle."); return; }
      record.platform = name.slice(0, colon).trim();
      record.handle = name.slice(colon + 1).trim();
    } else {
      record[nameFields[kind] ? nameFields[kind][0] : "name"] = name;
    }
    if (area) { record.area = area; }
    if (chosen.some(function (other) { return other.id === id; })) { showError(id + " is already on the list."); return; }
    showError("");
    choose({ id: id, kind: kind, label: name, record: record });
    byId("new-id").value = "";
    byId("new-name").value = "";
  });

  // MARK: the links the report asserts

  var linksList = byId("links");

  // The link rules come with the page (data-rules on the kind's list, from the server's one
  // table): only the kinds that can join the chosen records are offered, and when none can,
  // the field says so in words. The server checks the same rules when the report is saved.
  var kindSelect = byId("link-kind");
  var rules = {};
  try { rules = JSON.parse(kindSelect.getAttribute("data-rules") || "{}"); } catch (ignored) { rules = {}; }
  var kindError = byId("link-kind-error");
  var addLink = byId("add-link");

  function kindOf(id) {
    for (var i = 0; i < chosen.length; i++) { if (chosen[i].id === id) { return chosen[i].kind; } }
    return null;
  }
  function article(words) { return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words; }
  function allows(kind, from, to) {
    var rule = rules[kind];
    return !!rule && rule.from.indexOf(from) >= 0 && rule.to.indexOf(to) >= 0;
  }
  function offerKinds() {
    var from = kindOf(byId("link-from").value), to = kindOf(byId("link-to").value);
    var options = kindSelect.options, first = null;
    for (var i = 0; i < options.length; i++) {
      var fits = !from || !to || allows(options[i].value, from, to);
      options[i].hidden = !fits;
      options[i].disabled = !fits;
      if (fits && first === null) { first = options[i].value; }
    }
    var current = kindSelect.value;
    if (first !== null && (kindSelect.selectedOptions.length === 0 || kindSelect.selectedOptions[0].disabled)) { kindSelect.value = first; }
    else if (first === null) { kindSelect.value = current; }
    var message = "";
    if (from && to && first === null) {
      var reversed = Object.keys(rules).filter(function (kind) { return allows(kind, to, from); });
      message = article(kindName(from)) + " cannot be linked to " + article(kindName(to)) + " directly. " + (reversed.length
        ? "Choose them the other way round (from the " + kindName(to) + " to the " + kindName(from) + "): " +
          reversed.map(function (kind) { return rules[kind].words; }).join(", ") + "."
        : "Link each of them to the person or group they concern.");
      message = message.charAt(0).toUpperCase() + message.slice(1);
    }
    kindError.textContent = message;
    kindError.hidden = !message;
    kindSelect.setAttribute("aria-invalid", message ? "true" : "false");
    addLink.disabled = !!message;
  }
  byId("link-from").addEventListener("change", offerKinds);
  byId("link-to").addEventListener("change", offerKinds);
  function labelOf(id) {
    for (var i = 0; i < chosen.length; i++) { if (chosen[i].id === id) { return chosen[i].label; } }
    return id;
  }

  function renderLinks() {
    linksList.textContent = "";
    links.forEach(function (link, index) {
      var item = element("li", "new-link",
        labelOf(link.from) + " " + link.kind.replace(/_/g, " ") + " " + labelOf(link.to) +
        (link.first_seen ? " \u00b7 " + link.first_seen : "") + (link.last_seen ? " to " + link.last_seen : "") +
        (link.concern ? " \u00b7 a concern about the relationship" : "") + " ");
      var remove = element("button", "remove", "Remove");
      remove.type = "button";
      remove.addEventListener("click", function () { links.splice(index, 1); renderLinks(); });
      item.appendChild(remove);
      linksList.appendChild(item);
    });
  }

  byId("add-link").addEventListener("click", function () {
    var link = { from: byId("link-from").value, to: byId("link-to").value, kind: byId("link-kind").value };
    var first = byId("link-first-seen").value, last = byId("link-last-seen").value;
    if (!link.from || !link.to) { showError("Add the records the link is between first."); return; }
    if (link.from === link.to) { showError("A link joins two different records."); return; }
    if (!allows(link.kind, kindOf(link.from), kindOf(link.to))) { offerKinds(); return; }
    if (first && last && first > last) { showError("First seen must not be after last seen."); return; }
    if (first) { link.first_seen = first; }
    if (last) { link.last_seen = last; }
    if (byId("link-concern").checked) { link.concern = true; }
    byId("link-concern").checked = false;
    showError("");
    links.push(link);
    renderLinks();
  });

  renderAbout();

  // MARK: saving

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var id = byId("intel-id").value.trim();
    var intel = {
      id: id, date: byId("intel-date").value,
      source_evaluation: byId("source-evaluation").value,
      intelligence_assessment: byId("intelligence-assessment").value,
      handling_code: handling.value,
      text: text.value,
      about: chosen.map(function (entity) { return entity.id; }),
      harm_from: chosen.filter(function (entity) { return entity.harm; }).map(function (entity) { return entity.id; })
    };
    var agency = byId("agency").value.trim();
    if (agency) { intel.agency = agency; } else if (editing) { intel.agency = null; }
    if (handling.value === "C") { intel.handling_conditions = byId("handling-conditions").value; }
    if (!id) { showError("Give the report a reference."); return; }
    if (!intel.date) { showError("Give the date of the intelligence."); return; }
    if (!intel.source_evaluation || !intel.intelligence_assessment) { showError("Choose the source evaluation and the intelligence assessment."); return; }
    if (intel.handling_code === "C" && !intel.handling_conditions.trim()) { showError("Handling code C needs its handling conditions."); return; }
    var body = {
      intel: intel,
      entities: chosen.filter(function (entity) { return entity.record; }).map(function (entity) { return entity.record; }),
      links: links
    };
    if (editing) {
      body.reason = byId("edit-reason").value.trim();
      if (!body.reason) { showError("Say why the report is changed."); return; }
    }
    showError("");
    var save = byId("save");
    save.disabled = true;
    api(editing ? "PUT" : "POST", form.getAttribute("data-action"), body).then(function (answer) {
      if (answer.ok) {
        window.location.href = "/intel/" + encodeURIComponent(id);
        return;
      }
      save.disabled = false;
      showError((answer.json && answer.json.error) || ("The report was not saved (" + answer.status + ")."));
    }).catch(function () {
      save.disabled = false;
      showError("The report was not saved: the service could not be reached. Try again.");
    });
  });
}());
