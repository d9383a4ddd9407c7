"""The handouts' pure part: model → HTML, run-of-show, checklist, addresses, theme overrides."""

from __future__ import annotations

import ast
import dataclasses
import re
from html import unescape
from pathlib import Path
from typing import get_args

import pytest
from conftest import ROOT, make_project

from toolkit_builder.errors import UnhandledBlockError
from toolkit_builder.handouts import build_html as _build_html
from toolkit_builder.handouts.common import metadata_date, page_counter
from toolkit_builder.handouts.guide import activity_window, facilitator_guide, run_of_show
from toolkit_builder.handouts.guide import facilitator_guide as _guide
from toolkit_builder.handouts.html import BLOCK_HANDLERS, Options, blocks_html, list_html
from toolkit_builder.handouts.locations import local_path, roots, theme_url, workshop_url
from toolkit_builder.handouts.plan import feedback_form
from toolkit_builder.handouts.plan import feedback_form as _form
from toolkit_builder.handouts.plan import handout as _handout
from toolkit_builder.model import Activity, Block, ListItem, Run, SourcePos, walk
from toolkit_builder.outline import Outline
from toolkit_builder.pipeline import make_context
from toolkit_builder.preparation import activity_materials, checklist, split_count
from toolkit_builder.project import load_project

PACKAGE = ROOT / "toolkit_builder"
PLANS = {"handout": _handout, "facilitator-guide": _guide, "feedback-form": _form}


def build_html(kind, workshop, context):
    """Return a handout document's HTML, as its writer makes it."""
    return _build_html(kind, PLANS[kind], workshop, context)


@pytest.fixture(scope="module")
def sample():
    """Return the responsive-training sample (English) and a context with a site address."""
    project = load_project(ROOT, only={"responsive-training"})
    context = dataclasses.replace(make_context(project), site_url="https://ktw.example.org/")
    return project.workshops["responsive-training"]["en"], context


