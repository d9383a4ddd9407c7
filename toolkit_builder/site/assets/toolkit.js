/* The toolkit site's behaviour: the catalogue's tag filter and click-to-load videos. */
(function () {
  "use strict";

  /* Show only the cards that carry the chosen tag; remember it in the address (?tag=...). */
  function setUpFilter(root) {
    var filter = root.querySelector(".ktw-filter");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".ktw-card"));
    var count = root.querySelector(".ktw-count");
    if (!filter) return;
    var buttons = Array.prototype.slice.call(filter.querySelectorAll("button[data-tag]"));
    function apply(tag) {
      var shown = 0;
      cards.forEach(function (card) {
        var match = !tag || card.getAttribute("data-tags").split("|").indexOf(tag) >= 0;
        card.hidden = !match;
        if (match) shown += 1;
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-tag") === tag));
      });
      count.textContent = root.getAttribute("data-count-template")
        .replace("{shown}", shown).replace("{total}", cards.length);
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var tag = button.getAttribute("data-tag");
        apply(tag);
        var url = new URL(window.location.href);
        if (tag) url.searchParams.set("tag", tag); else url.searchParams.delete("tag");
        window.history.replaceState(null, "", url);
      });
    });
    filter.hidden = false;
    var wanted = new URL(window.location.href).searchParams.get("tag") || "";
    var known = buttons.some(function (b) { return b.getAttribute("data-tag") === wanted; });
    apply(known ? wanted : "");
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
