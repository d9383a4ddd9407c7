#!/usr/bin/env python3
"""Write themes/default/slides/template.pptx: python-pptx's default template re-laid for 16:9.

Restyle a deck by opening this file in PowerPoint or Impress and editing its slide master and
layouts; the builder reads the placeholders' positions from it. Run from the project folder:
    .venv/bin/python tools/make_pptx_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit_builder.slides.template import A, apply_theme  # noqa: E402
from toolkit_builder.theme import load_theme  # noqa: E402

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
WIDE = Inches(13.333)
FOOTER = {10: (0.6, 2.6), 11: (3.4, 6.5), 12: (10.23, 2.5)}
# The master's own footer placeholders, by type: date (the builder writes the licence there),
# footer (the workshop and the partner) and slide number, with their alignment.
MASTER_FOOTER = {PP_PLACEHOLDER.DATE: (10, "l"), PP_PLACEHOLDER.FOOTER: (11, "ctr"),
                 PP_PLACEHOLDER.SLIDE_NUMBER: (12, "r")}
INDENT = 30.0   # points per list level; the builder measures with the same (slides/layout.py)


def place(shape, left, top, width, height) -> None:
    """Move a placeholder to a rectangle given in inches."""
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)


def text_style(shape, size: int, bold: bool, colour: str, align: str = "l") -> None:
    """Give a layout placeholder a default size, weight, colour and alignment."""
    sp = shape._element
    body = sp.find(f".//{{{P}}}txBody")
    body = body if body is not None else sp.get_or_add_txBody()
    lst = body.find(f"{{{A}}}lstStyle")
    for child in list(lst):
        lst.remove(child)
    ppr = etree.SubElement(lst, f"{{{A}}}lvl1pPr", algn=align)
    etree.SubElement(ppr, f"{{{A}}}buNone")
    rpr = etree.SubElement(ppr, f"{{{A}}}defRPr", sz=str(size * 100), b="1" if bold else "0")
    fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val=colour)


def anchor(shape, where: str) -> None:
    """Anchor a placeholder's text at the top (t), middle (ctr) or bottom (b) of its box."""
    body = shape._element.find(f".//{{{P}}}txBody")
    body = body if body is not None else shape._element.get_or_add_txBody()
    body.find(f"{{{A}}}bodyPr").set("anchor", where)


def background(layout, colour: str) -> None:
    """Give a layout a solid background in a scheme colour."""
    csld = layout._element.find(f"{{{P}}}cSld")
    bg = etree.Element(f"{{{P}}}bg")
    pr = etree.SubElement(bg, f"{{{P}}}bgPr")
    fill = etree.SubElement(pr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val=colour)
    etree.SubElement(pr, f"{{{A}}}effectLst")
    csld.insert(0, bg)


def master_styles(master) -> None:
    """Set the master's title and body text styles.

    Titles are left-aligned, bold and in the primary colour.
    """
    styles = master._element.find(f"{{{P}}}txStyles")
    title = styles.find(f"{{{P}}}titleStyle/{{{A}}}lvl1pPr")
    title.set("algn", "l")
    rpr = title.find(f"{{{A}}}defRPr")
    rpr.set("sz", "3200")
    rpr.set("b", "1")
    for child in list(rpr):
        if child.tag.endswith("solidFill"):
            rpr.remove(child)
    fill = etree.Element(f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val="tx2")
    rpr.insert(0, fill)
    body = styles.find(f"{{{P}}}bodyStyle")
    # Level 1 is plain text; levels 2 and up are list levels. The builder writes each deck's one
    # body size into these levels; bullets, indents and spacing are the master's to restyle.
    for level in range(1, 10):
        ppr = body.find(f"{{{A}}}lvl{level}pPr")
        list_level = level - 1
        ppr.set("marL", str(Pt(INDENT * list_level)))
        ppr.set("indent", str(Pt(-INDENT if list_level else 0)))
        for child in list(ppr):
            if child.tag.split("}")[1] in ("buFont", "buChar", "buNone", "buClr", "spcBef"):
                ppr.remove(child)
        spacing = etree.Element(f"{{{A}}}spcBef")
        etree.SubElement(spacing, f"{{{A}}}spcPct", val="35000")
        ppr.insert(0, spacing)
        rpr = ppr.find(f"{{{A}}}defRPr")
        rpr.set("sz", str(max(18, 24 - 2 * max(list_level - 1, 0)) * 100))
        if not list_level:
            rpr.addprevious(etree.Element(f"{{{A}}}buNone"))
            continue
        colour = etree.Element(f"{{{A}}}buClr")
        etree.SubElement(colour, f"{{{A}}}schemeClr", val="accent2")
        rpr.addprevious(colour)
        rpr.addprevious(etree.Element(f"{{{A}}}buChar", char="•" if list_level % 2 else "–"))


