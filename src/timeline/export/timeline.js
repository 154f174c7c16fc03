(function () {
  "use strict";
  var root = document.getElementById("timeline");
  var tip = document.getElementById("timeline-tooltip");
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = {};
  data.events.forEach(function (event) { events[event.element] = event; });
  var summaries = Array.prototype.slice.call(root.querySelectorAll(".event > details > summary"));
  var hover = window.matchMedia && window.matchMedia("(hover: hover)").matches;

  function add(parent, tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  function show(event, x, y) {
    tip.textContent = "";
    add(tip, "strong", "", event.label);
    add(tip, "div", "tip-when", event.when + (event.timex ? "  ·  " + event.timex : ""));
    add(tip, "div", "tip-meta", event.meta);
    var list = add(tip, "ul", "", "");
    event.sources.forEach(function (source) { add(list, "li", "", source.text); });
    tip.hidden = false;
    move(x, y);
  }

  function move(x, y) {
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.min(x + 16, window.innerWidth - width - 8);
    var top = y + 20 + height > window.innerHeight ? y - height - 12 : y + 20;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }

  function hide() { tip.hidden = true; }

  summaries.forEach(function (summary, n) {
    var event = events[summary.parentNode.parentNode.id];
    if (hover && event) {
      summary.addEventListener("mouseenter", function (e) { show(event, e.clientX, e.clientY); });
      summary.addEventListener("mousemove", function (e) { move(e.clientX, e.clientY); });
      summary.addEventListener("mouseleave", hide);
      summary.addEventListener("click", hide);
    }
    summary.addEventListener("keydown", function (e) {
      var next = { ArrowDown: n + 1, ArrowUp: n - 1, Home: 0, End: summaries.length - 1 }[e.key];
      if (next !== undefined && summaries[next]) {
        e.preventDefault();
        summaries[next].focus();
      } else if (e.key === "Escape") {
        summary.parentNode.open = false;
      }
    });
  });

  function reveal() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("event")) {
      var details = target.querySelector("details");
      details.open = true;
      details.querySelector("summary").focus();
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  var tools = root.querySelector(".tools");
  tools.hidden = summaries.length === 0;
  tools.addEventListener("click", function (e) {
    var action = e.target.getAttribute("data-action");
    if (!action) return;
    root.querySelectorAll(".event > details").forEach(function (details) {
      details.open = action === "open";
    });
  });
  root.classList.add("js");
  root.setAttribute("data-ready", String(summaries.length));
})();
