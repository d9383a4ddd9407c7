"""Decks a designer signs off: nothing dropped, notes on every slide, one body size, a calm
rhythm, footers and paragraph styles from the master, balanced lines (issue 13)."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from toolkit_builder.model import (
    Activity,
    Code,
    Heading,
    Image,
    ListBlock,
    Material,
    Notes,
    Only,
    Paragraph,
    Quote,
    Table,
    plain,
)
from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.slides import render
from toolkit_builder.slides.layout import (
    SIZES,
    balance,
    fits,
    level_sizes,
    paginate,
    text_height,
)
from toolkit_builder.slides.measure import Metrics
from toolkit_builder.slides.plan import Planner, plan_deck
from toolkit_builder.slides.specs import ActivitySlide, ContentSlide, DividerSlide

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@pytest.fixture(scope="module")
def decks():
    """Every sample edition: its workshop, plan, and the pptx read back."""
    project = load_project(ROOT)
    context = make_context(project)
    out = []
    for workshop in project.all():
        deck = plan_deck(workshop, context)
        prs = Presentation(io.BytesIO(render(workshop, context).data))
        out.append((workshop, deck, prs))
    return out


def words(value: str) -> set[str]:
    """Return the words of a text, folded (punctuation and case ignored)."""
    return {w.casefold() for w in WORD.findall(value)}


def source_words(blocks, notes: bool = False) -> set[str]:
    """Return the words an author wrote in blocks that a deck shows (or, with notes, its notes)."""
    out: set[str] = set()
    for block in blocks:
        if isinstance(block, Material) or (isinstance(block, Only) and block.target != "slides"):
            continue  # printed on cards and worksheets, or handout-only, by the format
        if isinstance(block, Notes):
            if notes:
                out |= source_words(block.blocks)
            continue
        if notes:
            if isinstance(block, Activity | Only):
                out |= source_words(block.blocks, notes=True)
                if isinstance(block, Activity) and block.room:
                    out |= words(block.room)
            continue
        if isinstance(block, Paragraph | Heading):
            out |= words(plain(block.runs))
        elif isinstance(block, ListBlock):
            out |= set().union(*(words(plain(item.runs)) for item in block.items))
        elif isinstance(block, Quote):
            out |= set().union(*(words(plain(p)) for p in block.paragraphs))
        elif isinstance(block, Code):
            out |= words(block.text)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                out |= set().union(set(), *(words(plain(cell)) for cell in row))
        elif isinstance(block, Image):
            out |= words(block.alt)
        elif isinstance(block, Activity):
            out |= words(block.title) | words(" ".join(block.materials)) | words(block.groups)
            out |= source_words(block.blocks)
        elif isinstance(block, Only):
            out |= source_words(block.blocks)
    return out


def deck_words(prs) -> tuple[set[str], set[str]]:
    """Return the words on a deck's slides (text, tables, pictures' alt text) and in its notes."""
    shown, noted = set(), set()
    for slide in prs.slides:
        for element in slide.shapes._spTree.iter(f"{A}t"):
            shown |= words(element.text or "")
        for element in slide.shapes._spTree.iter(f"{P}cNvPr"):
            shown |= words(element.get("descr", ""))
        if slide.has_notes_slide:
            noted |= words(slide.notes_slide.notes_text_frame.text)
    return shown, noted


def test_every_word_of_every_block_reaches_the_deck_or_its_notes(decks):
    for workshop, _, prs in decks:
        shown, noted = deck_words(prs)
        for section in workshop.sections:
            missing = (source_words(section.blocks) | words(section.title)) - shown
            assert not missing, (workshop.slug, workshop.lang, section.title, sorted(missing))
            unnoted = source_words(section.blocks, notes=True) - noted - shown
            assert not unnoted, (workshop.slug, workshop.lang, section.title, sorted(unnoted))


def test_activity_materials_and_groups_are_on_the_slides_in_every_language(decks):
    for workshop, _, prs in decks:
        shown, _ = deck_words(prs)
        for activity in workshop.activities:
            wanted = words(" ".join(activity.materials)) | words(activity.groups)
            assert wanted <= shown, (workshop.slug, workshop.lang, activity.title,
                                     sorted(wanted - shown))


def test_every_content_and_activity_slide_has_speaker_notes(decks):
    for workshop, deck, prs in decks:
        for number, (spec, slide) in enumerate(zip(deck.slides, prs.slides, strict=True), 1):
            if isinstance(spec, ContentSlide | ActivitySlide):
                text = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
                assert text.strip(), (workshop.slug, workshop.lang, number, spec.title)


def test_notes_stay_on_the_slide_of_their_chunk(decks):
    workshop, deck, prs = next(d for d in decks if d[0].slug == "responsive-training"
                               and d[0].lang == "en")
    diagram = next(i for i, spec in enumerate(deck.slides)
                   if isinstance(spec, ContentSlide) and spec.image is not None)
    assert "diagram" in prs.slides[diagram].notes_slide.notes_text_frame.text


def body_sizes(prs) -> set[float]:
    """Return the effective size of every run in the slides' body placeholders."""
    levels = [
        int(prs.slide_master.element.find(f"{P}txStyles/{P}bodyStyle/{A}lvl{n}pPr/{A}defRPr")
            .get("sz")) / 100 for n in range(1, 10)]
    sizes = set()
    for slide in prs.slides:
        if slide.slide_layout.name in ("Title Slide", "Section Header"):
            continue  # their text sizes are the layout's own
        for shape in slide.placeholders:
            if shape.placeholder_format.idx != 1 or not shape.has_text_frame:
                continue
            for para in shape.text_frame.paragraphs:
                level = int(para._p.pPr.get("lvl", "0")) if para._p.pPr is not None else 0
                for run in para.runs:
                    sizes.add(run.font.size.pt if run.font.size else levels[level])
    return sizes


