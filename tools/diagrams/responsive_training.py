"""Draw the dual-system diagram of the responsive-training workshop, in English and bokmål.

Run from the project root:

    .venv/bin/python tools/diagrams/responsive_training.py

It writes into workshops/responsive-training/images/ dual-system.png and dual-system.svg
(English) and dual-system.nb.png and dual-system.nb.svg (Norwegian bokmål), 1600 x 900 px,
in the theme's font. The SVG is the editable source: its words are text a translator can change.
"""

from __future__ import annotations

from canvas import ROOT, Canvas, check_languages, measure, write

WORKSHOP = ROOT / "workshops" / "responsive-training"
OUT_DIR = WORKSHOP / "images"
SOURCE = "tools/diagrams/responsive_training.py"

WIDTH, HEIGHT = 1600, 900

WHITE = "#FFFFFF"
NAVY = "#1F3A5F"
BLUE = "#2E6FA7"
TEAL = "#177777"  # darker than the old #1A8C8C: white text on it reaches 4.5:1
PALE_BLUE = "#E8F0F9"
PALE_TEAL = "#E2F3F2"
PALE_GREY = "#F1F4F7"
INK = "#24313F"
MUTED = "#51606F"
SOFT = "#D6E4F2"

LABELS = {
    "en": {
        "title": "The dual system: two places of learning",
        "chamber": "Chamber of commerce or crafts",
        "chamber_sub": "registers · supervises · examines",
        "company": "Company",
        "company_lines": ("3–4 days a week", "real work, paid", "in-house trainer"),
        "school": "Vocational school",
        "school_lines": ("1–2 days a week", "trade theory", "general subjects"),
        "apprentice": "Apprentice",
        "apprentice_sub": "2–3½ years",
        "exam": "Final exam",
        "result": "nationally recognised qualification",
    },
    "nb": {
        "title": "Det duale systemet: to læringsarenaer",
        "chamber": "Handels- eller håndverkskammer",
        "chamber_sub": "registrerer · fører tilsyn · prøver",
        "company": "Bedrift",
        "company_lines": ("3–4 dager i uka", "ekte arbeid, lønn", "egen instruktør"),
        "school": "Yrkesskole",
        "school_lines": ("1–2 dager i uka", "yrkesteori", "fellesfag"),
        "apprentice": "Lærling",
        "apprentice_sub": "2–3½ år",
        "exam": "Avsluttende prøve",
        "result": "anerkjent fagbrev",
    },
}


def size_for(c: Canvas, texts, size: float, weight: str, max_width: float) -> float:
    """Return one size at which all `texts` fit `max_width` on one line; fail if none does."""
    fitted = c.fit(texts, size=size, weight=weight, max_width=max_width, min_size=size * 0.8)
    if fitted is None:
        raise ValueError(f"{list(texts)} do not fit {max_width} px even at {size * 0.8:.0f} px")
    return fitted


def learning_place(c: Canvas, x0: float, heading: str, lines: tuple[str, ...], colour: str,
                   pale: str, sizes: dict[str, float]) -> None:
    """Draw one place of learning: a box with a coloured heading band and three lines."""
    x1, y0, y1 = x0 + 470, 330, 660
    cx, room = (x0 + x1) / 2, 430
    c.box(x0, y0, x1, y1, fill=pale, outline=colour, width=4, radius=28)
    c.box(x0, y0, x1, y0 + 96, fill=colour, radius=28, corners=(True, True, False, False))
    c.text(cx, y0 + 49, heading, size=sizes["heading"], weight="bold", fill=WHITE, on=colour,
           max_width=room)
    c.text(cx, y0 + 150, lines[0], size=sizes["days"], weight="bold", fill=colour, on=pale,
           max_width=room)
    for row, line in enumerate(lines[1:]):
        c.text(cx, y0 + 215 + row * 56, line, size=sizes["line"], fill=INK, on=pale,
               max_width=room)