def footer_style(shape, align: str) -> None:
    """Give a footer placeholder of the master its size, muted colour and alignment."""
    body = shape._element.find(f".//{{{P}}}txBody")
    lst = body.find(f"{{{A}}}lstStyle")
    for child in list(lst):
        lst.remove(child)
    ppr = etree.SubElement(lst, f"{{{A}}}lvl1pPr", algn=align)
    rpr = etree.SubElement(ppr, f"{{{A}}}defRPr", sz="1100")
    fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val="accent3")
    etree.SubElement(rpr, f"{{{A}}}latin", typeface="+mn-lt")


def main() -> None:
    """Build and save the template."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDE, Inches(7.5)
    master = prs.slide_master
    for shape in master.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            place(shape, 0.6, 0.35, 12.13, 1.0)
        elif idx == 1:
            place(shape, 0.6, 1.5, 12.13, 5.1)
        elif shape.placeholder_format.type in MASTER_FOOTER:
            slot, align = MASTER_FOOTER[shape.placeholder_format.type]
            place(shape, FOOTER[slot][0], 6.95, FOOTER[slot][1], 0.4)
            footer_style(shape, align)
    master_styles(master)
    two_content = {0: (0.6, 0.35, 12.13, 1.0), 1: (0.6, 1.5, 5.95, 5.1), 2: (6.78, 1.5, 5.95, 5.1)}
    for index, layout in enumerate(prs.slide_layouts):
        for shape in layout.placeholders:
            idx = shape.placeholder_format.idx
            if idx in FOOTER:
                place(shape, FOOTER[idx][0], 6.95, FOOTER[idx][1], 0.4)
            elif index in (1, 5, 9) and idx in (0, 1):
                place(shape, 0.6, 0.35 if idx == 0 else 1.5, 12.13, 1.0 if idx == 0 else 5.1)
            elif index == 3 and idx in (0, 1, 2):
                place(shape, *two_content[idx])
            else:
                shape.left = int(shape.left * WIDE / Inches(10))
                shape.width = int(shape.width * WIDE / Inches(10))
    title_slide, section = prs.slide_layouts[0], prs.slide_layouts[2]
    for layout in (title_slide, section):
        background(layout, "tx2")
    # Title and section layouts: white text on the primary colour; the title sits just above its
    # subtitle.
    styles = {(0, 0): ((0.8, 1.5, 11.7, 2.2), 40, True, "b"),
              (0, 1): ((0.8, 3.85, 11.7, 1.6), 22, False, "t"),
              (2, 0): ((0.8, 1.9, 11.7, 2.0), 36, True, "b"),
              (2, 1): ((0.8, 4.0, 11.7, 1.2), 22, False, "t")}
    for index in (0, 2):
        for shape in prs.slide_layouts[index].placeholders:
            style = styles.get((index, shape.placeholder_format.idx))
            if style:
                box, size, bold, where = style
                place(shape, *box)
                text_style(shape, size, bold, "bg1")
                anchor(shape, where)
    apply_theme(prs, load_theme(ROOT / "themes", "default"))
    target = ROOT / "themes/default/slides/template.pptx"
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
