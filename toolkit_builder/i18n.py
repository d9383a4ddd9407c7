"""Interface words from gettext catalogues, one per language, managed with Babel.

The messages are English sentences in the code and templates (`text(lang, "Agenda")`,
`{{ t("Agenda") }}`, `N_("…")` for messages kept in data); translations live in
`toolkit_builder/locales/<lang>/LC_MESSAGES/toolkit.po`, extracted, updated and compiled with
Babel's standard commands (see the README). A language without a catalogue shows English.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "toolkit"
# The full locale of each interface language: its dates, lists and the language tag of documents.
LOCALE_TAGS = {"en": "en_GB", "nb": "nb_NO", "es": "es_ES", "de": "de_DE", "fr": "fr_FR",
               "pt": "pt_PT"}


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for "mark, translate later"
    """Return a message unchanged, marking it for extraction into the catalogues."""
    return message


def base_language(lang: str) -> str:
    """Return the language part of a tag: 'nb' for 'nb-NO'."""
    return lang.replace("_", "-").split("-")[0].lower()


def locale_tag(lang: str) -> str:
    """Return the locale used to format dates and lists in a language ('nb_NO' for 'nb'): ours
    for the interface languages, else the one CLDR finds most likely ('it' → 'it_IT')."""
    base = base_language(lang)
    if base in LOCALE_TAGS:
        return LOCALE_TAGS[base]
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(base, base)).split("_")
    return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else base


def language_tag(lang: str) -> str:
    """Return the BCP 47 tag documents declare ('nb-NO' for 'nb')."""
    return locale_tag(lang).replace("_", "-")


def interface_languages() -> tuple[str, ...]:
    """Return the languages that have a catalogue."""
    return tuple(sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def _compiled(po: Path) -> gettext.GNUTranslations:
    """Return a catalogue compiled in memory from its .po file (when set-up has not compiled it)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """Return the translations of a language: the compiled .mo if it is current, else the .po."""
    folder = LOCALES / base_language(lang) / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as source:
            return gettext.GNUTranslations(source)
    if po.is_file():
        return _compiled(po)
    return gettext.NullTranslations()


def text(lang: str, message: str, **values) -> str:
    """Return a message in a language (English where the catalogue lacks it), values filled in."""
    translated = catalogue(lang).gettext(message)
    return translated.format(**values) if values else translated
