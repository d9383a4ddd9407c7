"""Sharing: the OpenGraph and Twitter-card tags of a page, and the pictures they name.

A workshop page's card shows its title; the other pages' cards their own title and the site's
name. A video's poster is drawn the same way. Every picture lands under assets/toolkit/cards/.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import locale_tag, text
from ..model import Workshop
from .cards import CARD_SIZE, Card

CARDS = "assets/toolkit/cards"


@dataclass(frozen=True)
class Social:
    """What a page's OpenGraph and Twitter tags say; `url` and `image` are full addresses."""

    title: str
    description: str
    url: str
    image: str
    image_alt: str
    kind: str           # og:type: "article" for a workshop, "website" for the others
    locale: str
    other_locales: tuple[str, ...]
    site_name: str
    width: int = CARD_SIZE[0]
    height: int = CARD_SIZE[1]


def workshop_card_path(workshop: Workshop) -> str:
    """Return where a workshop's sharing card lands in the site."""
    return f"{CARDS}/{workshop.slug}-{workshop.lang}.png"


def poster_path(workshop: Workshop) -> str:
    """Return where a workshop's video poster lands in the site."""
    return f"{CARDS}/{workshop.slug}-{workshop.lang}-video.png"


def page_card_path(path: str, lang: str) -> str:
    """Return where the card of a generated page (`path`: '' for home, 'partners', …) lands."""
    return f"{CARDS}/{lang}-{path.strip('/').replace('/', '-') or 'home'}.png"


def workshop_card(workshop: Workshop, site_name: str) -> Card:
    """Return the card of a workshop: its title, in its own language, over the site's name."""
    return Card(text(workshop.lang, "Knowledge-transfer workshop"), workshop.meta.title,
                site_name)


def poster(workshop: Workshop) -> Card:
    """Return the poster of a workshop's video: a play symbol over the workshop's title."""
    return Card(text(workshop.lang, "Video"), workshop.meta.title, play=True)


def page_card(label: str, title: str, site_name: str) -> Card:
    """Return the card of a generated page: its section label and title, and the site's name."""
    return Card(label, title, "" if title == site_name else site_name)


def full_url(site_url: str, path: str) -> str:
    """Return a site path as a full address ('' when the site has no site_url)."""
    if not site_url:
        return ""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}" if path not in ("", ".", "./") \
        else f"{site_url.rstrip('/')}/"


def social(title: str, description: str, page_url: str, image: str, lang: str, languages: list[str],
           site_name: str, site_url: str, kind: str = "website") -> Social:
    """Return the sharing tags of a page; `image` is the site path of its card."""
    return Social(title=title, description=" ".join(description.split()),
                  url=full_url(site_url, page_url), image=full_url(site_url, image),
                  image_alt=title, kind=kind, locale=locale_tag(lang),
                  other_locales=tuple(locale_tag(code) for code in languages if code != lang),
                  site_name=site_name)