def texts(html: str) -> str:
    """Return the text of HTML without tags."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_only_the_render_module_imports_weasyprint():
    importers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] == "weasyprint" for name in names):
                importers.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(set(importers)) == ["handouts/render.py"]


def test_nested_lists_are_rebuilt_from_levels():
    items = (ListItem((Run("a"),), 0, False), ListItem((Run("b"),), 1, False),
             ListItem((Run("c"),), 2, True), ListItem((Run("d"),), 0, False))
    html = list_html(items, Options("handout"))
    assert html == "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>"


def test_handout_leaves_out_notes_and_slides_only_parts(sample):
    workshop, context = sample
    html = build_html("handout", workshop, context)
    body = texts(html)
    assert all(section.title in body for section in workshop.sections)
    assert "Keep this to ten minutes" not in body          # a facilitator note
    assert "Quick poll" not in body                       # slides-only
    assert "Further reading" in body                      # handout-only
    assert html.count('class="worksheet"') == len(workshop.activities)
    assert "https://www.bibb.de/en/" in body              # links printed for paper
    assert '<html lang="en">' in html
    assert 'name="dcterms.created" content="2013-10-01T00:00:00Z"' in html


def test_guide_has_notes_run_of_show_and_timed_steps(sample):
    workshop, context = sample
    body = texts(build_html("facilitator-guide", workshop, context))
    assert "Keep this to ten minutes" in body and "Quick poll" not in body
    assert "Take one case card" in body
    values = facilitator_guide(workshop, context)
    times = [(row.start, row.end) for row in values["run_of_show"]]
    assert times[0] == ("09:30", "09:40") and times[4] == ("10:45", "11:00")
    assert times[-1] == ("12:15", "12:30")
    steps = values["sections"][5].activities[0].steps
    # the sample's steps say their minutes: 3, 5, 3, 4 and a 5-minute debrief
    assert [step.time for step in steps] == ["10:25", "10:28", "10:33", "10:36", "10:40"]


def test_steps_that_say_their_minutes_are_timed_by_them():
    from toolkit_builder.handouts.guide import step_offsets

    labels = ("Alone. (3 min)", "Draft (7 min)", "Share (2 min)")
    steps = tuple(ListItem((Run(text),), 0, True) for text in labels)
    assert step_offsets(steps, 20) == [0, 3, 10]
    assert step_offsets(steps[:2] + (ListItem((Run("Talk"),), 0, True),), 15) == [0, 5, 10]


def test_activity_that_closes_its_slot_ends_with_it(sample):
    workshop, context = sample
    values = facilitator_guide(workshop, context)
    last = values["sections"][-1]
    assert last.activities[0].start == "12:20" and last.activities[0].end == "12:30"


def test_slides_column_prints_the_outline_of_each_agenda_item(sample):
    workshop, context = sample
    slots = list(facilitator_guide(workshop, context)["agenda"])
    assert slots[4].is_break
    outline = Outline(slides=30, sections={"welcome-and-introductions": (2, 4)},
                      agenda={0: (1, 4), 1: (5, 5), 4: (14, 14)})
    rows = run_of_show(slots, outline)
    assert [row.slides for row in rows[:6]] == ["1–4", "5", "", "", "14", ""]
    assert all(row.slides == "" for row in run_of_show(slots, None))


def test_checklist_merges_materials_and_adds_printouts(sample):
    workshop, _ = sample
    groups = checklist(workshop)
    names = [[item.name for item in group.items] for group in groups]
    assert names[0] == ["Participant handout", "Feedback form", "Facilitator guide",
                        "Sign-in sheet", "Name badges and table tents", "Certificate of attendance"]
    assert "feedback form" not in [n.casefold() for n in names[1]]    # already printed above
    assert "Flipchart stand with paper and marker pens" in names[-1]    # room and equipment
    assert split_count("worksheet (1 per participant)") == ("worksheet", "1 per participant")
    pos = SourcePos("x.md", 1)
    merged = activity_materials((Activity("A", 5, (), ("pens", "cards (1 per table)"), pos),
                                 Activity("B", 5, (), ("Pens (1 per person)",), pos)), set())
    assert [(i.name, i.count, i.used_in) for i in merged] == [
        ("pens", "1 per person", ("A", "B")), ("cards", "1 per table", ("A",))]


def test_feedback_form_has_one_rating_row_per_objective(sample):
    workshop, context = sample
    html = build_html("feedback-form", workshop, context)
    assert html.count('class="rating-row"') == len(workshop.meta.objectives) == 5
    assert feedback_form(workshop, context)["page_qr"].startswith("data:image/svg+xml")


def test_addresses_stay_inside_their_folders(tmp_path):
    (tmp_path / "w" / "images").mkdir(parents=True)
    (tmp_path / "w" / "images" / "a.png").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("no")
    allowed = roots(tmp_path / "w", ())
    url = workshop_url(tmp_path / "w", tmp_path / "w" / "images" / "a.png")
    assert url == "ktw://workshop-w/images/a.png"
    assert local_path(url, allowed) == (tmp_path / "w" / "images" / "a.png").resolve()
    for bad in ("ktw://workshop-w/../secret.txt", "ktw://workshop-w/%2e%2e/secret.txt", "ktw://other/a.png",
                f"file://{tmp_path}/secret.txt", "http://example.org/a.png", "ktw://workshop-w/images/none.png"):
        assert local_path(bad, allowed) is None, bad
    with pytest.raises(ValueError):
        theme_url((tmp_path / "w",), tmp_path / "secret.txt")


def test_a_partner_theme_overrides_css_and_templates(project):
    root = project("constructs", files={
        "themes/partner/theme.yml":
            "name: Partner\npage_size: Letter\ncolours: {primary: '#aa0000'}\n",
        "themes/partner/handout/facilitator-guide.css": "/* partner guide css */",
        "themes/partner/handout/feedback-form.html.j2":
            "{% extends 'base.html.j2' %}{% block body %}PARTNER FORM{% endblock %}"})
    text = (root / "mkdocs.yml").read_text().replace("theme: default", "theme: partner")
    (root / "mkdocs.yml").write_text(text)
    loaded = load_project(root)
    workshop, context = loaded.workshops["constructs"]["en"], make_context(loaded)
    guide = build_html("facilitator-guide", workshop, context)
    assert "/* partner guide css */" in guide and "size: Letter" in guide
    assert "--primary: #aa0000" in guide
    assert "The facilitator guide: run-of-show" not in guide  # the default sheet is replaced
    handout = build_html("handout", workshop, context)
    assert "The participant handout: contents" in handout  # the default is kept
    assert "PARTNER FORM" in build_html("feedback-form", workshop, context)


def test_page_counter_and_dates_follow_the_language_and_sources(sample):
    workshop, _ = sample
    assert page_counter("nb") == '"Side " counter(page) " av " counter(pages)'
    assert metadata_date(workshop) == "2013-10-01T00:00:00Z"
    undated = dataclasses.replace(workshop, meta=dataclasses.replace(
        workshop.meta, origin=dataclasses.replace(workshop.meta.origin, date="")))
    assert metadata_date(undated) == "2000-01-01T00:00:00Z"


def test_activity_window_without_agenda_is_empty(sample):
    workshop, _ = sample
    section = workshop.sections[5]
    assert activity_window(section.activities[0], section, None) == ("", "")


def test_handout_modules_stay_small():
    for path in (PACKAGE / "handouts").glob("*.py"):
        assert len(path.read_text().splitlines()) <= 400, path
    assert Path(ROOT / "themes/default/handout/print.css").is_file()


@dataclasses.dataclass(frozen=True)
class Sidebar:
    """A block class the model does not have, as a new one would arrive."""

    text: str
    pos: SourcePos


@pytest.fixture(scope="module")
def every_block(tmp_path_factory):
    """Return (workshop, block) pairs by block class from the samples and the constructs fixture."""
    constructs = make_project(tmp_path_factory.mktemp("constructs"), "constructs")
    workshops = load_project(ROOT).all() + load_project(constructs).all()
    found: dict[type, list] = {}
    for workshop in workshops:
        every = workshop.intro + tuple(b for s in workshop.sections for b in s.blocks)
        for block in walk(every):
            found.setdefault(type(block), []).append((workshop, block))
    return found


def test_a_block_class_without_a_handler_raises_naming_it_and_its_place():
    with pytest.raises(UnhandledBlockError, match=r"workshops/x/index\.md:7: .*Sidebar"):
        blocks_html((Sidebar("aside", SourcePos("workshops/x/index.md", 7)),), Options("handout"))


@pytest.mark.parametrize("cls", get_args(Block), ids=lambda cls: cls.__name__)
def test_every_block_class_has_a_handler_that_writes_it(cls, every_block):
    assert cls in BLOCK_HANDLERS
    assert every_block.get(cls), f"no sample or fixture has a {cls.__name__}"
    written = [blocks_html((block,), Options(audience, folder=workshop.folder))
               for workshop, block in every_block[cls] for audience in ("handout", "guide")]
    assert any(texts(html).strip() or "<img" in html for html in written)
