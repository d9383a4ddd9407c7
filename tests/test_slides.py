"""Slide decks: the plan as data, the .pptx read back with python-pptx, and LibreOffice renders."""

from __future__ import annotations

import io
import time

import pytest
from conftest import ROOT, run_cli
from PIL import Image as PILImage
from pptx import Presentation
from pptx.util import Emu

from toolkit_builder.model import Image, ListBlock, Notes, Only, Table, plain, walk
from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.slides import render
from toolkit_builder.slides.layout import MIN_SIZE, Para, margin
from toolkit_builder.slides.plan import plan_deck

ARTIFACTS = ROOT / "tests" / "artifacts" / "slides"


@pytest.fixture(scope="session")
def samples():
    """Every sample workshop with its plan and its rendered deck (rendered once per session)."""
    project = load_project(ROOT)
    context = make_context(project)
    out = []
    for workshop in project.all():
        rendered = render(workshop, context)
        prs = Presentation(io.BytesIO(rendered.data))
        out.append((workshop, plan_deck(workshop, context), rendered, prs))
    return out, context


def visible_blocks(section):
    """Return a section's blocks as slides show them (no notes, no handout-only)."""
    def keep(blocks):
        for block in blocks:
            if isinstance(block, Notes) or (isinstance(block, Only) and block.target == "handout"):
                continue
            yield block
            if isinstance(block, Only) or type(block).__name__ == "Activity":
                yield from keep(block.blocks)
    return list(keep(section.blocks))


def slide_texts(slide):
    """Return the texts of a slide's shapes, with balancing line breaks read as spaces."""
    return [shape.text_frame.text.replace("\x0b", " ") for shape in slide.shapes
            if shape.has_text_frame]


def master_margins(prs) -> list[float]:
    """Return the left margin of each of the master's body text levels, in points."""
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    body = prs.slide_master.element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}txStyles/"
        "{http://schemas.openxmlformats.org/presentationml/2006/main}bodyStyle")
    return [Emu(int(body.find(f"{ns}lvl{n}pPr").get("marL", "0"))).pt for n in range(1, 10)]


def test_samples_render_without_warnings(samples):
    decks, _ = samples
    for workshop, _deck, rendered, _ in decks:
        assert rendered.diagnostics == (), (workshop.slug, rendered.diagnostics)


def test_slide_count_and_titles_match_the_plan(samples):
    decks, _ = samples
    for workshop, deck, _, prs in decks:
        assert len(prs.slides) == len(deck.slides)
        # Line breaks balance the title slide's lines; the words are the plan's.
        assert [s.shapes.title.text.replace("\x0b", " ") for s in prs.slides] == [
            spec.title if spec.kind != "closing" else f"{spec.title} · {spec.subtitle[0]}"
            for spec in deck.slides]
        kinds = [spec.kind for spec in deck.slides]
        assert kinds[0] == "title" and kinds[1] == "agenda" and kinds[-1] == "closing"
        assert kinds.count("activity") >= len(workshop.activities)
        titles = [s.shapes.title.text for s in prs.slides]
        for section in workshop.sections:
            # A section shows under its title; one that is only an activity, under the activity's.
            mine = [spec for spec in deck.slides if spec.section == section.anchor]
            names = {section.title} | {a.title for a in section.activities}
            assert mine and all(any(t == n or t.startswith(n + " (") for n in names)
                                for t in (spec.title for spec in mine
                                          if spec.kind != "divider")), section.title
            assert any(t == mine[0].title for t in titles)


def test_title_slide_carries_subtitle_origin_and_logo(samples):
    decks, _ = samples
    workshop, _, _, prs = next(d for d in decks
                               if d[0].slug == "responsive-training" and d[0].lang == "en")
    first = prs.slides[0]
    texts = "\n".join(slide_texts(first))
    assert workshop.meta.subtitle in texts and "Kaiserslautern" in texts and "October 2013" in texts
    assert any(shape.shape_type == 13 for shape in first.shapes)  # the logo picture


