"""Draw the needs-mapping diagram of the cluster-membership workshop.

Three levels of needs mapping, from the member company via the shared needs of
the members to the cluster organisation and its partners outside, with a return
arrow for the services that the mapping shapes.

Run from the project root:

    .venv/bin/python tools/diagrams/cluster_membership.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "workshops" / "cluster-membership" / "images" / "needs-mapping.png"

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # draw at double size, then downsample for smooth edges

WHITE = (255, 255, 255)
INK = (33, 47, 61)
MUTED = (92, 107, 122)
BLUE = (37, 99, 160)
TEAL = (22, 138, 130)
ORANGE = (222, 120, 38)

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
]


def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    """Return a sans-serif font at `size` (already scaled) pixels."""
    names = (
        ["LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"]
        if bold
        else ["LiberationSans-Regular.ttf", "DejaVuSans.ttf"]
    )
    for folder in FONT_DIRS:
        for name in names:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def tint(colour: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    """Mix `colour` with white; `amount` 0 is the colour, 1 is white."""
    return tuple(round(c + (255 - c) * amount) for c in colour)


def s(value: float) -> int:
    """Scale a 1600x900 coordinate to the drawing canvas."""
    return round(value * SCALE)


def centred(draw, text, fnt, cx, cy, fill):
    """Draw `text` centred on (cx, cy) in canvas coordinates."""
    draw.text((cx, cy), text, font=fnt, fill=fill, anchor="mm")


def arrow_head(draw, tip, direction, colour, size=26):
    """Draw a filled triangular arrow head with its tip at `tip`."""
    x, y = tip
    k = s(size)
    if direction == "right":
        points = [(x, y), (x - k, y - k * 0.7), (x - k, y + k * 0.7)]
    elif direction == "up":
        points = [(x, y), (x - k * 0.7, y + k), (x + k * 0.7, y + k)]
    else:
        raise ValueError(direction)
    draw.polygon(points, fill=colour)


LEVELS = [
    ("1", "Member company", BLUE, ["Involve the staff", "Map skills gaps", "Membership strategy"]),
    ("2", "Shared needs", TEAL, ["Member surveys", "Member forums", "Thematic activities"]),
    (
        "3",
        "Cluster and beyond",
        ORANGE,
        ["Cluster team skills", "Cluster-to-cluster", "ESCA labels"],
    ),
]


def main() -> None:
    img = Image.new("RGB", (s(WIDTH), s(HEIGHT)), WHITE)
    draw = ImageDraw.Draw(img)

    title_font = font(True, s(48))
    head_font = font(True, s(38))
    item_font = font(False, s(35))
    badge_font = font(True, s(34))
    loop_font = font(True, s(35))

    centred(draw, "Mapping needs on three levels", title_font, s(WIDTH / 2), s(70), INK)

    margin, gap = 60, 100
    box_w = (WIDTH - 2 * margin - 2 * gap) / 3
    caption_y, top, head_h, bottom = 150, 190, 92, 640

    centres = []
    for index, (number, name, colour, items) in enumerate(LEVELS):
        x0 = margin + index * (box_w + gap)
        x1 = x0 + box_w
        centres.append((x0 + x1) / 2)
        centred(draw, f"LEVEL {number}", badge_font, s((x0 + x1) / 2), s(caption_y), colour)
        # body with a light tint and a coloured header band
        draw.rounded_rectangle(
            [s(x0), s(top), s(x1), s(bottom)], radius=s(22), fill=tint(colour, 0.88)
        )
        draw.rounded_rectangle([s(x0), s(top), s(x1), s(top + head_h)], radius=s(22), fill=colour)
        draw.rectangle([s(x0), s(top + head_h - 24), s(x1), s(top + head_h)], fill=colour)
        centred(draw, name, head_font, s((x0 + x1) / 2), s(top + head_h / 2), WHITE)
        # items with round bullets
        for row, item in enumerate(items):
            spacing = 110
            iy = top + head_h + (bottom - top - head_h - 2 * spacing) / 2 + row * spacing
            dot = 9
            dx = x0 + 40
            draw.ellipse([s(dx - dot), s(iy - dot), s(dx + dot), s(iy + dot)], fill=colour)
            draw.text((s(dx + 28), s(iy)), item, font=item_font, fill=INK, anchor="lm")
        # arrow to the next level
        if index < len(LEVELS) - 1:
            ay = (top + bottom) / 2
            ax0, ax1 = x1 + 18, x1 + gap - 18
            draw.line([s(ax0), s(ay), s(ax1 - 20), s(ay)], fill=MUTED, width=s(10))
            arrow_head(draw, (s(ax1), s(ay)), "right", MUTED)

    # return loop: what is mapped comes back to the members as services
    loop_y = 790
    right_x, left_x = centres[2], centres[0]
    line_w = s(8)
    draw.line([s(right_x), s(bottom + 4), s(right_x), s(loop_y)], fill=ORANGE, width=line_w)
    draw.line([s(right_x), s(loop_y), s(left_x), s(loop_y)], fill=ORANGE, width=line_w)
    draw.line([s(left_x), s(loop_y), s(left_x), s(bottom + 44)], fill=ORANGE, width=line_w)
    arrow_head(draw, (s(left_x), s(bottom + 14)), "up", ORANGE)
    # round the two corners
    for cx in (right_x, left_x):
        draw.ellipse([s(cx - 4), s(loop_y - 4), s(cx + 4), s(loop_y + 4)], fill=ORANGE)

    label = "Services and training shaped by members' needs"
    left, t, right, b = draw.textbbox((0, 0), label, font=loop_font)
    pad = s(22)
    lx = s(WIDTH / 2)
    half = (right - left) / 2 + pad
    draw.rectangle([lx - half, s(loop_y - 30), lx + half, s(loop_y + 30)], fill=WHITE)
    centred(draw, label, loop_font, lx, s(loop_y), INK)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.resize((WIDTH, HEIGHT), Image.LANCZOS).save(OUT, optimize=True)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
