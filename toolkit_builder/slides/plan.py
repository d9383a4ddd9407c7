"""plan_deck: the slides of a workshop as data (pure; only emit.py touches python-pptx)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, WARNING
from ..formatting import human_date
from ..i18n import text
from ..model import (Activity, Block, Code, Heading, Image, ListBlock, Notes, Only, Paragraph, Quote, Run,
                     Section, SourcePos, Table, Workshop, plain)
from ..resolve import Slot, schedule
from ..writers import Context
from .layout import INSET_X, INSET_Y, SAFETY, Para, TablePart, fit_size, paginate, table_parts, text_height
from .measure import Metrics
from .template import Box, Geometry, geometry, template_path

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}
LONG_WORKSHOP = 120        # minutes from which each agenda block gets a divider slide
GAP_BELOW_TEXT = 8.0


@dataclass(frozen=True)
class SlideSpec:
    """One slide to emit: its kind, title and content, already laid out to fit."""

    kind: str                              # title, agenda, divider, break, content, activity, closing
    title: str
    section: str = ""                      # anchor of the section it belongs to
    paras: tuple[Para, ...] = ()
    size: float = 24.0
    text_box: Box | None = None
    text_height: float = 0.0
    table: TablePart | None = None
    image: Image | None = None
    subtitle: tuple[str, ...] = ()
    minutes: int = 0
    materials: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    notes: str = ""
    pos: SourcePos | None = None
    title_size: float = 32.0
    statement: bool = False
    image_box: Box | None = None


@dataclass
class Deck:
    """A planned deck: slides and what the planner had to warn about."""

    slides: list[SlideSpec] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def paras_of(blocks: tuple[Block, ...]) -> list[Para]:
    """Return the slide paragraphs of text blocks (lists, paragraphs, headings, quotes, code)."""
    out: list[Para] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Para(block.runs))
        elif isinstance(block, Heading):
            out.append(Para(block.runs, style="heading"))
        elif isinstance(block, ListBlock):
            counters: dict[int, int] = {}
            for item in block.items:
                counters[item.level] = counters.get(item.level, 0) + 1
                for deeper in [lvl for lvl in counters if lvl > item.level]:
                    del counters[deeper]
                out.append(Para(item.runs, item.level, "numbered" if item.ordered else "bullet", counters[item.level]))
        elif isinstance(block, Quote):
            out.extend(Para(p, style="quote") for p in block.paragraphs)
        elif isinstance(block, Code):
            out.extend(Para((Run(line or " ", code=True),), style="code") for line in block.text.split("\n"))
    return out


def aspect(image: Image) -> float:
    """Return an image's width over its height (read from the file's header)."""
    from PIL import Image as PILImage

    with PILImage.open(image.path) as picture:
        width, height = picture.size
    return width / max(height, 1)


def text_paras(blocks: list[Block]) -> list[Para]:
    """Return the slide paragraphs of the text blocks among some blocks."""
    return paras_of(tuple(b for b in blocks if not isinstance(b, (Activity, Table, Image))))


def notes_text(blocks: tuple[Block, ...]) -> str:
    """Return facilitator notes as plain text for the notes pane."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Notes):
            for para in paras_of(block.blocks):
                bullet = "• " if para.style == "bullet" else f"{para.number}. " if para.style == "numbered" else ""
                lines.append("    " * para.level + bullet + plain(para.runs))
    return "\n".join(lines)