def test_one_body_size_per_deck_set_in_the_master(decks):
    for workshop, deck, prs in decks:
        assert deck.size in SIZES
        master = prs.slide_master.element.find(f"{P}txStyles/{P}bodyStyle/{A}lvl1pPr/{A}defRPr")
        assert int(master.get("sz")) == deck.size * 100
        # Text is the deck's size (smaller list levels as the master says), or a statement.
        allowed = set(level_sizes(deck.size)) | {28.0, deck.size - 2}
        assert body_sizes(prs) <= allowed, (workshop.slug, workshop.lang, body_sizes(prs))
        specs = [s for s in deck.slides if isinstance(s, ContentSlide) and not s.statement]
        assert all(s.size == deck.size for s in specs if s.paras)


def test_deck_size_is_the_largest_at_which_all_but_a_few_slides_fit(decks):
    project = load_project(ROOT)
    context = make_context(project)
    for workshop, deck, _ in decks:
        larger = [size for size in SIZES if size > deck.size]
        for size in larger:
            trial = Planner(workshop, context, size).plan()
            assert trial.splits > deck.splits, (workshop.slug, workshop.lang, size)


def test_long_section_splits_into_few_balanced_slides_at_the_deck_size(project):
    root = project("long-section")
    loaded = load_project(root)
    context = make_context(loaded)
    deck = plan_deck(loaded.workshops["long-section"]["en"], context)
    pages = [s for s in deck.slides if isinstance(s, ContentSlide) and s.paras]
    assert len(pages) >= 2 and all(s.size == deck.size for s in pages)
    planner = Planner(loaded.workshops["long-section"]["en"], context, deck.size)
    box = planner.geo.body
    heights = [text_height(list(s.paras), deck.size, box.width, planner.metrics) for s in pages]
    total = sum(heights)
    # As few slides as the text needs, each filled to more than half: no one-line leftover.
    assert len(pages) <= -(-total // (box.height * 0.95)) + 1
    assert min(heights) >= 0.5 * max(heights), heights


def test_paginate_balances_and_never_leaves_one_line():
    theme_metrics = Metrics(load_project(ROOT).theme.font_files)
    from toolkit_builder.model import Run
    from toolkit_builder.slides.layout import Para
    paras = [Para((Run(f"Point number {i} about local partnerships and jobs"),), style="bullet")
             for i in range(13)]
    pages = paginate(paras, 24, 800, 300, theme_metrics)
    per_page = max(n for n in range(1, 14) if fits(paras[:n], 24, 800, 300, theme_metrics))
    assert len(pages) == -(-13 // per_page)  # as few slides as filled ones would need
    assert max(map(len, pages)) - min(map(len, pages)) <= 1  # and evenly filled


def test_dividers_only_open_blocks_of_several_sections_and_sections_get_a_marker(decks):
    for workshop, deck, _ in decks:
        planner = Planner(workshop, make_context(load_project(ROOT)), deck.size)
        several = {s.sections[0].anchor for s in planner.slots if len(s.sections) > 1}
        dividers = {s.section for s in deck.slides if isinstance(s, DividerSlide)}
        assert dividers == several, (workshop.slug, workshop.lang)
        marked = [s for s in deck.slides if getattr(s, "marker", "")]
        single = [s for s in planner.slots if len(s.sections) == 1]
        firsts = {s.section: s for s in reversed(deck.slides) if s.section}
        expected = [s for s in single if not isinstance(firsts[s.sections[0].anchor],
                                                        ActivitySlide)]
        assert len(marked) == len(expected) and len(marked) >= 5


def test_agenda_of_up_to_fourteen_items_is_one_slide(decks):
    for workshop, deck, _ in decks:
        agendas = [s for s in deck.slides if s.kind == "agenda"]
        assert len(agendas) == 1 and len(workshop.meta.agenda) <= 14
        rows = sum(part.stop - part.start for part in agendas[0].tables)
        assert rows == len(workshop.meta.agenda)


def test_footers_are_the_layouts_placeholders_cut_at_a_word(decks):
    for workshop, deck, prs in decks:
        for spec, slide in zip(deck.slides, prs.slides, strict=True):
            if spec.kind in ("content", "activity", "agenda"):
                kinds = {shape.placeholder_format.type: shape.text_frame.text
                         for shape in slide.placeholders}
                assert PP_PLACEHOLDER.SLIDE_NUMBER in kinds and PP_PLACEHOLDER.FOOTER in kinds
                footer = kinds[PP_PLACEHOLDER.FOOTER]
                title = workshop.meta.title
                assert footer == title or (footer.endswith("…")
                                           and (title + " ").startswith(footer[:-1] + " "))
                assert kinds.get(PP_PLACEHOLDER.DATE) == workshop.meta.licence
            assert not [s for s in slide.shapes if s.name.startswith("Footer ")
                        and not s.is_placeholder]


def test_partner_decks_name_the_partner_in_the_footer():
    project = load_project(ROOT)
    partner = project.partners[0]
    context = make_context(project, partner)
    workshop = next(w for w in project.all() if w.lang == partner.languages[0])
    prs = Presentation(io.BytesIO(render(workshop, context).data))
    footers = [shape.text_frame.text for slide in prs.slides for shape in slide.placeholders
               if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    assert footers and all(f.endswith(f" · {partner.name}") for f in footers)


def test_paragraph_styles_come_from_the_master(decks):
    for _, _, prs in decks:
        body = prs.slide_master.element.find(f"{P}txStyles/{P}bodyStyle")
        assert body.find(f"{A}lvl2pPr/{A}buChar") is not None  # list levels carry the bullets
        assert body.find(f"{A}lvl1pPr/{A}buNone") is not None  # level 1 is plain text
        for slide in prs.slides:
            for shape in slide.placeholders:
                if shape.placeholder_format.idx != 1:
                    continue
                for ppr in shape.element.iter(f"{A}pPr"):
                    assert ppr.find(f"{A}buChar") is None and ppr.find(f"{A}buClr") is None


def test_a_prompt_to_the_room_gets_a_visible_style(decks):
    _, _, prs = next(d for d in decks if d[0].slug == "responsive-training" and d[0].lang == "en")
    runs = [run for slide in prs.slides for shape in slide.placeholders if shape.has_text_frame
            for para in shape.text_frame.paragraphs for run in para.runs]
    label = next(run for run in runs if run.text == "Quick poll:")
    assert label.font.bold and str(label.font.color.rgb) != "1D2430"


def test_title_slide_lines_are_balanced_and_carry_the_funder(decks):
    metrics = Metrics(load_project(ROOT).theme.font_files)
    lines = balance("Who sits at the table, how the table is run, and how to tell whether it "
                    "works", 22, 600, metrics)
    assert len(lines) == 2 and min(len(line.split()) for line in lines) >= 5
    for workshop, _, prs in decks:
        title = prs.slides[0].shapes.title.text_frame.text.split("\x0b")
        assert all(len(line.split()) >= 2 for line in title) or len(title) == 1
        funder = load_project(ROOT).theme.funder_text(workshop.lang)  # in the deck's language
        assert funder and (workshop.lang == "en" or not funder.startswith("Co-funded"))
        texts = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
        assert funder in texts, workshop.slug
        closing = [shape.text_frame.text for shape in prs.slides[-1].shapes
                   if shape.has_text_frame]
        assert funder in closing
