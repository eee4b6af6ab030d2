// cegraph association map: loads the map's SVG from the JSON API's /api/maps/{id} into the
// page, then pans (drag), zooms (mouse wheel, buttons), keeps the key entities labelled at
// overview and every label when zoomed in, moves the legend beside the map, replays the
// network through time from the links' dates (classes the server writes on each link), and
// offers on each node what its viewer may do: open it, centre the map on it, bring in its
// links, pin it or hide it (the server marks what the viewer may open: class `opens`).
// Expanding, hiding, pinning and collapsing ask the server for the map again with the
// same question (so the downloads and the audit log follow) and keep the page's address in
// step. Plain script, no library: the Content-Security-Policy allows script from this
// site only, so nothing here may be inline in the page.
(function () {
  "use strict";

  var container = document.getElementById("map");
  if (!container) { return; }
  var ARRANGEMENT = ["expand", "hide", "pin", "group", "open"];
  var LABEL_PX = 13;
  // Up to this many entities, every name shows at overview.
  var SMALL_MAP = 40;
  var subject = container.getAttribute("data-subject") || "";
  var hops = container.getAttribute("data-hops") || "1";
  var audience = container.getAttribute("data-audience") || "panel";
  var sourceUrl = new URL(container.getAttribute("data-src"), window.location.href);
  var state = readState(new URLSearchParams(window.location.search));
  var svg = null, whole = null, keys = [], edgeWords = null, timeline = null;

  function readState(params) {
    function list(name) {
      var out = [];
      params.getAll(name).forEach(function (value) {
        value.split(",").forEach(function (id) { id = id.trim(); if (id && out.indexOf(id) < 0) { out.push(id); } });
      });
      return out;
    }
    return { expand: list("expand"), hide: list("hide"), pin: list("pin"), group: params.get("group") || "none", open: list("open") };
  }

  // `params` without any arrangement, then with the current one.
  function arranged(params) {
    ARRANGEMENT.forEach(function (name) { params.delete(name); });
    ["expand", "hide", "pin", "open"].forEach(function (name) {
      state[name].forEach(function (id) { params.append(name, id); });
    });
    if (state.group !== "none") { params.set("group", state.group); }
    return params;
  }

  function withArrangement(href) {
    var url = new URL(href, window.location.href);
    var params = arranged(url.searchParams);
    return url.pathname + "?" + params.toString();
  }

  // The SVG comes from this server's own renderer, but it is still cleaned before it
  // joins the page: no script, no foreign content, no event handlers, no script links.
  function clean(node) {
    var removed = node.querySelectorAll("script, foreignObject, iframe, object, embed");
    for (var i = 0; i < removed.length; i++) { removed[i].parentNode.removeChild(removed[i]); }
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll("*")));
    for (var j = 0; j < all.length; j++) {
      var attributes = Array.prototype.slice.call(all[j].attributes);
      for (var k = 0; k < attributes.length; k++) {
        var name = attributes[k].name.toLowerCase();
        var value = attributes[k].value.replace(/\s/g, "").toLowerCase();
        if (name.indexOf("on") === 0 || ((name === "href" || name === "xlink:href") && value.indexOf("javascript:") === 0)) {
          all[j].removeAttribute(attributes[k].name);
        }
      }
    }
    return node;
  }

  function status(message) {
    var p = container.querySelector("p.message");
    if (!p) {
      p = document.createElement("p");
      p.className = "message";
      p.setAttribute("role", "status");
      container.appendChild(p);
    }
    p.textContent = message;
    p.hidden = !message;
  }

  function viewBox() {
    var box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }

  function setViewBox(box) {
    svg.setAttribute("viewBox", [box.x, box.y, box.width, box.height].join(" "));
    relabel();
  }

  // A point on the screen in the SVG's own units.
  function toSvg(clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoomAbout(x, y, factor) {
    var box = viewBox();
    setViewBox({ x: x - (x - box.x) * factor, y: y - (y - box.y) * factor, width: box.width * factor, height: box.height * factor });
  }

  function nodeId(node) {
    var title = node.querySelector("title");
    return title ? title.textContent.trim() : "";
  }

  function findNode(id) {
    var nodes = svg.querySelectorAll("g.node");
    for (var i = 0; i < nodes.length; i++) { if (nodeId(nodes[i]) === id) { return nodes[i]; } }
    return null;
  }

  // An element's box in the SVG's own units (the drawing sits inside Graphviz's
  // translated group, so its own box is not).
  function rootBox(element) {
    var box = element.getBBox();
    var matrix = svg.getScreenCTM().inverse().multiply(element.getScreenCTM());
    var corner = svg.createSVGPoint(), far = svg.createSVGPoint();
    corner.x = box.x; corner.y = box.y; far.x = box.x + box.width; far.y = box.y + box.height;
    corner = corner.matrixTransform(matrix);
    far = far.matrixTransform(matrix);
    return { x: Math.min(corner.x, far.x), y: Math.min(corner.y, far.y),
             width: Math.abs(far.x - corner.x), height: Math.abs(far.y - corner.y) };
  }

  // Shows `node` at a scale where its label reads, keeping the current scale if larger.
  function centreOn(node, keepBox) {
    var box = rootBox(node), view = keepBox || viewBox();
    var frame = svg.getBoundingClientRect();
    var pixels = frame.width || 800;
    // About 1.1 pixels a point: a 10-point label reads at 11 pixels, with its neighbours around it.
    var width = Math.min(view.width, pixels / 1.1);
    var height = width * ((frame.height || pixels) / pixels);
    setViewBox({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width: width, height: height });
  }

  // Labels: at overview only the key entities' names, drawn at a size that reads whatever
  // the zoom; closer in, every label, and on a large map the links' words too.
  function relabel() {
    if (!svg) { return; }
    var scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
    var overview = 10 * scale < 7;
    container.classList.toggle("overview", overview);
    var factor = overview ? LABEL_PX / (10 * scale) : 1;
    // At overview the names are placed in order (the subject first) and one that would
    // cover a name already placed is left out until the map is zoomed in.
    var placed = [];
    keys.forEach(function (key) {
      key.text.classList.remove("crowded");
      if (!overview) { key.text.removeAttribute("transform"); return; }
      key.text.setAttribute("transform", "translate(" + key.cx + " " + key.cy + ") scale(" + factor + ") translate(" +
        (-key.x) + " " + (-key.y + 3) + ")");
      var centre = svg.createSVGPoint();
      centre.x = key.cx;
      centre.y = key.cy;
      centre = centre.matrixTransform(key.node.getScreenCTM());
      var half = { w: key.width * factor * scale / 2 + 2, h: key.height * factor * scale / 2 + 1 };
      var box = { left: centre.x - half.w, right: centre.x + half.w, top: centre.y - half.h, bottom: centre.y + half.h };
      var covers = placed.some(function (other) {
        return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
      });
      if (covers) { key.text.classList.add("crowded"); } else { placed.push(box); }
    });
    var close = 8 * scale >= 8;
    container.classList.toggle("close", close);
    if (close && edgeWords === null) { addEdgeWords(); }
  }

  // A large map's links are labelled by tooltip only (the server leaves their words out
  // of the layout); zoomed in, their words are written at each line's middle.
  function addEdgeWords() {
    edgeWords = [];
    var edges = svg.querySelectorAll("g.edge");
    for (var i = 0; i < edges.length; i++) {
      if (edges[i].querySelector("text")) { continue; }
      var anchor = edges[i].querySelector("a"), path = edges[i].querySelector("path");
      var words = anchor ? (anchor.getAttribute("xlink:title") || anchor.getAttribute("title") || "") : "";
      if (!path || !words) { continue; }
      var middle = path.getPointAtLength(path.getTotalLength() / 2);
      var text = document.createElementNS("http://www.w3.org/2000/svg", "text");
      text.setAttribute("x", middle.x);
      text.setAttribute("y", middle.y);
      text.setAttribute("class", "edge-words");
      text.setAttribute("text-anchor", "middle");
      text.setAttribute("font-size", "7");
      text.textContent = words;
      edges[i].appendChild(text);
      edgeWords.push(text);
    }
  }

  function prepareLabels() {
    keys = [];
    var nodes = svg.querySelectorAll("g.node");
    // On a small map every name is kept at overview (as room allows).
    var everyName = nodes.length <= SMALL_MAP;
    for (var i = 0; i < nodes.length; i++) {
      var texts = nodes[i].querySelectorAll("text");
      if (texts.length === 0 || nodes[i].classList.contains("legend")) { continue; }
      // The name is the second line (the first is the kind's tag).
      var name = texts.length > 1 ? texts[1] : texts[0];
      name.classList.add("name");
      if (!everyName && !nodes[i].classList.contains("key")) { continue; }
      nodes[i].classList.add("named");
      var box = nodes[i].getBBox(), words = name.getBBox();
      var key = { node: nodes[i], text: name, cx: box.x + box.width / 2, cy: box.y + box.height / 2,
                  x: parseFloat(name.getAttribute("x")), y: parseFloat(name.getAttribute("y")),
                  width: words.width, height: words.height };
      if (nodes[i].classList.contains("subject")) { keys.unshift(key); } else { keys.push(key); }
    }
  }

  // The legend, drawn by the server inside the map (so a download carries it), is shown
  // beside the map at a size that reads.
  function moveLegend() {
    var aside = document.getElementById("map-legend");
    var legend = svg.querySelector("g.legend");
    if (!aside || !legend) { return; }
    var box = legend.getBBox();
    var copy = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    copy.setAttribute("viewBox", [box.x - 2, box.y - 2, box.width + 4, box.height + 4].join(" "));
    copy.setAttribute("width", String(Math.round(box.width + 4)));
    copy.setAttribute("role", "img");
    copy.setAttribute("aria-label", "Key to the map: " + legend.textContent.replace(/\s+/g, " ").trim());
    copy.appendChild(legend.cloneNode(true));
    aside.textContent = "";
    aside.appendChild(copy);
    aside.hidden = false;
    legend.style.display = "none";
  }

  // MARK: - Time

  function day(text) { return text ? Date.parse(text + "T00:00:00Z") / 86400000 : null; }
  function dayText(number) { return new Date(number * 86400000).toISOString().slice(0, 10); }

  function prepareTime() {
    var panel = document.getElementById("map-time");
    timeline = null;
    if (!panel) { return; }
    var edges = svg.querySelectorAll("g.edge"), links = [], first = Infinity, last = -Infinity;
    for (var i = 0; i < edges.length; i++) {
      var match = /(?:^|\s)first-(\d{4}-\d{2}-\d{2})/.exec(edges[i].getAttribute("class") || "");
      var end = /(?:^|\s)last-(\d{4}-\d{2}-\d{2})/.exec(edges[i].getAttribute("class") || "");
      var title = edges[i].querySelector("title");
      var ends = title ? title.textContent.split("->") : [];
      var link = { element: edges[i], first: match ? day(match[1]) : null, last: end ? day(end[1]) : null,
                   from: (ends[0] || "").trim(), to: (ends[1] || "").trim() };
      links.push(link);
      if (link.first !== null) { first = Math.min(first, link.first); last = Math.max(last, link.first); }
      if (link.last !== null) { last = Math.max(last, link.last); }
    }
    if (!(last > first)) { panel.hidden = true; return; }
    timeline = { links: links, first: first, last: last };
    var slider = document.getElementById("map-as-of");
    slider.min = String(first);
    slider.max = String(last);
    slider.value = String(last);
    drawHistogram(links, first, last);
    panel.hidden = false;
    applyTime(last);
  }

  // Links first seen in each month, as bars above the slider.
  function drawHistogram(links, first, last) {
    var target = document.getElementById("map-histogram");
    if (!target) { return; }
    var start = new Date(first * 86400000), end = new Date(last * 86400000);
    var months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    var counts = [];
    for (var m = 0; m < months; m++) { counts.push(0); }
    links.forEach(function (link) {
      if (link.first === null) { return; }
      var d = new Date(link.first * 86400000);
      counts[(d.getUTCFullYear() - start.getUTCFullYear()) * 12 + d.getUTCMonth() - start.getUTCMonth()] += 1;
    });
    var most = Math.max.apply(null, counts.concat([1]));
    var ns = "http://www.w3.org/2000/svg";
    var chart = document.createElementNS(ns, "svg");
    chart.setAttribute("viewBox", "0 0 " + months + " 10");
    chart.setAttribute("preserveAspectRatio", "none");
    counts.forEach(function (count, index) {
      var bar = document.createElementNS(ns, "rect");
      var height = count === 0 ? 0 : Math.max(0.6, 10 * count / most);
      bar.setAttribute("x", String(index + 0.1));
      bar.setAttribute("width", "0.8");
      bar.setAttribute("y", String(10 - height));
      bar.setAttribute("height", String(height));
      var label = document.createElementNS(ns, "title");
      var month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + index, 1));
      label.textContent = month.toISOString().slice(0, 7) + ": " + count + " link" + (count === 1 ? "" : "s") + " first seen";
      bar.appendChild(label);
      chart.appendChild(bar);
    });
    target.textContent = "";
    target.appendChild(chart);
  }

  function applyTime(asOf) {
    if (!timeline) { return; }
    var shown = {};
    shown[subject] = true;
    state.pin.forEach(function (id) { shown[id] = true; });
    timeline.links.forEach(function (link) {
      var visible = link.first === null || link.first <= asOf;
      link.element.style.display = visible ? "" : "none";
      link.element.classList.toggle("ended", visible && link.last !== null && link.last < asOf);
      if (visible) { shown[link.from] = true; shown[link.to] = true; }
    });
    var nodes = svg.querySelectorAll("g.node"), count = 0, total = 0;
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].classList.contains("legend")) { continue; }
      var on = shown[nodeId(nodes[i])] === true || nodes[i].classList.contains("subject");
      nodes[i].style.display = on ? "" : "none";
      total += 1;
      if (on) { count += 1; }
    }
    var output = document.getElementById("map-as-of-day");
    if (output) { output.textContent = dayText(asOf); }
    var counter = document.getElementById("map-count");
    if (counter) { counter.textContent = count + " of " + total + " on the map as they stood on " + dayText(asOf); }
  }

  var playing = null;
  function play() {
    var button = document.getElementById("map-play"), slider = document.getElementById("map-as-of");
    if (playing) { window.clearInterval(playing); playing = null; button.textContent = "Play through time"; return; }
    var step = Math.max(1, Math.round((timeline.last - timeline.first) / 40));
    var at = Number(slider.value) >= timeline.last ? timeline.first : Number(slider.value);
    button.textContent = "Pause";
    playing = window.setInterval(function () {
      at = Math.min(timeline.last, at + step);
      slider.value = String(at);
      applyTime(at);
      if (at >= timeline.last) { play(); }
    }, 350);
  }

  // MARK: - What the viewer may do with a node

  var menu = null;
  function closeMenu() {
    if (menu && menu.parentNode) { menu.parentNode.removeChild(menu); }
    menu = null;
  }

  function openMenu(node, clientX, clientY) {
    closeMenu();
    var id = nodeId(node);
    if (!id || node.classList.contains("legend")) { return; }
    var name = node.querySelector("text.name");
    var items = [];
    if (node.classList.contains("group")) {
      items.push(["Open this group", function () { state.open.push(id); redraw(null); }]);
    } else {
      if (node.classList.contains("opens")) {
        items.push(["Open their page", function () { window.location.href = "/entities/" + encodeURIComponent(id); }]);
        if (id !== subject) {
          items.push(["Centre the map here", function () {
            // The same filters, drawn as the associations of the entity chosen.
            var params = new URLSearchParams(window.location.search);
            ARRANGEMENT.concat(["view", "to"]).forEach(function (n) { params.delete(n); });
            params.set("hops", hops);
            params.set("audience", audience);
            window.location.href = "/maps/" + encodeURIComponent(id) + "?" + params.toString();
          }]);
        }
        if (container.getAttribute("data-expands") === "true" && state.expand.indexOf(id) < 0) {
          items.push(["Bring in their links", function () { state.expand.push(id); redraw(id); }]);
        }
      }
      var pinned = state.pin.indexOf(id) >= 0;
      items.push([pinned ? "Unpin" : "Pin (keep in view)", function () {
        state.pin = pinned ? state.pin.filter(function (p) { return p !== id; }) : state.pin.concat([id]);
        redraw(id);
      }]);
      if (id !== subject) {
        items.push(["Hide from the map", function () {
          state.hide.push(id);
          state.pin = state.pin.filter(function (p) { return p !== id; });
          redraw(null);
        }]);
      }
    }
    menu = document.createElement("div");
    menu.className = "node-menu";
    menu.setAttribute("role", "menu");
    var heading = document.createElement("p");
    heading.textContent = name ? name.textContent : id;
    menu.appendChild(heading);
    items.forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "menuitem");
      button.textContent = item[0];
      button.addEventListener("click", function () { closeMenu(); item[1](); });
      menu.appendChild(button);
    });
    var area = container.parentNode, frame = area.getBoundingClientRect();
    menu.style.left = Math.max(0, Math.min(clientX - frame.left + 8, frame.width - 220)) + "px";
    menu.style.top = Math.max(0, clientY - frame.top + 8) + "px";
    area.appendChild(menu);
    var first = menu.querySelector("button");
    if (first) { first.focus(); }
  }

  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { closeMenu(); } });
  document.addEventListener("pointerdown", function (event) {
    if (menu && !menu.contains(event.target)) { closeMenu(); }
  });

  // The page's address, downloads and filter form follow the arrangement, so what is
  // downloaded or filtered next is what is drawn.
  function follow() {
    window.history.replaceState(null, "", withArrangement(window.location.href));
    var links = document.querySelectorAll("#map-downloads a");
    for (var i = 0; i < links.length; i++) { links[i].setAttribute("href", withArrangement(links[i].getAttribute("href"))); }
    var form = document.querySelector("form.map-filters");
    if (form) {
      var old = form.querySelectorAll("input[type=hidden]");
      for (var j = 0; j < old.length; j++) {
        if (ARRANGEMENT.indexOf(old[j].name) >= 0) { old[j].parentNode.removeChild(old[j]); }
      }
      arranged(new URLSearchParams()).forEach(function (value, name) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.insertBefore(input, form.firstChild);
      });
    }
    var sentence = document.getElementById("map-arranged");
    if (sentence) { sentence.hidden = true; }
  }

  // Asks for the map again with the current arrangement; `focus` is the entity to show.
  function redraw(focus) {
    var previous = svg ? viewBox() : null;
    status("Drawing the map…");
    container.classList.add("busy");
    load(withArrangement(sourceUrl.pathname + sourceUrl.search), function () {
      follow();
      var node = focus ? findNode(focus) : null;
      if (node && previous) { centreOn(node, previous); }
    });
  }

  // MARK: - Drawing

  function attach() {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    if (!svg.getAttribute("viewBox")) { return; }
    whole = viewBox();
    var tools = document.getElementById("map-tools");
    if (tools) { tools.hidden = false; }
    var subjectNode = findNode(subject);
    if (subjectNode) { subjectNode.classList.add("subject"); }
    prepareLabels();
    moveLegend();
    edgeWords = null;
    relabel();
    prepareTime();
  }

  function load(href, then) {
    fetch(href, { credentials: "same-origin", headers: { "Accept": "image/svg+xml" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("The map could not be drawn (" + response.status + "). Reload the page to try again."); }
        return response.text();
      })
      .then(function (text) {
        var parsed = new DOMParser().parseFromString(text, "image/svg+xml");
        var drawn = parsed.documentElement;
        if (!drawn || drawn.nodeName.toLowerCase() !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) {
          throw new Error("The map could not be read. Reload the page to try again.");
        }
        drawn = document.importNode(clean(drawn), true);
        container.textContent = "";
        container.classList.remove("busy");
        container.appendChild(drawn);
        svg = drawn;
        attach();
        if (window.performance && performance.mark) { performance.mark("cegraph-map-drawn"); }
        container.setAttribute("data-drawn", "1");
        if (then) { then(); }
      })
      .catch(function (error) { container.classList.remove("busy"); status(error.message); });
  }

  var toolbar = document.getElementById("map-tools");
  if (toolbar) {
    toolbar.addEventListener("click", function (event) {
      var which = event.target.getAttribute("data-zoom");
      if (!which || !svg) { return; }
      if (which === "fit") { setViewBox(whole); return; }
      if (which === "subject") { var node = findNode(subject); if (node) { centreOn(node); } return; }
      var box = viewBox();
      zoomAbout(box.x + box.width / 2, box.y + box.height / 2, which === "in" ? 1 / 1.5 : 1.5);
    });
  }
  var slider = document.getElementById("map-as-of");
  if (slider) { slider.addEventListener("input", function () { applyTime(Number(slider.value)); }); }
  var playButton = document.getElementById("map-play");
  if (playButton) { playButton.addEventListener("click", function () { if (timeline) { play(); } }); }

  container.addEventListener("wheel", function (event) {
    if (!svg) { return; }
    event.preventDefault();
    var at = toSvg(event.clientX, event.clientY);
    zoomAbout(at.x, at.y, event.deltaY > 0 ? 1.2 : 1 / 1.2);
  }, { passive: false });

  var drag = null;
  container.addEventListener("pointerdown", function (event) {
    if (event.button !== 0 || !svg) { return; }
    drag = { x: event.clientX, y: event.clientY, box: viewBox(), scale: svg.getScreenCTM().a, target: event.target, moved: false };
    container.setPointerCapture(event.pointerId);
  });
  container.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    // A few pixels of wobble is still a click, not a drag.
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    drag.moved = true;
    container.classList.add("dragging");
    setViewBox({ x: drag.box.x - dx / drag.scale, y: drag.box.y - dy / drag.scale, width: drag.box.width, height: drag.box.height });
  });
  function end(event) {
    if (!drag) { return; }
    var finished = drag;
    drag = null;
    container.classList.remove("dragging");
    if (container.hasPointerCapture(event.pointerId)) { container.releasePointerCapture(event.pointerId); }
    if (finished.moved || event.type !== "pointerup") { return; }
    // Pointer capture sends the release to the container, so the node is the one that
    // was under the pointer when it went down.
    var node = finished.target.closest ? finished.target.closest("g.node") : null;
    if (node) { openMenu(node, event.clientX, event.clientY); }
  }
  container.addEventListener("pointerup", end);
  container.addEventListener("pointercancel", end);

  load(sourceUrl.pathname + sourceUrl.search, null);
}());