def _for_slides(blocks: tuple[Block, ...]) -> list[Block]:
    """Return blocks as the slides see them: slides-only content in, handout-only and notes out."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Only):
            if block.target == "slides":
                out.extend(_for_slides(block.blocks))
        elif not isinstance(block, Notes):
            out.append(block)
    return out


class Planner:
    """Lays out one workshop's slides against the template's geometry and the theme's fonts."""

    def __init__(self, workshop: Workshop, context: Context):
        self.workshop = workshop
        self.context = context
        self.lang = workshop.lang
        self.geo: Geometry = geometry(template_path(context.theme))
        self.metrics = Metrics(context.theme.font_files)
        self.slots = schedule(workshop)
        self.deck = Deck()

    def warn(self, pos: SourcePos, message: str) -> None:
        """Record a warning for the build summary and `check`."""
        self.deck.diagnostics.append(Diagnostic(pos, WARNING, message, "slides.split"))

    def title_size(self, title: str, kind: str) -> float:
        """Return the largest title size at which a content title fits its placeholder."""
        box = self.geo.title
        for size in (32.0, 28.0, 24.0, 20.0):
            lines = self.metrics.lines((Run(title, strong=True),), size, (box.width - 2 * INSET_X) * SAFETY)
            if lines * self.metrics.line_height(size) + 2 * INSET_Y <= box.height:
                return size
        return 20.0

    def plan(self) -> Deck:
        """Return the whole deck."""
        meta = self.workshop.meta
        self.add_title()
        if meta.agenda:
            self.add_agenda()
        for entry in self.sequence():
            if isinstance(entry, Section):
                self.add_section(entry)
            else:
                self.add_slot(entry)
        self.add_closing()
        for index, spec in enumerate(self.deck.slides):
            if spec.kind in ("content", "activity", "agenda", "closing"):
                self.deck.slides[index] = replace(spec, title_size=self.title_size(spec.title, spec.kind))
        return self.deck

    def sequence(self) -> list:
        """Return sections in order, with agenda dividers and breaks where they fall."""
        slots = self.slots
        long = (self.workshop.meta.duration or 0) >= LONG_WORKSHOP
        before: dict[int, list[Slot]] = {}
        pending: list[Slot] = []
        for slot in slots:
            if slot.sections:
                first = self.workshop.sections.index(slot.sections[0])
                before.setdefault(first, []).extend(pending + ([slot] if long else []))
                pending = []
            elif slot.is_break:
                pending.append(slot)
        out: list = []
        for index, section in enumerate(self.workshop.sections):
            out.extend(before.get(index, []))
            out.append(section)
        return out + pending

    def add_title(self) -> None:
        """Add the title slide: title, subtitle, origin with date and place."""
        meta = self.workshop.meta
        origin = meta.origin
        line = " · ".join(x for x in (origin.event, origin.place, human_date(origin.date, self.lang)) if x)
        objectives = "\n".join(f"• {o}" for o in meta.objectives)
        notes = f"{text(self.lang, 'objectives')}:\n{objectives}" if objectives else ""
        self.deck.slides.append(SlideSpec("title", meta.title, subtitle=tuple(x for x in (meta.subtitle, line) if x),
                                          notes=notes, pos=self.workshop.source))

    def add_agenda(self) -> None:
        """Add the agenda as a table with clock times (split if it is long)."""
        rows = tuple((slot.start, slot.item.title, f"{slot.item.minutes} {text(self.lang, 'minutes')}")
                     for slot in self.slots)
        header = tuple((Run(text(self.lang, key)),) for key in ("time", "item", "duration"))
        table = Table(header, tuple(tuple((Run(c),) for c in row) for row in rows), ("left", "left", "right"),
                      self.workshop.meta.agenda[0].pos)
        area = self.geo.body
        parts = table_parts(table, area.width, area.height, area.height, self.metrics)
        for number, part in enumerate(parts, 1):
            title = self.numbered(text(self.lang, "agenda"), number, len(parts))
            self.deck.slides.append(SlideSpec("agenda", title, table=part, pos=table.pos))

    def add_slot(self, slot: Slot) -> None:
        """Add a divider for an agenda block, or a break slide."""
        minutes = f"{slot.item.minutes} {text(self.lang, 'minutes')}"
        if slot.is_break:
            back = text(self.lang, "back_at", time=slot.end)
            self.deck.slides.append(SlideSpec("break", slot.item.title, subtitle=(f"{minutes} · {back}",),
                                              minutes=slot.item.minutes, pos=slot.item.pos))
            return
        titles = "\n".join(f"• {s.title}" for s in slot.sections)
        blocks = [s for s in self.slots if s.sections]
        counter = f"{blocks.index(slot) + 1:02d} / {len(blocks):02d}"
        self.deck.slides.append(SlideSpec("divider", slot.item.title, section=slot.sections[0].anchor,
                                          subtitle=(f"{slot.start} – {slot.end} · {minutes}", counter),
                                          notes=titles, pos=slot.item.pos))

    def add_section(self, section: Section) -> None:
        """Add the slides of a section: one or more per `---` chunk, activities on their own."""
        for chunk in section.slides:
            notes = notes_text(chunk.blocks)
            blocks = _for_slides(chunk.blocks)
            tables = [b for b in blocks if isinstance(b, Table)]
            images = [b for b in blocks if isinstance(b, Image) and self.placeable(b)]
            # Text keeps its place around a table: what leads into the table stays above it.
            cut = blocks.index(tables[0]) if tables else len(blocks)
            before, after = text_paras(blocks[:cut]), text_paras(blocks[cut:])
            start = len(self.deck.slides)
            if before or after or tables or images:
                self.add_content(section, chunk.pos, before, tables, images, after)
            for activity in (b for b in blocks if isinstance(b, Activity)):
                self.add_activity(section, activity, notes_text(activity.blocks))
            if start == len(self.deck.slides) and self.deck.slides[-1].section == section.anchor:
                start -= 1  # a chunk of notes alone annotates the section's previous slide
            for index in range(start, len(self.deck.slides)):
                self.deck.slides[index] = _with_notes(self.deck.slides[index], notes)

    def placeable(self, image: Image) -> bool:
        """Return whether an image can go on a slide; warn about formats PowerPoint cannot take."""
        if image.path is not None and image.path.suffix.lower() in RASTER:
            return True
        self.deck.diagnostics.append(Diagnostic(image.pos, WARNING, f"image '{image.src}' is left off the slides: "
                                                "decks take PNG, JPEG or GIF; add a PNG version", "slides.image"))
        return False

    def add_content(self, section: Section, pos: SourcePos, paras: list[Para], tables: list[Table],
                    images: list[Image], after: list[Para]) -> None:
        """Add content slides for the text, tables and images of one chunk, keeping their order."""
        body, left = self.geo.body, self.geo.left
        if images and paras and not tables and not after and aspect(images[0]) >= WIDE_IMAGE:
            # A wide diagram beside text would shrink its labels; short text goes above it instead.
            height = text_height(paras, STACK_SIZE, body.width, self.metrics)
            if height <= body.height * 0.35:
                text_box = Box(body.left, body.top, body.width, height)
                image_box = Box(body.left, body.top + height + GAP_BELOW_TEXT, body.width,
                                body.height - height - GAP_BELOW_TEXT)
                self.deck.slides.append(SlideSpec("content", section.title, section.anchor, tuple(paras), STACK_SIZE,
                                                  text_box, height, image=images.pop(0), image_box=image_box, pos=pos))
                paras = []
        if images and paras and not tables and not after and fit_size(paras, left.width, left.height, self.metrics):
            size = fit_size(paras, left.width, left.height, self.metrics)
            self.deck.slides.append(SlideSpec("content", section.title, section.anchor, tuple(paras), size, left,
                                              image=images.pop(0), pos=pos))
            paras = []
        if tables and paras:
            height = text_height(paras, SIZES_FOR_TABLE, body.width, self.metrics)
            room = body.height - height - GAP_BELOW_TEXT
            parts = table_parts(tables[0], body.width, room, body.height, self.metrics)
            if height < body.height * 0.5 and parts[0].stop > parts[0].start and room > 0:
                text_box = Box(body.left, body.top, body.width, height)
                self.add_table(section, pos, tables.pop(0), paras=tuple(paras), text_box=text_box, room=room)
                paras = []
        if paras:
            self.add_text(section, pos, paras)
        for table in tables:
            self.add_table(section, pos, table)
        if after:
            self.add_text(section, pos, after)
        for image in images:
            self.deck.slides.append(SlideSpec("content", section.title, section.anchor, image=image, pos=image.pos))

    def add_text(self, section: Section, pos: SourcePos, paras: list[Para]) -> None:
        """Add text slides: shrunk to fit, or split into continuation slides with a warning."""
        box = self.geo.body
        size = fit_size(paras, box.width, box.height, self.metrics)
        statement = len(paras) == 1 and paras[0].style in ("plain", "quote") and \
            text_height(paras, STATEMENT_SIZE, box.width, self.metrics) <= box.height * 0.5
        if statement:
            # A slide of one short sentence is set large and centred, as a statement.
            self.deck.slides.append(SlideSpec("content", section.title, section.anchor, tuple(paras), STATEMENT_SIZE,
                                              box, statement=True, pos=pos))
            return
        if size is not None:
            self.deck.slides.append(SlideSpec("content", section.title, section.anchor, tuple(paras), size, box, pos=pos))
            return
        pages = paginate(paras, box.width, box.height, self.metrics)
        self.warn(pos, f"slide '{section.title}' does not fit even at 18 pt; split into {len(pages)} slides")
        for number, page in enumerate(pages, 1):
            self.deck.slides.append(SlideSpec("content", self.numbered(section.title, number, len(pages)),
                                              section.anchor, tuple(page), 20.0, box, pos=pos))

    def add_table(self, section: Section, pos: SourcePos, table: Table, paras: tuple[Para, ...] = (),
                  text_box: Box | None = None, room: float | None = None) -> None:
        """Add a table as native table slides, with its header repeated on continuation slides."""
        body = self.geo.body
        parts = table_parts(table, body.width, room if room is not None else body.height, body.height, self.metrics)
        if len(parts) > 1:
            self.warn(table.pos, f"table in '{section.title}' does not fit on one slide; split into {len(parts)} slides")
        for number, part in enumerate(parts, 1):
            title = self.numbered(section.title, number, len(parts))
            first = number == 1
            self.deck.slides.append(SlideSpec("content", title, section.anchor, paras if first else (),
                                              SIZES_FOR_TABLE, text_box if first else None,
                                              text_box.height if first and text_box else 0.0, table=part, pos=pos))

    def add_activity(self, section: Section, activity: Activity, notes: str) -> None:
        """Add an activity slide: instructions beside the duration, or full width if they need it."""
        paras = paras_of(tuple(_for_slides(activity.blocks)))
        box = self.geo.left
        size = fit_size(paras, box.width, box.height, self.metrics)
        if size is None:
            box = self.geo.body
            size = fit_size(paras, box.width, box.height, self.metrics)
        pages = [paras] if size is not None else paginate(paras, box.width, box.height, self.metrics)
        if size is None:
            self.warn(activity.pos, f"activity '{activity.title}' does not fit on one slide; split into {len(pages)} slides")
        for number, page in enumerate(pages, 1):
            self.deck.slides.append(SlideSpec(
                "activity", self.numbered(activity.title, number, len(pages)), section.anchor, tuple(page),
                size or 20.0, box, minutes=activity.minutes, materials=activity.materials, notes=notes,
                pos=activity.pos))

    def add_closing(self) -> None:
        """Add the closing slide with QR codes to the workshop page and the video."""
        links = [(text(self.lang, "workshop_page"), self.context.page_url(self.workshop))]
        if self.workshop.meta.video:
            links.append((text(self.lang, "video"), self.workshop.meta.video))
        self.deck.slides.append(SlideSpec("closing", text(self.lang, "thank_you"),
                                          subtitle=(text(self.lang, "questions"),),
                                          links=tuple(links), pos=self.workshop.source))

    @staticmethod
    def numbered(title: str, number: int, total: int) -> str:
        """Return a title with `(2/3)` when content runs over several slides."""
        return title if total == 1 else f"{title} ({number}/{total})"


SIZES_FOR_TABLE = 20.0
STACK_SIZE = 22.0
WIDE_IMAGE = 1.3          # width / height from which an image goes below short text, not beside it
STATEMENT_SIZE = 28.0


def _with_notes(spec: SlideSpec, notes: str) -> SlideSpec:
    """Return a slide spec with notes added."""
    if not notes or notes in spec.notes:
        return spec
    joined = f"{spec.notes}\n{notes}" if spec.notes else notes
    return replace(spec, notes=joined)


def plan_deck(workshop: Workshop, context: Context) -> Deck:
    """Return the planned deck of a workshop."""
    return Planner(workshop, context).plan()


def section_slide_numbers(workshop: Workshop, context: Context) -> dict[str, tuple[int, int]]:
    """Return, for each section anchor, its first and last slide number (1-based)."""
    numbers: dict[str, tuple[int, int]] = {}
    for index, spec in enumerate(plan_deck(workshop, context).slides, 1):
        if spec.section and spec.kind != "divider":
            first, _ = numbers.get(spec.section, (index, index))
            numbers[spec.section] = (first, index)
    return numbers
