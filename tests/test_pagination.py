"""Pagination of every PDF kind: no page is left mostly blank unless it ends a part.

A part ends where WeasyPrint itself forced a new page (a `break-before/after: page` or a change of
named page, read from its layout) or where the document ends. The fill of a page is read back from
the PDF with pdfplumber: the lowest ink inside the page's content area (above the footnotes),
measured against the content area's height.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

import pdfplumber
import pytest
from conftest import ROOT
from weasyprint.document import Document

from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project

KINDS = ("handout", "facilitator-guide", "activity-materials", "feedback-form",
         "needs-questionnaire", "sign-in-sheet", "certificate", "name-badges", "session-report")
LIMIT = 0.40        # the largest blank fraction of a page that does not end a part
PT_PER_PX = 0.75    # PDF points per CSS pixel
PARTNER = "elvtind-klynge"  # a partner edition: its own theme, logo and local session
# The forms of the samples keep to this many pages (a question left alone on a page of its own, or
# a report that runs to a third page, ends a part and so passes the blank-page rule).
MAX_PAGES = {"feedback-form": 1, "needs-questionnaire": 2, "session-report": 2, "certificate": 1,
             "name-badges": 2}
SLOP = 1.0          # points: ink this close to the area's edges still counts as inside


@dataclass(frozen=True)
class PageFill:
    """How full one page is and whether the document deliberately starts a new page after it."""

    number: int         # 1-based
    blank: float        # blank fraction of the content area under the lowest ink
    ends_part: bool


@dataclass(frozen=True)
class Area:
    """The page's content area and where its footnotes start, in PDF points from the top."""

    top: float
    bottom: float
    flow_bottom: float  # the top of the footnote area, or the bottom


@contextmanager
def weasyprint_layouts():
    """Yield a list that gets (document, layout context) of each document WeasyPrint renders."""
    seen: list = []
    build, render = Document._build_layout_context.__func__, Document._render.__func__

    def keep_context(cls, *args, **kwargs):
        """Build the layout context as usual and remember it."""
        seen.append([None, build(cls, *args, **kwargs)])
        return seen[-1][1]

    def keep_document(cls, *args, **kwargs):
        """Render as usual and remember the document next to its context."""
        document = render(cls, *args, **kwargs)
        seen[-1][0] = document
        return document

    with mock.patch.object(Document, "_build_layout_context", classmethod(keep_context)), \
            mock.patch.object(Document, "_render", classmethod(keep_document)):
        yield seen


def forced_starts(document, context) -> list[bool]:
    """Return, for each page, whether WeasyPrint started it by a forced break or a new page name."""
    names = [page._page_box.page_type.name for page in document.pages]
    makers = context.page_maker[:len(names)]
    return [index == 0 or next_page["break"] != "any" or names[index] != names[index - 1]
            for index, (_resume, next_page, *_) in enumerate(makers)]


def area_of(page) -> Area:
    """Return the content area of a WeasyPrint page and the top of its footnotes, in points."""
    box = page._page_box
    top = box.content_box_y()
    bottom = top + box.height
    notes = [child for child in box.children if type(child).__name__ == "FootnoteAreaBox"]
    flow = notes[0].position_y if notes and notes[0].children else bottom
    return Area(top * PT_PER_PX, bottom * PT_PER_PX, min(flow, bottom) * PT_PER_PX)


def lowest_ink(page, area: Area) -> float:
    """Return the bottom of the lowest mark in the area above the footnotes (its top if none)."""
    kinds = ("char", "rect", "line", "curve", "image")
    bottoms = [obj["bottom"] for name in kinds for obj in page.objects.get(name, ())
               if obj["top"] >= area.top - SLOP and obj["bottom"] <= area.bottom + SLOP
               and obj["top"] < area.flow_bottom - SLOP]
    return min(max(bottoms, default=area.top), area.flow_bottom)


