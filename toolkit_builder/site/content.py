"""Finish a workshop page's body as MkDocs rendered it: notes, activities, slides- and
handout-only boxes.

MkDocs renders the Markdown (same extensions as every other output); what the boxes say comes from
the document model: the k-th activity box of the page is the model's k-th Activity, and so on for
notes and for slides- and handout-only boxes. The site never reads a title or a duration from HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..blocks import ONLY_KINDS
from ..errors import BuildError, UnhandledBlockError
from ..i18n import text
from ..model import (
    Activity,
    Block,
    Code,
    Heading,
    Image,
    ListBlock,
    Material,
    Notes,
    Only,
    Paragraph,
    Quote,
    Table,
    Workshop,
    walk,
)
from ..vocabulary import words

BOX_CLASSES = {"admonition", "open"}
PERCENT_RE = re.compile(r"\d{1,3}(\.\d+)?%")

Shaper = Callable[[HtmlElement, Any, str], None]


def _has_class(element: HtmlElement, name: str) -> bool:
    """Return whether an element carries a class."""
    return name in (element.get("class") or "").split()


def _box_type(element: HtmlElement) -> str | None:
    """Return the admonition type of a box as the reader names it (its first class), or None."""
    admonition = element.tag == "div" and _has_class(element, "admonition")
    if element.tag != "details" and not admonition:
        return None
    kinds = [c for c in (element.get("class") or "").split() if c not in BOX_CLASSES]
    return kinds[0] if kinds else "note"


def _title_of(box: HtmlElement) -> HtmlElement | None:
    """Return a box's title element (summary or admonition title)."""
    first = box[0] if len(box) else None
    if first is not None and (first.tag == "summary" or _has_class(first, "admonition-title")):
        return first
    return None


def _clear(element: HtmlElement) -> None:
    """Remove an element's text and children, keeping its tail."""
    for child in list(element):
        child.drop_tree()
    element.text = None


def shape_notes(box: HtmlElement, notes: Notes, lang: str) -> None:
    """Make a notes box a collapsed box titled in the page's language."""
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
    if title.text_content().strip().lower() in words("notes") | {""}:
        _clear(title)
        title.text = text(lang, "Facilitator notes")
    box.attrib.pop("open", None)


def _activity_title(box: HtmlElement, activity: Activity, lang: str) -> None:
    """Write the activity's label, title and minutes badge into the box's title."""
    title = _title_of(box)
    if title is None:
        tag = "summary" if box.tag == "details" else "p"
        title = lxml.html.Element(tag, {"class": "admonition-title"})
        box.insert(0, title)
    _clear(title)
    _labelled(title, text(lang, "Activity"), activity.title)
    if activity.minutes:
        box.set("data-minutes", str(activity.minutes))
        _badge(title, f"{activity.minutes} {text(lang, 'min')}")


def _labelled(title: HtmlElement, label_text: str, name: str) -> None:
    """Write a box title's label and name, with spaces between them (search reads them apart)."""
    label = etree.SubElement(title, "span", {"class": "ktw-activity__label"})
    label.text = label_text
    label.tail = " "
    shown = etree.SubElement(title, "span", {"class": "ktw-activity__name"})
    shown.text = name


def _badge(title: HtmlElement, value: str) -> None:
    """Append a badge to a box title, after a space."""
    title[-1].tail = (title[-1].tail or "") + " "
    badge = etree.SubElement(title, "span", {"class": "ktw-activity__time"})
    badge.text = value


def _materials_paragraph(box: HtmlElement) -> HtmlElement | None:
    """Return the box's `**Materials:** …` paragraph by the reader's rule (split_materials)."""
    for child in box.iterchildren("p"):
        first = child[0] if len(child) else None
        if first is not None and first.tag in ("strong", "b") and not (child.text or "").strip():
            if first.text_content().strip().rstrip(":").strip().casefold() in words("materials"):
                return child
    return None


def _materials_line(activity: Activity, lang: str) -> HtmlElement:
    """Return the materials line of an activity as the model lists them."""
    line = lxml.html.Element("p", {"class": "ktw-activity__materials"})
    label = etree.SubElement(line, "strong")
    label.text = f"{text(lang, 'Materials')}:"
    label.tail = " " + ", ".join(activity.materials)
    return line


def shape_activity(box: HtmlElement, activity: Activity, lang: str) -> None:
    """Give an activity box the model's title and minutes, and its materials line from the model."""
    _activity_title(box, activity, lang)
    written = _materials_paragraph(box)
    if activity.materials:
        line = _materials_line(activity, lang)
        if written is None:
            box.append(line)
        else:
            written.addprevious(line)
    if written is not None:
        written.drop_tree()


def shape_only(box: HtmlElement, only: Only, lang: str) -> None:
    """Drop a slides-only box; show a handout-only box's content as plain content."""
    if only.target == "slides":
        box.drop_tree()
        return
    title = _title_of(box)
    if title is not None:
        title.drop_tree()
    box.tag = "div"
    box.set("class", "ktw-handout")


