"""Template variables of the reporting documents: the session report and the needs questionnaire.

Both are fillable PDFs: every form field is named here, once, so that each name is unique.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import names
from ..i18n import N_, text
from ..model import Workshop
from ..resolve import Slot
from ..writers import Context
from .common import base

# The kinds of organisation participants are counted by in the session report.
ORGANISATION_KINDS = (("public", N_("Public authority")), ("business", N_("Business")),
                      ("education", N_("Education or training")), ("ngo", N_("NGO")),
                      ("other", N_("Other")))
# The feedback form's rating scale, tallied in the session report.
SCORES = (1, 2, 3, 4, 5)
# How important an objective is to an invitee, from 1 (not important) to 4 (very important).
IMPORTANCE = (1, 2, 3, 4)
# What an invitee wants of each agenda item.
PREFERENCES = (("more", N_("More")), ("as-planned", N_("As planned")), ("less", N_("Less")))
# The session report's open questions after the run-of-show: name, heading, hint.
REPORT_QUESTIONS = (
    ("next-steps", N_("What we will do next"),
     N_("Agreed next steps, who takes them and by when.")),
    ("toolkit-changes", N_("What we would change in the toolkit"),
     N_("Slides, handout, activities, timing: what did not work, what was missing?")),
)
# The needs questionnaire's open questions, by the part they belong to: name, question.
OWN_QUESTIONS = (("take-home", N_("What do you hope to take home from the session?")),
                 ("colleagues", N_("Who else in your organisation should come?")))
TOGETHER_QUESTIONS = (("problem", N_("One concrete problem you want to discuss together")),)
ORGANISER_QUESTIONS = (("practical", N_("Practical needs: accessibility, diet, language")),)


@dataclass(frozen=True)
class Field:
    """A form field: its unique name, its label, the value it starts with and a hint."""

    name: str
    label: str
    value: str = ""
    hint: str = ""


@dataclass(frozen=True)
class ItemRow:
    """A line of the report's run-of-show: when, what, and its 'covered' and notes fields."""

    start: str
    end: str
    title: str
    minutes: int
    is_break: bool
    covered: Field | None
    notes: Field | None


@dataclass(frozen=True)
class ChoiceRow:
    """A table row of checkboxes: what is asked or counted, then one field per column."""

    label: str
    boxes: tuple[Field, ...]
    extra: Field | None = None  # a last field after the boxes, e.g. the average


def session_fields(workshop: Workshop, context: Context, session: dict | None) -> list[Field]:
    """Return the report's session fields, pre-filled from the local session when there is one."""
    lang, local = workshop.lang, session or {}
    facilitators = context.facilitators(workshop) if session else ()
    return [Field("date", text(lang, "Date"), local.get("date", "")),
            Field("time", text(lang, "Time"), local.get("time", "")),
            Field("venue", text(lang, "Venue"), local.get("venue", "")),
            Field("facilitators", text(lang, "Facilitators"), names(facilitators, lang))]


def participant_fields(lang: str) -> list[Field]:
    """Return the number fields of participants, by kind of organisation."""
    return [Field(f"participants-{key}", text(lang, label)) for key, label in ORGANISATION_KINDS]


def item_rows(slots: list[Slot], lang: str) -> list[ItemRow]:
    """Return the run-of-show with a 'covered' checkbox and a notes field for each non-break."""
    rows = []
    for number, slot in enumerate(slots, 1):
        title = slot.item.title
        covered = None if slot.is_break else Field(
            f"item-{number}-covered", text(lang, "Covered: {item}", item=title))
        notes = None if slot.is_break else Field(
            f"item-{number}-notes", text(lang, "Notes: {item}", item=title))
        rows.append(ItemRow(slot.start, slot.end, title, slot.item.minutes, slot.is_break,
                            covered, notes))
    return rows


def tally_row(name: str, label: str, lang: str) -> ChoiceRow:
    """Return a tally row: how many forms gave each score, and the average."""
    boxes = tuple(Field(f"{name}-score-{score}", text(
        lang, "{item}: forms that gave {score}", item=label, score=score)) for score in SCORES)
    return ChoiceRow(label, boxes, Field(f"{name}-average", text(
        lang, "{item}: average", item=label)))


