"""The registry of output kinds: the one place that names what a build makes.

A kind is one record: its name, file suffix and media type, the writer that makes it, the
interface word that labels it, whether each partner gets its own copy, and its phase (a document
rendered from the model, or a package made from other artifacts' bytes). The plan, the manifest,
the cache, the downloads box and the bundle README all learn the kinds from here. Adding a kind
is one entry below plus one writer module.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, get_args

from .i18n import N_

KindName = Literal["slides", "handout", "facilitator-guide", "feedback-form", "offline-page",
                   "activity-materials", "sign-in-sheet", "session-report", "needs-questionnaire",
                   "certificate", "name-badges", "toolkit"]


class Phase(Enum):
    """When a kind is made: documents from the model first, then packages from documents."""

    DOCUMENT = 1
    PACKAGE = 2


@dataclass(frozen=True)
class Kind:
    """One kind of output file."""

    name: KindName
    suffix: str                     # file name extension, without the dot
    media_type: str
    writer: str                     # "module:function"; documents take (workshop, context),
                                    # packages (workshop, context, inputs) where inputs are
                                    # (name, bytes) pairs
    label: str                      # the interface words that name it for people (a msgid)
    purpose: str                    # what a partner does with it, for the bundle README (a msgid)
    phase: Phase = Phase.DOCUMENT
    per_partner: bool = True        # made again in each partner's theme and with its local session
    needs_outline: bool = False     # the writer prints slide numbers: hand it the deck's outline
    checker: str = ""               # "module:function" run by `check` without writing anything
    forms: bool = False             # a PDF with fillable form fields


PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
REGISTRY: tuple[Kind, ...] = (
    Kind("toolkit", "zip", "application/zip", "toolkit_builder.bundles:render_toolkit",
         N_("Complete toolkit"), N_("this bundle"), phase=Phase.PACKAGE),
    Kind("slides", "pptx", PPTX, "toolkit_builder.slides:render", N_("Slides"),
         N_("present it; your notes are in the speaker-notes pane; edit it in PowerPoint, "
            "Keynote, LibreOffice or Google Slides"),
         checker="toolkit_builder.slides:check"),
    Kind("handout", "pdf", "application/pdf", "toolkit_builder.handouts:render_handout",
         N_("Participant handout"), N_("print one per participant")),
    Kind("facilitator-guide", "pdf", "application/pdf",
         "toolkit_builder.handouts:render_facilitator_guide", N_("Facilitator guide"),
         N_("run the session from it: run-of-show, checklist, notes and activities"),
         needs_outline=True),
    Kind("feedback-form", "pdf", "application/pdf", "toolkit_builder.handouts:render_feedback_form",
         N_("Feedback form"), N_("print one per participant and collect them at the end")),
    Kind("activity-materials", "pdf", "application/pdf",
         "toolkit_builder.handouts:render_activity_materials", N_("Activity materials"),
         N_("print each page at its paper size, as many as it says: cards, worksheets, canvases")),
    Kind("needs-questionnaire", "pdf", "application/pdf",
         "toolkit_builder.handouts:render_needs_questionnaire", N_("Needs questionnaire"),
         N_("send it with the invitation, two weeks before, to learn what invitees want"),
         forms=True),
    Kind("sign-in-sheet", "pdf", "application/pdf", "toolkit_builder.handouts:render_sign_in_sheet",
         N_("Sign-in sheet"),
         N_("lay it at the door: every participant signs; the project needs it for its reporting")),
    Kind("certificate", "pdf", "application/pdf", "toolkit_builder.handouts:render_certificate",
         N_("Certificate of attendance"),
         N_("print one per participant, write in the name, sign it at the end")),
    Kind("name-badges", "pdf", "application/pdf", "toolkit_builder.handouts:render_name_badges",
         N_("Name badges and table tents"),
         N_("print on card, cut along the marks, fold the table tents")),
    Kind("session-report", "pdf", "application/pdf",
         "toolkit_builder.handouts:render_session_report", N_("Session report"),
         N_("fill it in after the session and send it to the project team"), forms=True),
    Kind("offline-page", "html", "text/html", "toolkit_builder.handouts:render_offline_page",
         N_("Workshop page (offline)"),
         N_("the workshop's web page in one file: opens in any browser without internet")),
)
KINDS: dict[str, Kind] = {kind.name: kind for kind in REGISTRY}


def kind(name: str) -> Kind:
    """Return the kind of a name; an unknown name is a programming error."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown output kind {name!r}; the kinds are {', '.join(KINDS)}") from None


def kinds(phase: Phase | None = None) -> tuple[Kind, ...]:
    """Return the registered kinds in registry order, optionally of one phase."""
    return tuple(k for k in KINDS.values() if phase is None or k.phase is phase)


def order(name: str) -> int:
    """Return a kind's place in the registry, for listing artifacts (unknown kinds last)."""
    names = list(KINDS)
    return names.index(name) if name in names else len(names)


def names() -> tuple[str, ...]:
    """Return every kind name the type allows (the registry must cover exactly these)."""
    return get_args(KindName)


def checked_kinds() -> tuple[Kind, ...]:
    """Return the kinds whose writer can check a workshop without writing anything."""
    return tuple(k for k in KINDS.values() if k.checker)
