"""Dates and durations for people, in a workshop's language: the one place that formats them."""

from __future__ import annotations

import re

from .i18n import text

DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")


def month_name(month: int, lang: str) -> str:
    """Return the name of a month (1–12) in a language."""
    return text(lang, "months").split(",")[month - 1].strip()


def human_date(value: str, lang: str) -> str:
    """Return `October 2013` for `2013-10`, `3 October 2013` for a full date.

    Other text is returned unchanged.
    """
    match = DATE_RE.match(str(value).strip())
    if not match or not match["month"] or not 1 <= int(match["month"]) <= 12:
        return str(value)
    name = month_name(int(match["month"]), lang)
    if match["day"]:
        return text(lang, "date_day", day=int(match["day"]), month=name, year=match["year"])
    return text(lang, "date_month", month=name, year=match["year"])


def duration(minutes: int | None, lang: str) -> str:
    """Return `3 h`, `2 h 30 min` or `45 min` in a language."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} {text(lang, 'minutes')}"
    if rest:
        return text(lang, "hours_minutes", hours=hours, minutes=rest)
    return text(lang, "hours", hours=hours)
