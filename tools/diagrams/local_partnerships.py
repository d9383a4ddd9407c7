"""Draw the diagrams of the workshop "Building local partnerships", in English and Spanish.

Writes into workshops/local-partnerships/images/, 1600 x 900 px, in the theme's font:

- partnership-map.png / .svg: the local authority in the centre, the partners around it;
- partnership-cycle.png / .svg: the five steps a partnership goes round, year after year;

and the Spanish versions partnership-map.es.png / .es.svg and partnership-cycle.es.png /
.es.svg. The SVGs are the editable sources: their words are text a translator can change.

Run with the project's interpreter:  .venv/bin/python tools/diagrams/local_partnerships.py
"""

from __future__ import annotations

import math

from canvas import ROOT, Canvas, check_languages, write

WORKSHOP = ROOT / "workshops" / "local-partnerships"
OUT_DIR = WORKSHOP / "images"
SOURCE = "tools/diagrams/local_partnerships.py"

W, H = 1600, 900

WHITE = "#FFFFFF"
INK = "#1E2A36"
MUTED = "#5E6A78"
BLUE = "#265C8A"
BLUE_LIGHT = "#DEEAF5"
TEAL = "#15766E"  # darker than the old #208C82: white text on it reaches 4.5:1
TEAL_LIGHT = "#DAF0ED"
ORANGE = "#E28030"
ORANGE_LIGHT = "#FCEAD8"
LINE = "#B0BECC"
ARROW = "#8C9EB0"

# Each label's lines are separated by "\n"; a line too long for its box wraps between words.
LABELS = {
    "en": {
        "centre": "Local\nauthority",
        "partners": {
            "employers": "Employers and\nbusiness groups",
            "employment": "Public employment\nservice",
            "schools": "Schools and\ntraining providers",
            "ngos": "NGOs and\nsocial economy",
            "unions": "Trade unions",
            "region": "Region and\nnational agencies",
        },
        "steps": (
            "1  Shared\ndiagnosis",
            "2  Shared\ngoals",
            "3  Pooled\nresources",
            "4  Joint\naction",
            "5  Measure\nand adjust",
        ),
        "cycle": "A partnership\ngoes round,\nyear after year",
    },
    "es": {
        "centre": "Ayuntamiento",
        "partners": {
            "employers": "Empresas y\nsus asociaciones",
            "employment": "Servicio público\nde empleo",
            "schools": "Centros educativos\ny de formación",
            "ngos": "ONG y\neconomía social",
            "unions": "Sindicatos",
            "region": "Administración\nregional y estatal",
        },
        "steps": (
            "1  Diagnóstico\ncompartido",
            "2  Objetivos\ncompartidos",
            "3  Recursos\nen común",
            "4  Acción\nconjunta",
            "5  Medir\ny ajustar",
        ),
        "cycle": "Una alianza\nvuelve a empezar,\naño tras año",
    },
}


def fitted(c: Canvas, texts, *, size: float, weight: str, max_width: float,
           max_lines: int) -> float:
    """Return one size at which all `texts` fit; fail if they do not fit even at 28 px."""
    found = c.fit(texts, size=size, weight=weight, max_width=max_width, max_lines=max_lines,
                  min_size=28)
    if found is None:
        raise ValueError(f"{list(texts)} do not fit {max_width} px in {max_lines} lines")
    return found


def partnership_map(lang: str) -> Canvas:
    """Return the partnership map in one language."""
    labels = LABELS[lang]
    c = Canvas(W, H, lang=lang, source=SOURCE)
    cx, cy = 800, 455
    partners = [
        # (label key, angle in degrees, colour, light colour)
        ("employers", -90, ORANGE, ORANGE_LIGHT),
        ("employment", -30, BLUE, BLUE_LIGHT),
        ("schools", 30, BLUE, BLUE_LIGHT),
        ("ngos", 90, ORANGE, ORANGE_LIGHT),
        ("unions", 150, BLUE, BLUE_LIGHT),
        ("region", 210, BLUE, BLUE_LIGHT),
    ]
    rx, ry = 560, 315
    box_w, box_h = 440, 130
    texts = [labels["partners"][key] for key, *_ in partners]
    size = fitted(c, texts, size=34, weight="bold", max_width=box_w - 40, max_lines=2)

    centres = []
    for _key, angle, _col, _light in partners:
        a = math.radians(angle)
        centres.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
        c.line([(cx, cy), centres[-1]], LINE, 5)

    for (key, _angle, col, light), (px, py) in zip(partners, centres, strict=True):
        c.box(px - box_w / 2, py - box_h / 2, px + box_w / 2, py + box_h / 2, fill=light,
              outline=col, width=4, radius=24)
        c.text_block(px, py, labels["partners"][key], size=size, weight="bold", fill=INK,
                     on=light, max_width=box_w - 40, max_lines=2, line_height=1.25)

    r = 150
    c.ellipse(cx, cy, r, fill=TEAL)
    centre = fitted(c, [labels["centre"]], size=40, weight="bold", max_width=240, max_lines=2)
    c.text_block(cx, cy, labels["centre"], size=centre, weight="bold", fill=WHITE, on=TEAL,
                 max_width=240, max_lines=2, line_height=1.25)
    return c


def partnership_cycle(lang: str) -> Canvas:
    """Return the partnership cycle in one language."""
    labels = LABELS[lang]
    c = Canvas(W, H, lang=lang, source=SOURCE)
    cx, cy = 800, 470
    rx, ry = 560, 300
    colours = [(BLUE, BLUE_LIGHT), (TEAL, TEAL_LIGHT), (ORANGE, ORANGE_LIGHT),
               (BLUE, BLUE_LIGHT), (TEAL, TEAL_LIGHT)]
    n = len(colours)
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
        for k in range(0, 401, 4):
            a = math.radians(a0 + (a1 - a0) * k / 400)
            x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
            if not inside_box(x, y):
                arc.append((x, y))
        c.arrow(arc, ARROW, 7, head=30, spread=0.45)

    size = fitted(c, labels["steps"], size=36, weight="bold", max_width=box_w - 30,
                  max_lines=2)
    for text, (col, light), (px, py) in zip(labels["steps"], colours, pts, strict=True):
        c.box(px - box_w / 2, py - box_h / 2, px + box_w / 2, py + box_h / 2, fill=light,
              outline=col, width=4, radius=24)
        c.text_block(px, py, text, size=size, weight="bold", fill=INK, on=light,
                     max_width=box_w - 30, max_lines=2, line_height=1.25)

    words = fitted(c, [labels["cycle"]], size=36, weight="regular", max_width=400, max_lines=3)
    c.text_block(cx, cy, labels["cycle"], size=words, fill=MUTED, max_width=400, max_lines=3,
                 line_height=1.4)
    return c


def render() -> dict[str, bytes]:
    """Return {file name: bytes} of both diagrams' PNG and SVG in every language."""
    check_languages(WORKSHOP, LABELS)
    files: dict[str, bytes] = {}
    for lang in LABELS:
        files.update(partnership_map(lang).files("partnership-map"))
        files.update(partnership_cycle(lang).files("partnership-cycle"))
    return files


def main() -> None:
    """Write both diagrams in every language."""
    write(OUT_DIR, render())


if __name__ == "__main__":
    main()
