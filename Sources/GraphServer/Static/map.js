// cegraph association map: loads the map's SVG from the JSON API's /api/maps/{id} into
// the page, then pans (drag), zooms (mouse wheel) and recentres (select a node) by
// changing the SVG's viewBox. Plain script, no library: the Content-Security-Policy allows
// script from this site only, so nothing here may be inline in the page.
(function () {
  "use strict";

  var container = document.getElementById("map");
  if (!container) { return; }
  var source = container.getAttribute("data-src");
  var hops = container.getAttribute("data-hops") || "1";
  var audience = container.getAttribute("data-audience") || "panel";
  // The page's filters, carried to the map of the node selected.
  var filters = (function () {
    var params = new URLSearchParams(window.location.search);
    params.delete("hops");
    params.delete("audience");
    var text = params.toString();
    return text ? "&" + text : "";
  }());

  // Node titles that are not entity ids: the legend, and the pseudonyms the panel
  // audience gives other children (their pages would not exist for the viewer).
  function isEntityId(title) {
    return title !== "" && title.indexOf("legend_") !== 0 && !/^child-[0-9]+$/.test(title);
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

  function show(message) {
    var p = document.createElement("p");
    p.className = "message";
    p.textContent = message;
    container.textContent = "";
    container.appendChild(p);
  }

  function viewBox(svg) {
    var box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }

  function setViewBox(svg, box) {
    svg.setAttribute("viewBox", [box.x, box.y, box.width, box.height].join(" "));
  }

  // A point on the screen in the SVG's own units.
  function toSvg(svg, clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  // Zoom by `factor` about the middle of what is shown; "fit" shows the whole map again.
  function tools(svg) {
    var bar = document.getElementById("map-tools");
    if (!bar) { return; }
    var whole = viewBox(svg);
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var which = event.target.getAttribute("data-zoom");
      if (!which) { return; }
      if (which === "fit") { setViewBox(svg, whole); return; }
      var box = viewBox(svg), factor = which === "in" ? 1 / 1.5 : 1.5;
      var middleX = box.x + box.width / 2, middleY = box.y + box.height / 2;
      setViewBox(svg, {
        x: middleX - box.width * factor / 2, y: middleY - box.height * factor / 2,
        width: box.width * factor, height: box.height * factor
      });
    });
  }

  function attach(svg) {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    if (!svg.getAttribute("viewBox")) { return; }
    tools(svg);

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var box = viewBox(svg);
      var at = toSvg(svg, event.clientX, event.clientY);
      var factor = event.deltaY > 0 ? 1.2 : 1 / 1.2;
      setViewBox(svg, {
        x: at.x - (at.x - box.x) * factor, y: at.y - (at.y - box.y) * factor,
        width: box.width * factor, height: box.height * factor
      });
    }, { passive: false });

    var drag = null;
    container.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      drag = {
        x: event.clientX, y: event.clientY, box: viewBox(svg),
        scale: svg.getScreenCTM().a, target: event.target, moved: false
      };
      container.setPointerCapture(event.pointerId);
    });
    container.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      // A few pixels of wobble is still a click, not a drag.
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      drag.moved = true;
      container.classList.add("dragging");
      setViewBox(svg, {
        x: drag.box.x - dx / drag.scale, y: drag.box.y - dy / drag.scale,
        width: drag.box.width, height: drag.box.height
      });
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
      // Only what the viewer may open is offered (the server marks it `opens`).
      var node = finished.target.closest ? finished.target.closest("g.node.opens") : null;
      var title = node ? node.querySelector("title") : null;
      var id = title ? title.textContent.trim() : "";
      if (isEntityId(id)) {
        window.location.href = "/maps/" + encodeURIComponent(id) + "?hops=" + encodeURIComponent(hops) +
          "&audience=" + encodeURIComponent(audience) + filters;
      }
    }
    container.addEventListener("pointerup", end);
    container.addEventListener("pointercancel", end);
  }

  fetch(source, { credentials: "same-origin", headers: { "Accept": "image/svg+xml" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("The map could not be drawn (" + response.status + "). Reload the page to try again."); }
      return response.text();
    })
    .then(function (text) {
      var parsed = new DOMParser().parseFromString(text, "image/svg+xml");
      var svg = parsed.documentElement;
      if (!svg || svg.nodeName.toLowerCase() !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) {
        throw new Error("The map could not be read. Reload the page to try again.");
      }
      svg = document.importNode(clean(svg), true);
      container.textContent = "";
      container.appendChild(svg);
      attach(svg);
    })
    .catch(function (error) { show(error.message); });
}());
