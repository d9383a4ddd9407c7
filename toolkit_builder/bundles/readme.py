"""The README of a toolkit zip, as HTML and as plain text.

It says what each file is for, and how to run the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2

from ..formatting import duration, human_date, names
from ..i18n import N_, text
from ..kinds import KINDS
from ..model import Workshop
from ..preparation import Group, checklist
from ..resolve import Slot, clock, schedule
from ..writers import Context

TEMPLATES = Path(__file__).resolve().parent / "templates"
README_NAMES = ("README.html", "README.txt")
LICENCE_NAME = "LICENCE.txt"
REPORT_NAME = "session-report.md"
SOURCES = "source"
LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}

# The words the README templates show, by the name the templates use.
WORDS = {
    "bundle_intro": N_("Everything you need to run this knowledge-transfer workshop with your own "
                       "colleagues: present the slides, hand out the handout and the feedback "
                       "form, and run the session from the facilitator guide."),
    "files": N_("Files"),
    "run_steps": N_("How to run the session"),
    "step_before": N_("Before the session"),
    "step_during": N_("During the session"),
    "step_after": N_("After the session"),
    "time": N_("Time"),
    "item": N_("Item"),
    "duration": N_("Duration"),
    "minutes": N_("min"),
}


@dataclass(frozen=True)
class FileLine:
    """One file of the bundle and what it is for."""

    name: str
    label: str
    purpose: str


@dataclass
class ReadmeView:
    """Everything the two README templates show."""

    lang: str
    title: str
    subtitle: str
    partner: str
    facts: list[tuple[str, str]]
    files: list[FileLine]
    printing: list[Group]
    before: list[str]
    during: list[Slot]
    after: list[str]
    words: dict = field(default_factory=dict)


def kind_of_file(name: str) -> str:
    """Return the kind a document's file name ends with ('…-facilitator-guide.pdf')."""
    stem = name.rsplit(".", 1)[0]
    return max((k for k in KINDS if stem.endswith(f"-{k}")), key=len, default="")


def file_lines(names: list[str], lang: str) -> list[FileLine]:
    """Return one line per file of the bundle, labelled and explained from the registry."""
    lines = []
    for name in names:
        kind = KINDS[kind_of_file(name)]
        lines.append(FileLine(name, text(lang, kind.label), text(lang, kind.purpose)))
    lines.append(FileLine(
        " / ".join(README_NAMES), "README",
        text(lang, "this guide, as a web page and as plain text")))
    lines.append(FileLine(REPORT_NAME, text(lang, "Session report"),
                          text(lang, "the same report as a text file, to fill in with any editor")))
    lines.append(FileLine(
        LICENCE_NAME, text(lang, "Licence"),
        text(lang, "the terms under which you may use and adapt these materials")))
    lines.append(FileLine(
        f"{SOURCES}/", "Markdown",
        text(lang, "the workshop's Markdown source and images, to adapt it for your audience")))
    return lines


def facts(workshop: Workshop, context: Context) -> list[tuple[str, str]]:
    """Return the facts of the session.

    They are when and where (for a partner), length, origin, page and licence.
    """
    lang, meta, out = workshop.lang, workshop.meta, []
    session = context.session(workshop)
    start = context.start(workshop)
    if session:
        end = clock(start, meta.duration or 0)
        out.append((text(lang, "Date"), f"{human_date(session.date, lang)}, {start}–{end}" if start
                    else human_date(session.date, lang)))
        if session.venue:
            out.append((text(lang, "Venue"), session.venue))
        if session.registration:
            out.append((text(lang, "Registration"), session.registration))
    if meta.duration:
        out.append((text(lang, "Duration"), duration(meta.duration, lang)))
    people = context.facilitators(workshop)
    if people:
        out.append((text(lang, "Facilitators"), names(people, lang)))
    if meta.origin.event:
        out.append((text(lang, "Follows"), ", ".join(x for x in (
            meta.origin.event, meta.origin.place, human_date(meta.origin.date, lang)) if x)))
    out.append((text(lang, "Workshop page"), context.page_url(workshop)))
    partner = context.partner
    if partner and partner.contact_email:
        contact = f"{partner.contact_name} <{partner.contact_email}>".strip()
        out.append((text(lang, "Contact"), contact))
    return out


def steps(workshop: Workshop, context: Context) -> tuple[list[str], list[str]]:
    """Return the steps before and after the session."""
    lang = workshop.lang
    before = [text(lang, "Invite your colleagues and local stakeholders; "
                         "tell them the date, time and place."),
              text(lang, "Read the facilitator guide and go through the slides with their notes.")]
    after = [text(lang, "Collect the feedback forms and sum up what participants said."),
             text(lang, "Send the summary, the number of participants and what they produced "
                        "to {contact}.",
                  contact=text(lang, "the project team"))]
    return before, after


def view(workshop: Workshop, context: Context, names: list[str]) -> ReadmeView:
    """Return the README's view of a bundle."""
    lang, meta = workshop.lang, workshop.meta
    before, after = steps(workshop, context)
    words = {key: text(lang, message) for key, message in WORDS.items()}
    prepared = (text(lang, "Prepared for {partner}.", partner=context.partner.name)
                if context.partner else "")
    partner = " ".join(x for x in (prepared, context.fallback_note(workshop)) if x)
    return ReadmeView(lang, meta.title, meta.subtitle, partner,
                      facts(workshop, context), file_lines(names, lang),
                      list(checklist(workshop)), before,
                      list(schedule(workshop, context.start(workshop))), after, words)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Return the templates of the README (HTML escaped, text not)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                              autoescape=jinja2.select_autoescape(["html", "html.j2"]),
                              keep_trailing_newline=True)


def readmes(workshop: Workshop, context: Context, names: list[str]) -> list[tuple[str, bytes]]:
    """Return README.html and README.txt of a bundle."""
    data = view(workshop, context, names)
    css = context.theme.colours
    template = environment().get_template
    return [(name, template(f"{name}.j2").render(v=data, colours=css).encode("utf-8"))
            for name in README_NAMES]


def licence(workshop: Workshop) -> tuple[str, bytes]:
    """Return the bundle's licence file: the workshop's licence and where to read it."""
    lang, name = workshop.lang, workshop.meta.licence
    if not name:
        body = text(lang, "These materials carry no licence statement: "
                          "ask {contact} before you share them.",
                    contact=text(lang, "the project team"))
    else:
        url = LICENCE_URLS.get(name, f"https://spdx.org/licenses/{name}.html")
        body = text(lang, "These materials are published under the licence {licence}. "
                          "You may share and adapt them under its terms: {url}",
                    licence=name, url=url)
    return LICENCE_NAME, (body + "\n").encode("utf-8")
