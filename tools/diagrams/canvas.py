"""A small drawing canvas for the workshops' diagrams: one recorded drawing, two renderings.

A diagram script draws on a `Canvas` (boxes, lines, arrows, ellipses, polygons and text), and
the canvas renders the same recorded drawing twice:

- `png()`: a bitmap drawn with Pillow at twice the size and scaled down, so edges come out
  smooth; written without a timestamp, so the same drawing gives the same bytes;
- `svg()`: an editable source in which every line of text is a real `<text>` element in the
  theme's font family, so a translator can change the words in Inkscape or a text editor.

The fonts are the theme's own files (Open Sans, `fonts.files` in themes/default/theme.yml), never
system fonts, and text is measured with them. The canvas refuses text that would be too small
(under 22 px of a 1600 px wide image), that would fall outside the image, that would not fit
the width it is given, or whose colour has a contrast ratio under 4.5:1 with its background.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import yaml
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
THEME_DIR = ROOT / "themes" / "default"

SCALE = 2  # the PNG is drawn at twice its size, then scaled down
MIN_TEXT_PX = 22  # the smallest text, in pixels of the final image
MIN_CONTRAST = 4.5  # WCAG AA for normal text; the canvas asks it of all text
WEIGHTS = {"regular": 400, "semibold": 600, "bold": 700}

Colour = str | tuple[int, int, int]
Point = tuple[float, float]


# --- fonts -----------------------------------------------------------------------------------


@cache
def theme_fonts() -> tuple[str, dict[str, Path]]:
    """Return the theme's body font family and its font files, by weight name."""
    data = yaml.safe_load((THEME_DIR / "theme.yml").read_text(encoding="utf-8"))
    fonts = data["fonts"]
    files = {weight: THEME_DIR / fonts["files"][weight] for weight in WEIGHTS}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"theme font files missing: {', '.join(missing)}")
    return fonts["body"], files


def font_family() -> str:
    """Return the SVG font-family list: the theme's body font, then a generic fallback."""
    return f"{theme_fonts()[0]}, sans-serif"


@cache
def _font(weight: str, size: float) -> ImageFont.FreeTypeFont:
    """Return the theme's font of `weight` at `size` final pixels, scaled for drawing."""
    return ImageFont.truetype(str(theme_fonts()[1][weight]), size * SCALE)


@cache
def _cap_height(weight: str) -> float:
    """Return the height of the capital letters as a share of the font size."""
    font = TTFont(str(theme_fonts()[1][weight]), lazy=True)
    try:
        return font["OS/2"].sCapHeight / font["head"].unitsPerEm
    finally:
        font.close()


