"""What every handout document shares: words, theme CSS, logos, QR codes, metadata; all pure."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import segno
from markupsafe import Markup

from ..formatting import duration, human_date
from ..i18n import N_, text
from ..kinds import KINDS
from ..model import Workshop
from ..resolve import Slot, clock, schedule
from ..theme import Theme
from ..writers import Context
from .html import Options
from .locations import theme_url

# A material's form as the documents name it (the source writes the English keyword).
MATERIAL_FORMS = {"card": N_("Card"), "worksheet": N_("Worksheet"), "canvas": N_("Canvas")}
# Weights and styles of the theme's font files, for @font-face rules.
FONT_FACES = {"regular": (400, "normal"), "semibold": (600, "normal"), "bold": (700, "normal"),
              "italic": (400, "italic"), "bolditalic": (700, "italic")}
# Height of the text area of a cover page (20 mm margins), so that its foot sits at the bottom.
COVER_HEIGHT = {"A4": "257mm", "Letter": "239.4mm"}
# Used when a workshop gives no origin date: a fixed instant, so that rebuilds are byte-identical.
EPOCH = "2000-01-01T00:00:00Z"
DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?$")


def words(lang: str):
    """Return the `t(key, **values)` function templates use for interface words."""
    return functools.partial(text, lang)


def css_string(value: str) -> str:
    """Return a value quoted as a CSS string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_counter(lang: str) -> str:
    """Return the CSS `content` value for 'Page x of y' in the document's language."""
    template = text(lang, "Page {page} of {pages}", page="\0page\0", pages="\0pages\0")
    parts = []
    for piece in template.split("\0"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def theme_css(theme: Theme, lang: str) -> str:
    """Return the CSS the theme's settings decide: font files, colours, page size, page counter."""
    rules, folders = [], theme.folders or (theme.folder,)
    for key, (weight, style) in FONT_FACES.items():
        path = theme.font_files.get(key)
        if path:
            rules.append(f"@font-face {{ font-family: {css_string(theme.body_font)}; "
                         f"src: url({theme_url(folders, path)});"
                         f" font-weight: {weight}; font-style: {style}; }}")
    colours = " ".join(f"--{name}: {value};" for name, value in sorted(theme.colours.items()))
    fonts = (f"--body-font: {css_string(theme.body_font)}, sans-serif; "
             f"--heading-font: {css_string(theme.heading_font)}, {css_string(theme.body_font)}, "
             "sans-serif; "
             f"--mono-font: {css_string(theme.mono_font)}, monospace;")
    height = f"--page-inner-height: {COVER_HEIGHT.get(theme.page_size, COVER_HEIGHT['A4'])};"
    rules.append(f":root {{ {colours} {fonts} {height} }}")
    rules.append(f"@page {{ size: {theme.page_size}; }}")
    for page in ("body", "form"):
        rules.append(f"@page {page} {{ @bottom-right {{ content: {page_counter(lang)}; }} }}")
    return "\n".join(rules)


def theme_stylesheets(theme: Theme, kind: str) -> str:
    """Return the theme's print CSS: the shared sheet, then the one for this kind of document."""
    sheets = [theme.file("handout/print.css"), theme.file(f"handout/{kind}.css")]
    return "\n".join(path.read_text(encoding="utf-8") for path in sheets if path)


def theme_folders(context: Context) -> tuple[Path, ...]:
    """Return every theme folder a document may load from.

    That is the partner's chain of themes, then the project's.
    """
    folders = tuple(context.theme.folders or (context.theme.folder,))
    if context.brand is not None:
        folders += tuple(f for f in context.brand.folders if f not in folders)
    return folders


def logos(context: Context, lang: str) -> list[dict]:
    """Return the logos to show with their alt text: the partner's first, then the project's."""
    shown = [(context.theme, context.theme.name)] if context.brand is not None else []
    shown.append((context.brand or context.theme, context.project_name(lang)))
    folders = theme_folders(context)
    return [{"src": theme_url(folders, t.logo), "alt": name} for t, name in shown if t.logo]


def qr_data_uri(url: str, colour: str) -> str:
    """Return a QR code for an address as an SVG data URI."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark=colour)


def is_web(url: str) -> bool:
    """Return whether an address can be reached from a phone (and so deserves a QR code)."""
    return url.startswith(("http://", "https://"))


def metadata_date(workshop: Workshop) -> str:
    """Return the W3C date the PDF says it was made: the origin date, else a fixed epoch."""
    match = DATE_RE.match(workshop.meta.origin.date.strip())
    if not match:
        return EPOCH
    month, day = match.group("month") or "01", match.group("day") or "01"
    return f"{match.group('year')}-{month}-{day}T00:00:00Z"


def origin_date(workshop: Workshop) -> str:
    """Return the origin date for people: 'October 2013' from '2013-10'."""
    return human_date(workshop.meta.origin.date, workshop.lang)


def duration_text(workshop: Workshop, start: str | None) -> str:
    """Return the session's length and clock times: '3 h (09:30–12:30)'."""
    total = workshop.meta.duration or 0
    start = start or "09:00"
    return f"{duration(total, workshop.lang)} ({start}–{clock(start, total)})"


def agenda_rows(workshop: Workshop, start: str | None) -> list[Slot]:
    """Return the agenda on the clock."""
    return list(schedule(workshop, start))


def options(workshop: Workshop, context: Context, audience: str) -> Options:
    """Return how blocks are written for a document of this workshop."""
    lang = workshop.lang
    return Options(audience=audience, folder=workshop.folder, page_url=context.page_url(workshop),
                   worksheet_label=text(lang, "Worksheet"), notes_label=text(lang, "Your notes"),
                   minutes_label=text(lang, "min"),
                   material_label=text(lang, "Activity material"),
                   notes_title=text(lang, "Facilitator notes"),
                   forms={form: text(lang, label) for form, label in MATERIAL_FORMS.items()})


def session_view(workshop: Workshop, context: Context) -> dict | None:
    """Return the partner's local session as the documents print it, or None without one."""
    session = context.session(workshop)
    if session is None:
        return None
    start = context.start(workshop)
    end = clock(start, workshop.meta.duration or sum(i.minutes for i in workshop.meta.agenda))
    return {"date": human_date(session.date, workshop.lang),
            "time": f"{start}–{end}" if start else "",
            "venue": session.venue, "registration": session.registration,
            "note": context.fallback_note(workshop)}


def base(workshop: Workshop, context: Context, kind: str) -> dict:
    """Return the template variables every document uses."""
    meta, theme, lang = workshop.meta, context.theme, workshop.lang
    word_key = KINDS[kind].label
    page_url = context.page_url(workshop)
    primary = theme.colours["primary"]
    return {
        "kind": kind, "lang": lang, "t": words(lang), "meta": meta, "workshop": workshop,
        "doc_name": text(lang, word_key), "doc_title": f"{meta.title} – {text(lang, word_key)}",
        "authors": ", ".join(meta.facilitators) or context.project_name(lang),
        "created": metadata_date(workshop), "origin_date": origin_date(workshop),
        "duration_text": duration_text(workshop, context.start(workshop)),
        "session": session_view(workshop, context), "partner": context.partner,
        "facilitators": context.facilitators(workshop),
        "css": Markup(theme_css(theme, lang) + "\n" + theme_stylesheets(theme, kind)),
        "logos": logos(context, lang),
        "theme_name": theme.name if context.brand else context.project_name(lang),
        "brand_name": context.project_name(lang) if context.brand else "",
        "page_url": page_url if is_web(page_url) else "",
        "page_qr": qr_data_uri(page_url, primary) if is_web(page_url) else "",
        "video_qr": qr_data_uri(meta.video, primary) if is_web(meta.video) else "",
        "agenda": agenda_rows(workshop, context.start(workshop)),
        "layout": "",  # a class on <body> for a form's tighter or split layouts (FORM_LAYOUTS)
    }
