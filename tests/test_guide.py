"""The facilitator guide: leads, group sizes and room layouts, the cue card, the timeline."""

from __future__ import annotations

import dataclasses
import io
import re

import pdfplumber
import pytest
from conftest import FIXTURES, ROOT, make_project
from pypdf import PdfReader

from toolkit_builder.handouts.guide import facilitator_guide
from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project

CUE_MARKER = "Cue card"
PARTNER = """demo-partner:
  name: Demo Partner Org
  theme: bz-hohenlauter
  languages: [en]
  contact: {name: Dana Demo, email: dana@demo.example}
  sessions:
    - workshop: constructs
      date: 2027-04-08
      start: "13:15"
      venue: Room 4, Demo Town Hall
"""


def with_leads() -> str:
    """Return the constructs fixture with agenda leads, group sizes and a room layout."""
    source = (FIXTURES / "constructs/index.md").read_text(encoding="utf-8")
    source = source.replace("  - Lists and text: 20",
                            "  - Lists and text: {minutes: 20, lead: Ana Example}")
    source = source.replace('  - "Activity: try it": 15',
                            '  - "Activity: try it": {minutes: 15, lead: Ben Sample}')
    return source.replace("    Work in pairs.\n",
                          "    Work in pairs.\n\n    **Groups:** pairs\n\n"
                          "    **Room:** chairs in a circle\n")


def load(root, slug: str = "constructs", partner: str | None = None):
    """Return a workshop of a project and a writers' context (for a partner, if named)."""
    project = load_project(root)
    assert not project.reporter.errors, [d.format() for d in project.reporter.items]
    chosen = next((p for p in project.partners if p.slug == partner), None)
    context = dataclasses.replace(make_context(project, chosen), site_url="https://ktw.example/")
    return project.workshops[slug]["en"], context


def pages(workshop, context) -> list[str]:
    """Return the text of each page of the rendered guide, whitespace folded."""
    data = render_document("facilitator-guide", workshop, context).data
    return [re.sub(r"\s+", " ", page.extract_text() or "")
            for page in PdfReader(io.BytesIO(data)).pages]


def page_with(texts: list[str], marker: str) -> str:
    """Return the one page whose text holds a marker."""
    (page,) = [text for text in texts if marker in text]
    return page


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    """Return the guide's pages of the constructs fixture with leads, groups and a room."""
    files = {"workshops/constructs/index.md": with_leads(), "partners.yml": PARTNER}
    root = make_project(tmp_path_factory.mktemp("led"), "constructs", files=files)
    return root


def test_lead_column_and_section_leads(led):
    texts = pages(*load(led))
    show = page_with(texts, "Run of show")
    assert "Lead" in show and "Ana Example" in show and "Ben Sample" in show
    assert "Lead: Ana Example" in " ".join(texts)  # the section's header line


def test_no_lead_column_without_leads(tmp_path):
    workshop, context = load(make_project(tmp_path, "constructs"))
    assert facilitator_guide(workshop, context)["has_leads"] is False
    texts = pages(workshop, context)
    assert "Lead" not in page_with(texts, "Run of show")
    assert "Lead" not in page_with(texts, CUE_MARKER)


def test_activity_shows_groups_and_room(led):
    workshop, context = load(led)
    (activity,) = facilitator_guide(workshop, context)["sections"][2].activities
    assert (activity.groups, activity.room) == ("pairs", "chairs in a circle")
    texts = pages(workshop, context)
    box = page_with(texts, "Groups: pairs")
    assert "Room: chairs in a circle" in box and "Read the card" in box
    room = page_with(texts, "Preparation checklist").split("Room and equipment")[1]
    assert "chairs in a circle" in room and "Used in: Try it out" in room


def test_timeline_dates_follow_the_partner_session(led):
    workshop, context = load(led, partner="demo-partner")
    texts = pages(workshop, context)
    start = texts.index(page_with(texts, "Preparation timeline"))
    timeline = " ".join(texts[start:start + 2])  # it follows the checklist and may go on
    for date in ("Thursday, 25 March 2027", "Wednesday, 7 April 2027", "Thursday, 8 April 2027",
                 "by 22 April 2027"):
        assert date in timeline
    assert "needs questionnaire" in timeline and "session report" in timeline
    steps = facilitator_guide(*load(led))["timeline"]
    assert [s.date for s in steps] == ["", "", "", ""]
    assert [s.label for s in steps] == ["Two weeks before", "The day before", "On the day",
                                        "After the session"]
    assert steps[2].tasks[0].items == ("Try it out: chairs in a circle",)


