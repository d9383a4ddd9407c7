"""Draw the needs-mapping diagram of the cluster-membership workshop, in English and bokmål.

Three levels of needs mapping, from the member company via the shared needs of the members to
the cluster organisation and its partners outside, with a return arrow for the services that
the mapping shapes.

Run from the project root:

    .venv/bin/python tools/diagrams/cluster_membership.py

It writes into workshops/cluster-membership/images/ needs-mapping.png and needs-mapping.svg
(English) and needs-mapping.nb.png and needs-mapping.nb.svg (Norwegian bokmål), 1600 x 900 px,
in the theme's font. The SVG is the editable source: its words are text a translator can change.
"""

from __future__ import annotations

from canvas import ROOT, Canvas, check_languages, measure, tint, wrap, write

WORKSHOP = ROOT / "workshops" / "cluster-membership"
OUT_DIR = WORKSHOP / "images"
SOURCE = "tools/diagrams/cluster_membership.py"

WIDTH, HEIGHT = 1600, 900

WHITE = "#FFFFFF"
INK = "#212F3D"
MUTED = "#5C6B7A"
BLUE = "#2563A0"
TEAL = "#15766E"  # darker than the old #168A82: white text on it reaches 4.5:1
ORANGE = "#DE7826"  # the return arrow and the bullets
DEEP_ORANGE = "#B04A06"  # text and the heading band: white on it reaches 4.5:1

LABELS = {
    "en": {
        "title": "Mapping needs on three levels",
        "level": "LEVEL {n}",
        "levels": (
            ("Member company", ("Involve the staff", "Map skills gaps", "Membership strategy")),
            ("Shared needs", ("Member surveys", "Member forums", "Thematic activities")),
            ("Cluster and beyond", ("Cluster team skills", "Cluster-to-cluster",
                                    "ESCA labels")),
        ),
        "loop": "Services and training shaped by members' needs",
    },
    "nb": {
        "title": "Behovskartlegging på tre nivåer",
        "level": "NIVÅ {n}",
        "levels": (
            ("Medlemsbedriften", ("Involver de ansatte", "Kartlegg kompetansehull",
                                  "Strategi for medlemskapet")),
            ("Felles behov", ("Medlemsundersøkelser", "Medlemsforum", "Tematiske aktiviteter")),
            ("Klyngen og utover", ("Klyngeteamets kompetanse", "Fra klynge til klynge",
                                   "ESCA-sertifisering")),
        ),
        "loop": "Tjenester og opplæring formet etter medlemmenes behov",
    },
}

# (colour of the band and the level label, colour of the bullets, body tint)
COLOURS = ((BLUE, BLUE, tint(BLUE, 0.88)), (TEAL, TEAL, tint(TEAL, 0.88)),
           (DEEP_ORANGE, ORANGE, tint(ORANGE, 0.88)))


def fitted(c: Canvas, texts, *, size: float, weight: str, max_width: float,
           max_lines: int = 1, min_size: float = 28) -> float:
    """Return one size at which all `texts` fit; fail if there is none."""
    found = c.fit(texts, size=size, weight=weight, max_width=max_width, max_lines=max_lines,
                  min_size=min_size)
    if found is None:
        raise ValueError(f"{list(texts)} do not fit {max_width} px in {max_lines} lines")
    return found


def draw(lang: str) -> Canvas:
    """Return the diagram in one language."""
    labels = LABELS[lang]
    c = Canvas(WIDTH, HEIGHT, lang=lang, source=SOURCE)

    c.text(WIDTH / 2, 70, labels["title"], size=fitted(c, [labels["title"]], size=48,
           weight="bold", max_width=1400), weight="bold", fill=INK, max_width=1400)

    margin, gap = 50, 90
    box_w = (WIDTH - 2 * margin - 2 * gap) / 3
    caption_y, top, head_h, bottom = 150, 190, 92, 640
    text_x, room = 68, box_w - 68 - 28  # items: where the text starts, and its width

    names = [name for name, _items in labels["levels"]]
    items = [item for _name, its in labels["levels"] for item in its]
    badges = [labels["level"].format(n=n) for n in range(1, 4)]
    head = fitted(c, names, size=38, weight="bold", max_width=box_w - 30)
    badge = fitted(c, badges, size=34, weight="bold", max_width=box_w)
    # Items stay on one line if a slightly smaller size allows it, else wrap into two.
    item_size = c.fit(items, size=35, weight="regular", max_width=room, min_size=32) or fitted(
        c, items, size=35, weight="regular", max_width=room, max_lines=2, min_size=30)

    centres = []
    for index, ((name, its), (colour, bullet, body)) in enumerate(
            zip(labels["levels"], COLOURS, strict=True)):
        x0 = margin + index * (box_w + gap)
        x1 = x0 + box_w
        centres.append((x0 + x1) / 2)
        c.text((x0 + x1) / 2, caption_y, badges[index], size=badge, weight="bold", fill=colour,
               max_width=box_w)
        # body with a light tint and a coloured header band
        c.box(x0, top, x1, bottom, fill=body, radius=22)
        c.box(x0, top, x1, top + head_h, fill=colour, radius=22,
              corners=(True, True, False, False))
        c.text((x0 + x1) / 2, top + head_h / 2, name, size=head, weight="bold", fill=WHITE,
               on=colour, max_width=box_w - 30)
        # items with round bullets, in rows that line up across the columns; an item that
        # needs two lines is centred on its row, its bullet level with its first line
        spacing = 110
        for row, item in enumerate(its):
            iy = top + head_h + (bottom - top - head_h - 2 * spacing) / 2 + row * spacing
            lines = c.text_block(x0 + text_x, iy, item, size=item_size, fill=INK, on=body,
                                 anchor="start", max_width=room, max_lines=2, line_height=1.2)
            c.ellipse(x0 + 40, lines[0], 9, fill=bullet)
        # arrow to the next level
        if index < len(labels["levels"]) - 1:
            ay = (top + bottom) / 2
            c.arrow([(x1 + 16, ay), (x1 + gap - 16, ay)], MUTED, 10, head=26, spread=0.61)

    # return loop: what is mapped comes back to the members as services
    loop_y = 790
    right_x, left_x = centres[2], centres[0]
    c.arrow([(right_x, bottom + 4), (right_x, loop_y), (left_x, loop_y), (left_x, bottom + 14)],
            ORANGE, 8, head=26, spread=0.61)

    room = right_x - left_x - 200  # leave some of the orange line in sight on either side
    one_line = c.fit([labels["loop"]], size=35, weight="bold", max_width=room, min_size=32)
    size = one_line or fitted(c, [labels["loop"]], size=35, weight="bold", max_width=room,
                              max_lines=2)
    lines = wrap(labels["loop"], size, "bold", room)
    half = max(measure(line, size, "bold") for line in lines) / 2 + 22
    height = 30 + (len(lines) - 1) * size * 0.6
    c.box(WIDTH / 2 - half, loop_y - height, WIDTH / 2 + half, loop_y + height, fill=WHITE)
    c.text_block(WIDTH / 2, loop_y, labels["loop"], size=size, weight="bold", fill=INK,
                 max_width=room, max_lines=2, line_height=1.2)
    return c


def render() -> dict[str, bytes]:
    """Return {file name: bytes} of every language's PNG and SVG."""
    check_languages(WORKSHOP, LABELS)
    files: dict[str, bytes] = {}
    for lang in LABELS:
        files.update(draw(lang).files("needs-mapping"))
    return files


def main() -> None:
    """Write every language version of the diagram."""
    write(OUT_DIR, render())


if __name__ == "__main__":
    main()
