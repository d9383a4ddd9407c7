"""Template variables of the attendance documents: sign-in sheet, certificate, badges and tents.

They are pure functions of the model; sizes are in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..formatting import duration
from ..i18n import N_, text
from ..model import Workshop
from ..writers import Context
from .common import base

# The sign-in sheet: rows per page and pages, numbered through.
ROWS_PER_PAGE, SIGN_IN_PAGES = 12, 3
# The kinds of organisation a participant ticks, as EU-funded projects report them.
ORGANISATION_TYPES = (N_("Public authority"), N_("Business"), N_("Education, training"),
                      N_("NGO, association"), N_("Other"))
# Paper sizes (width, height) in portrait, by the theme's page_size.
PAPER = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
# Cut marks: how far from the cut they start and how long they are.
MARK_GAP, MARK_LENGTH = 2.0, 4.0
# Pieces to cut, (width, height): a standard badge; a table tent, shorter on short paper.
BADGE, TENT = (90.0, 55.0), (180.0, 130.0)
# The least room between a sheet of pieces and the paper's top and bottom edges: for the marks.
SHEET_MARGIN = 16.0


@dataclass(frozen=True)
class Mark:
    """A cut mark: a thin line placed on the page, in mm from its top left corner."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Sheet:
    """A page of equal pieces to cut: where the grid sits, its cells and its cut marks."""

    left: float
    top: float
    columns: int
    rows: int
    width: float
    height: float
    marks: tuple[Mark, ...]

    @property
    def count(self) -> int:
        """Return how many pieces the page holds."""
        return self.columns * self.rows

    @property
    def cells(self) -> list[tuple[float, float]]:
        """Return the top left corner of each piece on the page, row by row."""
        return [(round(self.left + i % self.columns * self.width, 2),
                 round(self.top + i // self.columns * self.height, 2)) for i in range(self.count)]


def paper(context: Context) -> tuple[float, float]:
    """Return the width and height of the theme's paper in portrait, in mm."""
    return PAPER.get(context.theme.page_size, PAPER["A4"])


def cut_marks(left: float, top: float, size: tuple[float, float],
              grid: tuple[int, int]) -> tuple[Mark, ...]:
    """Return the marks around a grid of cells: one at each end of every cut line."""
    (width, height), (columns, rows) = size, grid
    right, bottom = left + columns * width, top + rows * height
    marks = []
    for x in (left + i * width for i in range(columns + 1)):
        marks += [Mark(x, top - MARK_GAP - MARK_LENGTH, 0, MARK_LENGTH),
                  Mark(x, bottom + MARK_GAP, 0, MARK_LENGTH)]
    for y in (top + j * height for j in range(rows + 1)):
        marks += [Mark(left - MARK_GAP - MARK_LENGTH, y, MARK_LENGTH, 0),
                  Mark(right + MARK_GAP, y, MARK_LENGTH, 0)]
    return tuple(marks)


def sheet(page: tuple[float, float], size: tuple[float, float], grid: tuple[int, int]) -> Sheet:
    """Return a grid of cells centred on the page, with its cut marks."""
    (width, height), (columns, rows) = size, grid
    left = round((page[0] - columns * width) / 2, 2)
    top = round((page[1] - rows * height) / 2, 2)
    return Sheet(left, top, columns, rows, width, height,
                 cut_marks(left, top, size, grid))


def organisation(workshop: Workshop, context: Context) -> str:
    """Return who holds the session: the partner, else the project."""
    return context.partner.name if context.partner else context.project_name(workshop.lang)


def landscape(context: Context) -> Markup:
    """Return the CSS that turns the sign-in sheet's pages to landscape on the theme's paper."""
    return Markup(f"@page form {{ size: {context.theme.page_size} landscape; }}\n")


def sign_in_sheet(workshop: Workshop, context: Context) -> dict:
    """Return the sign-in sheet's variables: pages of numbered rows, organisation types."""
    values = base(workshop, context, "sign-in-sheet")
    lang = workshop.lang
    values.update(
        css=landscape(context) + values["css"], keeper=organisation(workshop, context),
        pages=[range(page * ROWS_PER_PAGE + 1, (page + 1) * ROWS_PER_PAGE + 1)
               for page in range(SIGN_IN_PAGES)],
        organisation_types=[text(lang, kind) for kind in ORGANISATION_TYPES],
    )
    return values


def certificate(workshop: Workshop, context: Context) -> dict:
    """Return the certificate's variables: objectives, length, who signs and for whom."""
    values = base(workshop, context, "certificate")
    values.update(
        objectives=list(workshop.meta.objectives), organisation=organisation(workshop, context),
        length=duration(workshop.meta.duration, workshop.lang) if workshop.meta.duration else "",
        signers=list(values["facilitators"]) or [""],
    )
    return values


def name_badges(workshop: Workshop, context: Context) -> dict:
    """Return the name badges' and table tents' variables: one page of each, with cut marks."""
    values = base(workshop, context, "name-badges")
    page = paper(context)
    values.update(
        badges=sheet(page, BADGE, (2, 4)),
        tents=sheet(page, (TENT[0], min(TENT[1], (page[1] - 2 * SHEET_MARGIN) / 2)), (1, 2)),
    )
    return values
