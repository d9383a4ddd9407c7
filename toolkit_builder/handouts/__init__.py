"""The PDF writers: participant handout, facilitator guide and feedback form.

Each is plan (model → template variables, pure) → HTML (the theme's `<kind>.html.j2` template and
print CSS) → PDF (WeasyPrint, in render.py only).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..diagnostics import WARNING, Diagnostic
from ..glyphs import covers
from ..kinds import KindName
from ..model import SourcePos, Workshop
from ..writers import Context, Rendered
from .attendance import certificate, name_badges, sign_in_sheet
from .common import theme_folders
from .guide import facilitator_guide
from .html import cut_worksheets
from .locations import roots
from .materials import activity_materials
from .offline import inline_files, offline_page
from .plan import ENDINGS, TAKEAWAYS_ID, feedback_form, handout
from .reporting import needs_questionnaire, session_report
from .templates import render_html

Plan = Callable[[Workshop, Context], dict]
# The forms' page caps and the layouts tried in turn until one keeps to them (the last is kept
# anyway): as designed, tighter ("compact"), then, for the questionnaire, two balanced pages.
FORM_LAYOUTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "feedback-form": (1, ("", "compact", "compact tight")),
    "session-report": (2, ("", "compact", "compact tight")),
    "needs-questionnaire": (1, ("", "compact", "split")),
}
NOTDEF_RE = re.compile(r'^\.notdef glyph .*?"(?P<char>.)" \(U\+[0-9A-Fa-f]+\)')


def build_html(kind: KindName, plan: Plan, workshop: Workshop, context: Context) -> str:
    """Return the final HTML of one kind of document for a workshop."""
    return render_html(context.theme, kind, plan(workshop, context))


def allowed_folders(workshop: Workshop, context: Context) -> dict:
    """Return the folders a document of this workshop may load files from."""
    return roots(workshop.folder, theme_folders(context))


def render_pdf(kind: KindName, plan: Plan, workshop: Workshop, context: Context,
               forms: bool = False) -> Rendered:
    """Return one document as PDF (fillable if `forms`; a form in its first FORM_LAYOUTS that
    fits), with WeasyPrint's complaints as warnings on the workshop."""
    from .render import at_most, write_first, write_pdf  # WeasyPrint is slow to import

    allowed = allowed_folders(workshop, context)
    if kind not in FORM_LAYOUTS:
        data, messages = write_pdf(build_html(kind, plan, workshop, context), allowed, forms=forms)
        return Rendered(data, warnings(kind, workshop, messages, context))
    pages, layouts = FORM_LAYOUTS[kind]
    htmls = (render_html(context.theme, kind, {**plan(workshop, context), "layout": layout})
             for layout in layouts)
    data, messages = write_first(htmls, allowed, at_most(pages), forms)
    return Rendered(data, warnings(kind, workshop, messages, context))


def warnings(kind: KindName, workshop: Workshop, messages: list[str],
             context: Context) -> tuple[Diagnostic, ...]:
    """Return WeasyPrint's complaints about a document as warnings on the workshop."""
    located = ((glyph_pos(workshop, message, context), message)
               for message in dict.fromkeys(messages))
    return tuple(Diagnostic(pos, WARNING, f"{kind} PDF: {message}", "handout.weasyprint")
                 for pos, message in located if pos)


def glyph_pos(workshop: Workshop, message: str, context: Context) -> SourcePos | None:
    """Return where a complaint belongs: a missing glyph at its line, None if `check` has it."""
    match = NOTDEF_RE.match(message)
    if not match:
        return workshop.source
    char, theme = match["char"], context.brand or context.theme
    try:
        text = (workshop.folder / Path(workshop.source.path).name).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return workshop.source
    line = next((n for n, t in enumerate(text.split("\n"), 1) if char in t), None)
    if line is None:
        return workshop.source  # text of the theme or the translations, not of the workshop
    checked = not covers(theme, char) or not covers(theme, char, code=True)
    return None if checked else replace(workshop.source, line=line)


def render_handout(workshop: Workshop, context: Context) -> Rendered:
    """Return the participant handout PDF, the first of its ENDINGS that ends on one page, its
    worksheets cut where a page would end among their ruled lines."""
    from .render import starts_last_page, write_revised

    def draft(ending: dict) -> Callable[[dict], str]:
        """Return the handout's HTML with one ending, given the worksheets cut so far."""
        return lambda cuts: build_html(
            "handout", functools.partial(handout, cuts=cuts, **ending), workshop, context)

    data, messages = write_revised(
        (draft(ending) for ending in ENDINGS), allowed_folders(workshop, context),
        lambda pages: starts_last_page(pages, TAKEAWAYS_ID), cut_worksheets)
    return Rendered(data, warnings("handout", workshop, messages, context))


def render_facilitator_guide(workshop: Workshop, context: Context) -> Rendered:
    """Return the facilitator guide PDF."""
    return render_pdf("facilitator-guide", facilitator_guide, workshop, context)


def render_feedback_form(workshop: Workshop, context: Context) -> Rendered:
    """Return the feedback form PDF."""
    return render_pdf("feedback-form", feedback_form, workshop, context)


def render_offline_page(workshop: Workshop, context: Context) -> Rendered:
    """Return the workshop's page as one self-contained HTML file."""
    html = build_html("offline-page", offline_page, workshop, context)
    return Rendered(inline_files(html, allowed_folders(workshop, context)).encode("utf-8"))


def render_activity_materials(workshop: Workshop, context: Context) -> Rendered:
    """Return the activities' cards, worksheets and canvases, each at its paper size."""
    return render_pdf("activity-materials", activity_materials, workshop, context)


def render_sign_in_sheet(workshop: Workshop, context: Context) -> Rendered:
    """Return the attendance list participants sign."""
    return render_pdf("sign-in-sheet", sign_in_sheet, workshop, context)


def render_certificate(workshop: Workshop, context: Context) -> Rendered:
    """Return the certificate of attendance (the name left blank)."""
    return render_pdf("certificate", certificate, workshop, context)


def render_name_badges(workshop: Workshop, context: Context) -> Rendered:
    """Return name badges and table tents to cut and fold."""
    return render_pdf("name-badges", name_badges, workshop, context)


def render_session_report(workshop: Workshop, context: Context) -> Rendered:
    """Return the fillable report a partner sends back to the project after its session."""
    return render_pdf("session-report", session_report, workshop, context, forms=True)


def render_needs_questionnaire(workshop: Workshop, context: Context) -> Rendered:
    """Return the fillable questionnaire invitees answer before the session."""
    return render_pdf("needs-questionnaire", needs_questionnaire, workshop, context, forms=True)
