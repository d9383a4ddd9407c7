"""The activity materials PDF: a contents page, then each material at its paper size."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from conftest import make_project
from PIL import Image
from pypdf import PdfReader

from toolkit_builder.handouts.common import options
from toolkit_builder.handouts.materials import column_weights, owned, row_height
from toolkit_builder.model import Table
from toolkit_builder.pipeline import make_context, render_document
from toolkit_builder.project import load_project

MM = 72 / 25.4  # PDF points per millimetre
EDGE_MM = 5  # nothing prints this close to an edge
LONG_CARD = "".join(f"    Paragraph {n}: an apprentice learns at the firm and at school, with a "
                    "training plan both agree on and a supervisor who signs off each step.\n\n"
                    for n in range(1, 21))
KIT = f"""---
title: Three materials and a long card
duration: 60
agenda:
  - "Activity: the cards": 30
  - "Activity: the canvas": 30
---

## Activity: the cards

!!! activity "The cards (30 min)"
    1. Each group reads its case card.
    2. Each person fills in the worksheet.

    **Materials:** case cards (1 per group), planning worksheet (1 per participant)

!!! material "Case card: the carpenter (A5 card, 1 per group)"
    **Who:** Jonas, 17, first year of a carpentry apprenticeship.

    **Question:** what does he learn where?

!!! material "Planning worksheet (A4 worksheet, 1 per participant)"
    | Day | In the company | At school |
    |-----|----------------|-----------|
    | Monday | | |
    | Tuesday | | |

## Activity: the canvas

!!! activity "The canvas (30 min)"
    1. Fill in the canvas together.

    **Materials:** employer canvas (1 per table), long card (2 per table)

!!! material "Employer canvas (A3 canvas, 1 per table)"
    | Sector | Firms | Contact | What stops them |
    |--------|-------|---------|-----------------|
    | Industry | | | |
    | Health | | | |

!!! material "Long card: the whole story (A5 card, 2 per table)"
{LONG_CARD}"""
EMPTY = """---
title: No materials at all
duration: 30
agenda:
  - Talk: 30
---

## Talk

Nothing to print.
"""
# (title, quantity, page width and height in pt) of each material, in order.
EXPECTED = [("Case card: the carpenter", "1 per group", (420, 595)),
            ("Planning worksheet", "1 per participant", (595, 842)),
            ("Employer canvas", "1 per table", (1191, 842)),
            ("Long card: the whole story", "2 per table", (420, 595))]


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """Return the loaded project of the fixture workshops."""
    root = make_project(tmp_path_factory.mktemp("materials"),
                        files={"workshops/kit/index.md": KIT, "workshops/empty/index.md": EMPTY})
    project = load_project(root)
    assert not project.reporter.errors, [d.format() for d in project.reporter.items]
    return project


def render(project, slug: str) -> bytes:
    """Return a workshop's activity materials PDF, checking that WeasyPrint did not complain."""
    rendered = render_document("activity-materials", project.workshops[slug]["en"],
                               make_context(project))
    assert rendered.diagnostics == (), rendered.diagnostics
    return rendered.data


@pytest.fixture(scope="module")
def pdf(kit) -> bytes:
    """Return the activity materials of the fixture with four materials."""
    return render(kit, "kit")


def one_line(text: str) -> str:
    """Return text with every run of whitespace as one space."""
    return re.sub(r"\s+", " ", text)


def pages(data: bytes) -> list:
    """Return the pages of a PDF."""
    return list(PdfReader(io.BytesIO(data)).pages)


def size(page) -> tuple[int, int]:
    """Return a page's width and height in whole points."""
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def first_pages(data: bytes) -> dict[str, int]:
    """Return the 0-based page where each material's title first appears, after the contents."""
    texts = [one_line(page.extract_text()) for page in pages(data)]
    return {title: next(i for i, text in enumerate(texts) if i and title in text)
            for title, _, _ in EXPECTED}


