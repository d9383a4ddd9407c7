"""The reader: the body becomes sections, slides, blocks and runs, each with its line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from toolkit_builder.model import (
    Activity,
    Code,
    Heading,
    Image,
    ListBlock,
    Only,
    Paragraph,
    Quote,
    Run,
    Table,
    plain,
)
from toolkit_builder.project import load_project


@pytest.fixture
def workshop(project):
    loaded = load_project(project("constructs"))
    assert not loaded.reporter.items, [d.format() for d in loaded.reporter.items]
    return loaded.workshops["constructs"]["en"]


def kinds(blocks):
    return [type(b).__name__ for b in blocks]


def test_sections_slides_and_intro(workshop):
    assert [s.title for s in workshop.sections] == [
        "Lists and text", "Tables and images", "Activity: try it"]
    assert [len(s.slides) for s in workshop.sections] == [1, 2, 1]
    assert kinds(workshop.intro) == ["Paragraph"]
    assert workshop.sections[2].anchor == "activity-try-it"


def test_inline_runs_keep_their_formatting(workshop):
    paragraph = workshop.sections[0].blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == (
        Run("A paragraph with "), Run("bold", strong=True), Run(", "), Run("italic", emphasis=True),
        Run(", "), Run("code", code=True), Run(" and a "),
        Run("link", href="https://example.org/page"), Run("."))


def test_nested_lists_keep_their_levels(workshop):
    bullets, numbered = [b for b in workshop.sections[0].blocks if isinstance(b, ListBlock)]
    assert [(plain(i.runs), i.level) for i in bullets.items] == [
        ("Level one", 0), ("Level two", 1), ("Level three", 2), ("Back to one", 0)]
    assert not bullets.ordered and numbered.ordered
    assert [plain(i.runs) for i in numbered.items] == ["First step", "Second step"]


def test_notes_are_attached_to_their_section(workshop):
    first, _, third = workshop.sections
    assert len(first.notes) == 1
    assert plain(first.notes[0].blocks[0].runs) == "Notes for the first section."
    assert len(third.notes) == 1
    assert plain(third.notes[0].blocks[0].runs) == "Keep time strictly."
    assert workshop.sections[1].notes == ()


def test_heading_and_quote(workshop):
    blocks = workshop.sections[0].blocks
    heading = next(b for b in blocks if isinstance(b, Heading))
    quote = next(b for b in blocks if isinstance(b, Quote))
    assert heading.level == 3 and plain(heading.runs) == "A subheading"
    assert [plain(p) for p in quote.paragraphs] == ["A quote worth keeping."]


def test_table_has_header_rows_and_alignment(workshop):
    table = workshop.sections[1].slides[0].blocks[0]
    assert isinstance(table, Table)
    assert [plain(c) for c in table.header] == ["Name", "Share"]
    assert [[plain(c) for c in row] for row in table.rows] == [
        ["Company", "70 %"], ["School", "30 %"]]
    assert table.align == ("left", "right")


def test_image_code_and_only_blocks(workshop):
    image, code, slides, handout = workshop.sections[1].slides[1].blocks
    assert isinstance(image, Image) and image.alt == "Two boxes joined by an arrow"
    assert image.width == "50%"
    assert image.path == workshop.folder.resolve() / "images" / "diagram.png"
    assert isinstance(code, Code) and code.language == "python" and code.text == 'print("hello")'
    assert isinstance(slides, Only) and slides.target == "slides"
    assert isinstance(handout, Only) and handout.target == "handout"
    assert plain(handout.blocks[0].runs) == "Only in the handout."


def test_activity_has_minutes_steps_and_materials(workshop):
    activity = workshop.sections[2].blocks[0]
    assert isinstance(activity, Activity)
    assert (activity.title, activity.minutes) == ("Try it out", 15)
    assert [plain(s.runs) for s in activity.steps] == ["Read the card.", "Discuss it."]
    assert activity.materials == ("cards (1 per pair)", "pens", "flipchart paper")
    assert kinds(activity.blocks) == ["Paragraph", "ListBlock"]


def test_every_block_knows_its_source_line(workshop):
    lines = Path(workshop.folder, "index.md").read_text().splitlines()
    def line(n):
        return lines[n - 1]
    first = workshop.sections[0]
    assert "A paragraph with" in line(first.blocks[0].pos.line)
    assert "Level one" in line(first.blocks[1].pos.line)
    assert "Then the steps" in line(first.blocks[2].pos.line)
    assert "First step" in line(first.blocks[3].pos.line)
    assert "??? notes" in line(first.notes[0].pos.line)
    image, code, slides, handout = workshop.sections[1].slides[1].blocks
    assert "![Two boxes" in line(image.pos.line)
    assert line(code.pos.line).startswith("```")
    assert "!!! slides" in line(slides.pos.line) and "!!! handout" in line(handout.pos.line)
    assert "!!! activity" in line(workshop.sections[2].blocks[0].pos.line)
    assert line(workshop.sections[1].pos.line) == "## Tables and images"


def test_code_fences_hide_section_and_slide_markers(project):
    body = ("---\ntitle: T\n---\n\n## One\n\n```text\n## not a section\n---\n```\n\n"
            "## Two\n\nText.\n")
    loaded = load_project(project(files={"workshops/fenced/index.md": body}))
    sections = loaded.workshops["fenced"]["en"].sections
    assert [s.title for s in sections] == ["One", "Two"]
    assert sections[0].blocks[0].text == "## not a section\n---"


def test_unknown_admonition_is_kept_with_a_warning(project):
    body = "---\ntitle: T\n---\n\n## One\n\n!!! tip\n    Keep it short.\n"
    loaded = load_project(project(files={"workshops/tip/index.md": body}))
    assert [d.format() for d in loaded.reporter.items] == [
        "workshops/tip/index.md:7: warning: admonition type 'tip' is not a toolkit construct; "
        "use notes, activity, material, slides or handout (its content is kept as plain text)"]
    assert plain(loaded.workshops["tip"]["en"].sections[0].blocks[0].runs) == "Keep it short."


def test_activity_without_duration_is_an_error(project):
    body = "---\ntitle: T\n---\n\n## One\n\n!!! activity \"Talk\"\n    Talk.\n"
    loaded = load_project(project(files={"workshops/act/index.md": body}))
    assert [(d.pos.line, d.level) for d in loaded.reporter.items] == [(7, "error")]


def test_only_the_reader_imports_a_markdown_parser():
    package = Path(__file__).resolve().parent.parent / "toolkit_builder"
    importers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "markdown" or n.startswith("markdown.") for n in names):
                importers.add(path.relative_to(package).as_posix())
    assert importers == {"reader.py"}