def tally_rows(workshop: Workshop) -> list[ChoiceRow]:
    """Return a tally row per objective, then one for the overall usefulness."""
    lang = workshop.lang
    rows = [tally_row(f"objective-{number}", objective, lang)
            for number, objective in enumerate(workshop.meta.objectives, 1)]
    overall = text(lang, "Overall, how useful was the session for your work?")
    return [*rows, tally_row("overall", overall, lang)]


def contact_fields(context: Context, lang: str) -> list[Field]:
    """Return the reporting person's contact fields, pre-filled from the partner's contact."""
    partner = context.partner
    return [Field("contact-name", text(lang, "Name"), partner.contact_name if partner else ""),
            Field("contact-organisation", text(lang, "Organisation"),
                  partner.name if partner else ""),
            Field("contact-email", text(lang, "E-mail"), partner.contact_email if partner else ""),
            Field("contact-phone", text(lang, "Phone"))]


def questions(pairs: tuple[tuple[str, str], ...], lang: str) -> list[Field]:
    """Return open questions as text-area fields."""
    return [Field(name, text(lang, question)) for name, question in pairs]


def session_report(workshop: Workshop, context: Context) -> dict:
    """Return the template variables of the session report."""
    values = base(workshop, context, "session-report")
    lang = workshop.lang
    values.update(
        session_fields=session_fields(workshop, context, values["session"]),
        total_field=Field("participants", text(lang, "Number of participants")),
        participant_fields=participant_fields(lang), rows=item_rows(values["agenda"], lang),
        produced_field=Field("produced", text(lang, "What participants produced")),
        forms_field=Field("feedback-forms", text(lang, "Feedback forms returned")),
        scores=SCORES, tally=tally_rows(workshop),
        closing_fields=[Field(name, text(lang, heading), hint=text(lang, hint))
                        for name, heading, hint in REPORT_QUESTIONS],
        contact_fields=contact_fields(context, lang), project_name=context.project_name(lang),
    )
    return values


def importance_rows(workshop: Workshop) -> list[ChoiceRow]:
    """Return a row of 1–4 importance boxes per objective."""
    lang = workshop.lang
    return [ChoiceRow(objective, tuple(
        Field(f"objective-{number}-importance-{score}",
              text(lang, "{item}: importance {score}", item=objective, score=score))
        for score in IMPORTANCE)) for number, objective in enumerate(workshop.meta.objectives, 1)]


def preference_rows(slots: list[Slot], lang: str) -> list[ChoiceRow]:
    """Return a row of more / as planned / less boxes per agenda item that is not a break."""
    return [ChoiceRow(slot.item.title, tuple(
        Field(f"item-{number}-{key}", f"{slot.item.title}: {text(lang, word)}")
        for key, word in PREFERENCES))
        for number, slot in enumerate(slots, 1) if not slot.is_break]


def send_back(context: Context, lang: str) -> str:
    """Return where invitees send the questionnaire: the partner and its address, if known."""
    partner = context.partner
    if partner is None:
        return text(lang, "Please send it back to the organiser before the session.")
    if partner.contact_email:
        return text(lang, "Please send it back to {organiser} ({address}) before the session.",
                    organiser=partner.name, address=partner.contact_email)
    return text(lang, "Please send it back to {organiser} before the session.",
                organiser=partner.name)


def needs_questionnaire(workshop: Workshop, context: Context) -> dict:
    """Return the template variables of the needs questionnaire."""
    values = base(workshop, context, "needs-questionnaire")
    lang = workshop.lang
    values.update(
        importance=IMPORTANCE, importance_rows=importance_rows(workshop),
        preferences=[text(lang, word) for _, word in PREFERENCES],
        preference_rows=preference_rows(values["agenda"], lang),
        own_questions=questions(OWN_QUESTIONS, lang),
        together_questions=questions(TOGETHER_QUESTIONS, lang),
        organiser_questions=questions(ORGANISER_QUESTIONS, lang),
        respondent_fields=[Field("name", text(lang, "Name (optional)")),
                           Field("organisation", text(lang, "Organisation (optional)"))],
        send_back=send_back(context, lang),
    )
    return values
