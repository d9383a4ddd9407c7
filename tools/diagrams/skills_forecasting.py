"""Draw the diagrams of the workshop "Analysing and forecasting skills in demand".

Writes into workshops/skills-forecasting/images/, 1600 x 900 px, in the theme's font:

- data-to-decision.png / .svg: the four steps from local data to a decision, and back;
- source-map.png / .svg: where each data source sits between cost and local detail.

The workshop is published in English only; to add a language, add its labels to LABELS (the
script refuses to run while a published language lacks them). The SVGs are the editable
sources: their words are text a translator can change.

Run with the project's interpreter:  .venv/bin/python tools/diagrams/skills_forecasting.py
"""

from __future__ import annotations

from canvas import ROOT, Canvas, check_languages, measure, write

WORKSHOP = ROOT / "workshops" / "skills-forecasting"
OUT_DIR = WORKSHOP / "images"
SOURCE = "tools/diagrams/skills_forecasting.py"

W, H = 1600, 900

WHITE = "#FFFFFF"
INK = "#1E2A36"
MUTED = "#5E6A78"
BLUE = "#265C8A"
BLUE_LIGHT = "#DEEAF5"
TEAL = "#15766E"  # darker than the old #208C82: white text on it reaches 4.5:1
TEAL_LIGHT = "#DAF0ED"
ORANGE = "#E28030"  # the dot of the bought-in model
DEEP_ORANGE = "#B04A06"  # the "Decide" column: white text on it reaches 4.5:1
ORANGE_LIGHT = "#FCEAD8"
GRID = "#D6DEE6"
ARROW = "#8C9EB0"

LABELS = {
    "en": {
        "steps": (
            ("1  Collect", ("Vacancies", "Job-board ads", "Employer survey", "School leavers")),
            ("2  Combine", ("One spreadsheet", "Same job names", "Cross-check",
                            "Ask employers")),
            ("3  Decide", ("Short courses", "Guidance", "Work placements", "Job matching")),
            ("4  Review", ("Jobs filled?", "People placed?", "Share a brief", "Update yearly")),
        ),
        "loop": "next round: every year",
        "sweet_spot": "Start here: cheap and local",
        "x_axis": "Cost and effort for the local authority",
        "y_axis": "Local detail",
        "sources": {
            "national": "National statistics",
            "vacancies": "Employment service vacancies",
            "leavers": "School leaver data",
            "ads": "Job-board ads",
            "conversations": "Employer conversations",
            "survey": "Employer survey",
            "model": "Bought-in forecast model",
        },
    },
}


def fitted(c: Canvas, texts, *, size: float, weight: str, max_width: float) -> float:
    """Return one size at which all `texts` fit on one line; fail if they do not at 28 px."""
    found = c.fit(texts, size=size, weight=weight, max_width=max_width, min_size=28)
    if found is None:
        raise ValueError(f"{list(texts)} do not fit {max_width} px")
    return found


def data_to_decision(lang: str) -> Canvas:
    """Return the data-to-decision diagram in one language."""
    labels = LABELS[lang]
    c = Canvas(W, H, lang=lang, source=SOURCE)
    colours = ((BLUE, BLUE_LIGHT), (TEAL, TEAL_LIGHT), (DEEP_ORANGE, ORANGE_LIGHT),
               (BLUE, BLUE_LIGHT))
    steps = labels["steps"]
    col_w, gap = 330, 50
    total = len(steps) * col_w + (len(steps) - 1) * gap
    x0 = (W - total) / 2
    head_h, item_h, pad, loop_drop = 96, 70, 30, 120
    body_h = max(len(items) for _title, items in steps) * item_h + 2 * pad
    top = (H - (head_h + body_h + loop_drop)) / 2
    bottom = top + head_h + body_h

    head = fitted(c, [title for title, _items in steps], size=40, weight="bold",
                  max_width=col_w - 30)
    item_size = fitted(c, [item for _title, items in steps for item in items], size=34,
                       weight="regular", max_width=col_w - 30)
    centres = []
    for i, ((title, items), (col, light)) in enumerate(zip(steps, colours, strict=True)):
        left = x0 + i * (col_w + gap)
        cx = left + col_w / 2
        centres.append(cx)
        c.box(left, top, left + col_w, bottom, fill=light, outline=col, width=4, radius=22)
        # The coloured header band: rounded at the top, square at the bottom.
        c.box(left, top, left + col_w, top + head_h, fill=col, radius=22,
              corners=(True, True, False, False))
        c.text(cx, top + head_h / 2, title, size=head, weight="bold", fill=WHITE, on=col,
               max_width=col_w - 30)
        for k, item in enumerate(items):
            y = top + head_h + pad + item_h * (k + 0.5)
            c.text(cx, y, item, size=item_size, fill=INK, on=light, max_width=col_w - 30)

        if i < len(steps) - 1:
            ay = top + (bottom - top) / 2
            c.arrow([(left + col_w + 8, ay), (left + col_w + gap - 6, ay)], ARROW, 8, head=26)

    # The loop back from Review to Collect.
    loop_y = bottom + loop_drop
    c_first, c_last = centres[0], centres[-1]
    c.arrow([(c_last, bottom + 8), (c_last, loop_y), (c_first, loop_y), (c_first, bottom + 10)],
            ARROW, 7, head=30)
    mid = (c_first + c_last) / 2
    room = c_last - c_first - 160
    size = fitted(c, [labels["loop"]], size=34, weight="regular", max_width=room)
    half = measure(labels["loop"], size) / 2 + 20
    c.box(mid - half, loop_y - 26, mid + half, loop_y + 26, fill=WHITE)
    c.text(mid, loop_y, labels["loop"], size=size, fill=MUTED, max_width=room)
    return c


