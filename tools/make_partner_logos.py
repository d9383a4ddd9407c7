#!/usr/bin/env python3
"""Write the fictional partner themes' logos: themes/<slug>/logo.svg, logo.png and favicon.png.

Four made-up partner organisations (no real organisation's name or logo) brand the follow-on
workshops that partners run at home. Each one is described by a row of PARTNERS below: its
names, palette and a geometric mark drawn in a 100x100 box. From that row the script writes

- logo.svg:    a 400x100 horizontal logo, the mark on the left and the short name plus the kind
               of organisation on the right; the lettering is Open Sans (the default theme's
               font) converted to outlines with fontTools, so the logo needs no font to display;
- logo.png:    the same SVG rasterised to 800x200 with a transparent background (WeasyPrint
               draws the SVG into a PDF page of the logo's size, poppler's pdftocairo rasterises
               it, so the PNG is the SVG pixel for pixel);
- favicon.png: the mark alone, 64x64.

It also prints the WCAG contrast ratios of each palette and stops if white text on `primary` or
`accent`, `primary` on white or on `light`, or `muted` on white falls below AA (4.5:1).
theme.yml is written by hand; the colours there must match the ones here.

Needs pdftocairo (Debian package poppler-utils). Run from the project folder:
    .venv/bin/python tools/make_partner_logos.py
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from weasyprint import HTML

ROOT = Path(__file__).resolve().parent.parent
THEMES = ROOT / "themes"
FONTS = THEMES / "default" / "fonts"
WIDTH, HEIGHT = 400, 100      # the logo's viewBox
TEXT_LEFT, TEXT_RIGHT = 114, 394
PNG_WIDTH, FAVICON = 800, 64
AA = 4.5


def arch_bridge(c: dict) -> str:
    """A three-arched stone bridge under a sun, over water (Spain)."""
    deck = ("M14 70V46H86V70H81.5V60A9 9 0 0 0 63.5 60V70H59V60A9 9 0 0 0 41 60V70H36.5V60"
            "A9 9 0 0 0 18.5 60V70Z")
    return (f'<circle cx="70" cy="27" r="9" fill="{c["sun"]}"/>'
            f'<path d="M14 40H86" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>'
            f'<path d="{deck}" fill="#ffffff"/>'
            f'<path d="M16 81q8-5 17 0t17 0 17 0 17 0" stroke="{c["water"]}" stroke-width="4" '
            f'fill="none" stroke-linecap="round"/>')


def gear(c: dict) -> str:
    """A gear carrying a rising three-step bar chart: skills built step by step (Germany)."""
    teeth, outer, inner, cx, cy = 8, 36, 28, 50, 50
    points = []
    for i in range(teeth):
        base = 2 * math.pi * i / teeth
        for angle, radius in ((-0.2, inner), (-0.12, outer), (0.12, outer), (0.2, inner)):
            a = base + angle * 2 * math.pi / teeth * 1.6
            points.append(f"{cx + radius * math.sin(a):.2f} {cy - radius * math.cos(a):.2f}")
    hole = "M70 50A20 20 0 1 0 30 50A20 20 0 1 0 70 50Z"
    steps = "".join(f'<rect x="{x}" y="{y}" width="8" height="{60 - y}" rx="1.5" '
                    f'fill="{c["steps"]}"/>'
                    for x, y in ((37, 50), (46, 44), (55, 38)))
    return f'<path d="M{"L".join(points)}Z{hole}" fill="#ffffff" fill-rule="evenodd"/>{steps}'


def hills(c: dict) -> str:
    """Two rolling hills under the sun, a river widening out of the valley between them (France)."""
    return (f'<circle cx="30" cy="28" r="9" fill="#ffffff"/>'
            f'<path d="M36 74C48 34 76 32 88 74Z" fill="{c["far"]}"/>'
            f'<path d="M12 74C22 40 50 38 62 74Z" fill="#ffffff"/>'
            f'<path d="M12 74H88" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>'
            f'<path d="M61 60C56 66 66 70 58 74C52 78 42 80 36 88'
            f'H60C64 82 72 78 70 74C68 69 62 66 61 60Z" '
            f'fill="{c["river"]}"/>')


def peaks(c: dict) -> str:
    """Two peaks over a fjord, the midnight sun between them (Norway)."""
    return (f'<circle cx="51" cy="27" r="7" fill="{c["sun"]}"/>'
            f'<path d="M12 68L36 32L50 52L64 36L88 68Z" fill="#ffffff"/>'
            f'<path d="M36 32L29 42.5L33 41L36 44L39 41L43 42.5Z" fill="{c["snow"]}"/>'
            f'<path d="M16 78q8-5 17 0t17 0 17 0 17 0M24 87q6.5-4 13 0t13 0 13 0 13 0" '
            f'stroke="{c["water"]}" stroke-width="3.5" fill="none" stroke-linecap="round"/>')


# Colours: primary, accent, light and muted go into theme.yml; the rest only colour the mark.
PARTNERS = [
    {"slug": "ayto-castrolinde", "name": "Ayuntamiento de Castrolinde", "short": "Castrolinde",
     "kind": "AYUNTAMIENTO", "mark": arch_bridge,
     "colours": {"primary": "#9a3412", "accent": "#3f6212", "light": "#fbf1ec", "muted": "#6b5a52"},
     "extra": {"sun": "#f4b942", "water": "#f6c8a8"}},
    {"slug": "bz-hohenlauter", "name": "Bildungszentrum Hohenlauter", "short": "Hohenlauter",
     "kind": "BILDUNGSZENTRUM", "mark": gear,
     "colours": {"primary": "#1e5631", "accent": "#b54708", "light": "#edf5ef", "muted": "#56635a"},
     "extra": {"steps": "#f59e0b"}},
    {"slug": "cc-val-sereine", "name": "Communauté de communes du Val-Sereine",
     "short": "Val-Sereine", "kind": "COMMUNAUTÉ DE COMMUNES", "mark": hills,
     "colours": {"primary": "#4c2a85", "accent": "#0b6e87", "light": "#f3effa", "muted": "#625a70"},
     "extra": {"far": "#a78bda", "river": "#5fc3e4"}},
    {"slug": "elvtind-klynge", "name": "Elvtind Industriklynge", "short": "Elvtind",
     "kind": "INDUSTRIKLYNGE", "mark": peaks,
     "colours": {"primary": "#0b4f5c", "accent": "#b42318", "light": "#ebf4f6", "muted": "#4f6367"},
     "extra": {"sun": "#f04438", "snow": "#bfe3ea", "water": "#7cc7d6"}},
]


def luminance(hex_colour: str) -> float:
    """Return the WCAG relative luminance of a #rrggbb colour."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Lettering:
    """Set a line of text in one TrueType font as SVG path data, without kerning."""

    def __init__(self, path: Path):
        self.font = TTFont(path)
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.upem = self.font["head"].unitsPerEm

    def width(self, text: str, size: float, tracking: float = 0) -> float:
        """Return the advance width of `text` at `size` px, with `tracking` em between letters."""
        units = sum(self.glyphs[self.cmap[ord(ch)]].width for ch in text)
        return units * size / self.upem + tracking * size * (len(text) - 1)

    def path(self, text: str, x: float, baseline: float, size: float, tracking: float = 0) -> str:
        """Return the outlines of `text`, its baseline starting at (x, baseline)."""
        scale = size / self.upem
        pen = SVGPathPen(self.glyphs, ntos=lambda v: f"{v:.2f}".rstrip("0").rstrip("."))
        for ch in text:
            glyph = self.glyphs[self.cmap[ord(ch)]]
            glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
            x += glyph.width * scale + tracking * size
        return pen.getCommands()


