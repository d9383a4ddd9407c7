"""DrawingML for text and tables, written as strings: python-pptx's object API is slow for bulk."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from lxml import etree
from pptx.util import Pt

from ..model import Run
from .template import A

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:a="{A}" xmlns:r="{R}"'
ALIGN = {"center": "ctr", "right": "r", "left": "l", "": "l"}


def hex_colour(colour: str) -> str:
    """Return `1F4E79` for `#1f4e79`."""
    return colour.lstrip("#").upper()


def run_xml(run: Run, size: float | None, *, bold: bool = False, italic: bool = False,
            colour: str | None = None, mono: str | None = None,
            link: Callable[[str], str] | None = None) -> str:
    """Return an `a:r` element for a run: size (None: the master's), weight, slant, colour,
    font and hyperlink."""
    attrs = (f' sz="{round(size * 100)}"' if size else "") + ' dirty="0"'
    if run.strong or bold:
        attrs += ' b="1"'
    if run.emphasis or italic:
        attrs += ' i="1"'
    inner = f'<a:solidFill><a:srgbClr val="{hex_colour(colour)}"/></a:solidFill>' if colour else ""
    if run.code and mono:
        inner += f'<a:latin typeface="{escape(mono)}"/><a:cs typeface="{escape(mono)}"/>'
    if run.href and link:
        inner += f'<a:hlinkClick r:id="{link(run.href)}"/>'
    return f'<a:r><a:rPr{attrs}>{inner}</a:rPr><a:t>{escape(run.text)}</a:t></a:r>'


def paragraph_xml(runs_xml: str, *, margin: float = 0.0, indent: float = 0.0, bullet: str = "",
                  space_before: float = 0.0, align: str | None = "l",
                  end_size: float | None = None) -> str:
    """Return an `a:p` element with its margin, hanging indent, bullet and spacing (align None:
    only the runs, every paragraph property from the placeholder's style)."""
    spacing = f'<a:spcBef><a:spcPts val="{round(space_before * 100)}"/></a:spcBef>' \
        if space_before else ""
    ppr = (f'<a:pPr marL="{Pt(margin)}" indent="{Pt(indent)}" algn="{align}">{spacing}'
           f'{bullet or "<a:buNone/>"}</a:pPr>') if align is not None else ""
    end = f'<a:endParaRPr sz="{round(end_size * 100)}" dirty="0"/>' if end_size else ""
    return f"<a:p>{ppr}{runs_xml}{end}</a:p>"


def level_paragraph_xml(runs_xml: str, level: int, *, margin: float | None = None,
                        bullet: str = "", first: bool = False) -> str:
    """Return an `a:p` element on one of the master's text levels, overriding only what the
    paragraph needs: a margin (quotes), a numbering, no space above the first paragraph."""
    attrs = f' lvl="{level}"' if level else ""
    if margin is not None:
        attrs += f' marL="{Pt(margin)}" indent="0"'
    spacing = '<a:spcBef><a:spcPts val="0"/></a:spcBef>' if first else ""
    return f"<a:p><a:pPr{attrs}>{spacing}{bullet}</a:pPr>{runs_xml}</a:p>"


def bullet_xml(char: str, colour: str) -> str:
    """Return the bullet elements for a character bullet in a colour."""
    return (f'<a:buClr><a:srgbClr val="{hex_colour(colour)}"/></a:buClr>'
            f'<a:buChar char="{escape(char)}"/>')


def number_xml(start: int) -> str:
    """Return the bullet element for an arabic numbered list starting at `start`."""
    return f'<a:buAutoNum type="arabicPeriod" startAt="{start}"/>'


def replace_paragraphs(tx_body, paragraphs: list[str]) -> None:
    """Replace the paragraphs of a text body by new ones given as XML strings."""
    for p in tx_body.findall(f"{{{A}}}p"):
        tx_body.remove(p)
    fragment = etree.fromstring(f"<a:x {NSDECL}>{''.join(paragraphs)}</a:x>")
    for p in fragment:
        tx_body.append(p)


def cell_xml(paragraph: str, fill: str, margin_x: float, margin_y: float) -> str:
    """Return an `a:tc` table cell with one paragraph, margins and a solid fill."""
    return (f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraph}</a:txBody>'
            f'<a:tcPr marL="{Pt(margin_x)}" marR="{Pt(margin_x)}" marT="{Pt(margin_y)}" '
            f'marB="{Pt(margin_y)}" anchor="ctr">'
            f'<a:solidFill><a:srgbClr val="{hex_colour(fill)}"/></a:solidFill></a:tcPr></a:tc>')


def table_xml(widths: list[float], rows: list[tuple[float, list[str]]],
              header: bool) -> etree._Element:
    """Return an `a:tbl` element from column widths and (height, cells XML) rows."""
    grid = "".join(f'<a:gridCol w="{Pt(w)}"/>' for w in widths)
    body = "".join(f'<a:tr h="{Pt(h)}">{"".join(cells)}</a:tr>' for h, cells in rows)
    first = ' firstRow="1"' if header else ""
    return etree.fromstring(f'<a:tbl {NSDECL}><a:tblPr{first} bandRow="1"/>'
                            f'<a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl>')


P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def placeholder_xml(shape_id: int, kind: str, idx: int, paragraph: str) -> etree._Element:
    """Return a `p:sp` placeholder of a layout's kind (ftr, dt, sldNum) that inherits its place
    and style from the layout and the master, holding one paragraph."""
    names = {"dt": "Date Placeholder", "ftr": "Footer Placeholder", "sldNum": "Slide Number"}
    return etree.fromstring(
        f'<p:sp xmlns:p="{P}" {NSDECL}><p:nvSpPr>'
        f'<p:cNvPr id="{shape_id}" name="{names[kind]} {shape_id}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph type="{kind}" idx="{idx}"/></p:nvPr></p:nvSpPr><p:spPr/>'
        f'<p:txBody><a:bodyPr/><a:lstStyle/>{paragraph}</p:txBody></p:sp>')


def textbox_xml(shape_id: int, name: str, box, paragraph: str, inset_x: float,
                inset_y: float) -> etree._Element:
    """Return a `p:sp` text box (no autofit, wrapping) at a box given in points."""
    return etree.fromstring(
        f'<p:sp xmlns:p="{P}" {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{escape(name)}"/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{Pt(box.left)}" y="{Pt(box.top)}"/>'
        f'<a:ext cx="{Pt(box.width)}" cy="{Pt(box.height)}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>'
        f'<a:bodyPr wrap="square" lIns="{Pt(inset_x)}" tIns="{Pt(inset_y)}" rIns="{Pt(inset_x)}" '
        f'bIns="{Pt(inset_y)}" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        f'{paragraph}</p:txBody></p:sp>')