def source_map(lang: str) -> Canvas:
    """Return the source map in one language."""
    labels = LABELS[lang]
    c = Canvas(W, H, lang=lang, source=SOURCE)
    # Plot area in final-image pixels.
    px0, px1, py0, py1 = 190, 1530, 95, 755
    # The sweet spot: cheap and local.
    mx, my = (px0 + px1) / 2, (py0 + py1) / 2
    c.box(px0, py0, mx, my, fill=TEAL_LIGHT)
    size = fitted(c, [labels["sweet_spot"]], size=34, weight="bold", max_width=mx - px0 - 40)
    c.text(px0 + (mx - px0) / 2, py0 + 50, labels["sweet_spot"], size=size, weight="bold",
           fill=TEAL, on=TEAL_LIGHT, max_width=mx - px0 - 40)

    c.line([(mx, py0), (mx, py1)], GRID, 3)
    c.line([(px0, my), (px1, my)], GRID, 3)
    # Axes with arrow heads.
    c.arrow([(px0, py1), (px1 + 10, py1)], INK, 5, head=30)
    c.arrow([(px0, py1), (px0, py0 - 40)], INK, 5, head=30)

    size = fitted(c, [labels["x_axis"]], size=36, weight="bold", max_width=px1 - px0)
    c.text((px0 + px1) / 2, py1 + 58, labels["x_axis"], size=size, weight="bold", fill=INK,
           max_width=px1 - px0)
    # The vertical axis title, turned to read upwards.
    size = fitted(c, [labels["y_axis"]], size=36, weight="bold", max_width=py1 - py0)
    c.text(px0 - 60, (py0 + py1) / 2, labels["y_axis"], size=size, weight="bold", fill=INK,
           max_width=py1 - py0, rotate=90)

    # (label key, x share, y share from the bottom, colour); the label is right of its dot
    sources = [
        ("national", 0.10, 0.12, BLUE),
        ("vacancies", 0.05, 0.55, BLUE),
        ("leavers", 0.15, 0.68, BLUE),
        ("ads", 0.24, 0.82, TEAL),
        ("conversations", 0.62, 0.90, TEAL),
        ("survey", 0.72, 0.68, TEAL),
        ("model", 0.58, 0.28, ORANGE),
    ]
    r = 17
    dots = [(key, px0 + fx * (px1 - px0), py1 - fy * (py1 - py0), col)
            for key, fx, fy, col in sources]
    # One size for all labels, each one short of the image's right edge.
    label_size = min(fitted(c, [labels["sources"][key]], size=34, weight="regular",
                            max_width=W - 40 - (x + r + 16)) for key, x, _y, _col in dots)
    for key, x, y, col in dots:
        c.ellipse(x, y, r, fill=col)
        lx = x + r + 16
        name = labels["sources"][key]
        # The label sits on the pale sweet spot or on white; it must not run past the image.
        on = TEAL_LIGHT if lx < mx and y < my else WHITE
        c.text(lx, y, name, size=label_size, fill=INK, on=on, anchor="start",
               max_width=W - 40 - lx)
    return c


def render() -> dict[str, bytes]:
    """Return {file name: bytes} of both diagrams' PNG and SVG in every language."""
    check_languages(WORKSHOP, LABELS)
    files: dict[str, bytes] = {}
    for lang in LABELS:
        files.update(data_to_decision(lang).files("data-to-decision"))
        files.update(source_map(lang).files("source-map"))
    return files


def main() -> None:
    """Write both diagrams in every language."""
    write(OUT_DIR, render())


if __name__ == "__main__":
    main()
