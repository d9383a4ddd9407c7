"""plan_deck: the slides of a workshop as data (pure; only emit.py touches python-pptx)."""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import WARNING, Diagnostic
from ..formatting import human_date, names
from ..i18n import text
from ..model import Activity, Image, Run, Section, SourcePos, Table, Workshop
from ..outline import Outline
from ..resolve import schedule
from ..writers import Context
from .agenda import AgendaSlides
from .handlers import BLOCK_HANDLERS, UnhandledBlockError, for_slides, notes_text, paras_of
from .layout import (
    BADGE_WIDTH,
    GAP_BELOW_TEXT,
    INSET_X,
    INSET_Y,
    MARKER_WIDTH,
    MIN_SIZE,
    SAFETY,
    SIZES,
    TABLE_SIZES,
    TITLE_SIZES,
    Para,
    fits,
    paginate,
    table_parts,
    text_height,
)
from .measure import metrics_for
from .numbering import outline_of
from .specs import (
    ActivitySlide,
    ClosingSlide,
    ContentSlide,
    Deck,
    FittedSlide,
    SlideSpec,
    TitleSlide,
)
from .template import Box, Geometry, geometry, template_path

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}   # image files a deck takes
FEW_SPLITS, FEW_SHARE = 3, 0.12   # "all but a few": content split over slides at the deck's size
MATERIALS_SIZE = 18.0     # an activity's materials beside its steps
DURATION_ROOM = 100.0     # the height the large duration takes above them
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


