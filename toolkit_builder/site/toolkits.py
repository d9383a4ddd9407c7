"""What a page offers of a workshop in one language: toolkit zip, separate files, partner editions.

A partner wants one zip, so the toolkit is the page's first action; the separate files stay for
whoever needs one of them, and partners' editions point at the partner pages, which list the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..artifacts import Artifact
from ..partners import Partner
from .downloads import Download, box, toolkit


@dataclass(frozen=True)
class Edition:
    """A partner's own toolkit of a workshop in a language, as a workshop page lists it."""

    slug: str
    name: str
    url: str
    toolkit: Download


@dataclass(frozen=True)
class Shelf:
    """The downloads of a workshop in one language: toolkit, separate files, partners' editions."""

    lang: str
    language: str
    toolkit: Download | None
    files: tuple[Download, ...]
    editions: tuple[Edition, ...] = ()
    badge: str = ""     # "In English" when the page's language is not the files' language

    @property
    def empty(self) -> bool:
        """Return whether there is nothing to download."""
        return not (self.toolkit or self.files or self.editions)


def shelf(artifacts: list[Artifact], slug: str, lang: str, language: str, ui_lang: str,
          partner: str = "") -> Shelf:
    """Return one partner's ('' the project's own) toolkit and files of a workshop in a language."""
    return Shelf(lang=lang, language=language,
                 toolkit=toolkit(artifacts, slug, lang, ui_lang, partner),
                 files=tuple(box(artifacts, slug, lang, ui_lang, partner)))


def editions(artifacts: list[Artifact], partners: tuple[Partner, ...], urls: dict[str, str],
             slug: str, lang: str, ui_lang: str) -> tuple[Edition, ...]:
    """Return the partners' toolkits of a workshop in a language, by partner name.

    `urls` gives the partners' pages.
    """
    found = []
    for partner in sorted(partners, key=lambda p: p.name.casefold()):
        zip_file = toolkit(artifacts, slug, lang, ui_lang, partner.slug)
        if zip_file is not None:
            found.append(Edition(partner.slug, partner.name, urls.get(partner.slug, ""), zip_file))
    return tuple(found)
