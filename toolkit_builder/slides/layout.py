"""Pure text and table layout for slides: sizes that fit, pagination, column widths."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Run, Runs, Table, plain
from .measure import Metrics

SIZES = (24.0, 22.0, 20.0, 18.0)      # body text sizes tried in turn; never below 18 pt
MIN_SIZE = 18.0
SPLIT_SIZE = 20.0                     # size used once content has to be split over slides
INSET_X, INSET_Y = 7.2, 3.6           # python-pptx text frame insets (0.1 in, 0.05 in)
INDENT = 30.0                         # left margin per list level (room for "10." at 24 pt)
GAP = 0.35                            # space before a paragraph, in ems
SAFETY = 0.94                         # room kept for renderer differences
CELL_X, CELL_Y = 5.0, 2.5             # table cell margins
TABLE_SIZE = 18.0                     # table text size
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0)  # slide title sizes tried in turn until the title fits
GAP_BELOW_TEXT = 8.0                  # space between text and a table or image below it


@dataclass(frozen=True)
class Para:
    """A paragraph on a slide: runs, list level and style.

    Styles: plain, bullet, numbered, heading, quote, code.
    """

    runs: Runs
    level: int = 0
    style: str = "plain"
    number: int = 1


def para_size(para: Para, base: float) -> float:
    """Return a paragraph's font size for a base size: smaller per list level, never below 18 pt."""
    return max(MIN_SIZE, base - 2 * para.level - (2 if para.style == "code" else 0))


def margin(para: Para) -> float:
    """Return a paragraph's left margin in points."""
    if para.style in ("bullet", "numbered"):
        return INDENT * (para.level + 1)
    return INDENT if para.style == "quote" else 0.0


def para_height(para: Para, base: float, width: float, metrics: Metrics, first: bool) -> float:
    """Return the height of one paragraph in a column `width` points wide."""
    size = para_size(para, base)
    usable = (width - 2 * INSET_X - margin(para)) * SAFETY
    bold = para.style == "heading"
    runs = _styled(para)
    lines = metrics.lines(runs, size, usable, bold=bold)
    style = "mono" if para.style == "code" else "regular"
    return lines * metrics.line_height(size, style) + (0 if first else GAP * size)


def _styled(para: Para) -> Runs:
    """Return a paragraph's runs as they are set: quotes in italics, code in monospace."""
    if para.style == "quote":
        return tuple(replace(r, emphasis=True) for r in para.runs)
    if para.style == "code":
        return tuple(replace(r, code=True) for r in para.runs)
    return para.runs


def text_height(paras: list[Para], base: float, width: float, metrics: Metrics) -> float:
    """Return the height of paragraphs set at a base size."""
    return sum(para_height(p, base, width, metrics, i == 0)
               for i, p in enumerate(paras)) + 2 * INSET_Y


def fit_size(paras: list[Para], width: float, height: float, metrics: Metrics) -> float | None:
    """Return the largest base size at which the paragraphs fit, or None."""
    for size in SIZES:
        if text_height(paras, size, width, metrics) <= height * SAFETY:
            return size
    return None


def paginate(paras: list[Para], width: float, height: float, metrics: Metrics) -> list[list[Para]]:
    """Return the paragraphs split into pages that each fit at the split size."""
    pages: list[list[Para]] = [[]]
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        trial = pages[-1] + [para]
        if text_height(trial, SPLIT_SIZE, width, metrics) <= height * SAFETY:
            pages[-1] = trial
        elif pages[-1]:
            pages.append([])
            queue.insert(0, para)
        else:
            head, tail = split_para(para, width, height, metrics)
            pages[-1] = [head]
            pages.append([])
            if tail is not None:
                queue.insert(0, tail)
    return [page for page in pages if page]


def split_para(para: Para, width: float, height: float,
               metrics: Metrics) -> tuple[Para, Para | None]:
    """Return the longest head of a paragraph that fits alone, and the rest."""
    words = [Run(w + " ", r.strong, r.emphasis, r.code, r.href)
             for r in para.runs for w in r.text.split()]
    low, high = 1, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        trial = [replace(para, runs=tuple(words[:middle]))]
        if text_height(trial, SPLIT_SIZE, width, metrics) <= height * SAFETY:
            low = middle
        else:
            high = middle - 1
    head = replace(para, runs=tuple(words[:low]))
    tail = replace(para, runs=tuple(words[low:])) if low < len(words) else None
    return head, tail


