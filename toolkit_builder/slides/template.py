"""The deck template: load the theme's .pptx, apply its colours and fonts, read its geometry."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

from ..theme import Theme
from .pptx_private import count_partnames

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A}
DEFAULT_TEMPLATE = "slides/template.pptx"

# Layout indexes of the template (python-pptx's default layout order).
TITLE, CONTENT, SECTION, TWO_CONTENT, TITLE_ONLY = 0, 1, 2, 3, 5


@dataclass(frozen=True)
class Box:
    """A rectangle in points."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Geometry:
    """Where the template's layouts put their placeholders, in points."""

    slide_width: float
    slide_height: float
    title: Box
    body: Box
    left: Box
    right: Box


def template_path(theme: Theme) -> Path:
    """Return the .pptx template of a theme (its own, or the default theme's)."""
    path = theme.pptx_template or theme.file(DEFAULT_TEMPLATE)
    if path is None:
        raise FileNotFoundError(f"theme '{theme.name}' has no {DEFAULT_TEMPLATE}")
    return path


def _box(shape) -> Box:
    """Return a shape's rectangle in points."""
    return Box(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)


@lru_cache(maxsize=8)
def geometry(path: Path) -> Geometry:
    """Return the placeholder geometry of a template."""
    prs = Presentation(str(path))
    content = {p.placeholder_format.idx: p for p in prs.slide_layouts[CONTENT].placeholders}
    two = {p.placeholder_format.idx: p for p in prs.slide_layouts[TWO_CONTENT].placeholders}
    return Geometry(Emu(prs.slide_width).pt, Emu(prs.slide_height).pt, _box(content[0]),
                    _box(content[1]), _box(two[1]), _box(two[2]))


def _colour_scheme(theme: Theme) -> dict[str, str]:
    """Return the theme's colours as the slots of an Office colour scheme."""
    c = theme.colours
    return {"dk1": c["text"], "lt1": "#FFFFFF", "dk2": c["primary"], "lt2": c["light"],
            "accent1": c["primary"], "accent2": c["accent"], "accent3": c["muted"],
            "accent4": c["accent"], "accent5": c["primary"], "accent6": c["muted"],
            "hlink": c["primary"], "folHlink": c["muted"]}


def apply_theme(prs, theme: Theme) -> None:
    """Write the theme's colours and fonts into the presentation's Office theme part."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", theme.name[:60])
    for slot, colour in _colour_scheme(theme).items():
        node = scheme.find(f"a:{slot}", NS)
        for child in list(node):
            node.remove(child)
        etree.SubElement(node, f"{{{A}}}srgbClr", val=colour.lstrip("#").upper())
    fonts = root.find(".//a:fontScheme", NS)
    for tag, family in (("majorFont", theme.heading_font), ("minorFont", theme.body_font)):
        fonts.find(f"a:{tag}/a:latin", NS).set("typeface", family)
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def set_body_size(prs, sizes: list[float], gap: float) -> None:
    """Write a deck's body size per level into the master's text styles (level 1 is plain text,
    the others list levels), with the space before each paragraph, so that every slide inherits
    them and a partner restyles the deck from its master."""
    body = prs.slide_master.element.find(f"{{{P}}}txStyles/{{{P}}}bodyStyle")
    for level, size in enumerate(sizes, 1):
        ppr = body.find(f"{{{A}}}lvl{level}pPr")
        if ppr is None:
            continue
        for old in ppr.findall(f"{{{A}}}spcBef"):
            ppr.remove(old)
        spacing = etree.Element(f"{{{A}}}spcBef")
        etree.SubElement(spacing, f"{{{A}}}spcPts", val=str(round(gap * size * 100)))
        ppr.insert(0, spacing)
        rpr = ppr.find(f"{{{A}}}defRPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, f"{{{A}}}defRPr")
        rpr.set("sz", str(round(size * 100)))
    # A layout's own sizes would override the master's (python-pptx's Two Content sets 28 pt).
    for index in (CONTENT, TWO_CONTENT):
        for shape in prs.slide_layouts[index].placeholders:
            if shape.placeholder_format.idx == 0:
                continue
            for rpr in shape.element.iter(f"{{{A}}}defRPr"):
                rpr.attrib.pop("sz", None)


@lru_cache(maxsize=8)
def _template_bytes(path: Path) -> bytes:
    """Return a template's bytes (read once per process)."""
    return path.read_bytes()


def open_deck(theme: Theme):
    """Return a new presentation on the theme's template, with no slides, in the theme's colours."""
    prs = Presentation(io.BytesIO(_template_bytes(template_path(theme))))
    apply_theme(prs, theme)
    count_partnames(prs.part.package)
    return prs

