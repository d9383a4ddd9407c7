"""The PDF writers: participant handout, facilitator guide and feedback form.

Each is plan (model → template variables, pure) → HTML (the theme's Jinja2 templates and print CSS)
→ PDF (WeasyPrint, in render.py only).
"""

from __future__ import annotations

from typing import Callable

from ..diagnostics import WARNING, Diagnostic
from ..model import Workshop
from ..writers import Context, Rendered
from .guide import facilitator_guide
from .locations import roots
from .plan import feedback_form, handout
from .templates import render_html

PLANS: dict[str, Callable[[Workshop, Context], dict]] = {
    "handout": handout, "facilitator-guide": facilitator_guide, "feedback-form": feedback_form}


def build_html(kind: str, workshop: Workshop, context: Context) -> str:
    """Return the final HTML of one kind of document for a workshop."""
    return render_html(context.theme, kind, PLANS[kind](workshop, context))


def allowed_folders(workshop: Workshop, context: Context) -> dict:
    """Return the folders a document of this workshop may load files from."""
    return roots(workshop.folder, context.theme.folders or (context.theme.folder,))


def render_pdf(kind: str, workshop: Workshop, context: Context) -> Rendered:
    """Return one document as PDF, with WeasyPrint's complaints as warnings on the workshop."""
    from .render import write_pdf  # WeasyPrint is slow to import; only the PDF step needs it

    data, messages = write_pdf(build_html(kind, workshop, context), allowed_folders(workshop, context))
    found = tuple(Diagnostic(workshop.source, WARNING, f"{kind} PDF: {message}", "handout.weasyprint")
                  for message in dict.fromkeys(messages))
    return Rendered(data, found)


def render_handout(workshop: Workshop, context: Context) -> Rendered:
    """Return the participant handout PDF."""
    return render_pdf("handout", workshop, context)


def render_facilitator_guide(workshop: Workshop, context: Context) -> Rendered:
    """Return the facilitator guide PDF."""
    return render_pdf("facilitator-guide", workshop, context)


def render_feedback_form(workshop: Workshop, context: Context) -> Rendered:
    """Return the feedback form PDF."""
    return render_pdf("feedback-form", workshop, context)
