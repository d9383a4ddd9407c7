"""Small formatters for the site: durations, dates, file sizes and video embeds, per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

from ..formatting import duration, names  # noqa: F401  (re-exported for the views)
from ..formatting import human_date as month  # noqa: F401
from ..i18n import locale_tag

VIMEO_RE = re.compile(r"^/(?:video/)?(?P<id>\d+)(?:/(?P<hash>[0-9a-f]+))?/?$")
YOUTUBE_RE = re.compile(r"^[\w-]{11}$")


def size(count: int, lang: str = "en") -> str:
    """Return a file size such as `840 KB` or `2.4 MB` (`2,4 MB` in languages with a decimal
    comma)."""
    if count < 1000:
        return f"{count} B"
    if count < 1000 * 1000:
        return f"{round(count / 1000)} KB"
    return f"{format_decimal(round(count / 1e6, 1), '0.0', locale=locale_tag(lang))} MB"


def language_name(lang: str, ui_lang: str) -> str:
    """Return a language's name in the interface language ('engelsk' for 'en' in 'nb'), by Babel."""
    try:
        return Locale.parse(locale_tag(ui_lang)).languages.get(lang, lang)
    except (ValueError, UnknownLocaleError):
        return lang


@dataclass(frozen=True)
class Video:
    """A video link and, for known hosts, a privacy-friendly embed address."""

    url: str
    host: str
    embed: str = ""


def video(url: str) -> Video | None:
    """Return a video's embed information (vimeo without tracking, youtube-nocookie)."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    embed = ""
    if host.endswith("vimeo.com") and (match := VIMEO_RE.match(parts.path)):
        query = f"?h={match['hash']}&dnt=1" if match["hash"] else "?dnt=1"
        embed = f"https://player.vimeo.com/video/{match['id']}{query}"
    elif host in ("youtube.com", "m.youtube.com", "youtu.be"):
        ident = parts.path.strip("/") if host == "youtu.be" else dict(
            p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("v", "")
        if YOUTUBE_RE.match(ident):
            embed = f"https://www.youtube-nocookie.com/embed/{ident}"
    return Video(url, host, embed)