def page_image(data: bytes, number: int, dpi: int = 72) -> Image.Image:
    """Return one page (1-based) rendered in grey by pdftoppm."""
    command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(number), "-l", str(number),
               "-"]
    png = subprocess.run(command, input=data, capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def ink_near_edges(image: Image.Image, mm: float, dpi: int = 72) -> list[str]:
    """Return the edges of a page image with dark pixels within `mm` of them."""
    width, height = image.size
    band = round(mm * dpi / 25.4)
    strips = {"left": (0, 0, band, height), "right": (width - band, 0, width, height),
              "top": (0, 0, width, band), "bottom": (0, height - band, width, height)}
    return [name for name, box in strips.items() if image.crop(box).getextrema()[0] < 200]


def test_each_material_is_on_pages_of_its_paper_size(pdf):
    all_pages = pages(pdf)
    assert size(all_pages[0]) == (595, 842)
    found = first_pages(pdf)
    for title, _, expected in EXPECTED:
        width, height = size(all_pages[found[title]])
        assert abs(width - expected[0]) <= 2 and abs(height - expected[1]) <= 2, title


def test_each_material_page_has_its_title_and_quantity(pdf):
    all_pages = pages(pdf)
    for title, quantity, _ in EXPECTED:
        text = one_line(all_pages[first_pages(pdf)[title]].extract_text())
        assert title in text and f"Print: {quantity}" in text, (title, text)


def test_the_contents_page_lists_every_material_with_its_page(pdf):
    text = one_line(pages(pdf)[0].extract_text())
    assert "Print each page at its paper size" in text
    for title, quantity, _ in EXPECTED:
        assert title in text and quantity in text, title
    assert "A3 landscape" in text and "Worksheet" in text and "Canvas" in text
    numbers = [str(page + 1) for page in first_pages(pdf).values()]
    assert re.search(r"\b" + r"\b.*\b".join(numbers) + r"\b", text), (numbers, text)


def test_a_long_card_flows_onto_more_cards_and_loses_nothing(pdf):
    all_pages = pages(pdf)
    start = first_pages(pdf)["Long card: the whole story"]
    rest = all_pages[start:]
    assert len(rest) >= 2 and all(size(page) == (420, 595) for page in rest)
    text = one_line(" ".join(page.extract_text() for page in rest))
    assert all(f"Paragraph {n}:" in text for n in range(1, 21))


def test_nothing_prints_within_5_mm_of_an_edge(pdf):
    for number in range(1, len(pages(pdf)) + 1):
        assert ink_near_edges(page_image(pdf, number), EDGE_MM) == [], number


def test_cards_have_crop_marks_inside_the_printable_area(pdf):
    card = first_pages(pdf)["Case card: the carpenter"] + 1
    image = page_image(pdf, card, dpi=150)
    px = 150 / 25.4
    corner = image.crop((round(5.5 * px), round(5.5 * px), round(9.5 * px), round(10.5 * px)))
    assert corner.getextrema()[0] < 128  # the top left mark, between 6 and 9 mm from the edges


def test_a_worksheet_has_ruled_lines_down_to_the_foot_of_its_page(pdf):
    sheet = first_pages(pdf)["Planning worksheet"] + 1
    image = page_image(pdf, sheet, dpi=100)
    px = 100 / 25.4
    width, height = image.size
    low = image.crop((round(20 * px), height - round(40 * px), width - round(20 * px),
                      height - round(18 * px)))
    assert low.getextrema()[0] < 235


def test_a_workshop_without_materials_gets_one_page_saying_so(kit):
    data = render(kit, "empty")
    assert len(pages(data)) == 1
    assert "no activity materials" in one_line(pages(data)[0].extract_text())


def test_materials_belong_to_the_activity_before_them(kit):
    workshop = kit.workshops["kit"]["en"]
    assert [(m.title, activity) for m, activity in owned(workshop)] == [
        ("Case card: the carpenter", "The cards"), ("Planning worksheet", "The cards"),
        ("Employer canvas", "The canvas"), ("Long card: the whole story", "The canvas")]


def test_columns_to_write_in_get_room(kit):
    workshop = kit.workshops["kit"]["en"]
    table = next(b for b in workshop.materials[1].blocks if isinstance(b, Table))
    day, company, school = column_weights(table)
    assert company == school > day


def test_a_short_canvas_stretches_its_rows_and_only_a_canvas_does(kit):
    workshop = kit.workshops["kit"]["en"]
    opts = options(workshop, make_context(kit), "handout")
    card, _, canvas, _ = workshop.materials
    assert row_height(card, opts) == ""
    assert float(row_height(canvas, opts).removesuffix("mm")) > 60


def test_the_template_and_stylesheet_exist_in_the_default_theme():
    folder = Path(__file__).resolve().parent.parent / "themes/default/handout"
    assert (folder / "activity-materials.css").is_file()
    assert "material-title" in (folder / "activity-materials.html.j2").read_text(encoding="utf-8")
