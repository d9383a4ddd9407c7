"""What the translations page shows: each workshop's status in each of the site's languages.

The status comes from `translations.table` ('original', 'yes', '—'); the page adds the titles,
the addresses of the pages and the interface words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..translations import table
from .partner_views import title_in
from .state import SiteState
from .words import words

# (path in the site without its language prefix, language) -> the address of that page in the site
Linker = Callable[[str, str], str]
STATUS = {"original": "original", "yes": "translated", "—": "missing"}


@dataclass(frozen=True)
class Cell:
    """A workshop in one language: 'original', 'translated' (both with an address) or 'missing'."""

    lang: str
    status: str
    url: str


@dataclass(frozen=True)
class TranslationRow:
    """A workshop's row: its title in the interface language (or its original one) and its cells."""

    slug: str
    title: str
    lang: str
    url: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class TranslationsView:
    """The translations page: the site's languages as columns, a row per workshop."""

    ui: dict
    languages: tuple[tuple[str, str], ...]     # (code, name), in the site's order
    rows: tuple[TranslationRow, ...]


def cell(slug: str, lang: str, status: str, link: Linker) -> Cell:
    """Return a cell of the table; only a version that exists gets an address."""
    kind = STATUS.get(status, "missing")
    return Cell(lang, kind, "" if kind == "missing" else link(slug, lang))


def row(state: SiteState, line: list[str], languages: list[str], link: Linker,
        ui_lang: str) -> TranslationRow:
    """Return a workshop's row from a line of the status table: its slug, a status a language."""
    slug, statuses = line[0], line[1:]
    title, title_lang = title_in(state, slug, ui_lang)
    pairs = zip(languages, statuses, strict=True)
    cells = tuple(cell(slug, lang, status, link) for lang, status in pairs)
    return TranslationRow(slug, title, title_lang, link(slug, ui_lang), cells)


def translations_view(state: SiteState, link: Linker, ui_lang: str) -> TranslationsView:
    """Return the translations page of a language: every workshop by title, every site language."""
    names = state.settings.languages
    languages = list(names)
    lines = table(state.project.workshops, languages)[1:]
    rows = sorted((row(state, line, languages, link, ui_lang) for line in lines),
                  key=lambda r: r.title.casefold())
    return TranslationsView(ui=words(ui_lang), languages=tuple(names.items()), rows=tuple(rows))
