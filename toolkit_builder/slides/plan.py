"""plan_deck: the slides of a workshop as data (pure; only emit.py touches python-pptx)."""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import WARNING, Diagnostic
from ..formatting import human_date, names
from ..i18n import N_, text
from ..model import Activity, Image, Run, Section, SourcePos, Table, Workshop
from ..outline import Outline
from ..resolve import Slot, schedule
from ..writers import Context
from .handlers import BLOCK_HANDLERS, UnhandledBlockError, for_slides, notes_text, paras_of
from .layout import (
    GAP_BELOW_TEXT,
    INSET_X,
    INSET_Y,
    MIN_SIZE,
    SAFETY,
    SPLIT_SIZE,
    TITLE_SIZES,
    Para,
    fit_size,
    paginate,
    table_parts,
    text_height,
)
from .measure import Metrics
from .numbering import outline_of
from .specs import (
    ActivitySlide,
    AgendaSlide,
    BreakSlide,
    ClosingSlide,
    ContentSlide,
    Deck,
    DividerSlide,
    FittedSlide,
    SlideSpec,
    TitleSlide,
)
from .template import Box, Geometry, geometry, template_path

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}   # image files a deck takes
LONG_WORKSHOP = 120       # minutes from which each agenda block gets a divider slide
SIZES_FOR_TABLE = 20.0    # text size of a slide with a table
STACK_SIZE = 22.0         # text size above a wide image
STATEMENT_SIZE = 28.0     # text size of a one-sentence statement slide
WIDE_IMAGE = 1.3          # width / height from which an image goes below short text, not beside it
STACK_SHARE = 0.35        # most of the body's height that text above a wide image may take
TABLE_TEXT_SHARE = 0.5    # the body's height that text above a table must stay below
STATEMENT_SHARE = 0.5     # most of the body's height a statement may take

# The planner's table of block classes (read by tests) and the error an unknown class raises.
__all__ = ["BLOCK_HANDLERS", "UnhandledBlockError", "Planner", "deck_outline", "plan_deck"]


def aspect(image: Image) -> float:
    """Return an image's width over its height (read from the file's header)."""
    from PIL import Image as PILImage

    with PILImage.open(image.path) as picture:
        width, height = picture.size
    return width / max(height, 1)


