"""Template variables of the activity materials: cards, worksheets and canvases to print.

A first page lists every material; then each material gets its own page(s) at its paper size,
through a named page per paper and form (`a5-card`, `a4-worksheet`, `a3-canvas`…) that
activity-materials.css sizes. Pure functions of the model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import N_, text
from ..model import Activity, Image, Material, Runs, Table, Workshop, plain, walk
from ..writers import Context
from .common import base, options
from .html import Options, block_html, blocks_html

# The interface words of the three forms of material.
FORMS = {"card": N_("Card"), "worksheet": N_("Worksheet"), "canvas": N_("Canvas")}
# How much room a table's column gets, in letters: its longest text within these bounds; a column
# to write in (all its body cells empty) gets at least WRITE_WEIGHT.
WEIGHT_BOUNDS, WRITE_WEIGHT = (6, 40), 24
# A canvas's page across, by paper: text area width and height in mm (activity-materials.css sets
# 14 mm side margins, 30 mm top and bottom), its type size in pt and the least height of a row to
# write in. Its rows to write in grow to fill the page; CANVAS_FILL of it, as the sizes are guessed.
CANVAS = {"A3": (392, 267, 15, 18), "A4": (269, 180, 12, 14), "A5": (182, 118, 11, 12)}
CANVAS_FILL, ROW_MAX_MM = 0.92, 90
# A worksheet's page, as CANVAS (standing up, 14 mm margins, the room to write below its tables):
# its rows to write in shrink from WORKSHEET_ROW_MM down to the least so that it keeps to a page.
WORKSHEET = {"A3": (392, 267, 13, 10), "A4": (182, 267, 11, 9), "A5": (120, 180, 11, 9)}
WORKSHEET_ROW_MM = 14
# What a canvas needs besides its text and rows: its small header and the title's margin, in mm.
CANVAS_EXTRA_MM = 16
# A cell's padding and a block's margin, in mm; the line height of text and of tables, in ems
# (print.css); a letter's mean width, in ems, generously.
CELL_PADDING_MM, BLOCK_GAP_MM, LINE_EM, CELL_LINE_EM, LETTER_EM = 3.4, 2.6, 1.5, 1.35, 0.52
MM_PER_PT = 25.4 / 72
# Tags in a block's HTML: inline ones vanish, the others break the line.
INLINE_TAGS_RE = re.compile(r"</?(?:strong|em|code|a|span)\b[^>]*>")
TAGS_RE = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class MaterialView:
    """A material as the PDF prints it: its page, where it belongs and its content as HTML."""

    anchor: str
    title: str
    activity: str
    paper: str
    form: str
    form_label: str
    quantity: str
    page: str
    has_table: bool
    row_height: str
    html: Markup


def owned(workshop: Workshop) -> Iterator[tuple[Material, str]]:
    """Yield each material with the name of the activity just before it in its section."""
    yield from ((m, "") for m in walk(workshop.intro) if isinstance(m, Material))
    for section in workshop.sections:
        activity = ""
        for block in walk(section.blocks):
            if isinstance(block, Activity):
                activity = block.title
            elif isinstance(block, Material):
                yield block, activity or section.title


def landscape(material: Material) -> bool:
    """Return whether a material is printed across: every A3 sheet and every canvas."""
    return material.paper == "A3" or material.form == "canvas"


def page_name(material: Material) -> str:
    """Return the CSS named page of a material: its paper and form, 'a5-card'."""
    return f"{material.paper.lower()}-{material.form}"


def paper_label(lang: str, material: Material) -> str:
    """Return the paper to print on, for people: 'A5' or 'A3 landscape'."""
    if landscape(material):
        return text(lang, "{paper} landscape", paper=material.paper)
    return material.paper


def column_weights(table: Table) -> list[int]:
    """Return the room each column of a table needs, in letters."""
    low, high = WEIGHT_BOUNDS
    weights = []
    for index, head in enumerate(table.header):
        body = [len(plain(row[index])) for row in table.rows if index < len(row)]
        longest = min(max([len(plain(head)), *body]), high)
        weights.append(max(longest, WRITE_WEIGHT if not any(body) else low))
    return weights


def table_html(table: Table, opts: Options) -> Markup:
    """Return a table whose columns share its width by need: columns to write in get room."""
    weights = column_weights(table)
    cols = "".join(f'<col style="width: {100 * w / sum(weights):.1f}%">' for w in weights)
    html = str(blocks_html((table,), opts))
    return Markup(html.replace("<thead>", f"<colgroup>{cols}</colgroup><thead>", 1))


def content_html(material: Material, opts: Options) -> Markup:
    """Return a material's content, its tables with columns sized by need."""
    return Markup("").join(table_html(b, opts) if isinstance(b, Table) else block_html(b, opts)
                           for b in material.blocks)


