"""Colour contrast: theme colours checked by `check`, and every coloured run of the sample decks
measured against what it stands on (WCAG 2: 4.5:1, or 3:1 from 18 pt, 14 pt bold)."""

from __future__ import annotations

import io

from conftest import ROOT, run_cli
from pptx import Presentation
from pptx.enum.dml import MSO_FILL
from pptx.util import Emu

from toolkit_builder.contrast import LARGE, NORMAL, ratio, shortfalls
from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.slides import render
from toolkit_builder.theme import load_theme, theme_names

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_ratio_matches_wcag_reference_values():
    assert round(ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(ratio("#767676", "#ffffff"), 2) == 4.54
    assert round(ratio("#2a9d8f", "#ffffff"), 1) == 3.3  # the old accent the reviewer measured


def test_every_shipped_theme_sets_text_at_readable_contrast():
    for name in theme_names(ROOT / "themes"):
        theme = load_theme(ROOT / "themes", name)
        assert shortfalls(theme.colours) == [], name


def test_check_warns_about_a_low_contrast_colour_at_its_line(project):
    root = project("long-section")
    theme = root / "themes" / "default" / "theme.yml"
    text = theme.read_text(encoding="utf-8").replace('accent: "#1f7a70"', 'accent: "#2a9d8f"')
    theme.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "accent:" in row)
    result = run_cli(root, "check")
    assert (f"themes/default/theme.yml:{line}: warning: colours 'accent' on 'white' contrast "
            "3.3:1, below 4.5:1") in result.stdout


def hex_of(colour) -> str:
    """Return a python-pptx colour as #rrggbb."""
    return f"#{colour}".lower()


def backdrop(slide, theme) -> str:
    """Return the colour a slide's text stands on where no shape lies beneath it."""
    if slide.background.fill.type == MSO_FILL.SOLID:
        return hex_of(slide.background.fill.fore_color.rgb)
    if slide.slide_layout.name in ("Title Slide", "Section Header"):
        return theme.colours["primary"]
    return "#ffffff"


def plates(slide) -> list[tuple[tuple[int, int, int, int], str]]:
    """Return the filled shapes of a slide (their box and colour), smallest first."""
    out = []
    for shape in slide.shapes:
        if shape.shape_type == 1 and shape.fill.type == MSO_FILL.SOLID:  # an autoshape
            out.append(((shape.left, shape.top, shape.width, shape.height),
                        hex_of(shape.fill.fore_color.rgb)))
    return sorted(out, key=lambda p: p[0][2] * p[0][3])


def under(shape, slide, theme) -> str:
    """Return the colour beneath a shape's centre."""
    x, y = shape.left + shape.width // 2, shape.top + shape.height // 2
    for (left, top, width, height), colour in plates(slide):
        if left <= x <= left + width and top <= y <= top + height:
            return colour
    return backdrop(slide, theme)


def runs_with_colour(element):
    """Yield (colour, size in points or None, bold) of the runs of an element with a colour."""
    for rpr in element.iter(f"{A}rPr"):
        fill = rpr.find(f"{A}solidFill/{A}srgbClr")
        if fill is not None and rpr.getparent().find(f"{A}t") is not None \
                and (rpr.getparent().find(f"{A}t").text or "").strip():
            size = int(rpr.get("sz")) / 100 if rpr.get("sz") else None
            yield "#" + fill.get("val").lower(), size, rpr.get("b") == "1"


def test_every_coloured_text_of_the_sample_decks_is_readable():
    project = load_project(ROOT)
    checked = 0
    for partner in (None, *project.partners):
        context = make_context(project, partner)
        theme = context.theme
        for workshop in project.all():
            if partner is not None and workshop.lang not in partner.languages:
                continue
            prs = Presentation(io.BytesIO(render(workshop, context).data))
            for number, slide in enumerate(prs.slides, 1):
                for shape in slide.shapes:
                    cells = ([(cell._tc, hex_of(cell.fill.fore_color.rgb))
                              for row in shape.table.rows for cell in row.cells]
                             if shape.has_table else [(shape.element, under(shape, slide, theme))])
                    for element, back in cells:
                        for fore, size, bold in runs_with_colour(element):
                            large = (size or 18) >= 18 or (bold and (size or 18) >= 14)
                            least = LARGE if large else NORMAL
                            found = ratio(fore, back)
                            assert found >= least, (workshop.slug, workshop.lang,
                                                    partner and partner.slug, number, fore, back,
                                                    round(found, 2), Emu(shape.top).pt)
                            checked += 1
    assert checked > 500
