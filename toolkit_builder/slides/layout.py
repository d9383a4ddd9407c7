"""Pure text and table layout for slides: sizes that fit, pagination, column widths."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Run, Runs, Table, plain
from .measure import SPACES, Metrics

SIZES = (24.0, 22.0, 20.0, 18.0)      # deck body sizes tried in turn; never below 18 pt
MIN_SIZE = 18.0
INSET_X, INSET_Y = 7.2, 3.6           # python-pptx text frame insets (0.1 in, 0.05 in)
INDENT = 30.0                         # left margin per list level (room for "10." at 24 pt)
GAP = 0.35                            # space before a paragraph, in ems
# Room kept for renderer differences. Text is measured in the widest of the theme's font and its
# fallback, so little is needed across a line; more is kept down a box (line spacing varies).
SAFETY = 0.97
HEIGHT_SAFETY = 0.95
CELL_X, CELL_Y = 5.0, 2.5             # table cell margins
TABLE_SIZES = (18.0, 16.0, 14.0)      # table text: the largest at which no word has to break
TABLE_SIZE = TABLE_SIZES[0]
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0)  # slide title sizes tried in turn until the title fits
GAP_BELOW_TEXT = 8.0                  # space between text and a table or image below it
MARKER_WIDTH = 150.0                  # the progress marker right of a section's first title
BADGE_WIDTH = 200.0                   # the duration right of an activity's title (with its gap)


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


def level_of(para: Para) -> int:
    """Return the master's text level a paragraph takes: 0 for plain text, 1 and up for lists."""
    return min(para.level + 1, 8) if para.style in ("bullet", "numbered") else 0


def level_sizes(base: float) -> list[float]:
    """Return the size of each of the master's nine text levels for a deck's body size."""
    return [base] + [max(MIN_SIZE, base - 2 * level) for level in range(8)]


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
    """Return the height of paragraphs set at a base size: the largest in any of the fonts they
    may be shown in."""
    return max(sum(para_height(p, base, width, font, i == 0) for i, p in enumerate(paras))
               for font in metrics.variants) + 2 * INSET_Y


def fits(paras: list[Para], size: float, width: float, height: float, metrics: Metrics) -> bool:
    """Return whether paragraphs set at a base size fit a box."""
    return text_height(paras, size, width, metrics) <= height * HEIGHT_SAFETY


def fit_size(paras: list[Para], width: float, height: float, metrics: Metrics,
             sizes: tuple[float, ...] = SIZES) -> float | None:
    """Return the largest of some base sizes at which the paragraphs fit, or None."""
    return next((size for size in sizes if fits(paras, size, width, height, metrics)), None)


def paginate(paras: list[Para], size: float, width: float, height: float,
             metrics: Metrics) -> list[list[Para]]:
    """Return the paragraphs split into as few pages as fit at a size, balanced in height so
    that no page is left with a line or two."""
    pages = _fill(paras, size, width, height, height, metrics)
    if len(pages) < 2:
        return pages
    even = _even(paras, size, width, height, metrics, len(pages))
    if even is not None:
        return even
    best, low, high = pages, 0.0, height
    for _ in range(10):  # the smallest page height that still needs no more pages
        middle = (low + high) / 2
        trial = _fill(paras, size, width, middle, height, metrics)
        if len(trial) <= len(pages):
            best, high = trial, middle
        else:
            low = middle
    return best


def _even(paras: list[Para], size: float, width: float, height: float, metrics: Metrics,
          count: int) -> list[list[Para]] | None:
    """Return whole paragraphs shared over `count` pages, each as near the average height as
    the paragraphs allow; None if that does not fit (then pages are filled in turn)."""
    pages, rest = [], list(paras)
    for left in range(count, 1, -1):
        target = text_height(rest, size, width, metrics) / left
        page: list[Para] = []
        while rest and fits(page + [rest[0]], size, width, height, metrics):
            now = text_height(page, size, width, metrics) if page else 0.0
            after = text_height(page + [rest[0]], size, width, metrics)
            if page and after > target and after - target > target - now:
                break
            page.append(rest.pop(0))
        if len(page) > 1 and page[-1].style == "heading":
            rest.insert(0, page.pop())  # a heading never ends a page
        if not page:
            return None
        pages.append(page)
    if not rest or not fits(rest, size, width, height, metrics):
        return None
    return pages + [rest]


