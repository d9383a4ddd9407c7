"""Dates, durations and lists for people, in a language, through Babel: the one place that
formats them."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date, format_skeleton
from babel.lists import format_list

from .i18n import locale_tag, text

DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")


def parse_date(value: str) -> tuple[datetime.date, str] | None:
    """Return a date and its precision ('month' or 'day') from `2013-10` or `2013-10-03`."""
    match = DATE_RE.match(str(value).strip())
    if not match or not match["month"]:
        return None
    try:
        day = datetime.date(int(match["year"]), int(match["month"]), int(match["day"] or 1))
    except ValueError:
        return None
    return day, "day" if match["day"] else "month"


def human_date(value: str, lang: str) -> str:
    """Return `October 2013` for `2013-10`, `3 October 2013` for a full date, in a language.

    Other text (a year alone, words) is returned unchanged.
    """
    parsed = parse_date(value)
    if parsed is None:
        return str(value)
    day, precision = parsed
    if precision == "day":
        return format_date(day, "long", locale=locale_tag(lang))
    return format_skeleton("yMMMM", day, locale=locale_tag(lang))


def weekday_date(value: str, lang: str) -> str:
    """Return a session date with its weekday: `Thursday, 8 April 2027` (other text unchanged)."""
    parsed = parse_date(value)
    if parsed is None or parsed[1] != "day":
        return human_date(value, lang)
    return format_date(parsed[0], "full", locale=locale_tag(lang))


def duration(minutes: int | None, lang: str) -> str:
    """Return `3 h`, `2 h 30 min` or `45 min` in a language."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return text(lang, "{minutes} min", minutes=rest)
    if rest:
        return text(lang, "{hours} h {minutes} min", hours=hours, minutes=rest)
    return text(lang, "{hours} h", hours=hours)


def names(items, lang: str) -> str:
    """Return names joined as the language joins a list: `A, B and C`, `A, B og C`."""
    items = [str(item) for item in items if item]
    return format_list(items, locale=locale_tag(lang)) if items else ""