def fit(font: Lettering, text: str, size: float, room: float, tracking: float = 0) -> float:
    """Return `size`, reduced if needed so that `text` fits in `room` px."""
    return min(size, size * room / font.width(text, size, tracking))


def svg(partner: dict, bold: Lettering, semibold: Lettering) -> tuple[str, str]:
    """Return the logo SVG and the mark-only SVG of a partner."""
    c = {**partner["colours"], **partner["extra"]}
    room = TEXT_RIGHT - TEXT_LEFT
    name_size = fit(bold, partner["short"], 42, room)
    kind_size = fit(semibold, partner["kind"], 15, room, 0.12)
    name = bold.path(partner["short"], TEXT_LEFT, 53, name_size)
    kind = semibold.path(partner["kind"], TEXT_LEFT + 1, 79, kind_size, 0.12)
    tile = (f'<rect x="4" y="4" width="92" height="92" rx="18" fill="{c["primary"]}"/>'
            f'{partner["mark"](c)}')
    head = 'xmlns="http://www.w3.org/2000/svg" role="img"'
    logo = (f'<svg {head} viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'aria-label="{partner["name"]}">\n<title>{partner["name"]}</title>\n{tile}\n'
            f'<path d="{name}" fill="{c["primary"]}"/>\n'
            f'<path d="{kind}" fill="{c["accent"]}"/>\n</svg>\n')
    mark = (f'<svg {head} viewBox="4 4 92 92" width="92" height="92" '
            f'aria-label="{partner["name"]}">\n{tile}\n</svg>\n')
    return logo, mark