def test_cue_card_of_a_partner_session_has_local_times_and_markers(led):
    workshop, context = load(led, partner="demo-partner")
    cue = page_with(pages(workshop, context), CUE_MARKER)
    assert "Thursday, 8 April 2027" in cue and "13:15" in cue and "14:15" in cue
    assert "▶ Activity: try it" in cue and "Ben Sample" in cue


@pytest.fixture(scope="module")
def sample_guides():
    """Return every sample workshop's guide, in each language, and one partner edition."""
    project = load_project(ROOT)
    partner = next(p for p in project.partners if p.slug == "bz-hohenlauter")
    out = {}
    for slug, languages in sorted(project.workshops.items()):
        for lang, workshop in sorted(languages.items()):
            out[slug, lang] = render_document("facilitator-guide", workshop,
                                              make_context(project)).data
    out["partner"] = render_document("facilitator-guide",
                                     project.workshops["responsive-training"]["en"],
                                     make_context(project, partner)).data
    return out


def test_cue_card_is_one_landscape_page_for_every_sample(sample_guides):
    for key, data in sample_guides.items():
        reader = PdfReader(io.BytesIO(data))
        landscape = [number for number, page in enumerate(reader.pages)
                     if page.mediabox.width > page.mediabox.height]
        assert landscape == [len(reader.pages) - 1], key  # one page, the last
        if key[1] == "en" or key == "partner":
            assert CUE_MARKER in reader.pages[-1].extract_text(), key


TIME_SPAN = re.compile(r"^\d{2}:\d{2}–\d{2}:\d{2}$")
CELL_PADDING = 2.2 * 72 / 25.4  # points either side of a table cell's text
WORD_SPACE = 2.5  # points: about a space at the run-of-show's type size


def run_of_show_cells(page) -> tuple[list[tuple[float, float]], list[tuple[dict, list]]]:
    """Return the run-of-show's columns (its header cells) and each row's time and item lines."""
    rows_of_rects: dict[int, list] = {}
    for rect in page.rects:
        rows_of_rects.setdefault(round(rect["top"]), []).append(rect)
    header = next(sorted(group, key=lambda r: r["x0"])
                  for _, group in sorted(rows_of_rects.items()) if len(group) >= 4)
    columns = [(rect["x0"], rect["x1"]) for rect in header]
    words = page.extract_words()
    times = [w for w in words if TIME_SPAN.match(w["text"]) and w["x1"] <= columns[0][1]]
    rows = []
    for time, following in zip(times, times[1:], strict=False):  # the last is the total
        cell = [w for w in words if columns[1][0] <= w["x0"] < columns[1][1]
                and time["top"] - 1 <= w["top"] < following["top"] - 1]
        lines: dict[int, list] = {}
        for word in cell:
            lines.setdefault(round(word["top"]), []).append(word)
        rows.append((time, [lines[top] for top in sorted(lines)]))
    return columns, rows


def joined(lines: list[list[dict]]) -> str:
    """Return the words of a cell's lines run together."""
    return "".join(w["text"] for line in lines for w in line)


def test_run_of_show_gives_the_item_the_width_the_time_does_not_need(sample_guides):
    project, checked = load_project(ROOT), 0
    for key, data in sample_guides.items():
        slug, lang = ("responsive-training", "en") if key == "partner" else key
        titles = [item.title for item in project.workshops[slug][lang].meta.agenda]
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            columns, rows = run_of_show_cells(pdf.pages[1])
        assert len(rows) == len(titles), key
        widest_time = max(time["x1"] - time["x0"] for time, _ in rows)
        assert columns[0][1] - columns[0][0] <= widest_time + 2 * CELL_PADDING + 1, key
        room = columns[1][1] - columns[1][0] - 2 * CELL_PADDING
        for title, (_, lines) in zip(titles, rows, strict=True):
            while len(lines) > 1 and joined(lines) != title.replace(" ", ""):
                lines = lines[:-1]  # the materials an item needs, on lines of their own under it
            assert "".join(w["text"] for line in lines for w in line) == title.replace(" ", "")
            width = sum(line[-1]["x1"] - line[0]["x0"] for line in lines)
            if width + WORD_SPACE * (len(lines) - 1) <= room - 1:
                assert len(lines) == 1, (key, title)
                checked += 1
    assert checked >= 60


def test_a_section_that_opens_an_agenda_item_counts_its_slides_as_the_run_of_show():
    from toolkit_builder.slides.plan import deck_outline

    project = load_project(ROOT)
    for slug, languages in sorted(project.workshops.items()):
        for lang, workshop in sorted(languages.items()):
            context = make_context(project)
            context = dataclasses.replace(context, outline=deck_outline(workshop, context))
            values = facilitator_guide(workshop, context)
            first = values["sections"][0]
            assert first.slides == values["run_of_show"][0].slides, (slug, lang)
            assert first.slides.startswith("1"), (slug, lang)