class Planner:
    """Lays out one workshop's slides against the template's geometry and the theme's fonts."""

    def __init__(self, workshop: Workshop, context: Context):
        self.workshop = workshop
        self.context = context
        self.lang = workshop.lang
        self.geo: Geometry = geometry(template_path(context.theme))
        self.metrics = Metrics(context.theme.font_files)
        self.slots = schedule(workshop, context.start(workshop))  # a partner's local clock
        self.deck = Deck()

    def add(self, spec: SlideSpec) -> None:
        """Add a slide to the deck."""
        self.deck.slides.append(spec)

    def warn(self, pos: SourcePos, message: str, code: str = "slides.split") -> None:
        """Record a warning for the build summary and `check`."""
        self.deck.diagnostics.append(Diagnostic(pos, WARNING, message, code))

    def title_size(self, title: str) -> float:
        """Return the largest title size at which a content title fits its placeholder."""
        box = self.geo.title
        for size in TITLE_SIZES:
            width = (box.width - 2 * INSET_X) * SAFETY
            lines = self.metrics.lines((Run(title, strong=True),), size, width)
            if lines * self.metrics.line_height(size) + 2 * INSET_Y <= box.height:
                return size
        return TITLE_SIZES[-1]

    def plan(self) -> Deck:
        """Return the whole deck."""
        self.add_title()
        if self.workshop.meta.agenda:
            self.add_agenda()
        for entry in self.sequence():
            if isinstance(entry, Section):
                self.add_section(entry)
            else:
                self.add_slot(entry)
        self.add_closing()
        self.deck.slides = [replace(spec, title_size=self.title_size(spec.title))
                            if isinstance(spec, FittedSlide) else spec for spec in self.deck.slides]
        return self.deck

    def sequence(self) -> list[Section | Slot]:
        """Return sections in order, with agenda dividers and breaks where they fall."""
        long = (self.workshop.meta.duration or 0) >= LONG_WORKSHOP
        before: dict[int, list[Slot]] = {}
        pending: list[Slot] = []
        for slot in self.slots:
            if slot.sections:
                first = self.workshop.sections.index(slot.sections[0])
                before.setdefault(first, []).extend(pending + ([slot] if long else []))
                pending = []
            elif slot.is_break:
                pending.append(slot)
        out: list[Section | Slot] = []
        for index, section in enumerate(self.workshop.sections):
            out.extend(before.get(index, []))
            out.append(section)
        return out + pending

    def add_title(self) -> None:
        """Add the title slide: title, subtitle, origin with date and place."""
        meta = self.workshop.meta
        origin = meta.origin
        parts = (origin.event, origin.place, human_date(origin.date, self.lang))
        line = " · ".join(x for x in parts if x)
        objectives = "\n".join(f"• {o}" for o in meta.objectives)
        notes = f"{text(self.lang, 'Objectives')}:\n{objectives}" if objectives else ""
        self.add(TitleSlide(title=meta.title, subtitle=tuple(x for x in (meta.subtitle, line) if x),
                            session=self.session_lines(), notes=notes, pos=self.workshop.source))

    def session_lines(self) -> tuple[str, ...]:
        """Return the local session's lines for the title slide: when and where, who facilitates."""
        session = self.context.session(self.workshop)
        if session is None:
            return ()
        start = self.context.start(self.workshop)
        end = self.slots[-1].end if self.slots else ""
        when = f"{start}–{end}" if start and end else (start or "")
        parts = (human_date(session.date, self.lang), when, session.venue)
        first = " · ".join(x for x in parts if x)
        people = self.context.facilitators(self.workshop)
        second = f"{text(self.lang, 'Facilitators')}: {names(people, self.lang)}" if people else ""
        return tuple(x for x in (first, second) if x)

    def add_agenda(self) -> None:
        """Add the agenda as a table with clock times (split if it is long)."""
        minutes = text(self.lang, "min")
        rows = tuple((slot.start, slot.item.title, f"{slot.item.minutes} {minutes}")
                     for slot in self.slots)
        columns = (N_("Time"), N_("Item"), N_("Duration"))
        header = tuple((Run(text(self.lang, word)),) for word in columns)
        table = Table(header, tuple(tuple((Run(c),) for c in row) for row in rows),
                      ("left", "left", "right"), self.workshop.meta.agenda[0].pos)
        area = self.geo.body
        parts = table_parts(table, area.width, area.height, area.height, self.metrics)
        for number, part in enumerate(parts, 1):
            title = self.numbered(text(self.lang, "Agenda"), number, len(parts))
            self.add(AgendaSlide(title=title, table=part, pos=table.pos))

    def add_slot(self, slot: Slot) -> None:
        """Add a divider for an agenda block, or a break slide."""
        minutes = f"{slot.item.minutes} {text(self.lang, 'min')}"
        if slot.is_break:
            back = text(self.lang, "Back at {time}", time=slot.end)
            self.add(BreakSlide(title=slot.item.title, subtitle=(f"{minutes} · {back}",),
                                pos=slot.item.pos))
            return
        titles = "\n".join(f"• {s.title}" for s in slot.sections)
        blocks = [s for s in self.slots if s.sections]
        counter = f"{blocks.index(slot) + 1:02d} / {len(blocks):02d}"
        self.add(DividerSlide(title=slot.item.title, section=slot.sections[0].anchor,
                              subtitle=(f"{slot.start} – {slot.end} · {minutes}", counter),
                              notes=titles, pos=slot.item.pos))

    def add_section(self, section: Section) -> None:
        """Add the slides of a section: one or more per `---` chunk, activities on their own."""
        for chunk in section.slides:
            notes = notes_text(chunk.blocks)
            blocks = for_slides(chunk.blocks)
            tables = [b for b in blocks if isinstance(b, Table)]
            images = [b for b in blocks if isinstance(b, Image) and self.placeable(b)]
            # Text keeps its place around a table: what leads into the table stays above it.
            cut = blocks.index(tables[0]) if tables else len(blocks)
            before, after = paras_of(blocks[:cut]), paras_of(blocks[cut:])
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
        self.warn(image.pos, f"image '{image.src}' is left off the slides: decks take PNG, JPEG or "
                  "GIF; add a PNG version", "slides.image")
        return False

    def add_content(self, section: Section, pos: SourcePos, paras: list[Para], tables: list[Table],
                    images: list[Image], after: list[Para]) -> None:
        """Add content slides for the text, tables and images of one chunk, keeping their order."""
        body, left = self.geo.body, self.geo.left
        on = dict(title=section.title, section=section.anchor, pos=pos)
        if images and paras and not tables and not after and aspect(images[0]) >= WIDE_IMAGE:
            # A wide diagram beside text would shrink its labels; short text goes above it instead.
            height = text_height(paras, STACK_SIZE, body.width, self.metrics)
            if height <= body.height * STACK_SHARE:
                image_box = Box(body.left, body.top + height + GAP_BELOW_TEXT, body.width,
                                body.height - height - GAP_BELOW_TEXT)
                self.add(ContentSlide(**on, paras=tuple(paras), size=STACK_SIZE,
                                      text_box=Box(body.left, body.top, body.width, height),
                                      image=images.pop(0), image_box=image_box))
                paras = []
        if images and paras and not tables and not after:
            size = fit_size(paras, left.width, left.height, self.metrics)
            if size:
                self.add(ContentSlide(**on, paras=tuple(paras), size=size, text_box=left,
                                      image=images.pop(0)))
                paras = []
        if tables and paras:
            height = text_height(paras, SIZES_FOR_TABLE, body.width, self.metrics)
            room = body.height - height - GAP_BELOW_TEXT
            parts = table_parts(tables[0], body.width, room, body.height, self.metrics)
            fits = parts[0].stop > parts[0].start and room > 0
            if height < body.height * TABLE_TEXT_SHARE and fits:
                text_box = Box(body.left, body.top, body.width, height)
                self.add_table(section, pos, tables.pop(0), paras=tuple(paras), text_box=text_box,
                               room=room)
                paras = []
        if paras:
            self.add_text(section, pos, paras)
        for table in tables:
            self.add_table(section, pos, table)
        if after:
            self.add_text(section, pos, after)
        for image in images:
            self.add(ContentSlide(title=section.title, section=section.anchor, image=image,
                                  pos=image.pos))

    def add_text(self, section: Section, pos: SourcePos, paras: list[Para]) -> None:
        """Add text slides: shrunk to fit, or split into continuation slides with a warning."""
        box = self.geo.body
        on = dict(section=section.anchor, pos=pos, text_box=box)
        if len(paras) == 1 and paras[0].style in ("plain", "quote") and \
                text_height(paras, STATEMENT_SIZE, box.width, self.metrics) \
                <= box.height * STATEMENT_SHARE:
            # A slide of one short sentence is set large and centred, as a statement.
            self.add(ContentSlide(title=section.title, **on, paras=tuple(paras),
                                  size=STATEMENT_SIZE, statement=True))
            return
        size = fit_size(paras, box.width, box.height, self.metrics)
        if size is not None:
            self.add(ContentSlide(title=section.title, **on, paras=tuple(paras), size=size))
            return
        pages = paginate(paras, box.width, box.height, self.metrics)
        self.warn(pos, f"slide '{section.title}' does not fit even at {MIN_SIZE:g} pt; "
                  f"split into {len(pages)} slides")
        for number, page in enumerate(pages, 1):
            title = self.numbered(section.title, number, len(pages))
            self.add(ContentSlide(title=title, **on, paras=tuple(page), size=SPLIT_SIZE))

    def add_table(self, section: Section, pos: SourcePos, table: Table,
                  paras: tuple[Para, ...] = (), text_box: Box | None = None,
                  room: float | None = None) -> None:
        """Add a table as native table slides, with its header repeated on continuation slides."""
        body = self.geo.body
        first_room = room if room is not None else body.height
        parts = table_parts(table, body.width, first_room, body.height, self.metrics)
        if len(parts) > 1:
            self.warn(table.pos, f"table in '{section.title}' does not fit on one slide; "
                      f"split into {len(parts)} slides")
        for number, part in enumerate(parts, 1):
            first = number == 1
            self.add(ContentSlide(title=self.numbered(section.title, number, len(parts)),
                                  section=section.anchor, paras=paras if first else (),
                                  size=SIZES_FOR_TABLE, text_box=text_box if first else None,
                                  table=part, pos=pos))

    def add_activity(self, section: Section, activity: Activity, notes: str) -> None:
        """Add an activity slide: instructions beside the duration, or at full width if need be."""
        paras = paras_of(for_slides(activity.blocks))
        box = self.geo.left
        size = fit_size(paras, box.width, box.height, self.metrics)
        if size is None:
            box = self.geo.body
            size = fit_size(paras, box.width, box.height, self.metrics)
        pages = [paras] if size is not None else \
            paginate(paras, box.width, box.height, self.metrics)
        if size is None:
            self.warn(activity.pos, f"activity '{activity.title}' does not fit on one slide; "
                      f"split into {len(pages)} slides")
        for number, page in enumerate(pages, 1):
            self.add(ActivitySlide(title=self.numbered(activity.title, number, len(pages)),
                                   section=section.anchor, paras=tuple(page),
                                   size=size or SPLIT_SIZE, text_box=box, minutes=activity.minutes,
                                   materials=activity.materials, notes=notes, pos=activity.pos))

    def add_closing(self) -> None:
        """Add the closing slide with QR codes to the workshop page and the video."""
        links = [(text(self.lang, "Workshop page"), self.context.page_url(self.workshop))]
        if self.workshop.meta.video:
            links.append((text(self.lang, "Video"), self.workshop.meta.video))
        self.add(ClosingSlide(title=text(self.lang, "Thank you"),
                              subtitle=(text(self.lang, "Questions?"),), links=tuple(links),
                              pos=self.workshop.source))

    @staticmethod
    def numbered(title: str, number: int, total: int) -> str:
        """Return a title with `(2/3)` when content runs over several slides."""
        return title if total == 1 else f"{title} ({number}/{total})"


def _with_notes(spec: SlideSpec, notes: str) -> SlideSpec:
    """Return a slide spec with notes added."""
    if not notes or notes in spec.notes:
        return spec
    joined = f"{spec.notes}\n{notes}" if spec.notes else notes
    return replace(spec, notes=joined)


def plan_deck(workshop: Workshop, context: Context) -> Deck:
    """Return the planned deck of a workshop."""
    return Planner(workshop, context).plan()


def deck_outline(workshop: Workshop, context: Context) -> Outline:
    """Return the slide numbers the planned deck gives each section, activity and agenda item."""
    planner = Planner(workshop, context)
    return outline_of(planner.plan().slides, planner.slots)
