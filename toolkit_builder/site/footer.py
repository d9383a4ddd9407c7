"""The footer of every page: the project and its funder, a contact, the licence, the date of the
sources and a link to them.

The date must be the same in every clone of the same sources: a file's time is not (a checkout
sets it), nor are per-file git dates (a shallow clone gives every file the newest commit's date).
The date is SOURCE_DATE_EPOCH when the build sets it (the reproducible-builds convention), else
the date of the commit the sources are checked out at, which every clone shares; with neither (a
folder outside git), the footer gives no date rather than a wrong one.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from ..formatting import human_date
from .words import words

EMAIL_RE = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+")
CC_RE = re.compile(r"CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)", re.IGNORECASE)
SPDX_RE = re.compile(r"[A-Za-z0-9.+-]+")


@dataclass(frozen=True)
class Footer:
    """What the footer shows; an empty value leaves its line out."""

    ui: dict
    project: str
    home: str
    funder: str = ""
    funder_logo: str = ""
    contact: str = ""
    licence: str = ""
    licence_url: str = ""
    updated: str = ""       # the date in the interface language
    updated_iso: str = ""
    sources: str = ""


@cache
def sources_date(root: Path) -> str:
    """Return the date of the sources as YYYY-MM-DD (see the module's notes), or ''."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    try:
        found = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs", "HEAD"],
                               capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    date = found.stdout.strip()
    return date if found.returncode == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""


def licence_name(licence: str) -> str:
    """Return a licence as people write it: 'CC BY 4.0' for 'CC-BY-4.0'."""
    match = CC_RE.fullmatch(licence.strip())
    return f"CC {match[1].upper()} {match[2]}" if match else licence.strip()


def licence_url(licence: str) -> str:
    """Return the address of a licence's text from its SPDX name, or '' for free text."""
    name = licence.strip()
    match = CC_RE.fullmatch(name)
    if match:
        return f"https://creativecommons.org/licenses/{match[1].lower()}/{match[2]}/"
    if name.upper() == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    return f"https://spdx.org/licenses/{name}.html" if SPDX_RE.fullmatch(name) else ""


def common_licence(licences: list[str]) -> str:
    """Return the licence every workshop shares, or '' when they differ or give none."""
    found = {licence.strip() for licence in licences}
    return found.pop() if len(found) == 1 else ""


def footer(ui_lang: str, project: str, home: str, settings: dict, licence: str = "",
           funder: tuple[str, str] = ("", ""), date: str = "") -> Footer:
    """Return a page's footer; `settings`: extra.toolkit, `funder`: the line and its logo's path."""
    contact = str(settings.get("contact") or "").strip()
    sources = str(settings.get("sources") or "").strip()
    return Footer(ui=words(ui_lang), project=project, home=home, funder=funder[0],
                  funder_logo=funder[1] if funder[0] else "",
                  contact=contact if EMAIL_RE.fullmatch(contact) else "",
                  licence=licence_name(licence), licence_url=licence_url(licence),
                  updated=human_date(date, ui_lang) if date else "", updated_iso=date,
                  sources=sources if sources.startswith(("https://", "http://")) else "")