def rasterise(svg_text: str, box: tuple[int, int], pixels: tuple[int, int], out: Path,
              tmp: Path) -> None:
    """Write `svg_text`, drawn box[0] x box[1] CSS px, as a transparent PNG of `pixels`."""
    (tmp / "image.svg").write_text(svg_text, encoding="utf-8")
    # A PDF page exactly the image's size, the SVG filling it; the page has no background.
    w, h = box
    html = (f'<style>@page{{size:{w}px {h}px;margin:0}}body{{margin:0}}</style>'
            f'<img src="image.svg" style="display:block;width:{w}px;height:{h}px">')
    HTML(string=html, base_url=str(tmp) + "/").write_pdf(tmp / "image.pdf")
    subprocess.run(["pdftocairo", "-png", "-transp", "-singlefile", "-scale-to-x", str(pixels[0]),
                    "-scale-to-y", str(pixels[1]), str(tmp / "image.pdf"), str(tmp / "image")],
                   check=True)
    shutil.move(tmp / "image.png", out)


def check_palette(partner: dict) -> list[str]:
    """Print the palette's contrast ratios; return the pairs below AA."""
    c = partner["colours"]
    pairs = [("white on primary", "#ffffff", c["primary"]),
             ("white on accent", "#ffffff", c["accent"]),
             ("primary on light", c["primary"], c["light"]),
             ("muted on white", c["muted"], "#ffffff")]
    failed = []
    print(f"{partner['slug']}: {partner['name']}")
    for label, fg, bg in pairs:
        ratio = contrast(fg, bg)
        print(f"  {label:17} {fg} / {bg}  {ratio:5.2f}:1 {'ok' if ratio >= AA else 'FAILS AA'}")
        if ratio < AA:
            failed.append(f"{partner['slug']}: {label} {ratio:.2f}:1")
    return failed


def main() -> int:
    """Check every palette, then write every partner's logo.svg, logo.png and favicon.png."""
    if not shutil.which("pdftocairo"):
        sys.exit("make_partner_logos: pdftocairo is missing; "
                 "install the Debian package poppler-utils")
    failed = [problem for partner in PARTNERS for problem in check_palette(partner)]
    if failed:
        sys.exit("make_partner_logos: palettes below WCAG AA:\n  " + "\n  ".join(failed))
    bold = Lettering(FONTS / "OpenSans-Bold.ttf")
    semibold = Lettering(FONTS / "OpenSans-Semibold.ttf")
    with tempfile.TemporaryDirectory() as tmp:
        for partner in PARTNERS:
            folder = THEMES / partner["slug"]
            folder.mkdir(exist_ok=True)
            logo, mark = svg(partner, bold, semibold)
            (folder / "logo.svg").write_text(logo, encoding="utf-8")
            rasterise(logo, (WIDTH, HEIGHT), (PNG_WIDTH, PNG_WIDTH * HEIGHT // WIDTH),
                      folder / "logo.png", Path(tmp))
            rasterise(mark, (92, 92), (FAVICON, FAVICON), folder / "favicon.png", Path(tmp))
            print(f"wrote {folder.relative_to(ROOT)}/logo.svg, logo.png, favicon.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