def _fill(paras: list[Para], size: float, width: float, capacity: float, height: float,
          metrics: Metrics) -> list[list[Para]]:
    """Return pages filled in turn up to `capacity`; a paragraph is cut only if it does not fit
    a whole page of `height`, and a heading never ends a page."""
    pages: list[list[Para]] = [[]]
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        page = pages[-1]
        if fits(page + [para], size, width, capacity, metrics):
            page.append(para)
        elif page:
            carried = [page.pop()] if page[-1].style == "heading" and len(page) > 1 else []
            pages.append(carried)
            queue.insert(0, para)
        elif fits([para], size, width, height, metrics):
            pages[-1] = [para]
            pages.append([])
        else:
            head, tail = split_para(para, size, width, height, metrics)
            pages[-1] = [head]
            pages.append([])
            if tail is not None:
                queue.insert(0, tail)
    return [page for page in pages if page]


def split_para(para: Para, size: float, width: float, height: float,
               metrics: Metrics) -> tuple[Para, Para | None]:
    """Return the longest head of a paragraph that fits alone, and the rest."""
    words = [Run(w + " ", r.strong, r.emphasis, r.code, r.href)
             for r in para.runs for w in SPACES.split(r.text) if w]
    low, high = 1, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if fits([replace(para, runs=tuple(words[:middle]))], size, width, height, metrics):
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
    minimum = _minimum_widths(table, metrics, size)
    natural = [max(max(metrics.natural_width(row[c], size, bold=i == 0)
                       for i, row in enumerate(cells)) / SAFETY + 2 * CELL_X + 2, low)
               for c, low in zip(range(columns), minimum, strict=True)]
    if sum(natural) <= width:
        return tuple(n * width / sum(natural) for n in natural)
    spare = max(width - sum(minimum), 0)
    extra = [max(n - m, 0) for n, m in zip(natural, minimum, strict=True)]
    return tuple(m + spare * e / (sum(extra) or 1) for m, e in zip(minimum, extra, strict=True))


def row_height(cells: tuple[Runs, ...], widths: tuple[float, ...], metrics: Metrics, size: float,
               bold: bool) -> float:
    """Return the height of a table row whose cells wrap in their columns (a short row: fewer)."""
    height = max(max((font.lines(cell, size, (w - 2 * CELL_X) * SAFETY, bold=bold)
                      for cell, w in zip(cells, widths, strict=False)), default=1)
                 * font.line_height(size) for font in metrics.variants)
    return height + 2 * CELL_Y + 1.5


def table_size(table: Table, width: float, metrics: Metrics,
               sizes: tuple[float, ...] = TABLE_SIZES) -> float:
    """Return the largest table text size at which every column holds its longest word."""
    for size in sizes:
        if sum(_minimum_widths(table, metrics, size)) <= width:
            return size
    return sizes[-1]


def _minimum_widths(table: Table, metrics: Metrics, size: float) -> list[float]:
    """Return each column's width for its longest word (bold in the header) and its margins."""
    columns = max(len(table.header), *(len(r) for r in table.rows)) if table.rows \
        else len(table.header)
    cells = [list(table.header)] + [list(r) for r in table.rows]
    return [max((metrics.longest_word(row[c], size, bold=i == 0) if c < len(row) else 0.0)
                for i, row in enumerate(cells)) / SAFETY + 2 * CELL_X + 2 for c in range(columns)]


