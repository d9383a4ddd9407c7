"""`build.py new`: scaffold a workshop folder that passes `check` as it is."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from .errors import ToolkitError
from .vocabulary import first_word

TEMPLATE = Path(__file__).parent / "scaffold" / "index.md.tmpl"


def slug_of(title: str) -> str:
    """Return a folder name for a title: lowercase ASCII words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-")


def yaml_text(text: str) -> str:
    """Return a title as a YAML scalar that survives colons and quotes."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold(docs_dir: Path, title: str, lang: str, slug: str | None = None) -> Path:
    """Write `<docs_dir>/<slug>/index.md` and a placeholder diagram; return the folder."""
    slug = slug or slug_of(title)
    if not slug:
        raise ToolkitError(f"error: cannot make a folder name from the title {title!r}; "
                           "pass --slug")
    folder = docs_dir / slug
    if folder.exists():
        raise ToolkitError(f"{folder}: error: folder already exists; "
                           "choose another title or --slug")
    text = TEMPLATE.read_text(encoding="utf-8").format(
        title=yaml_text(title), lang=lang, break_word=first_word("breaks", lang),
        year=datetime.date.today().year)
    (folder / "images").mkdir(parents=True)
    (folder / "index.md").write_text(text, encoding="utf-8")
    _placeholder_diagram(folder / "images" / "diagram.png")
    return folder


def _placeholder_diagram(path: Path) -> None:
    """Draw a simple two-box diagram for editors to replace."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 600), "white")
    draw = ImageDraw.Draw(image)
    for x, colour in ((120, "#1f6f8b"), (720, "#2a9d8f")):
        draw.rounded_rectangle((x, 200, x + 360, 400), radius=28, fill=colour)
    draw.line((480, 300, 720, 300), fill="#555555", width=8)
    draw.polygon(((720, 300), (690, 282), (690, 318)), fill="#555555")
    image.save(path, optimize=True)