@cache
def _characters(weight: str) -> frozenset[int]:
    """Return the code points the theme's font of `weight` has glyphs for."""
    font = TTFont(str(theme_fonts()[1][weight]), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def missing_characters(text: str, weight: str = "regular") -> str:
    """Return the characters of `text` the theme's font cannot draw."""
    return "".join(dict.fromkeys(ch for ch in text if ord(ch) not in _characters(weight)))


def measure(text: str, size: float, weight: str = "regular") -> float:
    """Return the advance width of `text` in final pixels, measured with the theme's font."""
    return _font(weight, size).getlength(text) / SCALE


def wrap(text: str, size: float, weight: str, max_width: float) -> list[str]:
    """Break `text` into lines no wider than `max_width`: at its newlines, then between words.

    A single word wider than `max_width` stays on a line of its own (callers check the width).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and measure(candidate, size, weight) > max_width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


# --- colours ---------------------------------------------------------------------------------


def hex_colour(colour: Colour) -> str:
    """Return `colour` ("#rrggbb" or an RGB tuple) as "#RRGGBB"."""
    if isinstance(colour, str):
        if len(colour) != 7 or not colour.startswith("#"):
            raise ValueError(f"colour {colour!r} is not #rrggbb")
        int(colour[1:], 16)
        return colour.upper()
    return "#{:02X}{:02X}{:02X}".format(*colour)


def _luminance(colour: Colour) -> float:
    """Return the relative luminance of a colour (WCAG 2)."""
    value = hex_colour(colour)
    channels = []
    for i in (1, 3, 5):
        c = int(value[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: Colour, background: Colour) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tint(colour: Colour, amount: float) -> str:
    """Mix `colour` with white; `amount` 0 is the colour, 1 is white."""
    value = hex_colour(colour)
    rgb = [int(value[i : i + 2], 16) for i in (1, 3, 5)]
    return hex_colour(tuple(round(c + (255 - c) * amount) for c in rgb))


# --- the recorded drawing --------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    fill: str | None
    outline: str | None
    width: float
    radius: float
    corners: tuple[bool, bool, bool, bool]  # top left, top right, bottom right, bottom left


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    fill: str | None
    outline: str | None
    width: float


@dataclass(frozen=True)
class Line:
    points: tuple[Point, ...]
    colour: str
    width: float
    dash: tuple[float, float] | None


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    fill: str


@dataclass(frozen=True)
class Text:
    x: float
    baseline: float
    text: str
    size: float
    weight: str
    fill: str
    anchor: str  # "start", "middle" or "end", as SVG's text-anchor
    rotate: float  # degrees counter-clockwise around (x, centre)
    centre: float  # the y the line is centred on (the rotation centre)


class Canvas:
    """A drawing of `width` × `height` pixels, recorded so it can be rendered as PNG and SVG."""

    def __init__(self, width: int, height: int, *, background: Colour = "#FFFFFF",
                 lang: str = "en", source: str = "") -> None:
        self.width, self.height = width, height
        self.background = hex_colour(background)
        self.lang, self.source = lang, source
        self.items: list[Box | Ellipse | Line | Polygon | Text] = []

    # Shapes.

    def box(self, x0: float, y0: float, x1: float, y1: float, *, fill: Colour | None = None,
            outline: Colour | None = None, width: float = 0, radius: float = 0,
            corners: tuple[bool, bool, bool, bool] = (True, True, True, True)) -> None:
        """Draw a rectangle, with rounded `corners` if `radius`; the outline is drawn inside."""
        self.items.append(Box(x0, y0, x1, y1, _opt(fill), _opt(outline), width if outline else 0,
                              radius, tuple(corners)))

    def ellipse(self, cx: float, cy: float, rx: float, ry: float | None = None, *,
                fill: Colour | None = None, outline: Colour | None = None,
                width: float = 0) -> None:
        """Draw an ellipse (a circle if `ry` is left out); the outline is drawn inside."""
        self.items.append(Ellipse(cx, cy, rx, rx if ry is None else ry, _opt(fill),
                                  _opt(outline), width if outline else 0))

    def line(self, points: Iterable[Point], colour: Colour, width: float,
             dash: tuple[float, float] | None = None) -> None:
        """Draw a straight or bent line through `points`, with round joins and flat ends."""
        pts = tuple((float(x), float(y)) for x, y in points)
        if len(pts) < 2:
            raise ValueError("a line needs two points")
        self.items.append(Line(pts, hex_colour(colour), width, dash))

    def polygon(self, points: Iterable[Point], fill: Colour) -> None:
        """Draw a filled polygon."""
        self.items.append(Polygon(tuple((float(x), float(y)) for x, y in points),
                                  hex_colour(fill)))

    def arrow_head(self, tip: Point, angle: float, colour: Colour, size: float = 26,
                   spread: float = 0.5) -> None:
        """Draw a filled triangle whose tip is at `tip`, pointing along `angle` (radians)."""
        tx, ty = tip
        self.polygon([
            (tx, ty),
            (tx - size * math.cos(angle - spread), ty - size * math.sin(angle - spread)),
            (tx - size * math.cos(angle + spread), ty - size * math.sin(angle + spread)),
        ], colour)

    def arrow(self, points: Sequence[Point], colour: Colour, width: float, *, head: float = 26,
              spread: float = 0.5, both: bool = False) -> None:
        """Draw a line through `points` ending in an arrow head at the last point.

        The line stops a little short of the tip, so the head keeps its point. With `both`,
        the first point gets a head too.
        """
        pts = [(float(x), float(y)) for x, y in points]
        heads = [(pts[-1], pts[-2], -1)] + ([(pts[0], pts[1], 0)] if both else [])
        for tip, before, index in heads:
            angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
            back = head * math.cos(spread) * 0.8
            pts[index] = (tip[0] - back * math.cos(angle), tip[1] - back * math.sin(angle))
            self.arrow_head(tip, angle, colour, head, spread)
        self.line(pts, colour, width)

    # Text.

    def text(self, x: float, y: float, text: str, *, size: float, weight: str = "regular",
             fill: Colour, on: Colour | None = None, anchor: str = "middle",
             max_width: float | None = None, rotate: float = 0) -> None:
        """Draw one line of text whose capital letters are centred on `y`.

        `anchor` says whether `x` is the start, the middle or the end of the line; `on` is the
        colour behind the text (the canvas background if left out), checked for contrast.
        `rotate` turns the line counter-clockwise around (x, y): 90 reads upwards.
        """
        if weight not in WEIGHTS:
            raise ValueError(f"weight {weight!r} is not one of {', '.join(WEIGHTS)}")
        if anchor not in ("start", "middle", "end"):
            raise ValueError(f"anchor {anchor!r} is not start, middle or end")
        if size < MIN_TEXT_PX:
            raise ValueError(f"{text!r} is {size} px; text must be at least {MIN_TEXT_PX} px")
        missing = missing_characters(text, weight)
        if missing:
            raise ValueError(f"{text!r}: the theme's font has no glyph for {missing!r}")
        fill, on = hex_colour(fill), hex_colour(on or self.background)
        ratio = contrast(fill, on)
        if ratio < MIN_CONTRAST:
            raise ValueError(f"{text!r}: {fill} on {on} has a contrast ratio of {ratio:.2f}, "
                             f"under {MIN_CONTRAST}")
        width = measure(text, size, weight)
        if max_width is not None and width > max_width + 0.01:
            raise ValueError(f"{text!r} is {width:.0f} px wide, room for {max_width:.0f}")
        self._inside(x, y, width, size, anchor, rotate, text)
        baseline = y + _cap_height(weight) * size / 2
        self.items.append(Text(x, baseline, text, size, weight, fill, anchor, rotate, y))

    def _inside(self, x: float, y: float, width: float, size: float, anchor: str,
                rotate: float, text: str) -> None:
        """Fail if the line of text would reach outside the image."""
        start = {"start": 0, "middle": -width / 2, "end": -width}[anchor]
        corners = [(x + start, y - size * 0.6), (x + start + width, y + size * 0.6)]
        if rotate:
            a = math.radians(-rotate)
            corners = [(x + (px - x) * math.cos(a) - (py - y) * math.sin(a),
                        y + (px - x) * math.sin(a) + (py - y) * math.cos(a))
                       for px in (corners[0][0], corners[1][0])
                       for py in (corners[0][1], corners[1][1])]
        for px, py in corners:
            if not (0 <= px <= self.width and 0 <= py <= self.height):
                raise ValueError(f"{text!r} reaches outside the {self.width}×{self.height} image")

    def fit(self, texts: Iterable[str], *, size: float, weight: str = "regular",
            max_width: float, max_lines: int = 1, min_size: float = MIN_TEXT_PX) -> float | None:
        """Return the largest size from `size` down to `min_size` at which every one of `texts`
        wraps into at most `max_lines` lines no wider than `max_width`; None if there is none.

        Sizes go down in steps of 1 px; use one size for a group of labels so they match.
        """
        texts = list(texts)
        candidate = size
        while candidate >= min_size:
            if all(self._fits(t, candidate, weight, max_width, max_lines) for t in texts):
                return candidate
            candidate -= 1
        return None

    @staticmethod
    def _fits(text: str, size: float, weight: str, max_width: float, max_lines: int) -> bool:
        lines = wrap(text, size, weight, max_width)
        return len(lines) <= max_lines and all(
            measure(line, size, weight) <= max_width for line in lines)

    def text_block(self, x: float, y: float, text: str, *, size: float, weight: str = "regular",
                   fill: Colour, on: Colour | None = None, anchor: str = "middle",
                   max_width: float, max_lines: int | None = None,
                   line_height: float = 1.3) -> list[float]:
        """Draw `text` wrapped to `max_width` (and at its newlines), centred on `y`.

        Fails if it needs more than `max_lines` lines. Returns the y of each line's centre.
        """
        lines = wrap(text, size, weight, max_width)
        if max_lines is not None and len(lines) > max_lines:
            raise ValueError(f"{text!r} needs {len(lines)} lines at {size} px, "
                             f"room for {max_lines}")
        step = size * line_height
        centres = [y + (i - (len(lines) - 1) / 2) * step for i in range(len(lines))]
        for line, cy in zip(lines, centres, strict=True):
            self.text(x, cy, line, size=size, weight=weight, fill=fill, on=on, anchor=anchor,
                      max_width=max_width)
        return centres

    # Rendering.

    def png(self) -> bytes:
        """Return the drawing as PNG bytes: drawn at twice the size, then scaled down."""
        image = Image.new("RGB", (self.width * SCALE, self.height * SCALE), self.background)
        draw = ImageDraw.Draw(image)
        for item in self.items:
            _PNG[type(item)](image, draw, item)
        image = image.resize((self.width, self.height), Image.LANCZOS)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)  # no tIME or text chunks: reproducible
        return out.getvalue()

    def svg(self) -> bytes:
        """Return the drawing as an SVG document (UTF-8), its text as editable `<text>` lines."""
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<!-- The editable source of the diagram beside it (same name, .png)."
            + (f" Drawn by {_comment(self.source)};" if self.source else "")
            + " to change the words, edit the <text> elements (one per line) and export"
            " the PNG again at the same size. -->",
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
            f'height="{self.height}" viewBox="0 0 {self.width} {self.height}" '
            f'xml:lang="{escape(self.lang)}">',
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" '
            f'fill="{self.background}"/>',
        ]
        parts.extend(_SVG[type(item)](item) for item in self.items)
        parts.append("</svg>")
        return ("\n".join(parts) + "\n").encode("utf-8")

    def files(self, stem: str) -> dict[str, bytes]:
        """Return {file name: bytes} of both renderings: `stem.png` and `stem.svg` in English,
        `stem.<lang>.png` and `stem.<lang>.svg` in another language."""
        name = stem if self.lang == "en" else f"{stem}.{self.lang}"
        return {f"{name}.png": self.png(), f"{name}.svg": self.svg()}


def _opt(colour: Colour | None) -> str | None:
    return None if colour is None else hex_colour(colour)


def _comment(text: str) -> str:
    return text.replace("--", "- -")


# --- PNG rendering ---------------------------------------------------------------------------


def _s(value: float) -> float:
    return value * SCALE


def _png_box(image: Image.Image, draw: ImageDraw.ImageDraw, item: Box) -> None:
    xy = [_s(item.x0), _s(item.y0), _s(item.x1) - 1, _s(item.y1) - 1]
    width = round(_s(item.width))
    if item.radius:
        draw.rounded_rectangle(xy, radius=round(_s(item.radius)), fill=item.fill,
                               outline=item.outline, width=width, corners=item.corners)
    else:
        draw.rectangle(xy, fill=item.fill, outline=item.outline, width=width)


def _png_ellipse(image: Image.Image, draw: ImageDraw.ImageDraw, item: Ellipse) -> None:
    xy = [_s(item.cx - item.rx), _s(item.cy - item.ry),
          _s(item.cx + item.rx) - 1, _s(item.cy + item.ry) - 1]
    draw.ellipse(xy, fill=item.fill, outline=item.outline, width=round(_s(item.width)))


def _dashes(points: Sequence[Point], dash: float, gap: float) -> list[list[Point]]:
    """Split a polyline into its dashes, as SVG's stroke-dasharray does."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    pos, on = 0.0, True  # distance into the current dash or gap
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length = math.dist((x0, y0), (x1, y1))
        done = 0.0
        while done < length:
            left = (dash if on else gap) - pos
            step = min(left, length - done)
            a, b = done / length, (done + step) / length
            start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
            end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
            if on:
                if not current:
                    current.append(start)
                current.append(end)
            done += step
            pos += step
            if pos >= (dash if on else gap) - 1e-9:
                if on and current:
                    pieces.append(current)
                    current = []
                on, pos = not on, 0.0
    if current:
        pieces.append(current)
    return pieces


def _png_line(image: Image.Image, draw: ImageDraw.ImageDraw, item: Line) -> None:
    pieces = _dashes(item.points, *item.dash) if item.dash else [list(item.points)]
    width = round(_s(item.width))
    for piece in pieces:
        draw.line([(_s(x), _s(y)) for x, y in piece], fill=item.colour, width=width,
                  joint="curve")


def _png_polygon(image: Image.Image, draw: ImageDraw.ImageDraw, item: Polygon) -> None:
    draw.polygon([(_s(x), _s(y)) for x, y in item.points], fill=item.fill)


def _png_text(image: Image.Image, draw: ImageDraw.ImageDraw, item: Text) -> None:
    font = _font(item.weight, item.size)
    anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
    if not item.rotate:
        draw.text((_s(item.x), _s(item.baseline)), item.text, font=font, fill=item.fill,
                  anchor=anchor)
        return
    # Draw on a square layer centred on the rotation centre, turn it, lay it on the image.
    half = math.ceil(_s(measure(item.text, item.size, item.weight) + item.size * 2))
    layer = Image.new("RGBA", (2 * half, 2 * half), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((half, half + _s(item.baseline - item.centre)), item.text,
                               font=font, fill=item.fill, anchor=anchor)
    layer = layer.rotate(item.rotate, resample=Image.BICUBIC)
    image.paste(layer, (round(_s(item.x)) - half, round(_s(item.centre)) - half), layer)


_PNG = {Box: _png_box, Ellipse: _png_ellipse, Line: _png_line, Polygon: _png_polygon,
        Text: _png_text}


# --- SVG rendering ---------------------------------------------------------------------------


def _n(value: float) -> str:
    """Format a coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _paint(fill: str | None, outline: str | None, width: float) -> str:
    attrs = f' fill="{fill}"' if fill else ' fill="none"'
    if outline and width:
        attrs += f' stroke="{outline}" stroke-width="{_n(width)}"'
    return attrs


def _svg_box(item: Box) -> str:
    inset = item.width / 2  # Pillow draws the outline inside the box; SVG strokes the path
    x0, y0, x1, y1 = item.x0 + inset, item.y0 + inset, item.x1 - inset, item.y1 - inset
    r = max(item.radius - inset, 0) if item.radius else 0
    paint = _paint(item.fill, item.outline, item.width)
    if not r or all(item.corners):
        rounded = f' rx="{_n(r)}"' if r else ""
        return (f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(x1 - x0)}" '
                f'height="{_n(y1 - y0)}"{rounded}{paint}/>')
    tl, tr, br, bl = (r if corner else 0 for corner in item.corners)
    d = [f"M{_n(x0 + tl)} {_n(y0)}", f"H{_n(x1 - tr)}"]
    if tr:
        d.append(f"A{_n(tr)} {_n(tr)} 0 0 1 {_n(x1)} {_n(y0 + tr)}")
    d.append(f"V{_n(y1 - br)}")
    if br:
        d.append(f"A{_n(br)} {_n(br)} 0 0 1 {_n(x1 - br)} {_n(y1)}")
    d.append(f"H{_n(x0 + bl)}")
    if bl:
        d.append(f"A{_n(bl)} {_n(bl)} 0 0 1 {_n(x0)} {_n(y1 - bl)}")
    d.append(f"V{_n(y0 + tl)}")
    if tl:
        d.append(f"A{_n(tl)} {_n(tl)} 0 0 1 {_n(x0 + tl)} {_n(y0)}")
    return f'<path d="{" ".join(d)} Z"{paint}/>'


def _svg_ellipse(item: Ellipse) -> str:
    inset = item.width / 2
    rx, ry = item.rx - inset, item.ry - inset
    paint = _paint(item.fill, item.outline, item.width)
    if rx == ry:
        return f'<circle cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(rx)}"{paint}/>'
    return (f'<ellipse cx="{_n(item.cx)}" cy="{_n(item.cy)}" rx="{_n(rx)}" '
            f'ry="{_n(ry)}"{paint}/>')


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _svg_line(item: Line) -> str:
    dash = f' stroke-dasharray="{_n(item.dash[0])} {_n(item.dash[1])}"' if item.dash else ""
    return (f'<polyline points="{_points(item.points)}" fill="none" stroke="{item.colour}" '
            f'stroke-width="{_n(item.width)}" stroke-linejoin="round"{dash}/>')


def _svg_polygon(item: Polygon) -> str:
    return f'<polygon points="{_points(item.points)}" fill="{item.fill}"/>'


def _svg_text(item: Text) -> str:
    turn = (f' transform="rotate({_n(-item.rotate)} {_n(item.x)} {_n(item.centre)})"'
            if item.rotate else "")
    # Keep runs of spaces ("1  Shared") as they are; a renderer collapses them otherwise.
    spaces = (' xml:space="preserve"'
              if "  " in item.text or item.text != item.text.strip() else "")
    return (f'<text x="{_n(item.x)}" y="{_n(item.baseline)}" '
            f'font-family={quoteattr(font_family())} font-size="{_n(item.size)}" '
            f'font-weight="{WEIGHTS[item.weight]}" fill="{item.fill}" '
            f'text-anchor="{item.anchor}"{turn}{spaces}>{escape(item.text)}</text>')


_SVG = {Box: _svg_box, Ellipse: _svg_ellipse, Line: _svg_line, Polygon: _svg_polygon,
        Text: _svg_text}


# --- writing ---------------------------------------------------------------------------------


def published_languages(workshop: Path) -> list[str]:
    """Return the languages a workshop folder is published in: "en", then its translations."""
    return ["en"] + sorted(path.suffixes[0][1:] for path in workshop.glob("index.*.md"))


def check_languages(workshop: Path, labels: dict) -> None:
    """Fail if the labels lack a language the workshop is published in."""
    missing = [lang for lang in published_languages(workshop) if lang not in labels]
    if missing:
        raise KeyError(f"{workshop.name} is published in {', '.join(missing)} too: "
                       "add its labels")


def write(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write `files` ({name: bytes}) into `out_dir`, and say so."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = out_dir / name
        path.write_bytes(data)
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        print(f"wrote {shown}")
