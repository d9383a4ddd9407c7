"""Finish a workshop page's body as MkDocs rendered it: notes, activities, slides- and handout-only boxes.

This works on the HTML that MkDocs made from the Markdown (same extensions as every other output),
so the site never parses Markdown a second way.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

from ..i18n import text

DURATION_RE = re.compile(r"^(?P<title>.*?)\s*\((?P<minutes>\d+)\s*min\w*\)\s*$")
DEFAULT_NOTES_TITLES = {"notes", "note"}


def _has_class(element: HtmlElement, name: str) -> bool:
    """Return whether an element carries a class."""
    return name in (element.get("class") or "").split()


def _boxes(root: HtmlElement, kind: str) -> list[HtmlElement]:
    """Return the admonitions and details boxes of one type, outermost first."""
    return [el for el in root.iter("div", "details") if _has_class(el, kind)
            and (el.tag == "details" or _has_class(el, "admonition"))]


def _title_of(box: HtmlElement) -> HtmlElement | None:
    """Return a box's title element (summary or admonition title)."""
    first = box[0] if len(box) else None
    if first is not None and (first.tag == "summary" or _has_class(first, "admonition-title")):
        return first
    return None


def _drop(element: HtmlElement) -> None:
    """Remove an element but keep the text that follows it."""
    element.drop_tree()


def notes(root: HtmlElement, lang: str) -> None:
    """Make every notes box a collapsed box titled in the page's language."""
    for box in _boxes(root, "notes"):
        title = _title_of(box)
        if box.tag == "div":
            box.tag = "details"
            box.set("class", " ".join(c for c in box.get("class").split() if c != "admonition"))
            if title is not None:
                title.tag = "summary"
                title.attrib.pop("class", None)
        if title is None:
            title = lxml.html.Element("summary")
            box.insert(0, title)
        if title.text_content().strip().lower() in DEFAULT_NOTES_TITLES | {""}:
            for child in list(title):
                child.drop_tree()
            title.text = text(lang, "facilitator_notes")
        box.attrib.pop("open", None)


def activities(root: HtmlElement, lang: str) -> None:
    """Give every activity a labelled title with its duration as a badge."""
    for box in _boxes(root, "activity"):
        title = _title_of(box)
        if title is None:
            continue
        words = title.text_content().strip()
        match = DURATION_RE.match(words)
        name, minutes = (match["title"], match["minutes"]) if match else (words, "")
        for child in list(title):
            child.drop_tree()
        title.text = None
        label = lxml.html.Element("span", {"class": "ktw-activity__label"})
        label.text = text(lang, "activity")
        label.tail = name
        title.append(label)
        if minutes:
            box.set("data-minutes", minutes)
            badge = lxml.html.Element("span", {"class": "ktw-activity__time"})
            badge.text = f"{minutes} {text(lang, 'minutes')}"
            title.append(badge)


def only_blocks(root: HtmlElement) -> None:
    """Drop slides-only boxes; show handout-only content as plain content."""
    for box in _boxes(root, "slides"):
        _drop(box)
    for box in _boxes(root, "handout"):
        title = _title_of(box)
        if title is not None:
            _drop(title)
        box.tag = "div"
        box.set("class", "ktw-handout")


def finish_body(html: str, lang: str) -> str:
    """Return a workshop page's body HTML with the toolkit constructs shaped for the site."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    only_blocks(root)
    notes(root, lang)
    activities(root, lang)
    inner = (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    return inner


ALTERNATE_RE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_alternate_links(html: str) -> str:
    """Return a page without <link rel=alternate hreflang> tags in its head.

    mkdocs-material's script fetches `sitemap.xml` beside every such link to switch languages; with
    mkdocs-static-i18n's page-level links (which the language switcher keeps) that sitemap does not
    exist, and every page would log a 404 in the browser console.
    """
    return ALTERNATE_RE.sub("", html)
