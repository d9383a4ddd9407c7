"""The document model: plain frozen dataclasses that every writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union


@dataclass(frozen=True)
class SourcePos:
    """A place in a source file: path relative to the project and 1-based line."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one formatting."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    href: str | None = None


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline runs."""

    runs: Runs
    pos: SourcePos


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 3 or deeper)."""

    level: int
    runs: Runs
    pos: SourcePos


@dataclass(frozen=True)
class ListItem:
    """One list item; `level` 0 is the outermost list."""

    runs: Runs
    level: int
    ordered: bool


@dataclass(frozen=True)
class ListBlock:
    """A (possibly nested) list, flattened in document order with levels."""

    items: tuple[ListItem, ...]
    pos: SourcePos

    @property
    def ordered(self) -> bool:
        """Return whether the outermost list is numbered."""
        return bool(self.items) and self.items[0].ordered


@dataclass(frozen=True)
class Table:
    """A table with one header row; cells are inline runs."""

    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]
    align: tuple[str, ...]
    pos: SourcePos


@dataclass(frozen=True)
class Image:
    """An image; `src` as written, `path` resolved inside the workshop folder."""

    src: str
    alt: str
    pos: SourcePos
    path: Path | None = None
    width: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Code:
    """A verbatim code block."""

    text: str
    language: str
    pos: SourcePos


@dataclass(frozen=True)
class Quote:
    """A block quote: paragraphs of inline runs."""

    paragraphs: tuple[Runs, ...]
    pos: SourcePos


@dataclass(frozen=True)
class Notes:
    """Facilitator notes: speaker notes, facilitator guide, collapsed on the site."""

    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True)
class Activity:
    """A timed activity with instructions and the materials it needs."""

    title: str
    minutes: int
    blocks: tuple[Block, ...]
    materials: tuple[str, ...]
    pos: SourcePos
    groups: str = ""               # group sizes, as written: "groups of 3–4"
    room: str = ""                 # room layout, as written: "tables for four, a wall for posters"

    @property
    def steps(self) -> tuple[ListItem, ...]:
        """Return the top-level items of the activity's numbered lists."""
        return tuple(
            item
            for block in self.blocks
            if isinstance(block, ListBlock)
            for item in block.items
            if item.level == 0 and item.ordered
        )


@dataclass(frozen=True)
class Material:
    """A card, worksheet or canvas an activity uses, printed in the activity materials PDF."""

    title: str
    paper: str                     # A3, A4 or A5
    form: str                      # card, worksheet or canvas
    quantity: str                  # as the author wrote it: "1 per group"
    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True)
class Only:
    """Content for one output only: `target` is "slides" or "handout"."""

    target: str
    blocks: tuple[Block, ...]
    pos: SourcePos


Block = Union[Paragraph, Heading, ListBlock, Table, Image, Code, Quote, Notes, Activity, Material,
              Only]


@dataclass(frozen=True)
class Slide:
    """One slide's worth of a section: the blocks between `---` breaks."""

    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True)
class Section:
    """A `##` section: a title and one or more slides."""

    title: str
    anchor: str
    slides: tuple[Slide, ...]
    pos: SourcePos

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Return every block of every slide, in order."""
        return tuple(block for slide in self.slides for block in slide.blocks)

    @property
    def notes(self) -> tuple[Notes, ...]:
        """Return the facilitator notes of the section."""
        return tuple(b for b in self.blocks if isinstance(b, Notes))

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Return the activities of the section."""
        return tuple(b for b in walk(self.blocks) if isinstance(b, Activity))


@dataclass(frozen=True)
class Link:
    """A hyperlink target and where it is written."""

    href: str
    pos: SourcePos


@dataclass(frozen=True)
class AgendaItem:
    """An item of the run-of-show with its length in minutes and who leads it."""

    title: str
    minutes: int
    pos: SourcePos
    lead: str = ""


@dataclass(frozen=True)
class Origin:
    """The transnational workshop a knowledge-transfer workshop follows."""

    event: str = ""
    place: str = ""
    date: str = ""


@dataclass(frozen=True)
class Meta:
    """Validated front matter."""

    title: str
    language: str
    subtitle: str = ""
    summary: str = ""
    duration: int | None = None
    start: str | None = None
    audience: str = ""
    objectives: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    origin: Origin = field(default_factory=Origin)
    video: str = ""
    tags: tuple[str, ...] = ()
    facilitators: tuple[str, ...] = ()
    licence: str = ""
    takeaways: tuple[str, ...] = ()


@dataclass(frozen=True)
class Workshop:
    """One workshop in one language: metadata, introduction and sections."""

    slug: str
    lang: str
    source: SourcePos
    folder: Path
    meta: Meta
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    links: tuple[Link, ...] = ()
    sha256: str = ""

    @property
    def images(self) -> tuple[Image, ...]:
        """Return every image of the workshop in document order."""
        every = self.intro + tuple(b for s in self.sections for b in s.blocks)
        return tuple(b for b in walk(every) if isinstance(b, Image))

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Return every activity of the workshop in document order."""
        return tuple(a for s in self.sections for a in s.activities)

    @property
    def materials(self) -> tuple[Material, ...]:
        """Return every activity material of the workshop in document order."""
        every = self.intro + tuple(b for s in self.sections for b in s.blocks)
        return tuple(b for b in walk(every) if isinstance(b, Material))


def walk(blocks: tuple[Block, ...]):
    """Yield every block, descending into notes, activities and only-blocks."""
    for block in blocks:
        yield block
        inner = getattr(block, "blocks", None)
        if inner is not None:
            yield from walk(inner)


def plain(runs: Runs) -> str:
    """Return the text of inline runs without formatting."""
    return "".join(run.text for run in runs)
