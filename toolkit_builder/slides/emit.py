"""emit_deck: turn a planned deck into .pptx bytes with python-pptx, on the theme's template."""

from __future__ import annotations

import datetime
import io
import zipfile

import segno
from lxml import etree
from PIL import Image as PILImage
from pptx.dml.color import RGBColor
from pptx.opc.serialized import _ZipPkgWriter
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from ..artifacts import ZIP_EPOCH
from ..i18n import text
from ..model import Workshop
from ..writers import Context
from ..model import Run
from .layout import CELL_X, CELL_Y, GAP, INDENT, INSET_X, INSET_Y, Para, TablePart, margin, para_size
from .plan import Deck, SlideSpec
from .template import A, BLANK, CONTENT, SECTION, TITLE, TITLE_ONLY, TWO_CONTENT, Box, open_deck

FOOTER_SIZE = 11


def rgb(colour: str) -> RGBColor:
    """Return a python-pptx colour for `#rrggbb`."""
    return RGBColor.from_string(colour.lstrip("#").upper())


def pt_box(box: Box) -> tuple[Emu, Emu, Emu, Emu]:
    """Return a box in EMU."""
    return Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)


class Emitter:
    """Writes slide specs into a presentation built on the theme's template."""

    def __init__(self, workshop: Workshop, context: Context):
        self.workshop = workshop
        self.context = context
        self.theme = context.theme
        self.prs = open_deck(self.theme)
        self.layouts = list(self.prs.slide_layouts)
        self.placeholders: dict = {}
        self.colours = self.theme.colours

    def emit(self, deck: Deck) -> bytes:
        """Return the deck as deterministic .pptx bytes."""
        for number, spec in enumerate(deck.slides, 1):
            getattr(self, f"slide_{spec.kind}")(spec)
            slide = self.prs.slides[-1]
            if spec.kind in ("content", "activity", "agenda", "closing"):
                for para in self.placeholders[0].text_frame.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(spec.title_size)
            if spec.notes:
                slide.notes_slide.notes_text_frame.text = spec.notes
            if spec.kind in ("content", "activity", "agenda"):
                self.footer(slide)
        self.core_properties()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()

    def new_slide(self, layout: int):
        """Add a slide on one of the template's layouts and index its placeholders once."""
        slide = self.prs.slides.add_slide(self.layouts[layout])
        # Looking placeholders up through python-pptx is an XPath query each time; do it once.
        self.placeholders = {shape.placeholder_format.idx: shape for shape in slide.placeholders}
        return slide

    def placeholder(self, slide, idx: int):
        """Return the current slide's placeholder by index, or None."""
        return self.placeholders.get(idx)

    def title(self, slide, value: str):
        """Write a slide's title and return its placeholder."""
        shape = self.placeholders[0]
        shape.text_frame.text = value
        return shape

    def drop(self, shape) -> None:
        """Remove an unused placeholder so that no empty prompt is left on the slide."""
        if shape is not None:
            shape._element.getparent().remove(shape._element)

    def slide_title(self, spec: SlideSpec) -> None:
        """Write the title slide: title, subtitle, origin line and logo."""
        slide = self.new_slide(TITLE)
        self.title(slide, spec.title)
        sub = self.placeholder(slide, 1)
        frame = sub.text_frame
        for index, line in enumerate(spec.subtitle):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            para.text = line
            if index:
                para.runs[0].font.size = Pt(18)
        if not spec.subtitle:
            self.drop(sub)
        if self.theme.logo_png:
            slide.shapes.add_picture(str(self.theme.logo_png), Pt(self.slide_width() - 100), Pt(24), Pt(64), Pt(64))
            slide.shapes[-1]._element.nvPicPr.cNvPr.set("descr", self.theme.name)

    def slide_width(self) -> float:
        """Return the slide width in points."""
        return Emu(self.prs.slide_width).pt

    def slide_agenda(self, spec: SlideSpec) -> None:
        """Write an agenda slide: a native table with clock times."""
        slide = self.new_slide(TITLE_ONLY)
        self.title(slide, spec.title)
        body = self.body_box()
        self.table(slide, spec.table, body.left, body.top)

    def slide_divider(self, spec: SlideSpec) -> None:
        """Write a section divider for an agenda block."""
        slide = self.new_slide(SECTION)
        self.title(slide, spec.title)
        self.placeholder(slide, 1).text_frame.text = "\n".join(spec.subtitle)

    slide_break = slide_divider

    def slide_content(self, spec: SlideSpec) -> None:
        """Write a content slide: text, a table, an image, or text beside an image."""
        layout = TWO_CONTENT if spec.image and spec.paras else CONTENT if spec.paras else TITLE_ONLY
        slide = self.new_slide(layout)
        self.title(slide, spec.title)
        body = self.placeholder(slide, 1)
        if spec.paras:
            if spec.text_box is not None:
                body.left, body.top, body.width, body.height = pt_box(spec.text_box)
            self.fill(body.text_frame, spec.paras, spec.size)
        if spec.table is not None:
            top = spec.text_box.top + spec.text_box.height + 8 if spec.paras and spec.text_box else self.body_box().top
            self.table(slide, spec.table, self.body_box().left, top)
        if spec.image is not None:
            right = self.placeholder(slide, 2)
            box = self.geometry_box(right) if right is not None else self.body_box()
            self.drop(right)
            self.picture(slide, spec.image, box)

    def slide_activity(self, spec: SlideSpec) -> None:
        """Write an activity slide: instructions, the duration large, and the materials."""
        wide = spec.text_box is not None and spec.text_box.width > self.body_box().width * 0.75
        slide = self.new_slide(CONTENT if wide else TWO_CONTENT)
        self.title(slide, spec.title)
        self.fill(self.placeholder(slide, 1).text_frame, spec.paras, spec.size)
        duration = f"{spec.minutes} {text(self.workshop.lang, 'minutes')}"
        if wide:
            # Long instructions take the whole width; the duration moves up beside the title.
            title = self.placeholders[0]
            left, top, width, height = title.left, title.top, title.width, title.height
            badge = slide.shapes.add_textbox(left + width - Pt(190), top, Pt(190), height)
            self.plain_frame(badge.text_frame)
            badge.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            self.duration_line(badge.text_frame.paragraphs[0], duration, 40, PP_ALIGN.RIGHT)
            # Setting one dimension of an inherited placeholder resets the others, so set all four.
            title.left, title.top, title.width, title.height = left, top, width - Pt(200), height
            return
        frame = self.placeholder(slide, 2).text_frame
        self.plain_frame(frame)
        self.duration_line(frame.paragraphs[0], duration, 66, PP_ALIGN.CENTER)
        bar = frame.add_paragraph()
        self.no_bullet(bar)
        bar.alignment = PP_ALIGN.CENTER
        bar_run = bar.add_run()
        bar_run.text = "▬" * 10
        bar_run.font.size = Pt(18)
        bar_run.font.color.rgb = rgb(self.colours.get("accent", "#2a9d8f"))
        if spec.materials:
            label = frame.add_paragraph()
            self.no_bullet(label)
            label.space_before = Pt(18)
            self.add_run(label, Run(text(self.workshop.lang, "materials"), strong=True), 18, "plain")
            for item in spec.materials:
                para = frame.add_paragraph()
                self.bullet(para, Para((Run(item),), style="bullet"), 1)
                self.add_run(para, Run(item), 18, "plain")

    def duration_line(self, paragraph, duration: str, size: int, align) -> None:
        """Write an activity's duration, large and in the accent colour."""
        self.no_bullet(paragraph)
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = duration
        run.font.size, run.font.bold = Pt(size), True
        run.font.color.rgb = rgb(self.colours.get("accent", "#2a9d8f"))

    def slide_closing(self, spec: SlideSpec) -> None:
        """Write the closing slide with QR codes to the workshop page and the video."""
        slide = self.new_slide(TITLE_ONLY)
        self.title(slide, f"{spec.title} · {spec.subtitle[0]}" if spec.subtitle else spec.title)
        body = self.body_box()
        size = min(220.0, body.height - 60)
        count = len(spec.links)
        step = body.width / count
        for index, (caption, url) in enumerate(spec.links):
            left = body.left + step * index + (step - size) / 2
            qr = segno.make(url, error="m")
            data = io.BytesIO()
            qr.save(data, kind="png", scale=12, border=2, dark=self.colours.get("text", "#000000"))
            data.seek(0)
            pic = slide.shapes.add_picture(data, Pt(left), Pt(body.top + 10), Pt(size), Pt(size))
            pic._element.nvPicPr.cNvPr.set("descr", f"QR code: {url}")
            box = slide.shapes.add_textbox(Pt(body.left + step * index), Pt(body.top + size + 16), Pt(step), Pt(50))
            frame = box.text_frame
            frame.word_wrap = True
            para = frame.paragraphs[0]
            para.alignment = PP_ALIGN.CENTER
            run = para.add_run()
            run.text = caption
            run.font.size, run.font.bold = Pt(20), True
            run.hyperlink.address = url

    def body_box(self) -> Box:
        """Return the content area of the template."""
        from .template import geometry, template_path

        return geometry(template_path(self.theme)).body

    def geometry_box(self, shape) -> Box:
        """Return a shape's box in points."""
        return Box(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)

    def plain_frame(self, frame) -> None:
        """Set a text frame to wrap, not autofit, with the insets the layout measured against."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = Pt(INSET_X)
        frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
        frame.vertical_anchor = MSO_ANCHOR.TOP

    def fill(self, frame, paras, size: float) -> None:
        """Write planned paragraphs into a text frame with the sizes the planner measured."""
        self.plain_frame(frame)
        for index, para in enumerate(paras):
            target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            self.bullet(target, para, index)
            points = para_size(para, size)
            for run in para.runs:
                self.add_run(target, run, points, para.style)

    def no_bullet(self, paragraph) -> None:
        """Give a paragraph no bullet and no indent, whatever the layout's defaults."""
        self.bullet(paragraph, Para(()), 0)

    def bullet(self, paragraph, para, index: int) -> None:
        """Set a paragraph's margin, bullet or number, and spacing."""
        ppr = paragraph._p.get_or_add_pPr()
        left = margin(para)
        ppr.set("marL", str(Pt(left)))
        ppr.set("indent", str(-Pt(INDENT) if para.style in ("bullet", "numbered") else 0))
        for child in list(ppr):
            if child.tag.split("}")[1].startswith("bu"):
                ppr.remove(child)
        if para.style == "bullet":
            colour = etree.SubElement(ppr, f"{{{A}}}buClr")
            etree.SubElement(colour, f"{{{A}}}srgbClr", val=self.colours.get("accent", "#2a9d8f").lstrip("#").upper())
            etree.SubElement(ppr, f"{{{A}}}buChar", char="•" if para.level % 2 == 0 else "–")
        elif para.style == "numbered":
            etree.SubElement(ppr, f"{{{A}}}buAutoNum", type="arabicPeriod", startAt=str(para.number))
        else:
            etree.SubElement(ppr, f"{{{A}}}buNone")
        paragraph.space_before = Pt(0 if index == 0 else GAP * para_size(para, 20))

    def add_run(self, paragraph, run, size: float, style: str) -> None:
        """Add one formatted run to a paragraph."""
        out = paragraph.add_run()
        out.text = run.text
        font = out.font
        font.size = Pt(size)
        font.bold = run.strong or style == "heading" or None
        font.italic = run.emphasis or style == "quote" or None
        if run.code or style == "code":
            font.name = self.theme.mono_font
        if style == "quote":
            font.color.rgb = rgb(self.colours.get("muted", "#5b6675"))
        if run.href:
            out.hyperlink.address = self.absolute(run.href)

    def absolute(self, href: str) -> str:
        """Return a link usable from a deck: relative links point at the workshop's page."""
        if "://" in href or href.startswith("mailto:"):
            return href
        return self.context.page_url(self.workshop) + href.lstrip("./")

    def table(self, slide, part: TablePart, left: float, top: float) -> None:
        """Add a native table for some rows of a table, with a styled header row."""
        table = part.table
        rows = [table.header] + list(table.rows[part.start:part.stop]) if table.header else \
            list(table.rows[part.start:part.stop])
        columns = len(part.widths)
        shape = slide.shapes.add_table(len(rows), columns, Pt(left), Pt(top), Pt(sum(part.widths)), Pt(part.height))
        grid = shape.table
        grid.first_row = bool(table.header)
        for index, width in enumerate(part.widths):
            grid.columns[index].width = Pt(width)
        for r, (cells, height) in enumerate(zip(rows, part.heights)):
            grid.rows[r].height = Pt(height)
            header = r == 0 and bool(table.header)
            for c in range(columns):
                cell = grid.cell(r, c)
                self.cell(cell, cells[c] if c < len(cells) else (), part.size, header,
                          table.align[c] if c < len(table.align) else "", r)

    def cell(self, cell, runs, size: float, header: bool, align: str, row: int) -> None:
        """Write one table cell: text, margins, fill."""
        cell.margin_left = cell.margin_right = Pt(CELL_X)
        cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
        frame = cell.text_frame
        frame.word_wrap = True
        para = frame.paragraphs[0]
        para.alignment = {"center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}.get(align, PP_ALIGN.LEFT)
        for run in runs:
            self.add_run(para, run, size, "heading" if header else "plain")
        cell.fill.solid()
        if header:
            cell.fill.fore_color.rgb = rgb(self.colours.get("primary", "#1f4e79"))
            for out in para.runs:
                out.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        else:
            cell.fill.fore_color.rgb = rgb(self.colours.get("light", "#eef3f8")) if row % 2 == 0 else RGBColor(0xFF, 0xFF, 0xFF)

    def picture(self, slide, image, box: Box) -> None:
        """Add an image scaled to fit a box, keeping its aspect ratio and never upscaled."""
        with PILImage.open(image.path) as source:
            width_px, height_px = source.size
        natural_w, natural_h = width_px * 0.75, height_px * 0.75   # 96 dpi pixels in points
        scale = min(box.width / natural_w, box.height / natural_h, 1.0)
        width, height = natural_w * scale, natural_h * scale
        left = box.left + (box.width - width) / 2
        top = box.top + (box.height - height) / 2
        pic = slide.shapes.add_picture(str(image.path), Pt(left), Pt(top), Pt(width), Pt(height))
        pic._element.nvPicPr.cNvPr.set("descr", image.alt)

    def footer(self, slide) -> None:
        """Add the footer: workshop title, licence and an automatic slide number."""
        height = Emu(self.prs.slide_height).pt
        width = self.slide_width()
        top = height - 34
        meta = self.workshop.meta
        for left, box_width, value, align in ((43, width * 0.45, meta.title, PP_ALIGN.LEFT),
                                              (width * 0.5, width * 0.3, meta.licence, PP_ALIGN.CENTER)):
            if value:
                box = slide.shapes.add_textbox(Pt(left), Pt(top), Pt(box_width), Pt(22))
                self.footer_text(box.text_frame, value, align)
        number = slide.shapes.add_textbox(Pt(width - 143), Pt(top), Pt(100), Pt(22))
        para = self.footer_text(number.text_frame, "", PP_ALIGN.RIGHT)
        field = etree.SubElement(para._p, f"{{{A}}}fld", id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
        rpr = etree.SubElement(field, f"{{{A}}}rPr", lang="en-US", sz=str(FOOTER_SIZE * 100))
        fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
        etree.SubElement(fill, f"{{{A}}}srgbClr", val=self.colours.get("muted", "#5b6675").lstrip("#").upper())
        etree.SubElement(field, f"{{{A}}}t").text = str(len(self.prs.slides))

    def footer_text(self, frame, value: str, align):
        """Write a small muted footer line into a text frame and return its paragraph."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        para = frame.paragraphs[0]
        para.alignment = align
        if value:
            run = para.add_run()
            run.text = value
            run.font.size = Pt(FOOTER_SIZE)
            run.font.color.rgb = rgb(self.colours.get("muted", "#5b6675"))
        return para

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
        stamp = source_date(meta.origin.date)
        props.created = props.modified = props.last_printed = stamp


def source_date(date: str) -> datetime.datetime:
    """Return a fixed timestamp from the workshop's origin date (2000-01-01 if it has none)."""
    parts = [int(p) for p in date.split("-") if p.isdigit()][:3] if date else []
    year, month, day = (parts + [1, 1])[:3] if parts else (2000, 1, 1)
    try:
        return datetime.datetime(year, month, day)
    except ValueError:
        return datetime.datetime(2000, 1, 1)


def _write_fixed_time(self, pack_uri, blob: bytes) -> None:
    """Write one package part with a fixed timestamp (python-pptx would stamp the current time)."""
    entry = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    self._zipf.writestr(entry, blob)


# python-pptx has no option for zip timestamps; its writer is replaced so rebuilds are byte-identical.
_ZipPkgWriter.write = _write_fixed_time


def emit_deck(deck: Deck, workshop: Workshop, context: Context) -> bytes:
    """Return the .pptx bytes of a planned deck."""
    return Emitter(workshop, context).emit(deck)