def draw(lang: str) -> Canvas:
    """Return the diagram in one language."""
    labels = LABELS[lang]
    c = Canvas(WIDTH, HEIGHT, lang=lang, source=SOURCE)
    places = (labels["company"], labels["school"])
    rows = labels["company_lines"][1:] + labels["school_lines"][1:]
    days = (labels["company_lines"][0], labels["school_lines"][0])
    sizes = {
        "heading": size_for(c, places, 40, "bold", 430),
        "days": size_for(c, days, 38, "bold", 430),
        "line": size_for(c, rows, 36, "regular", 430),
    }

    c.text(800, 58, labels["title"], size=size_for(c, [labels["title"]], 46, "bold", 1400),
           weight="bold", fill=NAVY, max_width=1400)

    # Oversight: the chamber sits above both learning places.
    c.box(370, 112, 1230, 252, fill=PALE_GREY, outline=NAVY, width=4, radius=28)
    c.text(800, 157, labels["chamber"], size=size_for(c, [labels["chamber"]], 40, "bold", 800),
           weight="bold", fill=NAVY, on=PALE_GREY, max_width=800)
    c.text(800, 212, labels["chamber_sub"],
           size=size_for(c, [labels["chamber_sub"]], 36, "regular", 800),
           fill=MUTED, on=PALE_GREY, max_width=800)
    c.line([(370, 182), (305, 182), (305, 330)], NAVY, 5, dash=(16, 12))
    c.line([(800, 252), (800, 345)], NAVY, 5, dash=(16, 12))

    learning_place(c, 70, labels["company"], labels["company_lines"], BLUE, PALE_BLUE, sizes)
    learning_place(c, 1060, labels["school"], labels["school_lines"], TEAL, PALE_TEAL, sizes)

    # The apprentice in the middle, moving between the two places each week.
    c.ellipse(800, 495, 140, fill=NAVY)
    c.text(800, 475, labels["apprentice"],
           size=size_for(c, [labels["apprentice"]], 40, "bold", 240),
           weight="bold", fill=WHITE, on=NAVY, max_width=240)
    c.text(800, 530, labels["apprentice_sub"],
           size=size_for(c, [labels["apprentice_sub"]], 34, "regular", 230),
           fill=SOFT, on=NAVY, max_width=230)
    c.arrow([(548, 495), (652, 495)], BLUE, 8, head=22, spread=0.54, both=True)
    c.arrow([(948, 495), (1052, 495)], TEAL, 8, head=22, spread=0.54, both=True)

    # The result at the end of the training.
    c.arrow([(800, 640), (800, 736)], NAVY, 8, head=26, spread=0.54)
    # "Final exam → qualification": two labels with a drawn arrow between them (Open Sans has
    # no arrow glyph), centred together in the bar.
    c.box(230, 742, 1370, 836, fill=TEAL, radius=47)
    gap = 90  # room for the arrow between the two labels
    size = size_for(c, [f"{labels['exam']}{labels['result']}"], 38, "bold", 1060 - gap)
    exam = measure(labels["exam"], size, "bold")
    result = measure(labels["result"], size, "bold")
    left = 800 - (exam + gap + result) / 2
    c.text(left, 789, labels["exam"], size=size, weight="bold", fill=WHITE, on=TEAL,
           anchor="start")
    c.arrow([(left + exam + 24, 789), (left + exam + gap - 24, 789)], WHITE, 5, head=16)
    c.text(left + exam + gap, 789, labels["result"], size=size, weight="bold", fill=WHITE,
           on=TEAL, anchor="start")
    return c


def render() -> dict[str, bytes]:
    """Return {file name: bytes} of every language's PNG and SVG."""
    check_languages(WORKSHOP, LABELS)
    files: dict[str, bytes] = {}
    for lang in LABELS:
        files.update(draw(lang).files("dual-system"))
    return files


def main() -> None:
    """Write every language version of the diagram."""
    write(OUT_DIR, render())


if __name__ == "__main__":
    main()
