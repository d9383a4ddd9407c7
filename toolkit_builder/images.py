"""Validate image files before a renderer sees them: decode pictures, measure SVGs safely."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage

from .limits import (
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_SVG_BYTES,
    MAX_SVG_DEPTH,
    MAX_SVG_DRAWN,
    MAX_SVG_ELEMENTS,
    MAX_SVG_USES,
    cut,
)

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def image_problem(path: Path) -> str:
    """Return why an image file cannot be used (unreadable, damaged, too large), or ''."""
    stat = path.stat()
    return _problem(path, stat.st_size, stat.st_mtime_ns)


# The translations of a workshop share its images: each file is decoded once per process.
@lru_cache(maxsize=256)
def _problem(path: Path, size: int, mtime_ns: int) -> str:
    """Return why an image file (as it is at this size and time) cannot be used, or ''."""
    if path.suffix.lower() == ".svg":
        return svg_problem(path.read_bytes()) if size <= MAX_SVG_BYTES else (
            f"is {size // 1024:,} KiB; SVG images are limited to {MAX_SVG_BYTES // 1024:,} KiB")
    if size > MAX_IMAGE_BYTES:
        return f"is {size // (1024 * 1024)} MiB; images are limited to 20 MiB"
    try:
        with PILImage.open(path) as picture:  # reads the header only
            width, height = picture.size
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return "is not a readable PNG, JPEG or GIF image"
    if width * height > MAX_IMAGE_PIXELS:
        return (f"is {width}×{height} pixels; "
                f"images are limited to {MAX_IMAGE_PIXELS // 1_000_000} megapixels")
    try:
        with PILImage.open(path) as picture:
            picture.verify()  # checks the file's structure and checksums
        with PILImage.open(path) as picture:
            picture.load()  # decodes every pixel: a truncated file fails here
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        return f"is damaged ({cut(exc, 80)}): export it again"
    return ""


def svg_problem(data: bytes) -> str:
    """Return why an SVG is unsafe to render (entities, size, depth, <use> fan-out), or ''."""
    if b"<!ENTITY" in data:
        return "declares XML entities (<!ENTITY>); export it again without them"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"is not a readable SVG file ({cut(exc.msg, 100)})"
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    if len(elements) > MAX_SVG_ELEMENTS:
        return f"has {len(elements):,} elements; SVG images may have at most {MAX_SVG_ELEMENTS:,}"
    depth = max(sum(1 for _ in el.iterancestors()) + 1 for el in elements)
    if depth > MAX_SVG_DEPTH:
        return f"nests elements {depth} deep; SVG images may nest at most {MAX_SVG_DEPTH}"
    uses = [el for el in elements if etree.QName(el).localname == "use"]
    if len(uses) > MAX_SVG_USES:
        return f"has {len(uses):,} <use> elements; SVG images may have at most {MAX_SVG_USES:,}"
    drawn = drawn_elements(root, elements)
    if drawn is None:
        return "has a <use> element that refers to itself or an element holding it"
    if drawn > MAX_SVG_DRAWN:
        return (f"draws more than {MAX_SVG_DRAWN:,} elements once its <use> references are "
                "expanded; simplify it")
    return ""


def drawn_elements(root, elements: list) -> int | None:
    """Return how many elements an SVG draws with every <use> expanded (None for a cycle)."""
    index = {el: number for number, el in enumerate(elements)}
    ids = {el.get("id"): index[el] for el in elements if el.get("id")}
    deps: list[list[int]] = []
    for el in elements:
        children = [index[child] for child in el if child in index]
        href = el.get("href") or el.get(XLINK_HREF) or ""
        if etree.QName(el).localname == "use" and href.startswith("#") and href[1:] in ids:
            children.append(ids[href[1:]])
        deps.append(children)
    size: dict[int, int] = {}
    started: set[int] = set()
    stack = [(index[root], False)]
    while stack:
        node, done = stack.pop()
        if done:
            size[node] = min(MAX_SVG_DRAWN + 1, 1 + sum(size[d] for d in deps[node]))
            continue
        if node in size:
            continue
        if node in started:
            return None  # started but unfinished: an ancestor on the current path
        started.add(node)
        stack.append((node, True))
        stack.extend((d, False) for d in deps[node] if d not in size)
    return size[index[root]]
