"""The words of the sample PDFs, read back: no word cut by automatic hyphenation, no unit alone at
the start of a line, and a worksheet that runs over a page says so under its title."""

from __future__ import annotations

import functools
import io
import re

import pdfplumber
import pytest
from conftest import ROOT
from markupsafe import Markup
from test_pagination import weasyprint_layouts

from toolkit_builder.handouts import build_html
from toolkit_builder.handouts.html import (
    MIN_LINES,
    WORKSHEET_LINES,
    Options,
    cut_worksheets,
    keep_units,
    worksheet_html,
)
from toolkit_builder.handouts.materials import activity_materials
from toolkit_builder.handouts.plan import handout
from toolkit_builder.model import Activity, Paragraph, Run, SourcePos
from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project

WORD_RE = re.compile(r"[^\W\d_]+")
TAGS_RE = re.compile(r"<style>.*?</style>|<[^>]+>", re.S)
UNITS = ("min", "h", "%")


def sample_editions() -> list[tuple[str, str]]:
    """Return (workshop, language) of every sample edition."""
    project = load_project(ROOT)
    return [(slug, lang) for slug, langs in sorted(project.workshops.items()) for lang in langs]


@functools.cache
def rendered(kind: str, slug: str, lang: str) -> tuple[bytes, list[set[str]], str]:
    """Return a sample document's PDF, the anchors on each page and the words of its HTML."""
    project = load_project(ROOT)
    workshop, context = project.workshops[slug][lang], make_context(project, None)
    with weasyprint_layouts() as seen:
        data = render_document(kind, workshop, context).data
    pages = [set(page.anchors) for page in seen[-1][0].pages]
    plan = {"activity-materials": activity_materials, "handout": handout}.get(kind)
    html = build_html(kind, plan, workshop, context) if plan else ""
    return data, pages, html


def source_words(html: str) -> set[str]:
    """Return the words of an HTML document's text, in lower case."""
    return {word.lower() for word in WORD_RE.findall(TAGS_RE.sub(" ", html))}


def pdf_lines(data: bytes) -> list[list[str]]:
    """Return the lines of text of each page of a PDF."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


@pytest.mark.parametrize("edition", sample_editions(), ids="-".join)
def test_no_word_of_the_activity_materials_is_cut_by_hyphenation(edition):
    data, _, html = rendered("activity-materials", *edition)
    words = source_words(html)
    printed = {word.lower() for page in pdf_lines(data) for line in page
               for word in WORD_RE.findall(line)}
    assert sorted(printed - words) == [], edition


@pytest.mark.parametrize("edition", sample_editions(), ids="-".join)
@pytest.mark.parametrize("kind", ("handout", "facilitator-guide"))
def test_no_unit_starts_a_line_after_its_number(kind, edition):
    data, _, _ = rendered(kind, *edition)
    orphans = [f"p. {number}: {before!r} / {line!r}"
               for number, page in enumerate(pdf_lines(data), 1)
               for before, line in zip(page, page[1:], strict=False)
               if re.search(r"\d$", before) and line.split(" ")[0].strip("().,") in UNITS]
    assert orphans == [], (kind, edition)


def test_a_number_and_its_unit_are_joined_by_a_no_break_space():
    assert keep_units("Discuss (6 min), then 2 h and 40 %; 3 minutes") == \
        "Discuss (6\u00a0min), then 2\u00a0h and 40\u00a0%; 3\u00a0minutes"
    assert keep_units("in 2 hands, 4 mice") == "in 2 hands, 4 mice"


@pytest.mark.parametrize("edition", sample_editions(), ids="-".join)
def test_a_worksheet_keeps_its_ruled_lines_on_one_page_and_enough_of_them(edition):
    _, pages, _ = rendered("handout", *edition)
    sheets = {a for page in pages for a in page if re.fullmatch(r"ktw-worksheet-\d+(-on)?", a)}
    for sheet in sheets:
        lines = [[n for n, page in enumerate(pages) if f"{sheet}-{i}" in page]
                 for i in range(WORKSHEET_LINES)]
        on = {page for found in lines for page in found}
        assert len(on) <= 1, (edition, sheet, "ruled lines on pages", on)
        assert not on or sum(1 for found in lines if found) >= MIN_LINES, (edition, sheet)


def test_a_worksheet_cut_at_a_page_end_repeats_its_title_over_its_room_to_write():
    steps = (Paragraph((Run("List them."),), SourcePos("w/index.md", 43)),)
    activity = Activity("Map the employers", 20, steps, (), SourcePos("w/index.md", 42))
    pages = [{"ktw-worksheet-42", "ktw-worksheet-42-0", "ktw-worksheet-42-1"},
             {"ktw-worksheet-42"} | {f"ktw-worksheet-42-{n}" for n in range(2, WORKSHEET_LINES)}]
    cuts = cut_worksheets(pages, {})
    assert cuts == {"ktw-worksheet-42": 2}
    html = worksheet_html(activity, Options("handout", cuts=cuts))
    assert html.count('<section class="worksheet') == 2
    assert "Map the employers (…)" in html and html.count('class="line"') == WORKSHEET_LINES
    enough = worksheet_html(activity, Options("handout", cuts={"ktw-worksheet-42": MIN_LINES}))
    assert enough.count('class="line"') == MIN_LINES and "(…)" not in enough
    assert cut_worksheets([pages[0] | pages[1]], {}) is None
    assert isinstance(html, Markup)


@pytest.mark.parametrize("edition", sample_editions(), ids="-".join)
def test_a_material_that_runs_over_a_page_repeats_its_title(edition):
    data, pages, html = rendered("activity-materials", *edition)
    titles = dict(re.findall(r'<section class="material[^"]*" id="([^"]+)".*?'
                             r'<h1 class="material-title">([^<]+)</h1>', html, re.S))
    texts = [" ".join(page) for page in pdf_lines(data)]
    current = ""
    for number, (anchors, words) in enumerate(zip(pages, texts, strict=True), 1):
        starts = [a for a in anchors if a in titles and not any(a in p for p in pages[:number - 1])]
        if starts:
            current = starts[0]
        elif current:
            assert f"{Markup(titles[current]).unescape()} (…)" in words, (edition, number)
