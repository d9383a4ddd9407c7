#!/usr/bin/env python3
"""Draw themes/default/funder.png: the European flag, for the "Co-funded by …" acknowledgement.

Drawn to the flag's published geometry (3:2; twelve five-pointed stars on a circle whose radius is
a third of the height; each star's outer radius an eighteenth of it). Run from the project folder:
    .venv/bin/python tools/make_funder_emblem.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
HEIGHT = 400                          # pixels; drawn at 4x and scaled down for smooth edges
BLUE, GOLD = "#003399", "#FFCC00"


def star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """Return the ten points of a five-pointed star, one point up."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def main() -> None:
    """Draw and save the flag."""
    scale = 4
    height = HEIGHT * scale
    width = height * 3 // 2
    image = Image.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(image)
    for index in range(12):
        angle = math.radians(-90 + 30 * index)
        cx = width / 2 + height / 3 * math.cos(angle)
        cy = height / 2 + height / 3 * math.sin(angle)
        draw.polygon(star(cx, cy, height / 18), fill=GOLD)
    image = image.resize((width // scale, HEIGHT), Image.LANCZOS)
    target = ROOT / "themes/default/funder.png"
    image.save(target, optimize=True)
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
