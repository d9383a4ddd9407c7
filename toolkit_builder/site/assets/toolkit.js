/* The toolkit site's behaviour: the catalogue's topic and language filters and click-to-load videos. */
(function () {
  "use strict";

  /* The catalogue's filters: each group of chips (data-filter="tag" or "lang") narrows the cards by the
     attribute it names (data-tags, data-langs); a card is shown when it matches every group. The choice
     is kept in the address (?tag=...&lang=...) so that it can be shared. */
  var FILTERS = { tag: "data-tags", lang: "data-langs" };

  function setUpFilter(root) {
    var groups = Array.prototype.slice.call(root.querySelectorAll(".ktw-filter[data-filter]"));
    var cards = Array.prototype.slice.call(root.querySelectorAll(".ktw-card"));
    var count = root.querySelector(".ktw-count");
    if (!groups.length) return;
    var chosen = {};
    function buttons(group) {
      var name = group.getAttribute("data-filter");
      return Array.prototype.slice.call(group.querySelectorAll("button[data-" + name + "]"));
    }
    function matches(card) {
      return Object.keys(chosen).every(function (name) {
        var values = (card.getAttribute(FILTERS[name]) || "").split("|");
        return !chosen[name] || values.indexOf(chosen[name]) >= 0;
      });
    }
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(card);
        if (!card.hidden) shown += 1;
      });
      groups.forEach(function (group) {
        var name = group.getAttribute("data-filter");
        buttons(group).forEach(function (button) {
          button.setAttribute("aria-pressed", String(button.getAttribute("data-" + name) === chosen[name]));
        });
      });
      count.textContent = root.getAttribute("data-count-template")
        .replace("{shown}", shown).replace("{total}", cards.length);
    }
    function remember() {
      var url = new URL(window.location.href);
      Object.keys(chosen).forEach(function (name) {
        if (chosen[name]) url.searchParams.set(name, chosen[name]); else url.searchParams.delete(name);
      });
      window.history.replaceState(null, "", url);
    }
    var asked = new URL(window.location.href).searchParams;
    groups.forEach(function (group) {
      var name = group.getAttribute("data-filter");
      var known = buttons(group).map(function (b) { return b.getAttribute("data-" + name); });
      var wanted = asked.get(name) || "";
      chosen[name] = known.indexOf(wanted) >= 0 ? wanted : "";
      buttons(group).forEach(function (button) {
        button.addEventListener("click", function () {
          chosen[name] = button.getAttribute("data-" + name);
          apply();
          remember();
        });
      });
      group.hidden = false;
    });
    apply();
  }

  /* Replace the placeholder by the player only when the visitor asks for it. */
  function setUpVideo(frame) {
    var button = frame.querySelector(".ktw-video__play");
    if (!button) return;
    button.addEventListener("click", function () {
      var player = document.createElement("iframe");
      player.src = frame.getAttribute("data-embed") + (frame.getAttribute("data-embed").indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
      player.title = frame.getAttribute("data-title");
      player.allow = "autoplay; fullscreen; picture-in-picture";
      player.allowFullscreen = true;
      frame.innerHTML = "";
      frame.appendChild(player);
      frame.classList.add("ktw-video__frame--playing");
    });
  }

  /* Let keyboard users scroll wide tables on small screens (axe: scrollable-region-focusable). */
  function focusableScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"), function (el) {
      el.tabIndex = 0;
    });
  }

  function setUp() {
    focusableScrollers();
    Array.prototype.forEach.call(document.querySelectorAll(".ktw-catalogue"), setUpFilter);
    Array.prototype.forEach.call(document.querySelectorAll(".ktw-video__frame"), setUpVideo);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
