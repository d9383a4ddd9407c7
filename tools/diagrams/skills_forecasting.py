"""Draw the diagrams of the workshop "Analysing and forecasting skills in demand".

Writes two PNGs into workshops/skills-forecasting/images/:

- data-to-decision.png: the four steps from local data to a decision, and back;
- source-map.png: where each data source sits between cost and local detail.

Run with the project's interpreter:  .venv/bin/python tools/diagrams/skills_forecasting.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workshops" / "skills-forecasting" / "images"

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
GRID = (214, 222, 230)
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


def text_w(draw: ImageDraw.ImageDraw, text: str, fnt) -> float:
    """Width of `text` in final-image pixels."""
    box = draw.textbbox((0, 0), text, font=fnt)
    return (box[2] - box[0]) / SCALE


def text_centred(draw, cx, cy, text, fnt, fill):
    """Draw one line of text centred on (cx, cy), final-image coordinates."""
    draw.text((s(cx), s(cy)), text, font=fnt, fill=fill, anchor="mm")


def canvas():
    img = Image.new("RGB", (s(W), s(H)), WHITE)
    return img, ImageDraw.Draw(img)


def save(img: Image.Image, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    img.resize((W, H), Image.LANCZOS).save(path, optimize=True)
    return path


def arrow_head(draw, tip, angle, size, fill):
    """A filled triangle pointing along `angle` (radians) with its tip at `tip`."""
    tx, ty = tip
    left = (tx - size * math.cos(angle - 0.5), ty - size * math.sin(angle - 0.5))
    right = (tx - size * math.cos(angle + 0.5), ty - size * math.sin(angle + 0.5))
    draw.polygon([(s(tx), s(ty)), (s(left[0]), s(left[1])), (s(right[0]), s(right[1]))], fill=fill)


def data_to_decision() -> Path:
    img, draw = canvas()
    steps = [
        (
            "1  Collect",
            BLUE,
            BLUE_LIGHT,
            ["Vacancies", "Job-board ads", "Employer survey", "School leavers"],
        ),
        (
            "2  Combine",
            TEAL,
            TEAL_LIGHT,
            ["One spreadsheet", "Same job names", "Cross-check", "Ask employers"],
        ),
        (
            "3  Decide",
            ORANGE,
            ORANGE_LIGHT,
            ["Short courses", "Guidance", "Work placements", "Job matching"],
        ),
        (
            "4  Review",
            BLUE,
            BLUE_LIGHT,
            ["Jobs filled?", "People placed?", "Share a brief", "Update yearly"],
        ),
    ]
    col_w, gap = 330, 50
    total = len(steps) * col_w + (len(steps) - 1) * gap
    x0 = (W - total) / 2
    head_h, item_h, pad, loop_drop = 96, 70, 30, 120
    body_h = len(steps[0][3]) * item_h + 2 * pad
    top = (H - (head_h + body_h + loop_drop)) / 2
    bottom = top + head_h + body_h

    head_font = font(True, 40)
    item_font = font(False, 34)
    centres = []
    for i, (title, col, light, items) in enumerate(steps):
        left = x0 + i * (col_w + gap)
        cx = left + col_w / 2
        centres.append(cx)
        draw.rounded_rectangle(
            [s(left), s(top), s(left + col_w), s(bottom)],
            radius=s(22),
            fill=light,
            outline=col,
            width=s(4),
        )
        # The coloured header band: rounded at the top, square at the bottom.
        draw.rounded_rectangle(
            [s(left), s(top), s(left + col_w), s(top + head_h)], radius=s(22), fill=col
        )
        draw.rectangle([s(left), s(top + head_h - 24), s(left + col_w), s(top + head_h)], fill=col)
        text_centred(draw, cx, top + head_h / 2, title, head_font, WHITE)
        for k, item in enumerate(items):
            y = top + head_h + pad + item_h * (k + 0.5)
            assert text_w(draw, item, item_font) < col_w - 30, item
            text_centred(draw, cx, y, item, item_font, INK)

        if i < len(steps) - 1:
            ay = top + (bottom - top) / 2
            ax0, ax1 = left + col_w + 8, left + col_w + gap - 6
            draw.line([(s(ax0), s(ay)), (s(ax1 - 14), s(ay))], fill=ARROW, width=s(8))
            arrow_head(draw, (ax1, ay), 0, 26, ARROW)

    # The loop back from Review to Collect.
    loop_y = bottom + loop_drop
    c_first, c_last = centres[0], centres[-1]
    draw.line(
        [
            (s(c_last), s(bottom + 8)),
            (s(c_last), s(loop_y)),
            (s(c_first), s(loop_y)),
            (s(c_first), s(bottom + 34)),
        ],
        fill=ARROW,
        width=s(7),
        joint="curve",
    )
    arrow_head(draw, (c_first, bottom + 10), -math.pi / 2, 30, ARROW)
    label = "next round: every year"
    lw = text_w(draw, label, item_font)
    mid = (c_first + c_last) / 2
    draw.rectangle(
        [s(mid - lw / 2 - 20), s(loop_y - 26), s(mid + lw / 2 + 20), s(loop_y + 26)], fill=WHITE
    )
    text_centred(draw, mid, loop_y, label, item_font, MUTED)
    return save(img, "data-to-decision.png")


def source_map() -> Path:
    img, draw = canvas()
    # Plot area in final-image pixels.
    px0, px1, py0, py1 = 190, 1530, 95, 755
    # The sweet spot: cheap and local.
    mx, my = (px0 + px1) / 2, (py0 + py1) / 2
    draw.rectangle([s(px0), s(py0), s(mx), s(my)], fill=TEAL_LIGHT)
    text_centred(
        draw, px0 + (mx - px0) / 2, py0 + 50, "Start here: cheap and local", font(True, 34), TEAL
    )

    draw.line([(s(mx), s(py0)), (s(mx), s(py1))], fill=GRID, width=s(3))
    draw.line([(s(px0), s(my)), (s(px1), s(my))], fill=GRID, width=s(3))
    # Axes with arrow heads.
    draw.line([(s(px0), s(py1)), (s(px1 - 20), s(py1))], fill=INK, width=s(5))
    arrow_head(draw, (px1 + 10, py1), 0, 30, INK)
    draw.line([(s(px0), s(py1)), (s(px0), s(py0 - 10))], fill=INK, width=s(5))
    arrow_head(draw, (px0, py0 - 40), -math.pi / 2, 30, INK)

    axis_font = font(True, 36)
    text_centred(
        draw, (px0 + px1) / 2, py1 + 58, "Cost and effort for the local authority", axis_font, INK
    )
    # The vertical axis title, rotated.
    label = "Local detail"
    tw = text_w(draw, label, axis_font)
    tmp = Image.new("RGBA", (s(tw + 20), s(60)), (255, 255, 255, 0))
    ImageDraw.Draw(tmp).text((s(10), s(30)), label, font=axis_font, fill=INK, anchor="lm")
    tmp = tmp.rotate(90, expand=True)
    img.paste(tmp, (s(px0 - 90), s((py0 + py1) / 2 - (tw + 20) / 2)), tmp)

    label_font = font(False, 34)
    # (label, x share, y share from the bottom, colour, label side)
    sources = [
        ("National statistics", 0.10, 0.12, BLUE, "right"),
        ("Employment service vacancies", 0.05, 0.55, BLUE, "right"),
        ("School leaver data", 0.15, 0.68, BLUE, "right"),
        ("Job-board ads", 0.24, 0.82, TEAL, "right"),
        ("Employer conversations", 0.62, 0.90, TEAL, "right"),
        ("Employer survey", 0.72, 0.68, TEAL, "right"),
        ("Bought-in forecast model", 0.58, 0.28, ORANGE, "right"),
    ]
    for name, fx, fy, col, _side in sources:
        x = px0 + fx * (px1 - px0)
        y = py1 - fy * (py1 - py0)
        r = 17
        draw.ellipse([s(x - r), s(y - r), s(x + r), s(y + r)], fill=col)
        lx = x + r + 16
        assert lx + text_w(draw, name, label_font) < W - 40, name
        draw.text((s(lx), s(y)), name, font=label_font, fill=INK, anchor="lm")
    return save(img, "source-map.png")


if __name__ == "__main__":
    for path in (data_to_decision(), source_map()):
        print(path.relative_to(ROOT))
