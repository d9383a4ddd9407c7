"""Planned paragraphs and table cells as DrawingML, in the theme's colours and monospace font."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Run, Runs
from .layout import CELL_X, CELL_Y, GAP, INDENT, Para, margin, para_size
from .xml import ALIGN, bullet_xml, cell_xml, number_xml, paragraph_xml, run_xml

WHITE = "#FFFFFF"


@dataclass(frozen=True)
class Pen:
    """What slide text is drawn with: the theme's colours and monospace font, and links."""

    colours: dict[str, str]
    mono: str
    link: Callable[[str], str]         # the relationship id of a link from the current slide

    def paragraph(self, para: Para, size: float, index: int) -> str:
        """Return one planned paragraph as DrawingML (the first of a text without space above)."""
        points = para_size(para, size)
        if para.style == "bullet":
            bullet = bullet_xml("•" if para.level % 2 == 0 else "–", self.colours["accent"])
        elif para.style == "numbered":
            bullet = number_xml(para.number)
        else:
            bullet = ""
        hanging = -INDENT if bullet else 0.0
        colour = self.colours["muted"] if para.style == "quote" else None
        runs = "".join(run_xml(run, points, bold=para.style == "heading",
                               italic=para.style == "quote", colour=colour, mono=self.mono,
                               link=self.link)
                       for run in code_runs(para))
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
