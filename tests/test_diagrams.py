"""The workshops' diagrams: an editable SVG beside every PNG, translated, and reproducible.

The scripts in tools/diagrams/ draw each diagram once and render it twice, as a PNG and as an
SVG whose words are `<text>` elements in the theme's font, so a translator can change them.
"""

from __future__ import annotations

import importlib.util
import io
import re
import struct
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
WORKSHOPS = ROOT / "workshops"
DIAGRAMS = ROOT / "tools" / "diagrams"
SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IMAGE_RE = re.compile(r"!\[[^\]]*\]\((images/[^)\s]+)")


def source_language(source: Path) -> str:
    """Return the language of a workshop source: index.md is English, index.nb.md bokmål."""
    suffixes = source.suffixes
    return suffixes[0][1:] if len(suffixes) > 1 else "en"


def references() -> list[tuple[Path, str]]:
    """Return (source, image path) for every image a workshop source shows from images/."""
    found = []
    for source in sorted(WORKSHOPS.glob("*/index*.md")):
        for src in IMAGE_RE.findall(source.read_text(encoding="utf-8")):
            found.append((source, src))
    return found


def ref_id(ref: tuple[Path, str]) -> str:
    source, src = ref
    return f"{source.parent.name}/{source.name}:{src}"


REFERENCES = references()
TRANSLATED = [ref for ref in REFERENCES if source_language(ref[0]) != "en"]
SCRIPTS = sorted(path for path in DIAGRAMS.glob("*.py") if path.name != "canvas.py")


def theme_family() -> str:
    theme = yaml.safe_load((ROOT / "themes/default/theme.yml").read_text(encoding="utf-8"))
    return theme["fonts"]["body"]


def svg_texts(path: Path) -> list[str]:
    """Return the words of an SVG's `<text>` elements, in document order."""
    root = ElementTree.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def diagrams():
    """Import tools/diagrams/ (the scripts import their shared canvas module by name)."""
    sys.path.insert(0, str(DIAGRAMS))
    try:
        import canvas

        modules = {"canvas": canvas}
        for path in SCRIPTS:
            spec = importlib.util.spec_from_file_location(f"diagram_{path.stem}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            modules[path.stem] = module
        yield modules
    finally:
        sys.path.remove(str(DIAGRAMS))


def test_the_workshops_show_diagrams():
    assert len(REFERENCES) >= 7 and len(TRANSLATED) >= 4


@pytest.mark.parametrize("ref", REFERENCES, ids=ref_id)
def test_every_image_has_an_editable_svg_beside_it(ref):
    source, src = ref
    png = source.parent / src
    assert png.suffix == ".png" and png.is_file(), f"{ref_id(ref)}: no PNG"
    svg = png.with_suffix(".svg")
    assert svg.is_file(), f"{ref_id(ref)}: no editable source {svg.name} beside {png.name}"

    root = ElementTree.parse(svg).getroot()  # it parses
    assert root.tag == f"{SVG}svg"
    with Image.open(png) as picture:
        width, height = picture.size
    x, y, view_w, view_h = (float(v) for v in root.get("viewBox").split())
    assert (x, y) == (0, 0)
    assert view_w / view_h == pytest.approx(width / height, rel=1e-3)
    assert (view_w, view_h) == (width, height)

    texts = list(root.iter(f"{SVG}text"))
    assert len(texts) >= 3, f"{svg.name}: its words are not editable text"
    family = theme_family()
    for text in texts:
        assert text.get("font-family", "").split(",")[0].strip() == family, text.text
        assert text.get("font-weight") in ("400", "600", "700")
        assert "".join(text.itertext()).strip()


@pytest.mark.parametrize("ref", TRANSLATED, ids=ref_id)
def test_translated_sources_show_translated_diagrams(ref):
    source, src = ref
    lang = source_language(source)
    svg = (source.parent / src).with_suffix(".svg")
    english = svg.with_name(svg.name.replace(f".{lang}.svg", ".svg"))
    assert english.is_file(), f"{ref_id(ref)}: no English {english.name}"
    assert svg.name.endswith(f".{lang}.svg") and svg_texts(svg) != svg_texts(english), (
        f"{ref_id(ref)} shows the English diagram; point it at images/{english.stem}.{lang}.png")
    assert ElementTree.parse(svg).getroot().get(XML_LANG) == lang


def png_chunks(data: bytes) -> list[bytes]:
    """Return the chunk types of a PNG file."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_scripts_reproduce_the_committed_diagrams(diagrams, script):
    module = diagrams[script.stem]
    files = module.render()
    assert files, f"{script.name} renders nothing"
    for name, data in files.items():
        path = module.OUT_DIR / name
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run {script.name}"
        assert path.read_bytes() == data, (
            f"{path.relative_to(ROOT)} differs from what {script.name} draws: run it again")
        if name.endswith(".png"):
            assert not {b"tIME", b"tEXt", b"iTXt", b"zTXt"} & set(png_chunks(data)), name
        else:
            assert name.endswith(".svg")
            data.decode("utf-8")
    # Every language the workshop is published in has its diagrams.
    published = diagrams["canvas"].published_languages(module.WORKSHOP)
    assert set(module.LABELS) >= set(published)


def test_the_canvas_uses_the_themes_own_fonts(diagrams):
    canvas = diagrams["canvas"]
    family, files = canvas.theme_fonts()
    assert family == theme_family() == "Open Sans"
    assert set(files) == {"regular", "semibold", "bold"}
    for path in files.values():
        assert path.is_file() and path.parent == ROOT / "themes/default/fonts"
        assert path.name.startswith("OpenSans-")


def test_the_canvas_refuses_text_a_reader_could_not_read(diagrams):
    canvas = diagrams["canvas"]
    c = canvas.Canvas(1600, 900)
    with pytest.raises(ValueError, match="contrast"):
        c.text(800, 450, "pale", size=30, fill="#AAAAAA")
    with pytest.raises(ValueError, match="at least"):
        c.text(800, 450, "tiny", size=18, fill="#000000")
    with pytest.raises(ValueError, match="no glyph"):
        c.text(800, 450, "a → b", size=30, fill="#000000")
    with pytest.raises(ValueError, match="outside"):
        c.text(1590, 450, "off the edge", size=30, fill="#000000", anchor="start")
    with pytest.raises(ValueError, match="wide"):
        c.text(800, 450, "a long label", size=30, fill="#000000", max_width=50)
    assert canvas.contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert canvas.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_the_canvas_renders_one_drawing_twice(diagrams):
    canvas = diagrams["canvas"]
    c = canvas.Canvas(400, 200, lang="es")
    c.box(10, 10, 390, 190, fill="#EEF3F8", outline="#1F4E79", width=4, radius=20)
    c.text_block(200, 100, "Diagnóstico compartido & más", size=30, weight="bold",
                 fill="#1D2430", on="#EEF3F8", max_width=300, max_lines=2)
    with Image.open(io.BytesIO(c.png())) as picture:
        assert picture.size == (400, 200)
    root = ElementTree.fromstring(c.svg())
    assert root.get("viewBox") == "0 0 400 200" and root.get(XML_LANG) == "es"
    assert ["".join(t.itertext()) for t in root.iter(f"{SVG}text")] == [
        "Diagnóstico", "compartido & más"]
    assert c.png() == c.png() and c.svg() == c.svg()
