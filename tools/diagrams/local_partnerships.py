"""Draw the diagrams of the workshop "Building local partnerships".

Writes two PNGs into workshops/local-partnerships/images/:

- partnership-map.png: the local authority in the centre, the partners around it;
- partnership-cycle.png: the five steps a partnership goes round, year after year.

Run with the project's interpreter:  .venv/bin/python tools/diagrams/local_partnerships.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workshops" / "local-partnerships" / "images"

W, H = 1600, 900
SCALE = 2  # draw at twice the size, then shrink: smooth edges

WHITE = (255, 255, 255)
INK = (30, 42, 54)
MUTED = (96, 110, 124)
BLUE = (38, 92, 138)
BLUE_LIGHT = (222, 234, 245)
TEAL = (32, 140, 130)
TEAL_LIGHT = (218, 240, 237)
ORANGE = (226, 128, 48)
ORANGE_LIGHT = (252, 234, 216)
LINE = (176, 190, 204)
ARROW = (140, 158, 176)

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
]


def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    """Return DejaVu Sans (or Liberation Sans) at `size` px of the final image."""
    names = (
        ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"]
        if bold
        else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"]
    )
    for folder in FONT_DIRS:
        for name in names:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size * SCALE)
    return ImageFont.load_default()


def s(value: float) -> int:
    """Scale a coordinate of the final image to the drawing canvas."""
    return int(round(value * SCALE))


def text_size(draw: ImageDraw.ImageDraw, text: str, fnt) -> tuple[int, int]:
    box = draw.textbbox((0, 0), text, font=fnt)
    return box[2] - box[0], box[3] - box[1]


def centred_lines(draw, cx, cy, lines, fnt, fill, gap=10):
    """Draw lines of text centred on (cx, cy), in final-image coordinates."""
    heights = [text_size(draw, line, fnt)[1] for line in lines]
    ascent, descent = fnt.getmetrics()
    line_h = ascent + descent
    total = line_h * len(lines) + s(gap) * (len(lines) - 1)
    y = s(cy) - total / 2
    for line, _h in zip(lines, heights, strict=True):
        w, _ = text_size(draw, line, fnt)
        draw.text((s(cx) - w / 2, y), line, font=fnt, fill=fill)
        y += line_h + s(gap)


def canvas():
    img = Image.new("RGB", (s(W), s(H)), WHITE)
    return img, ImageDraw.Draw(img)


def save(img: Image.Image, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    img.resize((W, H), Image.LANCZOS).save(path, optimize=True)
    return path


def partnership_map() -> Path:
    img, draw = canvas()
    cx, cy = 800, 455
    partners = [
        # (label lines, angle in degrees, colour, light colour)
        (["Employers and", "business groups"], -90, ORANGE, ORANGE_LIGHT),
        (["Public employment", "service"], -30, BLUE, BLUE_LIGHT),
        (["Schools and", "training providers"], 30, BLUE, BLUE_LIGHT),
        (["NGOs and", "social economy"], 90, ORANGE, ORANGE_LIGHT),
        (["Trade unions"], 150, BLUE, BLUE_LIGHT),
        (["Region and", "national agencies"], 210, BLUE, BLUE_LIGHT),
    ]
    rx, ry = 560, 315
    box_w, box_h = 440, 130
    label = font(True, 34)

    centres = []
    for _lines, angle, _col, _light in partners:
        a = math.radians(angle)
        px, py = cx + rx * math.cos(a), cy + ry * math.sin(a)
        centres.append((px, py))
        draw.line([(s(cx), s(cy)), (s(px), s(py))], fill=LINE, width=s(5))

    for (lines, _angle, col, light), (px, py) in zip(partners, centres, strict=True):
        box = [s(px - box_w / 2), s(py - box_h / 2), s(px + box_w / 2), s(py + box_h / 2)]
        draw.rounded_rectangle(box, radius=s(24), fill=light, outline=col, width=s(4))
        centred_lines(draw, px, py, lines, label, INK, gap=4)

    r = 150
    draw.ellipse([s(cx - r), s(cy - r), s(cx + r), s(cy + r)], fill=TEAL)
    centred_lines(draw, cx, cy, ["Local", "authority"], font(True, 40), WHITE, gap=6)
    return save(img, "partnership-map.png")


def arrow_head(draw, tip, angle, size, fill):
    """A filled triangle pointing along `angle` (radians) with its tip at `tip`."""
    tx, ty = tip
    left = (tx - size * math.cos(angle - 0.45), ty - size * math.sin(angle - 0.45))
    right = (tx - size * math.cos(angle + 0.45), ty - size * math.sin(angle + 0.45))
    draw.polygon([(s(tx), s(ty)), (s(left[0]), s(left[1])), (s(right[0]), s(right[1]))], fill=fill)


def partnership_cycle() -> Path:
    img, draw = canvas()
    cx, cy = 800, 470
    rx, ry = 560, 300
    steps = [
        (["1  Shared", "diagnosis"], BLUE, BLUE_LIGHT),
        (["2  Shared", "goals"], TEAL, TEAL_LIGHT),
        (["3  Pooled", "resources"], ORANGE, ORANGE_LIGHT),
        (["4  Joint", "action"], BLUE, BLUE_LIGHT),
        (["5  Measure", "and adjust"], TEAL, TEAL_LIGHT),
    ]
    n = len(steps)
    angles = [-90 + 360 * i / n for i in range(n)]
    pts = [
        (cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
        for a in angles
    ]

    # The ring: arcs of the ellipse between the boxes, each ending in an arrow head.
    box_w, box_h = 330, 130
    margin = 22

    def inside_box(x, y):
        return any(
            abs(x - px) < box_w / 2 + margin and abs(y - py) < box_h / 2 + margin
            for px, py in pts
        )

    for i in range(n):
        a0, a1 = angles[i], angles[i] + 360 / n
        arc = []
        for k in range(401):
            a = math.radians(a0 + (a1 - a0) * k / 400)
            x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
            if not inside_box(x, y):
                arc.append((x, y))
        head = 30
        # Stop the line a little before the tip so the arrow head stays sharp.
        tip = arc[-1]
        shaft = [p for p in arc if math.dist(p, tip) > head * 0.6]
        draw.line([(s(x), s(y)) for x, y in shaft], fill=ARROW, width=s(7), joint="curve")
        (x1, y1) = arc[-6]
        arrow_head(draw, tip, math.atan2(tip[1] - y1, tip[0] - x1), head, ARROW)

    label = font(True, 36)
    for (lines, col, light), (px, py) in zip(steps, pts, strict=True):
        box = [s(px - box_w / 2), s(py - box_h / 2), s(px + box_w / 2), s(py + box_h / 2)]
        draw.rounded_rectangle(box, radius=s(24), fill=light, outline=col, width=s(4))
        centred_lines(draw, px, py, lines, label, INK, gap=4)

    words = ["A partnership", "goes round,", "year after year"]
    centred_lines(draw, cx, cy, words, font(False, 36), MUTED, gap=8)
    return save(img, "partnership-cycle.png")


if __name__ == "__main__":
    for path in (partnership_map(), partnership_cycle()):
        print(path.relative_to(ROOT))
