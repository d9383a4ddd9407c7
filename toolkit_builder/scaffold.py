"""`./build.py new`: scaffold a workshop folder, in its language, that passes `check --strict`
as it is."""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from pathlib import Path

import jinja2

from .errors import ToolkitError
from .i18n import N_, text
from .sources import SLUG_RE
from .vocabulary import first_word

TEMPLATE = Path(__file__).parent / "scaffold" / "index.md.j2"
# Letters that Unicode does not decompose into a base letter and a mark, spelt as they are usually
# transliterated (Ærlig talt: å lære → aerlig-talt-a-laere); the rest lose their accents.
TRANSLITERATION = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
                                 "ß": "ss", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l",
                                 "Ł": "l", "đ": "d", "Đ": "d", "ı": "i"})
SLUG_LENGTH = 60
# The section titles the agenda names (an agenda item and its section must read the same).
SECTIONS = {"welcome": N_("Welcome and introductions"), "main_idea": N_("The main idea"),
            "activity_section": N_("Activity: apply it at home"),
            "wrap_up": N_("Wrap-up and feedback"), "activity": N_("Apply it at home"),
            "worksheet": N_("Step worksheet")}


def slug_of(title: str) -> str:
    """Return a folder name for a title: lowercase ASCII words joined by hyphens."""
    spelt = unicodedata.normalize("NFKD", title.translate(TRANSLITERATION))
    folded = spelt.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:SLUG_LENGTH].strip("-")


def yaml_text(value: str) -> str:
    """Return text as a YAML scalar that survives colons, quotes and '#' (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Return the environment of the scaffold's template (Markdown: nothing is escaped)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             autoescape=False)  # noqa: S701 - writes Markdown, not HTML
    env.filters["yaml"] = yaml_text
    return env


def render(title: str, lang: str) -> str:
    """Return the scaffold's Markdown in a language."""
    words = {name: text(lang, message) for name, message in SECTIONS.items()}
    return environment().get_template(TEMPLATE.name).render(
        title=yaml_text(title), lang=lang, t=functools.partial(text, lang),
        break_word=first_word("breaks", lang), materials_word=first_word("materials", lang),
        groups_word=first_word("groups", lang), room_word=first_word("room", lang),
        year=datetime.date.today().year, **words)


def slug_problem(slug: str) -> str:
    """Return why `slug` cannot name a workshop folder, or an empty string if it can."""
    if SLUG_RE.match(slug):
        return ""
    return (f"--slug {slug!r} must be lowercase letters, digits and hyphens: a-z and 0-9 in words "
            f"joined by single hyphens, e.g. {slug_of(slug) or 'my-workshop'!r}")


def scaffold(docs_dir: Path, title: str, lang: str, slug: str | None = None) -> Path:
    """Write `<docs_dir>/<slug>/index.md` and a placeholder diagram; return the folder."""
    if slug is not None and slug_problem(slug):
        raise ToolkitError(f"error: {slug_problem(slug)}")
    slug = slug or slug_of(title)
    if not slug:
        raise ToolkitError(f"error: cannot make a folder name from the title {title!r}; "
                           "pass --slug")
    folder = docs_dir / slug
    if folder.exists():
        raise ToolkitError(f"{folder}: error: folder already exists; "
                           "choose another title or --slug")
    (folder / "images").mkdir(parents=True)
    (folder / "index.md").write_text(render(title, lang), encoding="utf-8")
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