@dataclass(frozen=True)
class TablePart:
    """Some rows of a table laid out for a slide: column widths and row heights in points."""

    table: Table
    start: int
    stop: int
    widths: tuple[float, ...]
    heights: tuple[float, ...]      # header first, then each row of the part
    size: float = TABLE_SIZE

    @property
    def height(self) -> float:
        """Return the height of the part."""
        return sum(self.heights)


def column_widths(table: Table, width: float, metrics: Metrics,
                  size: float = TABLE_SIZE) -> tuple[float, ...]:
    """Return column widths sharing `width` by each column's natural and minimum widths."""
    columns = max(len(table.header), *(len(r) for r in table.rows)) if table.rows \
        else len(table.header)
    cells = [list(table.header) + [()] * (columns - len(table.header))] + \
        [list(r) + [()] * (columns - len(r)) for r in table.rows]
    natural = [max(metrics.natural_width(row[c], size, bold=i == 0) for i, row in enumerate(cells))
               + 2 * CELL_X + 2 for c in range(columns)]
    minimum = [max(metrics.longest_word(row[c], size, bold=i == 0) for i, row in enumerate(cells))
               + 2 * CELL_X + 2 for c in range(columns)]
    if sum(natural) <= width:
        return tuple(n * width / sum(natural) for n in natural)
    spare = max(width - sum(minimum), 0)
    extra = [max(n - m, 0) for n, m in zip(natural, minimum, strict=True)]
    return tuple(m + spare * e / (sum(extra) or 1) for m, e in zip(minimum, extra, strict=True))


def row_height(cells: tuple[Runs, ...], widths: tuple[float, ...], metrics: Metrics, size: float,
               bold: bool) -> float:
    """Return the height of a table row whose cells wrap in their columns (a short row: fewer)."""
    lines = max((metrics.lines(cell, size, (w - 2 * CELL_X) * SAFETY, bold=bold)
                 for cell, w in zip(cells, widths, strict=False)), default=1)
    return lines * metrics.line_height(size) + 2 * CELL_Y + 1.5


def table_parts(table: Table, width: float, first_height: float, height: float,
                metrics: Metrics) -> list[TablePart]:
    """Return a table cut into parts that fit: the first in `first_height`, the rest in `height`."""
    widths = column_widths(table, width, metrics)
    header = row_height(table.header, widths, metrics, TABLE_SIZE, True) if table.header else 0.0
    rows = [row_height(r, widths, metrics, TABLE_SIZE, False) for r in table.rows]
    parts, start, room = [], 0, first_height
    while start < len(rows) or not parts:
        stop = _rows_that_fit(rows, start, room - header)
        parts.append(TablePart(table, start, stop, widths, (header, *rows[start:stop])))
        start, room = stop, height
    if len(parts) > 1 and first_height >= height:
        parts = _balanced(table, rows, widths, header, len(parts), height) or parts
    return parts


def _rows_that_fit(rows: list[float], start: int, room: float) -> int:
    """Return the end of the rows from `start` that fit in `room` (at least one row)."""
    stop, used = start, 0.0
    while stop < len(rows) and used + rows[stop] <= room:
        used += rows[stop]
        stop += 1
    return max(stop, start + 1) if start < len(rows) else stop


def _balanced(table: Table, rows: list[float], widths, header: float, count: int,
              height: float) -> list[TablePart] | None:
    """Return the rows shared evenly over `count` parts, so that the last is not nearly empty."""
    per = -(-len(rows) // count)
    parts = []
    for start in range(0, len(rows), per):
        heights = rows[start:start + per]
        if header + sum(heights) > height:
            return None
        parts.append(TablePart(table, start, start + len(heights), widths, (header, *heights)))
    return parts


def numeric_column(table: Table, column: int) -> bool:
    """Return whether every filled body cell of a table column is a number, to align it right."""
    values = [plain(row[column]).strip() for row in table.rows
              if column < len(row) and plain(row[column]).strip()]
    return bool(values) and all(re.fullmatch(r"[-+−]?[\d.,\s]+\s?%?", v) for v in values)


def shorten(value: str, size: float, width: float, metrics: Metrics) -> str:
    """Return a text cut with an ellipsis so that it fits a width."""
    if metrics.width(value, "regular", size) <= width:
        return value
    while value and metrics.width(value + "…", "regular", size) > width:
        value = value[:-1]
    return value.rstrip() + "…"
