"""emit_deck: turn a planned deck into .pptx bytes with python-pptx, on the theme's template."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Pt

from ..i18n import language_tag, text
from ..limits import CORE_PROPERTY_CHARS
from ..model import Workshop
from ..writers import Context
from .drawing import WHITE, Pen
from .furniture import Furniture
from .layout import (
    GAP,
    GAP_BELOW_TEXT,
    INSET_X,
    INSET_Y,
    Para,
    TablePart,
    level_sizes,
    numeric_column,
)
from .measure import metrics_for
from .package import fixed_zip, source_date
from .pptx_private import (
    remove_shape,
    replace_table,
    set_alt_text,
    text_body,
)
from .specs import (
    ActivitySlide,
    AgendaSlide,
    BreakSlide,
    ClosingSlide,
    ContentSlide,
    Deck,
    DividerSlide,
    SlideSpec,
    TitleSlide,
)
from .template import (
    CONTENT,
    SECTION,
    TITLE_ONLY,
    TWO_CONTENT,
    Box,
    geometry,
    open_deck,
    set_body_size,
    template_path,
)
from .xml import (
    replace_paragraphs,
    table_xml,
)

# The elements that carry a text run's language (a run, a paragraph's end, a list level's default).
DRAWING_ML = "http://schemas.openxmlformats.org/drawingml/2006/main"
RUN_PROPERTIES = tuple(f"{{{DRAWING_ML}}}{name}" for name in ("rPr", "endParaRPr", "defRPr"))
PX = 0.75                            # points per pixel of an image at 96 dpi
WIDE_ACTIVITY = 0.75                 # share of the body's width from which activity text is wide


class UnhandledSpecError(TypeError):
    """A slide spec of a type the emitter has no writer for (a slide kind not yet emitted)."""


class Emitter(Furniture):
    """Writes slide specs into a presentation built on the theme's template."""

    def __init__(self, workshop: Workshop, context: Context):
        self.workshop = workshop
        self.context = context
        self.theme = context.theme
        self.colours = self.theme.colours  # the resolved theme sets every colour
        self.prs = open_deck(self.theme)
        self.layouts = list(self.prs.slide_layouts)
        self.body = geometry(template_path(self.theme)).body
        self.slide = None
        self.placeholders: dict = {}
        self.metrics = metrics_for(self.theme.font_files)
        self.deck_size: float | None = None
        self.footers = self.footer_texts()
        self._footer_slots: dict[str, list[tuple[str, int]]] = {}
        self.pen = Pen(self.colours, self.theme.mono_font, self.link)

    def emit(self, deck: Deck) -> bytes:
        """Return the deck as deterministic .pptx bytes."""
        self.deck_size = deck.size
        set_body_size(self.prs, level_sizes(deck.size), GAP)
        for spec in deck.slides:
            self.write(spec)
        self.core_properties()
        self.tag_language()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return fixed_zip(buffer.getvalue())

    def tag_language(self) -> None:
        """Mark every text run of the slides and notes with the workshop's language (nb-NO, …),
        so that spelling checkers and screen readers use the right one."""
        tag = language_tag(self.workshop.lang)
        for slide in self.prs.slides:
            parts = [slide.element] + ([slide.notes_slide.element] if slide.has_notes_slide else [])
            for element in parts:
                for props in element.iter(*RUN_PROPERTIES):
                    props.set("lang", tag)

    def write(self, spec: SlideSpec) -> None:
        """Write one slide by the type of its spec, then its speaker notes."""
        writer = WRITERS.get(type(spec))
        if writer is None:
            raise UnhandledSpecError(f"the slide emitter has no writer for {type(spec).__name__}")
        writer(self, spec)
        self.marker(spec)
        if spec.notes:
            self.slide.notes_slide.notes_text_frame.text = spec.notes

    def new_slide(self, layout: int, title: str, size: float | None = None):
        """Add a slide on a layout, index its placeholders once, and write its title (at a size)."""
        self.slide = self.prs.slides.add_slide(self.layouts[layout])
        # Each placeholder lookup through python-pptx is an XPath query; do it once per slide.
        self.placeholders = {shape.placeholder_format.idx: shape
                             for shape in self.slide.placeholders}
        frame = self.placeholders[0].text_frame
        frame.text = title
        if size is not None:
            for para in frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
        return self.slide

    def drop(self, idx: int) -> None:
        """Remove an unused placeholder so that no empty prompt is left on the slide."""
        shape = self.placeholders.pop(idx, None)
        if shape is not None:
            remove_shape(shape)

    def slide_agenda(self, spec: AgendaSlide) -> None:
        """Write an agenda slide: a native table with clock times."""
        self.new_slide(TITLE_ONLY, spec.title, spec.title_size)
        left = self.body.left
        for part in spec.tables:
            self.table(part, left, self.body.top)
            left = self.body.left + self.body.width - sum(part.widths)
        self.footer()

    def slide_divider(self, spec: DividerSlide | BreakSlide) -> None:
        """Write a section divider for an agenda block."""
        self.new_slide(SECTION, spec.title)
        self.placeholders[1].text_frame.text = "\n".join(spec.subtitle)

    def slide_break(self, spec: BreakSlide) -> None:
        """Write a break slide: the divider layout in the accent colour, and when to be back."""
        self.slide_divider(spec)
        fill = self.slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(self.colours["accent"].lstrip("#").upper())

    def slide_content(self, spec: ContentSlide) -> None:
        """Write a content slide: text, a table, an image, or text beside an image."""
        beside = spec.image is not None and spec.paras and spec.image_box is None
        layout = TWO_CONTENT if beside else CONTENT if spec.paras else TITLE_ONLY
        self.new_slide(layout, spec.title, spec.title_size)
        if spec.paras:
            self.text(spec)
        if spec.table is not None:
            top = self.body.top
            if spec.paras and spec.text_box is not None:
                top = spec.text_box.top + spec.text_box.height + GAP_BELOW_TEXT
            self.table(spec.table, self.body.left, top)
        if spec.below:
            self.text_below(spec)
        if spec.image is not None:
            right = self.placeholders.get(2)
            box = spec.image_box or self.body
            if right is not None:
                box = Box(Emu(right.left).pt, Emu(right.top).pt, Emu(right.width).pt,
                          Emu(right.height).pt)
            self.drop(2)
            self.picture(spec.image, box)
        self.footer()

    def text(self, spec: ContentSlide) -> None:
        """Write a slide's paragraphs into its body, moved to the planned box if it has one."""
        body = self.placeholders[1]
        if spec.text_box is not None:
            box = spec.text_box
            body.left, body.top = Pt(box.left), Pt(box.top)
            body.width, body.height = Pt(box.width), Pt(box.height)
        self.fill(body.text_frame, spec.paras, spec.size)
        if spec.statement:
            body.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def text_below(self, spec: ContentSlide) -> None:
        """Write the text that follows a table in a text box under it, at the deck's size."""
        box = spec.below_box
        shape = self.slide.shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width),
                                              Pt(box.height))
        self.plain_frame(shape.text_frame)
        replace_paragraphs(text_body(shape.text_frame), [self.pen.paragraph(para, spec.size, i)
                                                         for i, para in enumerate(spec.below)])

    def slide_activity(self, spec: ActivitySlide) -> None:
        """Write an activity slide: the steps, the duration large and the materials (beside the
        steps, or under them in the text when the steps take the full width)."""
        wide = spec.text_box.width > self.body.width * WIDE_ACTIVITY
        self.new_slide(CONTENT if wide else TWO_CONTENT, spec.title, spec.title_size)
        self.fill(self.placeholders[1].text_frame, spec.paras, spec.size)
        duration = f"{spec.minutes} {text(self.workshop.lang, 'min')}"
        if wide:
            self.duration_badge(duration)
        else:
            self.duration_panel(duration, spec.materials)
        self.footer()

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
        replace_paragraphs(text_body(frame), [self.pen.paragraph(para, size, index, self.deck_size)
                                              for index, para in enumerate(paras)])

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
        # A table without a header still has a (zero) header height first: zip to the shorter.
        for r, (cells, height) in enumerate(zip(rows, part.heights, strict=False)):
            is_header = header and r == 0
            fill = (self.colours["primary"] if is_header else self.colours["light"] if r % 2 == 0
                    else WHITE)
            out.append((height, [self.pen.cell(cells[c] if c < len(cells) else (), part.size,
                                               is_header, aligns[c], fill)
                                 for c in range(len(part.widths))]))
        frame = self.slide.shapes.add_table(1, 1, Pt(left), Pt(top), Pt(sum(part.widths)),
                                            Pt(part.height))
        replace_table(frame, table_xml(list(part.widths), out, header))

    def picture(self, image, box: Box) -> None:
        """Add an image scaled to fit a box, keeping its aspect ratio and never upscaled."""
        with PILImage.open(image.path) as source:
            width_px, height_px = source.size
        natural_w, natural_h = width_px * PX, height_px * PX
        scale = min(box.width / natural_w, box.height / natural_h, 1.0)
        width, height = natural_w * scale, natural_h * scale
        left, top = box.left + (box.width - width) / 2, box.top + (box.height - height) / 2
        picture = self.slide.shapes.add_picture(str(image.path), Pt(left), Pt(top), Pt(width),
                                                Pt(height))
        set_alt_text(picture, image.alt)

    def core_properties(self) -> None:
        """Set document properties from the sources, with fixed dates, so rebuilds are identical."""
        meta = self.workshop.meta
        props = self.prs.core_properties
        # The format holds 255 characters a property; `check` keeps sources within it, this is
        # the safety net for what reaches the writer some other way.
        props.title = fitted(meta.title)
        props.subject = fitted(meta.subtitle)
        props.author = fitted(", ".join(meta.facilitators)
                              or self.context.project_name(self.workshop.lang))
        props.last_modified_by = "toolkit builder"
        props.language = language_tag(self.workshop.lang)
        props.keywords = fitted(", ".join(meta.tags))
        props.revision = 1
        props.created = props.modified = props.last_printed = source_date(meta.origin.date)


# The writer of each slide kind: every type of SlideSpec, so that no kind is left unwritten.
WRITERS = {
    TitleSlide: Emitter.slide_title, AgendaSlide: Emitter.slide_agenda,
    DividerSlide: Emitter.slide_divider, BreakSlide: Emitter.slide_break,
    ContentSlide: Emitter.slide_content, ActivitySlide: Emitter.slide_activity,
    ClosingSlide: Emitter.slide_closing,
}


def emit_deck(deck: Deck, workshop: Workshop, context: Context) -> bytes:
    """Return the .pptx bytes of a planned deck."""
    return Emitter(workshop, context).emit(deck)


def fitted(value: str) -> str:
    """Return a document property cut to the format's length, at a word, with an ellipsis."""
    if len(value) <= CORE_PROPERTY_CHARS:
        return value
    return value[:CORE_PROPERTY_CHARS - 1].rsplit(" ", 1)[0] + "…"
