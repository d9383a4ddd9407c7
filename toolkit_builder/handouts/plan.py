"""Template variables of the participant handout and the feedback form.

They are pure functions of the model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from ..i18n import N_, text
from ..model import Workshop
from ..writers import Context
from .common import base, options
from .html import blocks_html

# Ids of the handout's fixed parts; prefixed so that they never clash with a section's anchor.
ABOUT_ID, TAKEAWAYS_ID = "ktw-about", "ktw-takeaways"
# The feedback form's open questions.
QUESTIONS = (N_("What will you apply in your own work?"), N_("What was missing or unclear?"),
             N_("What should the next session cover?"))
# The rating scale of the feedback form.
SCALE = (1, 2, 3, 4, 5)
# Ruled lines under each open question of the feedback form.
QUESTION_LINES = 3
# How the handout may end, tried in turn until the take-aways start on the last page: after the
# last section, with this many ruled lines for notes (fewer rather than a page of leftovers), else
# on a page of their own.
ENDINGS = ({"notes_lines": 12}, {"notes_lines": 8}, {"notes_lines": 12, "own_page": True})


@dataclass(frozen=True)
class TocEntry:
    """A line of the table of contents: the id it points at and its title."""

    target: str
    title: str


@dataclass(frozen=True)
class SectionView:
    """A section as the handout prints it."""

    anchor: str
    title: str
    html: Markup


def toc(workshop: Workshop) -> list[TocEntry]:
    """Return the handout's table of contents."""
    lang = workshop.lang
    entries = [TocEntry(ABOUT_ID, text(lang, "About this workshop"))]
    entries += [TocEntry(s.anchor, s.title) for s in workshop.sections]
    entries.append(TocEntry(TAKEAWAYS_ID, text(lang, "Key take-aways") if workshop.meta.takeaways
                            else text(lang, "Your notes")))
    return entries


def handout(workshop: Workshop, context: Context, notes_lines: int = 12,
            own_page: bool = False, cuts: dict | None = None) -> dict:
    """Return the handout's template variables (ending as ENDINGS, worksheets cut as `cuts`)."""
    values = base(workshop, context, "handout")
    opts = replace(options(workshop, context, "handout"), cuts=cuts or {})
    values.update(
        about_id=ABOUT_ID, notes_lines=notes_lines, takeaways_id=TAKEAWAYS_ID, toc=toc(workshop),
        takeaways_own_page=own_page, intro=blocks_html(workshop.intro, opts),
        sections=[SectionView(s.anchor, s.title, blocks_html(s.blocks, opts))
                  for s in workshop.sections],
    )
    return values


def feedback_form(workshop: Workshop, context: Context) -> dict:
    """Return the feedback form's template variables: a rating row per objective, open questions."""
    values = base(workshop, context, "feedback-form")
    lang = workshop.lang
    values.update(
        scale=SCALE, objectives=list(workshop.meta.objectives),
        questions=[text(lang, question) for question in QUESTIONS],
        question_lines=QUESTION_LINES,
    )
    return values
