"""Slide specs: what the planner decides and the emitter writes, one small frozen type per kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Union

from ..diagnostics import Diagnostic
from ..model import Image, SourcePos
from .layout import SIZES, TITLE_SIZES, Para, TablePart
from .template import Box


@dataclass(frozen=True, kw_only=True)
class SlideBase:
    """What every slide has: a title, its section, speaker notes and the source it comes from."""

    kind: ClassVar[str] = ""                # a label for dumps and tests; the emitter goes by type
    title: str
    section: str = ""                       # anchor of the section it belongs to
    notes: str = ""
    pos: SourcePos | None = None

    @property
    def paras(self) -> tuple[Para, ...]:
        """Return the slide's body paragraphs: none, unless its kind has a text body."""
        return ()


@dataclass(frozen=True, kw_only=True)
class FittedSlide(SlideBase):
    """A slide whose title is set at the largest size that fits the title placeholder."""

    title_size: float = TITLE_SIZES[0]
    marker: str = ""                        # progress on a section's first slide: "03 / 11"


@dataclass(frozen=True, kw_only=True)
class TitleSlide(SlideBase):
    """The opening slide: title, subtitle lines and the logo."""

    kind: ClassVar[str] = "title"
    subtitle: tuple[str, ...] = ()
    session: tuple[str, ...] = ()     # a partner's local session: date, time, venue; facilitators


@dataclass(frozen=True, kw_only=True)
class AgendaSlide(FittedSlide):
    """The agenda (or part of it) as a table with clock times."""

    kind: ClassVar[str] = "agenda"
    tables: tuple[TablePart, ...]           # one table, or two halves side by side


@dataclass(frozen=True, kw_only=True)
class DividerSlide(SlideBase):
    """The divider opening an agenda block: its times and the sections it covers."""

    kind: ClassVar[str] = "divider"
    subtitle: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class BreakSlide(SlideBase):
    """A break: its length and the time to be back."""

    kind: ClassVar[str] = "break"
    subtitle: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ContentSlide(FittedSlide):
    """Text, a table, an image, or text beside or above an image or table, laid out to fit."""

    kind: ClassVar[str] = "content"
    paras: tuple[Para, ...] = ()
    size: float = SIZES[0]                  # base text size the paragraphs fit at
    text_box: Box | None = None             # where the text goes, if not the layout's body
    table: TablePart | None = None
    image: Image | None = None
    image_box: Box | None = None            # where the image goes, if not beside the text
    statement: bool = False                 # one short sentence, set large and centred
    below: tuple[Para, ...] = ()            # text that follows the table, set under it
    below_box: Box | None = None


@dataclass(frozen=True, kw_only=True)
class ActivitySlide(FittedSlide):
    """An activity: instructions, the duration and the materials."""

    kind: ClassVar[str] = "activity"
    paras: tuple[Para, ...] = ()
    size: float = SIZES[0]
    text_box: Box
    minutes: int
    materials: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ClosingSlide(FittedSlide):
    """The closing slide: thanks, questions and a QR code per link."""

    kind: ClassVar[str] = "closing"
    subtitle: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (caption, address)


SlideSpec = Union[TitleSlide, AgendaSlide, DividerSlide, BreakSlide, ContentSlide, ActivitySlide,
                  ClosingSlide]


@dataclass
class Deck:
    """A planned deck: slides and what the planner had to warn about."""

    slides: list[SlideSpec] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    size: float = SIZES[0]                  # the one body size of every text slide
    splits: int = 0                         # continuation slides the size made necessary