def text_lines(words: str, width_mm: float, size_pt: float) -> int:
    """Return about how many lines a text takes in a column (generously: wide letters)."""
    per_line = max(width_mm / (size_pt * LETTER_EM * MM_PER_PT), 1)
    parts = [part for part in words.splitlines() if part.strip()] or [""]
    return sum(max(math.ceil(len(part) / per_line), 1) for part in parts)


def row_mm(cells: tuple[Runs, ...], widths: list[float], size_pt: float) -> float:
    """Return about how tall a row of a table is without extra height: its fullest cell."""
    lines = max((text_lines(plain(runs), width - CELL_PADDING_MM, size_pt)
                 for runs, width in zip(cells, widths, strict=False)), default=1)
    return lines * size_pt * CELL_LINE_EM * MM_PER_PT + CELL_PADDING_MM


def has_blank(cells: tuple[Runs, ...]) -> bool:
    """Return whether a table row has a cell to write in."""
    return any(not plain(runs).strip() for runs in cells)


def writing_rows(material: Material) -> int:
    """Return how many rows of a material's tables have a cell to write in."""
    return sum(1 for b in material.blocks if isinstance(b, Table) for row in b.rows
               if has_blank(row))


def table_mm(table: Table, width_mm: float, size_pt: float, least_mm: float) -> float:
    """Return about how tall a table is with its rows to write in at their least height."""
    weights = column_weights(table)
    widths = [width_mm * weight / sum(weights) for weight in weights]
    least = least_mm + CELL_PADDING_MM
    return row_mm(table.header, widths, size_pt) + sum(
        max(row_mm(cells, widths, size_pt), least if has_blank(cells) else 0)
        for cells in table.rows)


def canvas_mm(material: Material, opts: Options, sizes: dict = CANVAS) -> float:
    """Return about how tall a canvas (or worksheet) is with its rows to write in at their least."""
    width, _, size, least = sizes[material.paper]
    line = size * LINE_EM * MM_PER_PT
    need = CANVAS_EXTRA_MM + text_lines(material.title, width, size * 2) * line * 2
    for block in material.blocks:
        if isinstance(block, Table):
            need += table_mm(block, width, size, least)
        else:
            words = TAGS_RE.sub("\n", INLINE_TAGS_RE.sub("", str(block_html(block, opts))))
            need += text_lines(words, width, size) * line + BLOCK_GAP_MM
    return need


def worksheet_row(material: Material, opts: Options) -> str:
    """Return the height of a worksheet's rows to write in: less if that keeps it to a page."""
    _, height, _, least = WORKSHEET[material.paper]
    rows = writing_rows(material)
    if not rows or any(isinstance(b, Image) for b in walk(material.blocks)):
        return ""
    spare = height * CANVAS_FILL - canvas_mm(material, opts, WORKSHEET)
    return f"{min(max(least + spare / rows, least), WORKSHEET_ROW_MM):.1f}mm"


def row_height(material: Material, opts: Options) -> str:
    """Return the height of a canvas's rows to write in, so that its tables fill the page."""
    if material.form == "worksheet" and material.paper in WORKSHEET:
        return worksheet_row(material, opts)
    if material.form != "canvas" or material.paper not in CANVAS:
        return ""
    _, height, _, least = CANVAS[material.paper]
    rows = writing_rows(material)
    if not rows or any(isinstance(b, Image) for b in walk(material.blocks)):
        return f"{least}mm"
    spare = max(height * CANVAS_FILL - canvas_mm(material, opts), 0)
    return f"{min(least + spare / rows, ROW_MAX_MM):.1f}mm"


def material_view(number: int, material: Material, activity: str, opts: Options,
                  lang: str) -> MaterialView:
    """Return one material as the PDF prints it."""
    return MaterialView(f"ktw-material-{number}", material.title, activity,
                        paper_label(lang, material), material.form,
                        text(lang, FORMS.get(material.form, material.form)), material.quantity,
                        page_name(material), any(isinstance(b, Table) for b in material.blocks),
                        row_height(material, opts), content_html(material, opts))


def material_views(workshop: Workshop, context: Context) -> list[MaterialView]:
    """Return every material of the workshop in document order, ready to print."""
    opts = options(workshop, context, "handout")
    return [material_view(number, material, activity, opts, workshop.lang)
            for number, (material, activity) in enumerate(owned(workshop), 1)]


def activity_materials(workshop: Workshop, context: Context) -> dict:
    """Return the template variables of the activity materials."""
    values = base(workshop, context, "activity-materials")
    values.update(materials=material_views(workshop, context))
    return values
