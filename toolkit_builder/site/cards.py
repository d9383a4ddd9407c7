"""Pictures drawn at build time with Pillow: a page's sharing card and a video's poster.

No network and no screenshots: each picture is the theme's colours, fonts and logo with the page's
title, so a link pasted in an e-mail or chat shows a card, and a video shows a still with a play
symbol before anything is loaded from its host. Drawn once per text and theme, then kept in
.cache/site-cards/ (the same words and theme give the same bytes in every clone).
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..theme import Theme

CARD_SIZE = (1200, 630)     # OpenGraph's and Twitter's large image
POSTER_SIZE = (960, 540)    # 16:9, twice the size the page shows it at
CACHE_DIR = Path(".cache") / "site-cards"
LEADING = 1.2              # line height of the title, in font sizes
DRAWING = "3"               # change to draw every picture afresh after changing this module


@dataclass(frozen=True)
class Card:
    """What a picture says: a small label, a title, a foot line, and whether it is a video's."""

    eyebrow: str
    title: str
    foot: str = ""
    play: bool = False

    @property
    def size(self) -> tuple[int, int]:
        """Return the picture's size in pixels."""
        return POSTER_SIZE if self.play else CARD_SIZE


def _rgb(colour: str) -> tuple[int, int, int]:
    """Return a #rrggbb colour as a tuple."""
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _mix(colour: str, other: str, share: float) -> tuple[int, int, int]:
    """Return `colour` mixed with `other`, `share` of `other`."""
    a, b = _rgb(colour), _rgb(other)
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


@cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Return a font file at a size, or Pillow's own font when the theme has no file."""
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _face(theme: Theme, weight: str, size: int):
    """Return the theme's font of a weight (bold, semibold, regular) at a size."""
    files = theme.font_files
    path = files.get(weight) or files.get("bold" if weight == "semibold" else "regular")
    return _font(str(path or files.get("regular") or ""), size)


def wrap(text: str, font, width: float) -> list[str]:
    """Return the lines of a text broken at spaces to fit a width."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit(text: str, theme: Theme, box: tuple[float, float], sizes: range, most: int) -> tuple:
    """Return the largest bold font, size and lines that set a text in a box (else cut it)."""
    width, height = box
    for size in sizes:
        font = _face(theme, "bold", size)
        lines = wrap(text, font, width)
        if len(lines) <= most and len(lines) * size * LEADING <= height:
            return font, size, lines
    font = _face(theme, "bold", sizes[-1])
    lines = wrap(text, font, width)
    fits = max(1, min(most, int(height // (sizes[-1] * LEADING))))
    if len(lines) > fits:
        lines = [*lines[:fits - 1], lines[fits - 1] + " …"]
    return font, sizes[-1], lines


def _logo(theme: Theme, height: int) -> Image.Image | None:
    """Return the theme's PNG logo on a white rounded plate `height` pixels high."""
    if not theme.logo_png:
        return None
    logo = Image.open(theme.logo_png).convert("RGBA")
    pad = height // 8
    inner = height - 2 * pad
    wide = min(round(logo.width * inner / logo.height), inner * 4)
    logo = logo.resize((wide, inner), Image.LANCZOS)
    plate = Image.new("RGBA", (wide + 2 * pad, height), (0, 0, 0, 0))
    ImageDraw.Draw(plate).rounded_rectangle((0, 0, plate.width - 1, height - 1),
                                            radius=height // 5, fill=(255, 255, 255, 255))
    plate.alpha_composite(logo, (pad, pad))
    return plate


def _play(draw: ImageDraw.ImageDraw, theme: Theme, centre: tuple[int, int], radius: int) -> None:
    """Draw a white disc with the play triangle in the primary colour."""
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255))
    side = radius * 0.9
    draw.polygon([(x - side * 0.38, y - side * 0.55), (x - side * 0.38, y + side * 0.55),
                  (x + side * 0.6, y)], fill=_rgb(theme.colours["primary"]))


def draw(card: Card, theme: Theme) -> Image.Image:
    """Return the picture of a card in a theme's colours, fonts and logo."""
    width, height = card.size
    unit = width / 1200
    colours = theme.colours
    image = Image.new("RGB", card.size, _rgb(colours["primary"]))
    pen = ImageDraw.Draw(image)
    pen.polygon([(width * 0.55, 0), (width, 0), (width, height), (width * 0.3, height)],
                fill=_mix(colours["primary"], "#ffffff", 0.08))
    pen.rectangle((0, 0, round(18 * unit), height), fill=_rgb(colours["accent"]))
    margin = round(80 * unit)
    top = margin
    logo = None if card.play else _logo(theme, round(96 * unit))
    if logo is not None:
        image.paste(logo, (margin, top), logo)
        top += logo.height + round(40 * unit)
    eyebrow = _face(theme, "semibold", round(28 * unit))
    light = _mix(colours["accent"], "#ffffff", 0.7)
    bottom = height - margin
    if card.play:
        _play(pen, theme, (width // 2, round(height * 0.4)), round(78 * unit))
        top = round(height * 0.62)
        sizes, most = range(round(50 * unit), round(30 * unit), -2), 2
    else:
        sizes, most = range(round(66 * unit), round(38 * unit), -2), 4
        bottom -= round(60 * unit) if card.foot else 0
    pen.text((margin, top), card.eyebrow.upper(), font=eyebrow, fill=light)
    top += round(52 * unit)
    box = (width - 2 * margin, bottom - top)
    font, size, lines = _fit(card.title, theme, box, sizes, most)
    for line in lines:
        pen.text((margin, top), line, font=font, fill=(255, 255, 255))
        top += round(size * LEADING)
    if card.foot and not card.play:
        foot = _face(theme, "regular", round(30 * unit))
        pen.text((margin, height - margin - round(30 * unit)), card.foot, font=foot,
                 fill=_mix(colours["primary"], "#ffffff", 0.85))
    return image


def png(card: Card, theme: Theme) -> bytes:
    """Return a card's picture as PNG bytes."""
    out = BytesIO()
    draw(card, theme).save(out, "PNG", optimize=True)
    return out.getvalue()


@cache
def _file_digest(path: Path, stamp: tuple) -> str:
    """Return the SHA-256 of a file (stamp: its size and time, so a change is seen)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _theme_key(theme: Theme) -> str:
    """Return what of a theme a picture depends on: colours, fonts and logo."""
    paths = [*(theme.font_files.get(k) for k in ("regular", "semibold", "bold")), theme.logo_png]
    digests = [_file_digest(p, (p.stat().st_size, p.stat().st_mtime_ns)) for p in paths if p]
    return repr((sorted(theme.colours.items()), digests))


def cached_png(card: Card, theme: Theme, root: Path) -> bytes:
    """Return a card's PNG, drawn once and kept in the project's .cache/site-cards/."""
    key = hashlib.sha256(repr((DRAWING, astuple(card), _theme_key(theme))).encode()).hexdigest()
    path = root / CACHE_DIR / f"{key}.png"
    if path.is_file():
        return path.read_bytes()
    data = png(card, theme)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
