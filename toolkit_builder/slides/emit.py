"""emit_deck: turn a planned deck into .pptx bytes with python-pptx, on the theme's template."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import segno
from PIL import Image as PILImage
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.serialized import _ZipPkgWriter
from pptx.util import Emu, Pt

from ..artifacts import ZIP_EPOCH
from ..i18n import text
from ..model import Run, Workshop, plain
from ..writers import Context
from .layout import CELL_X, CELL_Y, GAP, INDENT, INSET_X, INSET_Y, Para, TablePart, margin, para_size
from .measure import Metrics
from .plan import Deck, SlideSpec
from .template import CONTENT, SECTION, TITLE, TITLE_ONLY, TWO_CONTENT, Box, geometry, open_deck, template_path
from .xml import (bullet_xml, cell_xml, number_xml, paragraph_xml, replace_paragraphs, run_xml, table_xml,
                  textbox_xml)

FOOTER_SIZE = 11
WHITE = "#FFFFFF"
SLIDE_NUMBER = ('<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
                '<a:rPr lang="en-US" sz="{size}" dirty="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
                '</a:rPr><a:t>{number}</a:t></a:fld>')


def _write_fixed_time(self, pack_uri, blob: bytes) -> None:
    """Write one package part with a fixed timestamp (python-pptx would stamp the current time)."""
    entry = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    self._zipf.writestr(entry, blob)


# python-pptx has no option for zip timestamps; its writer is replaced so rebuilds are byte-identical.
_ZipPkgWriter.write = _write_fixed_time


class Emitter:
    """Writes slide specs into a presentation built on the theme's template."""

    def __init__(self, workshop: Workshop, context: Context):
        self.workshop = workshop
        self.context = context
        self.theme = context.theme
        self.colours = {"primary": "#1f4e79", "accent": "#2a9d8f", "text": "#1d2430", "muted": "#5b6675",
                        "light": "#eef3f8", **self.theme.colours}
        self.prs = open_deck(self.theme)
        self.layouts = list(self.prs.slide_layouts)
        self.body = geometry(template_path(self.theme)).body
        self.slide = None
        self.placeholders: dict = {}

    def emit(self, deck: Deck) -> bytes:
        """Return the deck as deterministic .pptx bytes."""
        for spec in deck.slides:
            getattr(self, f"slide_{spec.kind}")(spec)
            if spec.kind in ("content", "activity", "agenda", "closing"):
                self.title_size(spec.title_size)
            if spec.notes:
                self.slide.notes_slide.notes_text_frame.text = spec.notes
            if spec.kind in ("content", "activity", "agenda"):
                self.footer()
        self.core_properties()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()

    def new_slide(self, layout: int, title: str):
        """Add a slide on a layout, index its placeholders once, and write its title."""
        self.slide = self.prs.slides.add_slide(self.layouts[layout])
        # Each placeholder lookup through python-pptx is an XPath query; do it once per slide.
        self.placeholders = {shape.placeholder_format.idx: shape for shape in self.slide.placeholders}
        self.placeholders[0].text_frame.text = title
        return self.slide

    def title_size(self, size: float) -> None:
        """Set the current slide's title to the size the planner found to fit."""
        for para in self.placeholders[0].text_frame.paragraphs:
            for run in para.runs:
                run.font.size = Pt(size)

    def drop(self, idx: int) -> None:
        """Remove an unused placeholder so that no empty prompt is left on the slide."""
        shape = self.placeholders.pop(idx, None)
        if shape is not None:
            shape._element.getparent().remove(shape._element)

    def slide_title(self, spec: SlideSpec) -> None:
        """Write the title slide: title, subtitle, origin line and logo."""
        self.new_slide(TITLE, spec.title)
        if spec.subtitle:
            paras = [paragraph_xml(run_xml(Run(line), 22 if i == 0 else 18)) for i, line in enumerate(spec.subtitle)]
            replace_paragraphs(self.placeholders[1].text_frame._txBody, paras)
        else:
            self.drop(1)
        if self.theme.logo_png:
            width = Emu(self.prs.slide_width).pt
            logo = self.slide.shapes.add_picture(str(self.theme.logo_png), Pt(width - 110), Pt(30), Pt(64), Pt(64))
            logo._element.nvPicPr.cNvPr.set("descr", self.theme.name)

    def slide_agenda(self, spec: SlideSpec) -> None:
        """Write an agenda slide: a native table with clock times."""
        self.new_slide(TITLE_ONLY, spec.title)
        self.table(spec.table, self.body.left, self.body.top)

    def slide_divider(self, spec: SlideSpec) -> None:
        """Write a section divider for an agenda block, or a break slide."""
        self.new_slide(SECTION, spec.title)
        self.placeholders[1].text_frame.text = "\n".join(spec.subtitle)

    def slide_break(self, spec: SlideSpec) -> None:
        """Write a break slide: the divider layout on the accent colour, with the time to be back."""
        self.slide_divider(spec)
        fill = self.slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(self.colours["accent"].lstrip("#").upper())

    def slide_content(self, spec: SlideSpec) -> None:
        """Write a content slide: text, a table, an image, or text beside an image."""
        beside = spec.image is not None and spec.paras and spec.image_box is None
        layout = TWO_CONTENT if beside else CONTENT if spec.paras else TITLE_ONLY
        self.new_slide(layout, spec.title)
        if spec.paras:
            body = self.placeholders[1]
            if spec.text_box is not None:
                body.left, body.top, body.width, body.height = (Pt(spec.text_box.left), Pt(spec.text_box.top),
                                                                Pt(spec.text_box.width), Pt(spec.text_box.height))
            self.fill(body.text_frame, spec.paras, spec.size)
            if spec.statement:
                body.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        if spec.table is not None:
            below_text = spec.paras and spec.text_box is not None
            top = spec.text_box.top + spec.text_box.height + 8 if below_text else self.body.top
            self.table(spec.table, self.body.left, top)
        if spec.image is not None:
            right = self.placeholders.get(2)
            box = Box(Emu(right.left).pt, Emu(right.top).pt, Emu(right.width).pt, Emu(right.height).pt) \
                if right is not None else spec.image_box or self.body
            self.drop(2)
            self.picture(spec.image, box)

    def slide_activity(self, spec: SlideSpec) -> None:
        """Write an activity slide: instructions, the duration large, and the materials."""
        wide = spec.text_box is not None and spec.text_box.width > self.body.width * 0.75
        self.new_slide(CONTENT if wide else TWO_CONTENT, spec.title)
        self.fill(self.placeholders[1].text_frame, spec.paras, spec.size)
        duration = f"{spec.minutes} {text(self.workshop.lang, 'minutes')}"
        accent = self.colours["accent"]
        if wide:
            # Long instructions take the whole width; the duration moves up beside the title.
            title = self.placeholders[0]
            left, top, width, height = title.left, title.top, title.width, title.height
            badge = self.slide.shapes.add_textbox(left + width - Pt(190), top, Pt(190), height)
            self.plain_frame(badge.text_frame)
            badge.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            replace_paragraphs(badge.text_frame._txBody, [
                paragraph_xml(run_xml(Run(duration, strong=True), 40, colour=accent), align="r")])
            # Setting one dimension of an inherited placeholder resets the others, so set all four.
            title.left, title.top, title.width, title.height = left, top, width - Pt(200), height
            return
        frame = self.placeholders[2].text_frame
        self.plain_frame(frame)
        paras = [paragraph_xml(run_xml(Run(duration, strong=True), 66, colour=accent), align="ctr")]
        if spec.materials:
            label = Run(text(self.workshop.lang, "materials"), strong=True)
            paras.append(paragraph_xml(run_xml(label, 18), space_before=18))
            bullet = bullet_xml("•", accent)
            paras += [paragraph_xml(run_xml(Run(item), 18), margin=INDENT, indent=-INDENT, bullet=bullet)
                      for item in spec.materials]
        replace_paragraphs(frame._txBody, paras)

    def slide_closing(self, spec: SlideSpec) -> None:
        """Write the closing slide: a QR code per link, with its caption and address, centred."""
        title = f"{spec.title} · {spec.subtitle[0]}" if spec.subtitle else spec.title
        self.new_slide(TITLE_ONLY, title)
        body = self.body
        size = min(200.0, body.height - 90)
        top = body.top + (body.height - size - 80) / 2
        step = body.width / len(spec.links)
        for index, (caption, url) in enumerate(spec.links):
            data = io.BytesIO()
            segno.make(url, error="m").save(data, kind="png", scale=8, border=2, dark=self.colours["text"])
            data.seek(0)
            left = body.left + step * index + (step - size) / 2
            picture = self.slide.shapes.add_picture(data, Pt(left), Pt(top), Pt(size), Pt(size))
            picture._element.nvPicPr.cNvPr.set("descr", f"QR code: {url}")
            box = self.slide.shapes.add_textbox(Pt(body.left + step * index), Pt(top + size + 8), Pt(step), Pt(70))
            self.plain_frame(box.text_frame)
            replace_paragraphs(box.text_frame._txBody, [
                paragraph_xml(run_xml(Run(caption, strong=True, href=url), 20, link=self.link), align="ctr"),
                paragraph_xml(run_xml(Run(url.split("://")[-1].rstrip("/")), 14, colour=self.colours["muted"]),
                              align="ctr")])

    def plain_frame(self, frame) -> None:
        """Set a text frame to wrap, not autofit, with the insets the layout measured against."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = Pt(INSET_X)
        frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
        frame.vertical_anchor = MSO_ANCHOR.TOP

    def fill(self, frame, paras: tuple[Para, ...], size: float) -> None:
        """Write planned paragraphs into a text frame with the sizes the planner measured."""
        self.plain_frame(frame)
        replace_paragraphs(frame._txBody, [self.para_xml(para, size, index) for index, para in enumerate(paras)])

    def para_xml(self, para: Para, size: float, index: int) -> str:
        """Return one planned paragraph as DrawingML."""
        points = para_size(para, size)
        if para.style == "bullet":
            bullet = bullet_xml("•" if para.level % 2 == 0 else "–", self.colours["accent"])
        elif para.style == "numbered":
            bullet = number_xml(para.number)
        else:
            bullet = ""
        hanging = -INDENT if bullet else 0.0
        colour = self.colours["muted"] if para.style == "quote" else None
        runs = "".join(run_xml(run, points, bold=para.style == "heading", italic=para.style == "quote",
                               colour=colour, mono=self.theme.mono_font, link=self.link)
                       for run in self.code_runs(para))
        return paragraph_xml(runs, margin=margin(para), indent=hanging, bullet=bullet,
                             space_before=0 if index == 0 else GAP * points)

    @staticmethod
    def code_runs(para: Para) -> tuple[Run, ...]:
        """Return a paragraph's runs, all in monospace when it is code."""
        if para.style != "code":
            return para.runs
        return tuple(Run(r.text, r.strong, r.emphasis, True, r.href) for r in para.runs)

    def link(self, href: str) -> str:
        """Return the relationship id of a hyperlink from the current slide."""
        return self.slide.part.relate_to(self.absolute(href), RT.HYPERLINK, is_external=True)

    def absolute(self, href: str) -> str:
        """Return a link usable from a deck: relative links point at the workshop's page."""
        page = self.context.page_url(self.workshop)
        if "://" in href or href.startswith(("mailto:", page)):
            return href
        return page + href.lstrip("./")

    def table(self, part: TablePart, left: float, top: float) -> None:
        """Add a native table for some rows of a table, with a styled header row."""
        table = part.table
        header = bool(table.header)
        rows = ([table.header] if header else []) + list(table.rows[part.start:part.stop])
        aligns = [table.align[c] if c < len(table.align) and table.align[c] else
                  "right" if numeric_column(table, c) else "" for c in range(len(part.widths))]
        out = []
        for r, (cells, height) in enumerate(zip(rows, part.heights)):
            is_header = header and r == 0
            fill = self.colours["primary"] if is_header else self.colours["light"] if r % 2 == 0 else WHITE
            out.append((height, [self.cell(cells[c] if c < len(cells) else (), part.size, is_header, aligns[c], fill)
                                 for c in range(len(part.widths))]))
        frame = self.slide.shapes.add_table(1, 1, Pt(left), Pt(top), Pt(sum(part.widths)), Pt(part.height))
        old = frame.table._tbl
        old.getparent().replace(old, table_xml(list(part.widths), out, header))

    def cell(self, runs, size: float, header: bool, align: str, fill: str) -> str:
        """Return one table cell as DrawingML."""
        colour = WHITE if header else None
        body = "".join(run_xml(run, size, bold=header, colour=colour, mono=self.theme.mono_font, link=self.link)
                       for run in runs)
        paragraph = paragraph_xml(body, align={"center": "ctr", "right": "r"}.get(align, "l"), end_size=size)
        return cell_xml(paragraph, fill, CELL_X, CELL_Y)

    def picture(self, image, box: Box) -> None:
        """Add an image scaled to fit a box, keeping its aspect ratio and never upscaled."""
        with PILImage.open(image.path) as source:
            width_px, height_px = source.size
        natural_w, natural_h = width_px * 0.75, height_px * 0.75   # 96 dpi pixels in points
        scale = min(box.width / natural_w, box.height / natural_h, 1.0)
        width, height = natural_w * scale, natural_h * scale
        left, top = box.left + (box.width - width) / 2, box.top + (box.height - height) / 2
        picture = self.slide.shapes.add_picture(str(image.path), Pt(left), Pt(top), Pt(width), Pt(height))
        picture._element.nvPicPr.cNvPr.set("descr", image.alt)

    def footer(self) -> None:
        """Add the footer: workshop title left, licence centred, an automatic slide number right."""
        top = Emu(self.prs.slide_height).pt - 34
        width = self.body.width
        muted = self.colours["muted"]
        title = shorten(self.workshop.meta.title, FOOTER_SIZE, (width * 0.4 - 2 * INSET_X) * 0.92,
                        Metrics(self.theme.font_files))
        number = SLIDE_NUMBER.format(size=FOOTER_SIZE * 100, colour=muted.lstrip("#").upper(), number=len(self.prs.slides))
        parts = ((0, width * 0.4, run_xml(Run(title), FOOTER_SIZE, colour=muted), "l"),
                 (width * 0.4, width * 0.2, run_xml(Run(self.workshop.meta.licence), FOOTER_SIZE, colour=muted)
                  if self.workshop.meta.licence else "", "ctr"),
                 (width * 0.6, width * 0.4, number, "r"))
        tree = self.slide.shapes._spTree
        next_id = tree.max_shape_id + 1
        for left, width, runs, align in parts:
            if runs:
                # Written as XML: three python-pptx text boxes per slide cost a fifth of the deck's time.
                box = Box(self.body.left + left, top, width, 22)
                tree.append(textbox_xml(next_id, f"Footer {next_id}", box, paragraph_xml(runs, align=align),
                                        INSET_X, INSET_Y))
                next_id += 1

    def core_properties(self) -> None:
        """Set document properties from the sources, with fixed dates, so rebuilds are identical."""
        meta = self.workshop.meta
        props = self.prs.core_properties
        props.title = meta.title
        props.subject = meta.subtitle
        props.author = ", ".join(meta.facilitators) or self.theme.name
        props.last_modified_by = "toolkit builder"
        props.language = self.workshop.lang
        props.keywords = ", ".join(meta.tags)
        props.revision = 1
        props.created = props.modified = props.last_printed = source_date(meta.origin.date)


def numeric_column(table, column: int) -> bool:
    """Return whether every filled body cell of a table column is a number, to align it right."""
    values = [plain(row[column]).strip() for row in table.rows if column < len(row) and plain(row[column]).strip()]
    return bool(values) and all(re.fullmatch(r"[-+−]?[\d.,\s]+\s?%?", v) for v in values)


def shorten(value: str, size: float, width: float, metrics: Metrics) -> str:
    """Return a text cut with an ellipsis so that it fits a width."""
    if metrics.width(value, "regular", size) <= width:
        return value
    while value and metrics.width(value + "…", "regular", size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def source_date(date: str) -> datetime.datetime:
    """Return a fixed timestamp from the workshop's origin date (2000-01-01 if it has none)."""
    parts = [int(p) for p in date.split("-") if p.isdigit()][:3] if date else []
    year, month, day = (parts + [1, 1])[:3] if parts else (2000, 1, 1)
    try:
        return datetime.datetime(year, month, day)
    except ValueError:
        return datetime.datetime(2000, 1, 1)


def emit_deck(deck: Deck, workshop: Workshop, context: Context) -> bytes:
    """Return the .pptx bytes of a planned deck."""
    return Emitter(workshop, context).emit(deck)
