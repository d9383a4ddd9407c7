"""The session report and the needs questionnaire: fillable PDFs, and the report's Markdown twin."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pytest
from conftest import ROOT
from PIL import Image
from pypdf import PdfReader

from toolkit_builder.bundles.report_template import report_markdown
from toolkit_builder.formatting import human_date
from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project
from toolkit_builder.resolve import schedule

KINDS = ("session-report", "needs-questionnaire")
SLUG, PARTNER = "responsive-training", "elvtind-klynge"
EDGE_MM = 5  # nothing prints this close to an edge
DPI = 50


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT, only={SLUG})


@pytest.fixture(scope="module")
def partner(project):
    return next(p for p in project.partners if p.slug == PARTNER)


@pytest.fixture(scope="module")
def editions(project, partner):
    """Return (workshop, context) of the project's English edition and the partner's Norwegian."""
    return {"en": (project.workshops[SLUG]["en"], make_context(project)),
            "nb": (project.workshops[SLUG]["nb"], make_context(project, partner))}


@pytest.fixture(scope="module")
def pdfs(editions):
    """Render both documents in both editions once."""
    out = {}
    for lang, (workshop, context) in editions.items():
        for kind in KINDS:
            rendered = render_document(kind, workshop, context)
            assert rendered.diagnostics == (), rendered.diagnostics
            out[lang, kind] = rendered.data
    return out


def fields(data: bytes) -> dict:
    """Return the PDF's form fields by name."""
    return PdfReader(io.BytesIO(data)).get_fields() or {}


def widget_names(data: bytes) -> list[str]:
    """Return the name of every form widget on every page, repeats included."""
    reader = PdfReader(io.BytesIO(data))
    return [annot.get_object()["/T"] for page in reader.pages
            for annot in page.get("/Annots", []) if annot.get_object().get("/FT")]


def flat_text(data: bytes) -> str:
    """Return the PDF's text, ligatures undone and every run of whitespace one space."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def ink_near_edges(data: bytes) -> list[str]:
    """Return where a page, rendered to PNG, has dark pixels in its outer margin strips."""
    problems = []
    for number in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1):
        command = ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(number),
                   "-l", str(number), "-"]
        png = subprocess.run(command, input=data, capture_output=True, check=True).stdout
        image = Image.open(io.BytesIO(png)).convert("L")
        width, height = image.size
        edge = round(EDGE_MM * DPI / 25.4)
        strips = {"left": (0, 0, edge, height), "right": (width - edge, 0, width, height),
                  "top": (0, 0, width, edge), "bottom": (0, height - edge, width, height)}
        problems += [f"page {number}: ink in the {name} margin"
                     for name, box in strips.items() if image.crop(box).getextrema()[0] < 235]
    return problems


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_document_is_a_fillable_a4_form_with_unique_names(pdfs, kind, lang):
    data = pdfs[lang, kind]
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    names = widget_names(data)
    assert len(names) > 20 and len(names) == len(set(names))
    assert set(names) == set(fields(data))


def test_the_report_has_the_session_participant_tally_and_contact_fields(pdfs, editions):
    names = set(fields(pdfs["nb", "session-report"]))
    objectives = editions["nb"][0].meta.objectives
    expected = {"date", "time", "venue", "facilitators", "participants", "participants-public",
                "participants-business", "participants-education", "participants-ngo",
                "participants-other", "produced", "feedback-forms", "next-steps",
                "toolkit-changes", "contact-name", "contact-email", "overall-average"}
    assert expected <= names
    for number in range(1, len(objectives) + 1):
        assert {f"objective-{number}-score-{s}" for s in range(1, 6)} <= names
        assert f"objective-{number}-average" in names


def test_the_report_is_pre_filled_from_the_partner_s_session(pdfs, partner):
    found = fields(pdfs["nb", "session-report"])
    session = partner.session(SLUG, "nb")
    assert found["date"]["/V"] == human_date(session.date, "nb")
    assert found["venue"]["/V"] == session.venue
    assert all(name in found["facilitators"]["/V"] for name in session.facilitators)
    assert found["time"]["/V"].startswith(session.start)
    assert found["contact-email"]["/V"] == partner.contact_email


def test_the_project_s_report_leaves_the_session_fields_empty(pdfs):
    found = fields(pdfs["en", "session-report"])
    assert all(found[name].get("/V", "") == "" for name in ("date", "venue", "facilitators"))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_report_prints_the_run_of_show_on_the_local_clock(pdfs, editions, lang):
    workshop, context = editions[lang]
    text = flat_text(pdfs[lang, "session-report"])
    slots = schedule(workshop, context.start(workshop))
    assert slots[0].start == ("09:00" if lang == "nb" else "09:30")
    for slot in slots:
        assert f"{slot.start}–{slot.end} {slot.item.title}" in text
    covered = {n for n in fields(pdfs[lang, "session-report"]) if n.endswith("-covered")}
    assert len(covered) == sum(not slot.is_break for slot in slots)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_questionnaire_asks_about_every_objective_and_agenda_item(pdfs, editions, lang):
    workshop, _ = editions[lang]
    data = pdfs[lang, "needs-questionnaire"]
    text, names = flat_text(data), set(fields(data))
    for number, objective in enumerate(workshop.meta.objectives, 1):
        assert objective in text
        assert {f"objective-{number}-importance-{s}" for s in range(1, 5)} <= names
    items = [slot for slot in schedule(workshop) if not slot.is_break]
    assert all(slot.item.title in text for slot in items)
    assert len([n for n in names if n.endswith("-as-planned")]) == len(items)
    assert {"take-home", "problem", "colleagues", "practical", "name", "organisation"} <= names


def test_the_questionnaire_names_the_partner_s_session(pdfs, partner):
    text = flat_text(pdfs["nb", "needs-questionnaire"])
    session = partner.session(SLUG, "nb")
    assert human_date(session.date, "nb") in text and session.venue in text
    assert partner.contact_email in text


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("kind", KINDS)
def test_nothing_prints_in_the_outer_margins(pdfs, kind, lang):
    assert ink_near_edges(pdfs[lang, kind]) == []


def test_the_markdown_report_has_the_run_of_show_table(editions, partner):
    workshop, context = editions["nb"]
    markdown = report_markdown(workshop, context)
    lines = markdown.splitlines()
    assert any(line.startswith("| ") and "|---|" in lines[i + 1]
               for i, line in enumerate(lines[:-1]))
    for slot in schedule(workshop, context.start(workshop)):
        box = "" if slot.is_break else "[ ]"
        title = f"*{slot.item.title}*" if slot.is_break else slot.item.title
        assert f"| {slot.start}–{slot.end} | {title} | {box} |" in markdown
    session = partner.session(SLUG, "nb")
    assert human_date(session.date, "nb") in markdown and session.venue in markdown
    assert markdown.startswith("# ") and markdown.endswith("\n")


def test_the_project_s_markdown_report_leaves_blanks(editions):
    workshop, context = editions["en"]
    markdown = report_markdown(workshop, context)
    assert "| 09:30–09:40 | Welcome and introductions | [ ] |" in markdown
    assert "- Venue: ____" in markdown
