"""Draw the dual-system diagram of the responsive-training workshop, in English and bokmål.

Run from the project root:

    .venv/bin/python tools/diagrams/responsive_training.py

It writes workshops/responsive-training/images/dual-system.png (English) and
dual-system.nb.png (Norwegian bokmål), 1600 x 900 px. Everything is drawn at twice the
size and scaled down, so lines and curves come out smooth.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "workshops" / "responsive-training" / "images"

WIDTH, HEIGHT = 1600, 900
SCALE = 2

WHITE = "#FFFFFF"
NAVY = "#1F3A5F"
BLUE = "#2E6FA7"
TEAL = "#1A8C8C"
PALE_BLUE = "#E8F0F9"
PALE_TEAL = "#E2F3F2"
PALE_GREY = "#F1F4F7"
INK = "#24313F"
MUTED = "#51606F"

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)
REGULAR = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")
BOLD = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")

LABELS = {
    "en": {
        "file": "dual-system.png",
        "title": "The dual system: two places of learning",
        "chamber": "Chamber of commerce or crafts",
        "chamber_sub": "registers · supervises · examines",
        "company": "Company",
        "company_lines": ("3–4 days a week", "real work, paid", "in-house trainer"),
        "school": "Vocational school",
        "school_lines": ("1–2 days a week", "trade theory", "general subjects"),
        "apprentice": "Apprentice",
        "apprentice_sub": "2–3½ years",
        "result": "Final exam  →  nationally recognised qualification",
    },
    "nb": {
        "file": "dual-system.nb.png",
        "title": "Det duale systemet: to læringsarenaer",
        "chamber": "Handels- eller håndverkskammer",
        "chamber_sub": "registrerer · fører tilsyn · prøver",
        "company": "Bedrift",
        "company_lines": ("3–4 dager i uka", "ekte arbeid, lønn", "egen instruktør"),
        "school": "Yrkesskole",
        "school_lines": ("1–2 dager i uka", "yrkesteori", "fellesfag"),
        "apprentice": "Lærling",
        "apprentice_sub": "2–3½ år",
        "result": "Avsluttende prøve  →  anerkjent fagbrev",
    },
}


def font(names: tuple[str, ...], size: int) -> ImageFont.FreeTypeFont:
    """Return the first available font of `names` at `size` final pixels."""
    for folder in FONT_DIRS:
        for name in names:
            path = folder / name
            if path.exists():
                return ImageFont.truetype(str(path), size * SCALE)
    raise FileNotFoundError(f"none of {names} found in {FONT_DIRS}")


def s(*values: float) -> list[int]:
    """Return final-pixel coordinates scaled to the drawing canvas."""
    return [round(v * SCALE) for v in values]


def text_width(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont) -> float:
    """Return the width of `text` in final pixels."""
    left, _, right, _ = draw.textbbox((0, 0), text, font=face)
    return (right - left) / SCALE


def centred(draw, cx: float, cy: float, text: str, face, fill: str, max_width: float) -> None:
    """Draw `text` centred on (cx, cy); fail loudly if it would not fit `max_width`."""
    width = text_width(draw, text, face)
    if width > max_width:
        raise ValueError(f"label {text!r} is {width:.0f} px wide, room for {max_width:.0f}")
    draw.text(tuple(s(cx, cy)), text, font=face, fill=fill, anchor="mm")


def box(draw, x0: float, y0: float, x1: float, y1: float, fill: str, outline: str) -> None:
    """Draw a rounded box with a 4 px outline."""
    draw.rounded_rectangle(s(x0, y0, x1, y1), radius=28 * SCALE, fill=fill,
                           outline=outline, width=4 * SCALE)


def arrow_head(draw, x: float, y: float, direction: str, colour: str, size: float = 22) -> None:
    """Draw a filled triangular arrow head whose tip is at (x, y)."""
    half = size * 0.6
    points = {
        "left": [(x, y), (x + size, y - half), (x + size, y + half)],
        "right": [(x, y), (x - size, y - half), (x - size, y + half)],
        "down": [(x, y), (x - half, y - size), (x + half, y - size)],
    }[direction]
    draw.polygon([tuple(s(px, py)) for px, py in points], fill=colour)


def two_way_arrow(draw, x0: float, x1: float, y: float, colour: str) -> None:
    """Draw a horizontal double-headed arrow from x0 to x1."""
    draw.line(s(x0 + 18, y, x1 - 18, y), fill=colour, width=8 * SCALE)
    arrow_head(draw, x0, y, "left", colour)
    arrow_head(draw, x1, y, "right", colour)


def dashed_line(draw, x0: float, y0: float, x1: float, y1: float, colour: str) -> None:
    """Draw a dashed straight line from (x0, y0) to (x1, y1)."""
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    dash, gap = 16, 12
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        a, b = pos / length, end / length
        draw.line(s(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a,
                    x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), fill=colour, width=5 * SCALE)
        pos += dash + gap


def learning_place(draw, x0: float, heading: str, lines: tuple[str, ...],
                   colour: str, pale: str) -> None:
    """Draw one place of learning: a box with a coloured heading band and three lines."""
    x1, y0, y1 = x0 + 470, 330, 660
    box(draw, x0, y0, x1, y1, pale, colour)
    draw.rounded_rectangle(s(x0, y0, x1, y0 + 96), radius=28 * SCALE, fill=colour)
    draw.rectangle(s(x0, y0 + 60, x1, y0 + 96), fill=colour)
    centred(draw, (x0 + x1) / 2, y0 + 49, heading, font(BOLD, 40), WHITE, 440)
    centred(draw, (x0 + x1) / 2, y0 + 150, lines[0], font(BOLD, 38), colour, 440)
    for row, line in enumerate(lines[1:]):
        centred(draw, (x0 + x1) / 2, y0 + 215 + row * 56, line, font(REGULAR, 36), INK, 440)


def draw_diagram(labels: dict) -> Image.Image:
    """Return the finished diagram for one language."""
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), WHITE)
    draw = ImageDraw.Draw(image)

    centred(draw, 800, 58, labels["title"], font(BOLD, 46), NAVY, 1400)

    # Oversight: the chamber sits above both learning places.
    box(draw, 370, 112, 1230, 252, PALE_GREY, NAVY)
    centred(draw, 800, 157, labels["chamber"], font(BOLD, 40), NAVY, 820)
    centred(draw, 800, 212, labels["chamber_sub"], font(REGULAR, 36), MUTED, 820)
    dashed_line(draw, 370, 182, 305, 182, NAVY)
    dashed_line(draw, 305, 182, 305, 330, NAVY)
    dashed_line(draw, 800, 252, 800, 345, NAVY)

    learning_place(draw, 70, labels["company"], labels["company_lines"], BLUE, PALE_BLUE)
    learning_place(draw, 1060, labels["school"], labels["school_lines"], TEAL, PALE_TEAL)

    # The apprentice in the middle, moving between the two places each week.
    draw.ellipse(s(660, 355, 940, 635), fill=NAVY)
    centred(draw, 800, 475, labels["apprentice"], font(BOLD, 40), WHITE, 250)
    centred(draw, 800, 530, labels["apprentice_sub"], font(REGULAR, 34), "#D6E4F2", 250)
    two_way_arrow(draw, 548, 652, 495, BLUE)
    two_way_arrow(draw, 948, 1052, 495, TEAL)

    # The result at the end of the training.
    draw.line(s(800, 640, 800, 712), fill=NAVY, width=8 * SCALE)
    arrow_head(draw, 800, 736, "down", NAVY, size=26)
    draw.rounded_rectangle(s(230, 742, 1370, 836), radius=47 * SCALE, fill=TEAL)
    centred(draw, 800, 789, labels["result"], font(BOLD, 38), WHITE, 1080)

    return image.resize((WIDTH, HEIGHT), Image.LANCZOS)


def main() -> None:
    """Write both language versions of the diagram."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for labels in LABELS.values():
        path = OUT_DIR / labels["file"]
        draw_diagram(labels).save(path, optimize=True)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
