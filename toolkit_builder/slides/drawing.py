"""Planned paragraphs and table cells as DrawingML, in the theme's colours and monospace font."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Run, Runs
from .layout import CELL_X, CELL_Y, GAP, INDENT, Para, level_of, level_sizes, margin, para_size
from .xml import (
    ALIGN,
    bullet_xml,
    cell_xml,
    level_paragraph_xml,
    number_xml,
    paragraph_xml,
    run_xml,
)

WHITE = "#FFFFFF"


@dataclass(frozen=True)
class Pen:
    """What slide text is drawn with: the theme's colours and monospace font, and links."""

    colours: dict[str, str]
    mono: str
    link: Callable[[str], str]         # the relationship id of a link from the current slide

    def paragraph(self, para: Para, size: float, index: int, deck_size: float | None = None) -> str:
        """Return one planned paragraph as DrawingML on the master's text levels: bullets, indents
        and the deck's size come from the master; only what differs is written (the first of a
        text has no space above)."""
        if deck_size is None:
            return self.hand_set(para, size, index)
        level = level_of(para)
        points = para_size(para, size)
        own = None if points == level_sizes(deck_size)[level] else points
        bullet = number_xml(para.number) if para.style == "numbered" else ""
        runs = "".join(self.run(run, para, own, index) for run in code_runs(para))
        return level_paragraph_xml(runs, level, bullet=bullet, first=index == 0,
                                   margin=margin(para) if para.style == "quote" else None)

    def run(self, run: Run, para: Para, size: float | None, index: int) -> str:
        """Return one run of a paragraph in its style: prompts' labels in the accent colour."""
        colour = self.colours["muted"] if para.style == "quote" else None
        if para.style == "prompt" and run.strong and run is para.runs[0]:
            colour = self.colours["accent"]
        return run_xml(run, size, bold=para.style == "heading", italic=para.style == "quote",
                       colour=colour, mono=self.mono, link=self.link)

    def hand_set(self, para: Para, size: float, index: int) -> str:
        """Return a paragraph with every property written out, for text outside the body
        placeholders (an activity's materials panel)."""
        points = para_size(para, size)
        if para.style == "bullet":
            bullet = bullet_xml("•" if para.level % 2 == 0 else "–", self.colours["accent"])
        elif para.style == "numbered":
            bullet = number_xml(para.number)
        else:
            bullet = ""
        hanging = -INDENT if bullet else 0.0
        runs = "".join(self.run(run, para, points, index) for run in code_runs(para))
        return paragraph_xml(runs, margin=margin(para), indent=hanging, bullet=bullet,
                             space_before=0 if index == 0 else GAP * points)

    def cell(self, runs: Runs, size: float, header: bool, align: str, fill: str) -> str:
        """Return one table cell as DrawingML: white bold text in a header row."""
        colour = WHITE if header else None
        body = "".join(run_xml(run, size, bold=header, colour=colour, mono=self.mono,
                               link=self.link) for run in runs)
        paragraph = paragraph_xml(body, align=ALIGN.get(align, "l"), end_size=size)
        return cell_xml(paragraph, fill, CELL_X, CELL_Y)


def code_runs(para: Para) -> Runs:
    """Return a paragraph's runs, all in monospace when it is code."""
    if para.style != "code":
        return para.runs
    return tuple(Run(r.text, r.strong, r.emphasis, True, r.href) for r in para.runs)