class Planner(AgendaSlides):
    """Lays out one workshop's slides at one body size, against the template's geometry."""

    def __init__(self, workshop: Workshop, context: Context, size: float = SIZES[0]):
        self.workshop = workshop
        self.context = context
        self.lang = workshop.lang
        self.size = size                 # the deck's one body size
        self.geo: Geometry = geometry(template_path(context.theme))
        self.metrics = metrics_for(context.theme.font_files)
        self.slots = schedule(workshop, context.start(workshop))  # a partner's local clock
        self.deck = Deck(size=size)

    def warn(self, pos: SourcePos, message: str, code: str = "slides.split") -> None:
        """Record a warning for the build summary and `check`."""
        self.deck.diagnostics.append(Diagnostic(pos, WARNING, message, code))

    def split(self, pos: SourcePos, what: str, count: int, overfull: bool,
              smallest: float = MIN_SIZE) -> None:
        """Count content split over slides at the deck's size; warn if it would not fit one
        slide even at the smallest size (the author wrote more than a slide holds)."""
        self.deck.splits += count - 1
        if overfull:
            self.warn(pos, f"{what} does not fit one slide even at {smallest:g} pt; "
                      f"split into {count} slides")

    def title_size(self, spec: FittedSlide) -> float:
        """Return the largest title size at which a slide's title fits beside its marker."""
        box = self.geo.title
        wide = isinstance(spec, ActivitySlide) and spec.text_box == self.geo.body
        room = MARKER_WIDTH if spec.marker else BADGE_WIDTH if wide else 0.0
        width = (box.width - room - 2 * INSET_X) * SAFETY
        runs = (Run(spec.title, strong=True),)
        for size in TITLE_SIZES:
            height = max(font.lines(runs, size, width) * font.line_height(size)
                         for font in self.metrics.variants)
            if height + 2 * INSET_Y <= box.height:
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
        sizes = [self.title_size(spec) if isinstance(spec, FittedSlide) else 0.0
                 for spec in self.deck.slides]
        # One title size per section: its first slide's marker must not make its title jump.
        least: dict[str, float] = {}
        for spec, size in zip(self.deck.slides, sizes, strict=True):
            if isinstance(spec, FittedSlide) and spec.section:
                least[spec.section] = min(least.get(spec.section, size), size)
        self.deck.slides = [replace(spec, title_size=least.get(spec.section, size))
                            if isinstance(spec, FittedSlide) else spec
                            for spec, size in zip(self.deck.slides, sizes, strict=True)]
        return self.deck

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

    def add_section(self, section: Section) -> None:
        """Add the slides of a section: one or more per `---` chunk, activities on their own;
        each chunk's notes go to the slides it makes."""
        opened = len(self.deck.slides)
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
            if start == len(self.deck.slides) and start > opened:
                start -= 1  # a chunk of notes alone annotates the section's previous slide
            for index in range(start, len(self.deck.slides)):
                self.deck.slides[index] = _with_notes(self.deck.slides[index], notes)
        marker = self.marker(section)
        if marker and len(self.deck.slides) > opened and \
                not isinstance(self.deck.slides[opened], ActivitySlide):  # it shows its duration
            self.deck.slides[opened] = replace(self.deck.slides[opened], marker=marker)
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
        body, left, size = self.geo.body, self.geo.left, self.size
        on = dict(title=section.title, section=section.anchor, pos=pos, size=size)
        if images and paras and not tables and not after and aspect(images[0]) >= WIDE_IMAGE:
            # A wide diagram beside text would shrink its labels; short text goes above it instead.
            height = text_height(paras, size, body.width, self.metrics)
            if height <= body.height * STACK_SHARE:
                image_box = Box(body.left, body.top + height + GAP_BELOW_TEXT, body.width,
                                body.height - height - GAP_BELOW_TEXT)
                self.add(ContentSlide(**on, paras=tuple(paras),
                                      text_box=Box(body.left, body.top, body.width, height),
                                      image=images.pop(0), image_box=image_box))
                paras = []
        if images and paras and not tables and not after and \
                fits(paras, size, left.width, left.height, self.metrics):
            self.add(ContentSlide(**on, paras=tuple(paras), text_box=left, image=images.pop(0)))
            paras = []
        if tables and paras:
            height = text_height(paras, size, body.width, self.metrics)
            room = body.height - height - GAP_BELOW_TEXT
            parts = table_parts(tables[0], body.width, room, body.height, self.metrics)
            fits_below = room > 0 and parts[0].stop > parts[0].start
            if height < body.height * TABLE_TEXT_SHARE and fits_below:
                text_box = Box(body.left, body.top, body.width, height)
                self.add_table(section, pos, tables.pop(0), paras=tuple(paras), text_box=text_box,
                               room=room)
                paras = []
        if paras:
            self.add_text(section, pos, paras)
        for table in tables:
            self.add_table(section, pos, table)
        if after and not self.under_table(after):
            self.add_text(section, pos, after)
        for image in images:
            self.add(ContentSlide(title=section.title, section=section.anchor, image=image,
                                  pos=image.pos, size=size))

    def under_table(self, paras: list[Para]) -> bool:
        """Set text that follows a table under it on the table's (last) slide if it fits there;
        return whether it did."""
        last = self.deck.slides[-1] if self.deck.slides else None
        if not isinstance(last, ContentSlide) or last.table is None or last.below or \
                last.table.stop != len(last.table.table.rows):
            return False
        body = self.geo.body
        top = last.text_box.top + last.text_box.height + GAP_BELOW_TEXT \
            if last.paras and last.text_box is not None else body.top
        top += last.table.height + GAP_BELOW_TEXT
        room = body.top + body.height - top
        if room <= 0 or not fits(paras, self.size, body.width, room, self.metrics):
            return False
        height = text_height(paras, self.size, body.width, self.metrics)
        self.deck.slides[-1] = replace(last, below=tuple(paras),
                                       below_box=Box(body.left, top, body.width, height))
        return True

    def add_text(self, section: Section, pos: SourcePos, paras: list[Para]) -> None:
        """Add text slides at the deck's size: one, or continuation slides balanced in height."""
        box = self.geo.body
        on = dict(section=section.anchor, pos=pos, text_box=box)
        if len(paras) == 1 and paras[0].style in ("plain", "quote") and \
                text_height(paras, STATEMENT_SIZE, box.width, self.metrics) \
                <= box.height * STATEMENT_SHARE:
            # A slide of one short sentence is set large and centred, as a statement.
            self.add(ContentSlide(title=section.title, **on, paras=tuple(paras),
                                  size=STATEMENT_SIZE, statement=True))
            return
        pages = paginate(paras, self.size, box.width, box.height, self.metrics)
        if len(pages) > 1:
            self.split(pos, f"slide '{section.title}'", len(pages),
                       not fits(paras, MIN_SIZE, box.width, box.height, self.metrics))
        for number, page in enumerate(pages, 1):
            title = self.numbered(section.title, number, len(pages))
            self.add(ContentSlide(title=title, **on, paras=tuple(page), size=self.size))

    def add_table(self, section: Section, pos: SourcePos, table: Table,
                  paras: tuple[Para, ...] = (), text_box: Box | None = None,
                  room: float | None = None) -> None:
        """Add a table as native table slides, with its header repeated on continuation slides."""
        body = self.geo.body
        first_room = room if room is not None else body.height
        parts = table_parts(table, body.width, first_room, body.height, self.metrics)
        if len(parts) > 1:
            whole = table_parts(table, body.width, body.height, body.height, self.metrics)
            self.split(table.pos, f"table in '{section.title}'", len(parts), len(whole) > 1,
                       TABLE_SIZES[-1])
        for number, part in enumerate(parts, 1):
            first = number == 1
            self.add(ContentSlide(title=self.numbered(section.title, number, len(parts)),
                                  section=section.anchor, paras=paras if first else (),
                                  size=self.size, text_box=text_box if first else None,
                                  table=part, pos=pos))

    def add_activity(self, section: Section, activity: Activity, notes: str) -> None:
        """Add an activity slide: steps beside the duration and materials, or at full width with
        the materials under them, on continuation slides if need be (nothing is left off)."""
        lang, minutes = self.lang, text(self.lang, "min")
        paras = paras_of(for_slides(activity.blocks))
        steps = list(paras)
        if activity.groups:
            paras.append(Para((Run(f"{text(lang, 'Groups')}: ", strong=True),
                               Run(activity.groups))))
        if activity.room:
            room = f"{text(lang, 'Room')}: {activity.room}"
            notes = f"{notes}\n{room}" if notes else room
        left, body = self.geo.left, self.geo.body
        panel = [Para((Run(f"{activity.minutes} {minutes}", strong=True),), style="heading"),
                 *self.materials_paras(activity)]
        narrow = fits(paras, self.size, left.width, left.height, self.metrics) and \
            fits(panel, MATERIALS_SIZE, self.geo.right.width,
                 self.geo.right.height - DURATION_ROOM, self.metrics)
        everything = paras + self.materials_paras(activity)
        if narrow:
            pages, box, materials = [paras], left, activity.materials
        elif fits(paras, self.size, body.width, body.height, self.metrics) and \
                not fits(everything, self.size, body.width, body.height, self.metrics):
            # The steps stay together; the materials follow on a slide of their own.
            box, materials = body, ()
            pages = [paras] + paginate(self.materials_paras(activity), self.size, body.width,
                                       body.height, self.metrics)
        else:
            box, materials = body, ()
            pages = paginate(everything, self.size, body.width, body.height, self.metrics)
            if len(pages) > 1:
                # Materials moving to a continuation slide is the layout's choice, not an excess.
                overfull = not fits(steps, MIN_SIZE, body.width, body.height, self.metrics)
                self.split(activity.pos, f"activity '{activity.title}'", len(pages), overfull)
        for number, page in enumerate(pages, 1):
            self.add(ActivitySlide(title=self.numbered(activity.title, number, len(pages)),
                                   section=section.anchor, paras=tuple(page), size=self.size,
                                   text_box=box, minutes=activity.minutes, materials=materials,
                                   notes=notes, pos=activity.pos))

    def materials_paras(self, activity: Activity) -> list[Para]:
        """Return an activity's materials as a labelled list, for slides that show them as text."""
        if not activity.materials:
            return []
        label = Para((Run(text(self.lang, "Materials"), strong=True),), style="heading")
        return [label, *(Para((Run(item),), style="bullet") for item in activity.materials)]

    def add_closing(self) -> None:
        """Add the closing slide with QR codes to the workshop page and the video."""
        links = [(text(self.lang, "Workshop page"), self.context.page_url(self.workshop))]
        if self.workshop.meta.video:
            links.append((text(self.lang, "Video"), self.workshop.meta.video))
        self.add(ClosingSlide(title=text(self.lang, "Thank you"),
                              subtitle=(text(self.lang, "Questions?"),), links=tuple(links),
                              pos=self.workshop.source))



def _with_notes(spec: SlideSpec, notes: str) -> SlideSpec:
    """Return a slide spec with notes added."""
    if not notes or notes in spec.notes:
        return spec
    joined = f"{spec.notes}\n{notes}" if spec.notes else notes
    return replace(spec, notes=joined)


def plan_deck(workshop: Workshop, context: Context) -> Deck:
    """Return the planned deck of a workshop at its one body size: the largest at which all but
    a few slides fit, the rest split into continuation slides at that same size."""
    deck = Deck()
    for size in SIZES:
        deck = Planner(workshop, context, size).plan()
        content = sum(1 for spec in deck.slides if isinstance(spec, ContentSlide | ActivitySlide))
        if deck.splits <= max(FEW_SPLITS, round(content * FEW_SHARE)):
            break
    return deck


def deck_outline(workshop: Workshop, context: Context) -> Outline:
    """Return the slide numbers the planned deck gives each section, activity and agenda item."""
    return outline_of(plan_deck(workshop, context).slides,
                      schedule(workshop, context.start(workshop)))