def page_fills(data: bytes, document, context) -> list[PageFill]:
    """Return the fill of every page of a rendered PDF."""
    starts = forced_starts(document, context) + [True]
    fills = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == len(document.pages)
        for index, (page, laid) in enumerate(zip(pdf.pages, document.pages, strict=True)):
            area = area_of(laid)
            blank = (area.flow_bottom - lowest_ink(page, area)) / (area.bottom - area.top)
            fills.append(PageFill(index + 1, round(max(blank, 0.0), 3), starts[index + 1]))
    return fills


def render_fills(kind: str, workshop, context) -> list[PageFill]:
    """Render one document as the build does and return the fill of each of its pages."""
    with weasyprint_layouts() as seen:
        data = render_document(kind, workshop, context).data
    return page_fills(data, *seen[-1])  # a writer may lay out drafts before the PDF it keeps


def too_blank(fills: list[PageFill]) -> list[str]:
    """Return the pages that are more than LIMIT blank without ending a part."""
    return [f"p. {f.number}: {f.blank:.0%} blank" for f in fills
            if f.blank > LIMIT and not f.ends_part]


def editions() -> list[tuple[str, str, str]]:
    """Return (workshop, language, partner) of every sample edition, and one partner edition."""
    project = load_project(ROOT)
    out = [(slug, lang, "") for slug, langs in sorted(project.workshops.items()) for lang in langs]
    partner = next(p for p in project.partners if p.slug == PARTNER)
    out += [(w.slug, w.lang, PARTNER) for w in project.all() if partner.runs(w.slug, w.lang)][:1]
    return out


def partner_editions() -> list[tuple[str, str, str]]:
    """Return (workshop, language, partner) of every edition a partner of partners.yml runs."""
    project = load_project(ROOT)
    return [(w.slug, w.lang, p.slug) for p in project.partners for w in project.all()
            if p.runs(w.slug, w.lang)]


@pytest.fixture(scope="module")
def project():
    """Return the repository's own project: its sample workshops and partners."""
    return load_project(ROOT)


@pytest.mark.parametrize("edition", editions(), ids="-".join)
@pytest.mark.parametrize("kind", KINDS)
def test_no_page_is_mostly_blank_unless_it_ends_a_part(project, kind, edition):
    slug, lang, partner_slug = edition
    partner = next((p for p in project.partners if p.slug == partner_slug), None)
    fills = render_fills(kind, project.workshops[slug][lang], make_context(project, partner))
    assert fills and fills[-1].ends_part
    assert too_blank(fills) == [], (kind, edition)
    assert len(fills) <= MAX_PAGES.get(kind, len(fills)), (kind, edition)


@pytest.mark.parametrize("edition", partner_editions(), ids="-".join)
@pytest.mark.parametrize("kind", ("feedback-form", "needs-questionnaire", "session-report"))
def test_the_forms_of_every_partner_edition_keep_to_their_pages(project, kind, edition):
    slug, lang, partner_slug = edition
    partner = next(p for p in project.partners if p.slug == partner_slug)
    fills = render_fills(kind, project.workshops[slug][lang], make_context(project, partner))
    assert len(fills) <= MAX_PAGES[kind], (kind, edition)
    assert too_blank(fills) == [], (kind, edition)


def test_the_measure_sees_a_page_left_blank_before_a_block_that_will_not_split(tmp_path):
    from toolkit_builder.handouts.render import write_pdf

    html = ("<html><head><style>@page { size: A5; margin: 20mm }"
            "div { height: 160mm; break-inside: avoid; border: 1pt solid }</style></head>"
            "<body><p>A short line.</p><div></div><p style='break-before: page'>Next part.</p>"
            "</body></html>")
    with weasyprint_layouts() as seen:
        data, _ = write_pdf(html, {})
    fills = page_fills(data, *seen[0])
    assert [f.ends_part for f in fills] == [False, True, True]
    assert fills[0].blank > 0.8 and too_blank(fills) == [f"p. 1: {fills[0].blank:.0%} blank"]
