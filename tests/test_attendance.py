"""The attendance documents: sign-in sheet, certificate, name badges and table tents.

Each is rendered for a partner's edition with a local session (Norwegian) and for the project's
edition without one (English), then checked as PDF: pages, paper, words and clean margins.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
import subprocess

import pytest
from conftest import ROOT
from PIL import Image
from pypdf import PdfReader

from toolkit_builder.handouts.attendance import PAPER, ROWS_PER_PAGE, SIGN_IN_PAGES, name_badges
from toolkit_builder.i18n import text
from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project

MM = 72 / 25.4  # PDF points per millimetre
EDGE_MM = 5  # office printers cannot print this close to the paper's edge
SLUG, PARTNER = "responsive-training", "elvtind-klynge"
KINDS = ("sign-in-sheet", "certificate", "name-badges")
PAGES = {"sign-in-sheet": SIGN_IN_PAGES, "certificate": 1, "name-badges": 2}
EDITIONS = ("partner", "project")
HEADINGS = ("No.", "Name", "Organisation", "E-mail", "Signature", "I agree to photos",
            "I agree to be contacted", "Public authority", "Business", "Other")


@pytest.fixture(scope="module")
def project():
    """Return the repository's project with the sample workshop (its own checks are not ours)."""
    return load_project(ROOT, only={SLUG})


@pytest.fixture(scope="module")
def editions(project):
    """Return (workshop, context) of each edition: the partner's in Norwegian, the project's."""
    partner = next(p for p in project.partners if p.slug == PARTNER)
    return {"partner": (project.workshops[SLUG]["nb"], make_context(project, partner)),
            "project": (project.workshops[SLUG]["en"], make_context(project))}


@pytest.fixture(scope="module")
def pdfs(editions):
    """Return every attendance document of both editions as PDF bytes."""
    out = {}
    for edition, (workshop, context) in editions.items():
        for kind in KINDS:
            rendered = render_document(kind, workshop, context)
            assert rendered.diagnostics == (), rendered.diagnostics
            out[edition, kind] = rendered.data
    return out


@functools.lru_cache(maxsize=16)
def pages_text(data: bytes) -> list[str]:
    """Return the text of each page, every run of whitespace as one space."""
    pages = PdfReader(io.BytesIO(data)).pages
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pages]


def page_sizes(data: bytes) -> set[tuple[int, int]]:
    """Return the (width, height) in mm of the document's pages."""
    boxes = (page.mediabox for page in PdfReader(io.BytesIO(data)).pages)
    return {(round(float(box.width) / MM), round(float(box.height) / MM)) for box in boxes}


def ink_near_edges(data: bytes, dpi: int = 50) -> list[str]:
    """Return where a page, rendered with pdftoppm, has dark pixels within EDGE_MM of an edge."""
    problems = []
    for number in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1):
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(number),
                   "-l", str(number), "-"]
        png = subprocess.run(command, input=data, capture_output=True, check=True).stdout
        image = Image.open(io.BytesIO(png)).convert("L")
        width, height, edge = *image.size, int(EDGE_MM * dpi / 25.4)
        strips = {"left": (0, 0, edge, height), "right": (width - edge, 0, width, height),
                  "top": (0, 0, width, edge), "bottom": (0, height - edge, width, height)}
        problems += [f"page {number}: ink at the {name} edge"
                     for name, box in strips.items() if image.crop(box).getextrema()[0] < 235]
    return problems


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_count_and_paper(pdfs, kind, edition):
    data = pdfs[edition, kind]
    assert len(PdfReader(io.BytesIO(data)).pages) == PAGES[kind]
    assert page_sizes(data) == ({(297, 210)} if kind == "sign-in-sheet" else {(210, 297)})


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_nothing_prints_near_the_paper_s_edge(pdfs, kind, edition):
    assert ink_near_edges(pdfs[edition, kind]) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_sign_in_sheet_repeats_its_header_and_numbers_every_row(pdfs, editions, edition):
    lang = editions[edition][0].lang
    pages = pages_text(pdfs[edition, "sign-in-sheet"])
    for number, page in enumerate(pages):
        for heading in HEADINGS:
            assert text(lang, heading) in page, (number, heading)
        assert text(lang, "Page {page} of {pages}", page=number + 1, pages=len(pages)) in page
        assert str((number + 1) * ROWS_PER_PAGE) in page
    assert " 36 " in " " + pages[-1] + " " and " 37 " not in " ".join(pages)


def test_sign_in_sheet_of_a_partner_shows_its_session_on_every_page(pdfs):
    for page in pages_text(pdfs["partner", "sign-in-sheet"]):
        assert "8. april 2027, 09:00–12:00" in page
        assert "Elvtind næringshage, møterom Fjellet" in page
        assert "Elvtind Industriklynge" in page


def test_without_a_session_dates_are_blank_labels_to_write_on(pdfs):
    for kind in ("sign-in-sheet", "certificate"):
        pages = pages_text(pdfs["project", kind])
        labels = [page.casefold() for page in pages]  # the labels are set in capitals
        assert all("date" in page and "venue" in page for page in labels), kind
        assert "2027" not in " ".join(pages), kind


def test_certificate_names_the_session_objectives_and_signers(pdfs, editions):
    page = pages_text(pdfs["partner", "certificate"])[0]
    workshop = editions["partner"][0]
    for expected in ("8. april 2027", "Elvtind næringshage, møterom Fjellet", "Ingrid Berg",
                     "Sindre Haugen", workshop.meta.title, *workshop.meta.objectives):
        assert expected in page, expected
    english = pages_text(pdfs["project", "certificate"])[0]
    assert "Certificate of attendance" in english and "Local KTW coordinator" in english
    assert all(objective in english for objective in editions["project"][0].meta.objectives)


def test_badge_page_holds_eight_badges_and_the_tent_page_two_tents(pdfs, editions):
    title = editions["partner"][0].meta.title
    badges, tents = pages_text(pdfs["partner", "name-badges"])
    assert badges.count(title) == 8 + 1  # each badge, and the note above them
    assert tents.count(text("nb", "Fold")) == 2


@pytest.mark.parametrize("size", sorted(PAPER))
def test_cut_marks_stay_on_the_paper_and_off_the_pieces(editions, size):
    workshop, context = editions["project"]
    context = dataclasses.replace(context, theme=dataclasses.replace(context.theme, page_size=size))
    values = name_badges(workshop, context)
    width, height = PAPER[size]
    for sheet in (values["badges"], values["tents"]):
        right = sheet.left + sheet.columns * sheet.width
        bottom = sheet.top + sheet.rows * sheet.height
        for mark in sheet.marks:
            assert EDGE_MM < mark.left and mark.left + mark.width < width - EDGE_MM, mark
            assert EDGE_MM < mark.top and mark.top + mark.height < height - EDGE_MM, mark
            inside_x = sheet.left < mark.left + mark.width / 2 < right
            inside_y = sheet.top < mark.top + mark.height / 2 < bottom
            assert not (inside_x and inside_y), mark