def shape_material(box: HtmlElement, material: Material, lang: str) -> None:
    """Make a material box a collapsed box: its label, title, and paper and quantity as a badge."""
    title = _title_of(box)
    box.tag = "details"
    box.set("class", "ktw-material")
    if title is None:
        title = lxml.html.Element("summary")
        box.insert(0, title)
    title.tag = "summary"
    title.attrib.pop("class", None)
    _clear(title)
    _labelled(title, text(lang, "Activity material"), material.title)
    _badge(title, ", ".join(x for x in (material.paper, material.quantity) if x))


AS_RENDERED = None  # the site shows the block as MkDocs rendered it

# Every class of the model's Block union and what the site does with it (tests/test_exhaustive.py).
BLOCK_HANDLERS: dict[type, Shaper | None] = {
    Paragraph: AS_RENDERED, Heading: AS_RENDERED, ListBlock: AS_RENDERED, Table: AS_RENDERED,
    Image: AS_RENDERED, Code: AS_RENDERED, Quote: AS_RENDERED,
    Notes: shape_notes, Activity: shape_activity, Only: shape_only, Material: shape_material,
}
# Only boxes are typed by their target
BOX_TYPES = {Notes: "notes", Activity: "activity", Material: "material"}


def handler_for(block: Block) -> Shaper | None:
    """Return how the site shapes a block's box (None: as rendered); raise for an unknown class."""
    if type(block) not in BLOCK_HANDLERS:
        raise UnhandledBlockError("site", block)
    return BLOCK_HANDLERS[type(block)]


def model_boxes(workshop: Workshop) -> dict[str, list[Block]]:
    """Return the model's boxed blocks by admonition type, in document order."""
    boxes: dict[str, list[Block]] = {}
    every = workshop.intro + tuple(b for section in workshop.sections for b in section.blocks)
    for block in walk(every):
        if handler_for(block) is not AS_RENDERED:
            kind = block.target if isinstance(block, Only) else BOX_TYPES[type(block)]
            boxes.setdefault(kind, []).append(block)
    return boxes


def html_boxes(root: HtmlElement, kinds: set[str]) -> dict[str, list[HtmlElement]]:
    """Return the page's boxes of the given admonition types in document order (outer first)."""
    boxes: dict[str, list[HtmlElement]] = {}
    for element in root.iter("div", "details"):
        kind = _box_type(element)
        if kind in kinds:
            boxes.setdefault(kind, []).append(element)
    return boxes


def pair_boxes(root: HtmlElement, workshop: Workshop) -> list[tuple[HtmlElement, Block]]:
    """Return each box of the page with its block of the model; raise if their numbers differ."""
    blocks = model_boxes(workshop)
    elements = html_boxes(root, set(BOX_TYPES.values()) | ONLY_KINDS)
    pairs = []
    for kind in sorted(set(blocks) | set(elements)):
        found, wanted = elements.get(kind, []), blocks.get(kind, [])
        if len(found) != len(wanted):
            raise BuildError(f"{workshop.source.path}: error: the site page has {len(found)} "
                             f"'{kind}' box(es) but the model read {len(wanted)}; the site and the "
                             "reader disagree")
        pairs.extend(zip(found, wanted, strict=True))
    return pairs


def finish_body(html: str, workshop: Workshop) -> str:
    """Return a workshop page's body HTML with its boxes shaped from the workshop's model."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element, block in pair_boxes(root, workshop):
        handler_for(block)(element, block, workshop.lang)
    drop_slide_breaks(root)
    zoomable_images(root)
    return _serialise(root)


def _serialise(root: HtmlElement) -> str:
    """Return the HTML of a fragment's parent's content."""
    return (root.text or "") + "".join(lxml.html.tostring(el, encoding="unicode") for el in root)


def drop_slide_breaks(root: HtmlElement) -> None:
    """Drop the rules `---` makes (slide breaks), joining a bulleted list the break had cut."""
    for rule in [el for el in root if el.tag == "hr"]:
        before, after = rule.getprevious(), rule.getnext()
        rule.drop_tree()
        if before is not None and after is not None and before.tag == after.tag == "ul":
            before.extend(list(after))
            after.drop_tree()


def zoomable_images(root: HtmlElement) -> None:
    """Wrap each image that is not a link in a link to its file, to open it full size."""
    for image in list(root.iter("img")):
        if any(a.tag == "a" for a in image.iterancestors()):
            continue
        link = lxml.html.Element("a", {"class": "ktw-zoom", "href": image.get("src", "")})
        width = image.get("width", "")
        if PERCENT_RE.fullmatch(width):  # a share of the column: the link takes it, the image fills
            link.set("style", f"width: {width}")
            image.set("width", "100%")
        image.addprevious(link)
        link.tail, image.tail = image.tail, None
        link.append(image)


def split_intro(html: str) -> tuple[str, str]:
    """Return a page body's introduction (before its first top-level h2) and the rest."""
    if not html.strip():
        return "", html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    first = next((el for el in root if el.tag == "h2"), None)
    if first is None:
        return html, ""
    rest = lxml.html.fragment_fromstring("<div></div>")
    while first is not None:
        following = first.getnext()
        rest.append(first)
        first = following
    return _serialise(root), _serialise(rest)