def test_agenda_slide_has_clock_times(samples):
    decks, _ = samples
    workshop, _, _, prs = next(d for d in decks
                               if d[0].slug == "responsive-training" and d[0].lang == "en")
    table = next(shape.table for shape in prs.slides[1].shapes if shape.has_table)
    times = [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert times[0] == "09:30"
    elapsed = 0
    # a long agenda continues on the next slide: this one may show only the first items
    for item, time_text in zip(workshop.meta.agenda, times, strict=False):
        hours, minutes = divmod(9 * 60 + 30 + elapsed, 60)
        assert time_text == f"{hours:02d}:{minutes:02d}"
        elapsed += item.minutes


def test_lists_keep_their_nesting_levels(samples):
    decks, _ = samples
    checked = 0
    for workshop, _, _, prs in decks:
        margins = {}
        levels = master_margins(prs)
        for slide in prs.slides:
            for shape in slide.placeholders:
                if shape.has_text_frame:
                    for para in shape.text_frame.paragraphs:
                        ppr = para._p.pPr
                        if ppr is None or not para.text:
                            continue
                        # Its own margin, or the one of its level in the master's text styles.
                        own = ppr.get("marL")
                        at = Emu(int(own)).pt if own else levels[int(ppr.get("lvl", "0"))]
                        # "5\u00a0min": the slide keeps a number with its unit
                        margins.setdefault(para.text.replace("\xa0", " "), set()).add(at)
        for section in workshop.sections:
            for block in visible_blocks(section):
                if isinstance(block, ListBlock):
                    for item in block.items:
                        style = "numbered" if item.ordered else "bullet"
                        expected = margin(Para((), item.level, style))
                        text = plain(item.runs)
                        assert expected in margins.get(text, set()), (workshop.slug, text)
                        checked += 1
    assert checked > 50


def test_notes_go_to_the_notes_pane_of_their_section(samples):
    decks, _ = samples
    for workshop, deck, _, prs in decks:
        for section in workshop.sections:
            notes = [n for n in walk(section.blocks) if isinstance(n, Notes)]
            pane = "\n".join(prs.slides[i].notes_slide.notes_text_frame.text
                             for i, spec in enumerate(deck.slides) if spec.section == section.anchor
                             and prs.slides[i].has_notes_slide)
            for note in notes:
                first_para = next(b for b in note.blocks
                                  if hasattr(b, "runs") or hasattr(b, "items"))
                runs = first_para.runs if hasattr(first_para, "runs") else first_para.items[0].runs
                words = plain(runs)
                assert words in pane, (workshop.slug, section.title)


def test_tables_are_native_with_header_and_all_rows(samples):
    decks, _ = samples
    for workshop, _, _, prs in decks:
        pptx_tables = [shape.table for slide in prs.slides for shape in slide.shapes
                       if shape.has_table]
        cells = {tuple(t.cell(0, c).text for c in range(len(t.columns))): [] for t in pptx_tables}
        for table in pptx_tables:
            header = tuple(table.cell(0, c).text for c in range(len(table.columns)))
            cells[header].extend(tuple(table.cell(r, c).text for c in range(len(table.columns)))
                                 for r in range(1, len(table.rows)))
        for section in workshop.sections:
            for block in visible_blocks(section):
                if isinstance(block, Table):
                    header = tuple(plain(c) for c in block.header)
                    assert header in cells, (workshop.slug, header)
                    rows = [tuple(plain(c) for c in row) for row in block.rows]
                    assert all(row in cells[header] for row in rows)
        header_fill = pptx_tables[0].cell(0, 0).fill.fore_color.rgb
        assert str(header_fill) == "1F4E79"


def test_links_stay_clickable(samples):
    decks, context = samples
    for workshop, _, _, prs in decks:
        addresses = {run.hyperlink.address
                     for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
                     for para in shape.text_frame.paragraphs for run in para.runs
                     if run.hyperlink.address}
        for section in workshop.sections:
            for block in visible_blocks(section):
                for run in getattr(block, "runs", ()) or ():
                    if run.href:
                        assert run.href in addresses, (workshop.slug, run.href)
        assert context.page_url(workshop) in addresses      # the closing slide's caption link


def test_images_keep_alt_text_and_aspect_ratio_and_are_not_upscaled(samples):
    decks, _ = samples
    for workshop, _, _, prs in decks:
        pictures = [shape for slide in prs.slides for shape in slide.shapes
                    if shape.shape_type == 13]
        by_alt = {p._element.nvPicPr.cNvPr.get("descr"): p for p in pictures}
        for section in workshop.sections:
            for image in (b for b in visible_blocks(section) if isinstance(b, Image)):
                picture = by_alt[image.alt]
                with PILImage.open(image.path) as source:
                    width_px, height_px = source.size
                assert abs(picture.width / picture.height - width_px / height_px) < 0.01
                assert Emu(picture.width).pt <= width_px * 0.75 + 1


def test_body_text_is_never_below_18pt(samples):
    decks, _ = samples
    for _, _, _, prs in decks:
        for slide in prs.slides:
            for shape in slide.placeholders:
                if shape.placeholder_format.idx in (1, 2) and shape.has_text_frame:
                    for para in shape.text_frame.paragraphs:
                        for run in para.runs:
                            assert run.font.size is None or run.font.size.pt >= MIN_SIZE


def test_deck_uses_the_theme_fonts_and_colours(samples):
    decks, context = samples
    prs = decks[0][3]
    theme_xml = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert f'typeface="{context.theme.body_font}"' in theme_xml
    assert context.theme.colours["primary"].lstrip("#").upper() in theme_xml


def test_over_long_section_is_split_with_a_warning(project):
    root = project("long-section", "slides-long-table")
    result = run_cli(root, "check")
    assert result.returncode == 0
    assert ("workshops/long-section/index.md:11: warning: slide 'Everything at once' "
            "does not fit one slide even at 18 pt; split into" in result.stdout)
    assert ("workshops/slides-long-table/index.md:9: warning: table in 'The table' "
            "does not fit one slide even at 14 pt; split into" in result.stdout)
    loaded = load_project(root)
    deck = plan_deck(loaded.workshops["long-section"]["en"], make_context(loaded))
    titles = [s.title for s in deck.slides if s.kind == "content"]
    assert len(titles) >= 2 and titles[0] == f"Everything at once (1/{len(titles)})"
    table_deck = plan_deck(loaded.workshops["slides-long-table"]["en"], make_context(loaded))
    parts = [s.table for s in table_deck.slides if s.kind == "content"]
    assert len(parts) >= 2 and sum(p.stop - p.start for p in parts) == 40


def test_rebuilds_are_byte_identical(samples):
    decks, context = samples
    workshop, _, rendered, _ = decks[0]
    time.sleep(1.1)  # a second later: any clock-based timestamp would show
    assert render(workshop, context).data == rendered.data