def table_parts(table: Table, width: float, first_height: float, height: float,
                metrics: Metrics, sizes: tuple[float, ...] = TABLE_SIZES) -> list[TablePart]:
    """Return a table cut into parts that fit: the first in `first_height`, the rest in `height`."""
    size = table_size(table, width, metrics, sizes)
    for smaller in (s for s in sizes if s < size):  # a smaller size that keeps it on one slide
        if len(_parts(table, width, first_height, height, metrics, size)) == 1:
            break
        size = smaller
    parts = _parts(table, width, first_height, height, metrics, size)
    if len(parts) > 1:  # it is split anyway: at the size at which no word breaks
        parts = _parts(table, width, first_height, height, metrics,
                       table_size(table, width, metrics, sizes))
    return parts


def _parts(table: Table, width: float, first_height: float, height: float, metrics: Metrics,
           size: float) -> list[TablePart]:
    """Return a table cut into parts at one text size."""
    widths = column_widths(table, width, metrics, size)
    header = row_height(table.header, widths, metrics, size, True) if table.header else 0.0
    rows = [row_height(r, widths, metrics, size, False) for r in table.rows]
    parts, start, room = [], 0, first_height
    while start < len(rows) or not parts:
        stop = _rows_that_fit(rows, start, room - header)
        parts.append(TablePart(table, start, stop, widths, (header, *rows[start:stop]), size))
        start, room = stop, height
    if len(parts) > 1 and first_height >= height:
        parts = _balanced(table, rows, widths, header, len(parts), height, size) or parts
    return parts


def _rows_that_fit(rows: list[float], start: int, room: float) -> int:
    """Return the end of the rows from `start` that fit in `room` (at least one row)."""
    stop, used = start, 0.0
    while stop < len(rows) and used + rows[stop] <= room:
        used += rows[stop]
        stop += 1
    return max(stop, start + 1) if start < len(rows) else stop


def _balanced(table: Table, rows: list[float], widths, header: float, count: int,
              height: float, size: float) -> list[TablePart] | None:
    """Return the rows shared evenly over `count` parts, so that the last is not nearly empty."""
    per = -(-len(rows) // count)
    parts = []
    for start in range(0, len(rows), per):
        heights = rows[start:start + per]
        if header + sum(heights) > height:
            return None
        parts.append(TablePart(table, start, start + len(heights), widths, (header, *heights),
                               size))
    return parts


def numeric_column(table: Table, column: int) -> bool:
    """Return whether every filled body cell of a table column is a number, to align it right."""
    values = [plain(row[column]).strip() for row in table.rows
              if column < len(row) and plain(row[column]).strip()]
    return bool(values) and all(re.fullmatch(r"[-+−]?[\d.,\s]+\s?%?", v) for v in values)


def shorten(value: str, size: float, width: float, metrics: Metrics) -> str:
    """Return a text cut at a word, with an ellipsis, so that it fits a width."""
    if metrics.width(value, "regular", size) <= width:
        return value
    words = value.split()
    while len(words) > 1 and metrics.width(" ".join(words) + "…", "regular", size) > width:
        words.pop()
    cut = " ".join(words).rstrip(",;:·-–— ")
    while cut and metrics.width(cut + "…", "regular", size) > width:  # one word too long
        cut = cut[:-1]
    return cut + "…"


def balance(value: str, size: float, width: float, metrics: Metrics,
            bold: bool = False) -> list[str]:
    """Return a text broken into as few lines as fit a width, of even length, so that the last
    is not left with a single word."""
    runs = (Run(value, strong=bold),)
    usable = width * SAFETY
    count = metrics.lines(runs, size, usable)
    if count < 2:
        return [value]
    low, high = usable / count, usable
    for _ in range(12):  # the narrowest measure that still needs no more lines
        middle = (low + high) / 2
        low, high = (low, middle) if metrics.lines(runs, size, middle) <= count else (middle, high)
    return _wrap(value.split(), size, high, metrics, "bold" if bold else "regular")


def _wrap(words: list[str], size: float, width: float, metrics: Metrics, style: str) -> list[str]:
    """Return words wrapped greedily into lines of at most a width."""
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.width(trial, style, size) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines
