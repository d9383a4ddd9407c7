"""What the templates show: a workshop page's header, agenda and downloads; the catalogue's cards.

A workshop shown in a language it is not written in (a fallback) carries a badge naming its
language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import base_language, text
from ..model import Notes, Workshop, walk
from ..resolve import schedule
from .formats import Video, duration, language_name, month, names, video
from .toolkits import Shelf
from .words import UI, words


@dataclass(frozen=True)
class Fact:
    """One labelled line of the metadata panel."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Row:
    """One row of the agenda table."""

    start: str
    end: str
    title: str
    minutes: str
    anchor: str
    is_break: bool


@dataclass(frozen=True)
class Version:
    """A language a workshop exists in, with the address of its page."""

    lang: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class WorkshopView:
    """Everything the workshop template shows besides the body."""

    workshop: Workshop
    ui: dict
    facts: tuple[Fact, ...]
    agenda: tuple[Row, ...]
    shelf: Shelf
    versions: tuple[Version, ...]
    video: Video | None
    fallback: bool
    lang: str
    badge: str = ""     # "In English" when the workshop is shown in a language it is not written in
    notes: int = 0      # how many facilitator notes the body has (the switch shows or hides them)
    home: str = ""      # the catalogue of the interface language (tags link to it, filtered)
    poster: str = ""    # the video's poster picture, drawn at build time
    intro: str = ""     # the body's introduction (before its first section), as HTML
    body: str = ""      # the body's sections, as HTML


@dataclass(frozen=True)
class Card:
    """A workshop in the catalogue."""

    slug: str
    url: str
    title: str
    summary: str
    duration: str
    audience: str
    origin: str
    languages: tuple[str, ...]
    tags: tuple[str, ...]
    lang: str
    langs: tuple[str, ...] = ()     # the codes of `languages`, for the language filter
    badge: str = ""     # "In English" on a fallback: its tags are the original's, not filters


@dataclass(frozen=True)
class Catalogue:
    """The home page: every workshop as a card, the tags and languages to filter them by.

    Also the addresses of the partners index and the translations page.
    """

    ui: dict
    cards: tuple[Card, ...]
    tags: tuple[str, ...] = field(default_factory=tuple)
    languages: tuple[tuple[str, str], ...] = ()     # (code, name) of each language some card has
    partners_url: str = ""
    translations_url: str = ""
    home: str = ""      # the catalogue's own address: a card's tags filter it


def badge(lang: str, ui_lang: str) -> str:
    """Return "In English" (in the interface language) for a text in another language, else ''."""
    base = base_language(lang)
    if base == base_language(ui_lang):
        return ""
    return text(ui_lang, UI["in_language"], language=language_name(base, ui_lang))


def origin_text(workshop: Workshop, lang: str) -> str:
    """Return `event · place · October 2013` for a workshop's origin."""
    origin = workshop.meta.origin
    parts = [origin.event, origin.place, month(origin.date, lang) if origin.date else ""]
    return " · ".join(p for p in parts if p)


def facts(workshop: Workshop, lang: str) -> tuple[Fact, ...]:
    """Return the metadata panel's lines that the workshop fills."""
    meta, slots = workshop.meta, schedule(workshop)
    when = f"{slots[0].start}–{slots[-1].end}" if slots and meta.start else ""
    length = duration(meta.duration, lang) + (f" ({when})" if when else "")
    items = [("duration", length), ("audience", meta.audience),
             ("origin", origin_text(workshop, lang)),
             ("facilitators", names(meta.facilitators, lang)), ("licence", meta.licence)]
    return tuple(Fact(key, text(lang, UI[key]), value) for key, value in items if value)


def agenda(workshop: Workshop, lang: str) -> tuple[Row, ...]:
    """Return the agenda rows with clock times computed from `start` and the durations."""
    return tuple(Row(slot.start, slot.end, slot.item.title,
                     f"{slot.item.minutes} {text(lang, 'min')}",
                     slot.sections[0].anchor if slot.sections else "", slot.is_break)
                 for slot in schedule(workshop))


def notes_count(workshop: Workshop) -> int:
    """Return how many facilitator notes a workshop's introduction and sections hold."""
    every = workshop.intro + tuple(b for section in workshop.sections for b in section.blocks)
    return sum(isinstance(block, Notes) for block in walk(every))


def workshop_view(workshop: Workshop, ui_lang: str, versions: tuple[Version, ...],
                  shelf: Shelf) -> WorkshopView:
    """Return the view of a workshop page built for the interface language `ui_lang`."""
    return WorkshopView(
        workshop=workshop, ui=words(ui_lang), facts=facts(workshop, ui_lang),
        agenda=agenda(workshop, ui_lang), shelf=shelf, versions=versions,
        video=video(workshop.meta.video), fallback=workshop.lang != ui_lang, lang=workshop.lang,
        badge=badge(workshop.lang, ui_lang), notes=notes_count(workshop))


def card(workshop: Workshop, url: str, languages: dict[str, str], ui_lang: str) -> Card:
    """Return a workshop's catalogue card; `languages` names the languages it exists in, by code."""
    meta = workshop.meta
    return Card(slug=workshop.slug, url=url, title=meta.title, summary=meta.summary,
                duration=duration(meta.duration, ui_lang), audience=meta.audience,
                origin=origin_text(workshop, ui_lang), languages=tuple(languages.values()),
                tags=meta.tags, lang=workshop.lang, langs=tuple(languages),
                badge=badge(workshop.lang, ui_lang))


def filter_tags(cards: list[Card]) -> tuple[str, ...]:
    """Return the tags of the cards in the interface language, the most used first, then by name.

    A fallback card's tags are in another language: it shows them, but they are no filters, so that
    a catalogue never mixes `labour market` with `arbeidsmarked`.
    """
    counts: dict[str, int] = {}
    for item in cards:
        for tag in () if item.badge else item.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return tuple(sorted(counts, key=lambda t: (-counts[t], t.casefold())))


def catalogue(cards: list[Card], ui_lang: str, names: dict[str, str], partners_url: str = "",
              translations_url: str = "", home: str = "") -> Catalogue:
    """Return the catalogue of a language with the tags and languages to filter its cards by.

    `names` gives the site's languages in order; those no card has are left out of the filter.
    """
    languages = tuple((code, name) for code, name in names.items()
                      if any(code in c.langs for c in cards))
    return Catalogue(ui=words(ui_lang), cards=tuple(cards), tags=filter_tags(cards),
                     languages=languages, partners_url=partners_url,
                     translations_url=translations_url, home=home)
