/* The toolkit site's behaviour: the catalogue's filters, click-to-load videos, the facilitator notes'
   switch, hints on wide tables, images full size, link addresses on paper, and links between languages. */
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
    /* A card's topic is a link to this catalogue filtered by it: filter in place instead. */
    root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.ktw-tag__link[data-tag]") : null;
      if (!link || !("tag" in chosen) || event.metaKey || event.ctrlKey) return;
      event.preventDefault();
      chosen.tag = link.getAttribute("data-tag");
      apply();
      remember();
      root.scrollIntoView({ block: "start" });
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

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* One switch shows or hides every facilitator note of the page; the choice is kept for the next
     pages (localStorage), and a head script applies it before the page is drawn. */
  var NOTES_KEY = "ktw-notes";

  function setUpNotes(bar) {
    var button = bar.querySelector("button[role=switch]");
    var root = document.documentElement;
    function show(shown) {
      root.setAttribute("data-ktw-notes", shown ? "shown" : "hidden");
      button.setAttribute("aria-checked", String(shown));
      all("details.notes").forEach(function (note) { note.open = shown; });
    }
    var stored = null;
    try { stored = window.localStorage.getItem(NOTES_KEY); } catch (e) { stored = null; }
    show(stored === "shown");
    button.addEventListener("click", function () {
      var shown = button.getAttribute("aria-checked") !== "true";
      show(shown);
      try { window.localStorage.setItem(NOTES_KEY, shown ? "shown" : "hidden"); } catch (e) { /* private mode */ }
    });
    bar.hidden = false;
  }

  /* A table wider than the screen says it scrolls sideways. */
  function hintWideTables() {
    var body = document.querySelector(".ktw-body[data-scroll-hint]");
    var text = body ? body.getAttribute("data-scroll-hint") : "";
    all(".md-typeset__scrollwrap").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var hint = wrap.previousElementSibling;
      var has = hint && hint.classList.contains("ktw-scroll-hint");
      wrap.classList.toggle("ktw-scrolls", wide);
      if (wide && !has && text) {
        hint = document.createElement("p");
        hint.className = "ktw-scroll-hint";
        hint.textContent = text;
        wrap.parentNode.insertBefore(hint, wrap);
        if (!wrap.getAttribute("aria-label")) wrap.setAttribute("aria-label", text);
      } else if (!wide && has) {
        hint.parentNode.removeChild(hint);
      }
    });
  }

  /* An image of the body opens full size in a dialog (without script, its link opens the file). */
  function setUpZoom() {
    var body = document.querySelector(".ktw-body[data-open-image]");
    if (!body || typeof HTMLDialogElement === "undefined") return;
    var dialog = document.createElement("dialog");
    dialog.className = "ktw-lightbox";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ktw-lightbox__close";
    close.textContent = body.getAttribute("data-close");
    var image = document.createElement("img");
    dialog.appendChild(close);
    dialog.appendChild(image);
    document.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    all("a.ktw-zoom").forEach(function (link) {
      link.setAttribute("title", body.getAttribute("data-open-image"));
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey) return;
        event.preventDefault();
        var shown = link.querySelector("img");
        image.src = link.href;
        image.alt = shown ? shown.alt : "";
        dialog.setAttribute("aria-label", image.alt || body.getAttribute("data-open-image"));
        dialog.showModal();
        close.focus();
      });
    });
  }

  /* On paper, a link is followed by its full address (print.css writes data-print-href). */
  function printAddresses() {
    all(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      var skip = link.matches(".headerlink, .ktw-zoom, .ktw-tag__link, .md-content__button");
      if (skip || !href || href.charAt(0) === "#" || !/^https?:/.test(link.protocol)) return;
      link.setAttribute("data-print-href", link.href);
    });
  }

  /* material reroutes a click on a link into another language's pages to "this page in that language"
     (it reads the head's language roots). The toolkit's links between languages mean the page they
     name, so their clicks stop short of material's handler; the browser follows them as they are. */
  function keepLinksBetweenLanguages() {
    var roots = all("link[rel=alternate][hreflang]").map(function (l) { return new URL(l.href, location.href); })
      .filter(function (u) { return u.origin === location.origin; })
      .map(function (u) { return u.pathname; })
      .sort(function (a, b) { return b.length - a.length; });
    if (roots.length < 2) return;
    function rootOf(path) {
      for (var i = 0; i < roots.length; i += 1) if (path.indexOf(roots[i]) === 0) return roots[i];
      return null;
    }
    var here = rootOf(location.pathname);
    function guard(event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || link.target || link.origin !== location.origin) return;
      if (rootOf(link.pathname) !== here) event.stopPropagation();
    }
    all(".md-header, .md-container").forEach(function (part) { part.addEventListener("click", guard); });
  }

  function setUp() {
    focusableScrollers();
    all(".ktw-catalogue").forEach(setUpFilter);
    all(".ktw-video__frame[data-embed]").forEach(setUpVideo);
    all(".ktw-notes-switch").forEach(setUpNotes);
    setUpZoom();
    printAddresses();
    keepLinksBetweenLanguages();
    hintWideTables();
    window.addEventListener("load", hintWideTables);
    window.addEventListener("resize", hintWideTables);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
