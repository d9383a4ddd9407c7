"""The offline page: the workshop's page as one HTML file.

Every image is inlined, and the page makes no request to any host.

It is made from the same model and block writer as the handouts (facilitator audience: notes are
shown, in collapsed boxes), with a screen stylesheet, so it reads well from a USB stick.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Workshop
from ..writers import Context
from .common import base, options
from .html import blocks_html
from .locations import SCHEME, local_path

ADDRESS_RE = re.compile(rf"{SCHEME}://[^\"')\s]+")


@dataclass(frozen=True)
class PageSection:
    """A section of the offline page."""

    anchor: str
    title: str
    html: Markup


def offline_page(workshop: Workshop, context: Context) -> dict:
    """Return the offline page's template variables."""
    values = base(workshop, context, "offline-page")
    opts = options(workshop, context, "guide")
    values.update(
        intro=blocks_html(workshop.intro, opts),
        sections=[PageSection(s.anchor, s.title, blocks_html(s.blocks, opts))
                  for s in workshop.sections],
        css=Markup(screen_css(context)),
    )
    return values


def screen_css(context: Context) -> str:
    """Return the page's CSS: the theme's colours and the screen sheet.

    The screen sheet uses system fonts, no font files.
    """
    colours = " ".join(f"--{name}: {value};"
                       for name, value in sorted(context.theme.colours.items()))
    sheet = context.theme.file("handout/offline-page.css")
    return f":root {{ {colours} }}\n" + (sheet.read_text(encoding="utf-8") if sheet else "")


def data_uri(data: bytes, name: str) -> str:
    """Return a file as a data: address."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def inline_files(html: str, allowed: dict) -> str:
    """Return the page with every local file address replaced by the file itself."""
    def replace(match: re.Match) -> str:
        path = local_path(match.group(0), allowed)
        return data_uri(path.read_bytes(), path.name) if path else ""

    return ADDRESS_RE.sub(replace, html)
