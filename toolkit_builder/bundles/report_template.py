"""The session report as a Markdown template, to fill in with a text editor.

It asks what the fillable PDF asks (handouts/reporting.py), in the same interface words.
"""

from __future__ import annotations

from ..formatting import human_date, names
from ..i18n import N_, text
from ..kinds import KINDS
from ..model import Workshop
from ..resolve import Slot, clock, schedule
from ..writers import Context

# A blank to write on.
BLANK = "____________"
# The kinds of organisation participants are counted by.
ORGANISATION_KINDS = (N_("Public authority"), N_("Business"), N_("Education or training"),
                      N_("NGO"), N_("Other"))
# The feedback form's rating scale.
SCORES = (1, 2, 3, 4, 5)
# Blank lines left under an open question.
ANSWER_LINES = 4
# How to tally the feedback forms, and the hints under the closing questions.
FEEDBACK_NOTE = N_("For each line, write how many forms gave each score (1 = not at all, "
                   "5 = completely), and the average.")
NEXT_HINT = N_("Agreed next steps, who takes them and by when.")
TOOLKIT_HINT = N_("Slides, handout, activities, timing: what did not work, what was missing?")


def cell(value: str) -> str:
    """Return text safe inside a Markdown table cell."""
    return value.replace("|", "\\|").replace("\n", " ")


def line(label: str, value: str = "") -> str:
    """Return a list line to fill in: '- Venue: …', a blank when there is no value."""
    return f"- {label}: {value or BLANK}"


def session_lines(workshop: Workshop, context: Context) -> list[str]:
    """Return the session's facts, pre-filled from the partner's local session when there is one."""
    lang, session = workshop.lang, context.session(workshop)
    if session is None:
        return [line(text(lang, word)) for word in ("Date", "Time", "Venue", "Facilitators")]
    start = context.start(workshop)
    end = clock(start, workshop.meta.duration or sum(i.minutes for i in workshop.meta.agenda))
    return [line(text(lang, "Date"), human_date(session.date, lang)),
            line(text(lang, "Time"), f"{start}–{end}" if start else ""),
            line(text(lang, "Venue"), session.venue),
            line(text(lang, "Facilitators"), names(context.facilitators(workshop), lang))]


def participant_lines(lang: str) -> list[str]:
    """Return the participant counts to fill in, in total and by kind of organisation."""
    counts = [f"  {line(text(lang, kind))}" for kind in ORGANISATION_KINDS]
    return [line(text(lang, "Number of participants")), *counts]


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Return a Markdown table."""
    lines = ["| " + " | ".join(cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]


def run_of_show(slots: tuple[Slot, ...], lang: str) -> list[str]:
    """Return the run-of-show on the local clock, a '[ ]' box and a notes cell per item."""
    rows = [[f"{s.start}–{s.end}", f"*{s.item.title}*" if s.is_break else s.item.title,
             "" if s.is_break else "[ ]", ""] for s in slots]
    header = [text(lang, "Time"), text(lang, "Item"), text(lang, "Covered"), text(lang, "Notes")]
    return table(header, rows)


def tally(workshop: Workshop) -> list[str]:
    """Return the table of feedback-form scores: a row per objective, then the overall one."""
    lang = workshop.lang
    labels = [*workshop.meta.objectives,
              f"**{text(lang, 'Overall, how useful was the session for your work?')}**"]
    header = [text(lang, "Objectives"), *map(str, SCORES), text(lang, "Average")]
    return table(header, [[label, *("" for _ in SCORES), ""] for label in labels])


def question(heading: str, lang: str, hint: str = "") -> list[str]:
    """Return an open question: its heading, an optional hint and blank lines to write on."""
    lines = [f"## {text(lang, heading)}", ""]
    if hint:
        lines += [f"*{text(lang, hint)}*", ""]
    return lines + [""] * ANSWER_LINES


def contact_lines(context: Context, lang: str) -> list[str]:
    """Return the reporting person's contact, pre-filled from the partner's contact."""
    partner = context.partner
    return [line(text(lang, "Name"), partner.contact_name if partner else ""),
            line(text(lang, "Organisation"), partner.name if partner else ""),
            line(text(lang, "E-mail"), partner.contact_email if partner else ""),
            line(text(lang, "Phone"))]


def send_lines(workshop: Workshop, context: Context) -> list[str]:
    """Return where the report goes: the project team, and the workshop's page."""
    lang, url = workshop.lang, context.page_url(workshop)
    lines = [text(lang, "Send this report, the photos and the signed sign-in sheet to the "
                        "project team of {project}.", project=context.project_name(lang))]
    if url.startswith(("http://", "https://")):
        lines += ["", f"{text(lang, 'Workshop page')}: <{url}>"]
    return lines


def head(workshop: Workshop, context: Context) -> list[str]:
    """Return the title, the partner and how to fill the template in."""
    lang, partner = workshop.lang, context.partner
    lines = [f"# {text(lang, KINDS['session-report'].label)}: {workshop.meta.title}", ""]
    if partner:
        lines += [f"**{partner.name}**", ""]
    return lines + [text(lang, "Fill in this report after the session and send it to the project "
                               "team. Write after each colon and in the tables; tick a box by "
                               "writing x in it: [x]."), ""]


def presented_part(workshop: Workshop, context: Context) -> list[str]:
    """Return what was presented: the run-of-show on the local clock, and what was produced."""
    lang = workshop.lang
    slots = schedule(workshop, context.start(workshop))
    return [f"## {text(lang, 'What was presented')}", "",
            f"*{text(lang, 'Tick what you covered and note what you changed.')}*", "",
            *run_of_show(slots, lang), "",
            *question(N_("What participants produced"), lang,
                      N_("Attach photos of flipcharts and worksheets."))]


def feedback_part(workshop: Workshop) -> list[str]:
    """Return the tally of the feedback forms."""
    lang = workshop.lang
    return [f"## {text(lang, 'Feedback forms')}", "",
            line(text(lang, "Feedback forms returned")), "",
            f"*{text(lang, FEEDBACK_NOTE)}*", "", *tally(workshop), ""]


def report_markdown(workshop: Workshop, context: Context) -> str:
    """Return the session report as a Markdown template, pre-filled where the build knows."""
    lang = workshop.lang
    lines = [*head(workshop, context),
             f"## {text(lang, 'The session')}", "", *session_lines(workshop, context), "",
             f"## {text(lang, 'Participants')}", "", *participant_lines(lang), "",
             *presented_part(workshop, context), *feedback_part(workshop),
             *question(N_("What we will do next"), lang, NEXT_HINT),
             *question(N_("What we would change in the toolkit"), lang, TOOLKIT_HINT),
             f"## {text(lang, 'Who reports')}", "", *contact_lines(context, lang), "",
             f"## {text(lang, 'Where to send it')}", "", *send_lines(workshop, context)]
    return "\n".join(lines).rstrip() + "\n"
