"""Glyph coverage: report characters of a workshop that the theme's fonts cannot show.

The PDFs and slides are set in the theme's font files; a character none of them has shows as a
box. Body text is checked against the text fonts (regular, bold, italic, … and the fallback),
code (fenced blocks and `inline code`) against the mono font. Each font's character map is read
once per process (fontTools), so a check stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .diagnostics import Reporter
from .model import SourcePos
from .theme import Theme

TEXT_FONTS = ("regular", "bold", "italic", "bolditalic", "semibold", "fallback", "fallback_bold")
CODE_FONTS = ("mono",)
MAX_PER_FILE = 20
FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1")
COMMENT_RE = re.compile(r"<!--.*?-->")
# Characters that draw nothing of their own: controls, format marks (joiners, bidi marks),
# separators and variation selectors, which fonts need not map.
SILENT_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}


@lru_cache(maxsize=64)
def font_chars(path: Path) -> frozenset[int]:
    """Return the code points a font file maps to a glyph (empty if it cannot be read)."""
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True) as font:
            cmap = font["cmap"].getBestCmap() or {}
        return frozenset(cmap)
    except Exception:  # noqa: BLE001 - an unreadable font covers nothing; the theme check says why
        return frozenset()


@lru_cache(maxsize=64)
def font_family(path: Path) -> str:
    """Return a font file's family name (its file name when it has none)."""
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True) as font:
            name = font["name"].getBestFamilyName()
        return name or path.stem
    except Exception:  # noqa: BLE001 - the name only labels the message
        return path.stem


@lru_cache(maxsize=32)
def _coverage(paths: tuple[Path, ...]) -> tuple[frozenset[int], tuple[str, ...]]:
    """Return the union of some fonts' code points and their family names, in order."""
    chars: set[int] = set()
    for path in paths:
        chars |= font_chars(path)
    return frozenset(chars), tuple(dict.fromkeys(font_family(path) for path in paths))


def coverage(theme: Theme, keys: tuple[str, ...]) -> tuple[frozenset[int], tuple[str, ...]]:
    """Return what a theme's fonts of some roles cover, and their family names."""
    paths = tuple(Path(theme.font_files[key]) for key in keys if theme.font_files.get(key))
    return _coverage(paths)


def glyph_fonts(theme: Theme | None) -> str:
    """Return what the glyph check of a file depends on: the theme's font files, as they are."""
    if theme is None:
        return "no theme"
    out = []
    for key in (*TEXT_FONTS, *CODE_FONTS):
        path = theme.font_files.get(key)
        if path:
            try:
                stat = Path(path).stat()
                out.append(f"{key}={path}:{stat.st_size}:{stat.st_mtime_ns}")
            except OSError:
                out.append(f"{key}={path}:missing")
    return "\n".join(out)


def silent(char: str) -> bool:
    """Return whether a character needs no glyph (whitespace, controls, variation selectors)."""
    code = ord(char)
    return (unicodedata.category(char) in SILENT_CATEGORIES or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF)


def covers(theme: Theme, char: str, code: bool = False) -> bool:
    """Return whether the theme's text (or code) fonts show a character."""
    chars, _ = coverage(theme, CODE_FONTS if code else TEXT_FONTS)
    return silent(char) or not chars or ord(char) in chars


def _first_missing(text: str, chars: frozenset[int]) -> int | None:
    """Return the index of the first character of a text that `chars` lacks, or None."""
    for index, char in enumerate(text):
        if ord(char) not in chars and not silent(char):
            return index
    return None


def _line_missing(line: str, fenced: bool, text: frozenset[int],
                  mono: frozenset[int]) -> tuple[int, bool] | None:
    """Return the column (0-based) of a line's first uncovered character and whether it is code."""
    if fenced:
        index = _first_missing(line, mono) if mono else None
        return None if index is None else (index, True)
    found: list[tuple[int, bool]] = []
    last = 0
    visible = COMMENT_RE.sub(lambda m: " " * len(m.group(0)), line)
    for match in INLINE_CODE_RE.finditer(visible):
        index = _first_missing(visible[last:match.start()], text) if text else None
        if index is not None:
            found.append((last + index, False))
            break
        index = _first_missing(match.group(2), mono) if mono else None
        if index is not None:
            found.append((match.start(2) + index, True))
            break
        last = match.end()
    if not found:
        index = _first_missing(visible[last:], text) if text else None
        if index is not None:
            found.append((last + index, False))
    return found[0] if found else None


def _all_shown(chars: set[str], fonts: frozenset[int]) -> bool:
    """Return whether fonts show every character of a set (no fonts: nothing is checked)."""
    return not fonts or all(ord(char) in fonts or silent(char) for char in chars)


def check_glyphs(text: str, rel: str, theme: Theme, reporter: Reporter) -> None:
    """Report, line by line, the first character of a source the theme's fonts cannot show."""
    text_chars, text_names = coverage(theme, TEXT_FONTS)
    mono_chars, mono_names = coverage(theme, CODE_FONTS)
    if not text_chars and not mono_chars:
        return
    distinct = set(text)
    if _all_shown(distinct, text_chars) and _all_shown(distinct, mono_chars):
        return  # the usual case, found without reading line by line
    reported, fence = 0, None
    lines = text.split("\n")
    front = bool(lines) and lines[0].rstrip() == "---"
    for number, line in enumerate(lines, 1):
        if front:
            if number > 1 and line.rstrip() in ("---", "..."):
                front = False
                continue
            if line.lstrip().startswith("#"):
                continue  # a YAML comment reaches no document
        match = FENCE_RE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
                continue
        elif match and not front:
            fence = match.group(1)
            continue
        found = _line_missing(line, fence is not None, text_chars, mono_chars)
        if found is None:
            continue
        column, code = found
        if reported == MAX_PER_FILE:
            reporter.warning(SourcePos(rel, number), "more characters further on are not in the "
                             "theme's fonts; only the first "
                             f"{MAX_PER_FILE} lines with one are listed", "glyphs.missing")
            return
        reported += 1
        reporter.warning(SourcePos(rel, number), message(line[column], column, code,
                                                         mono_names if code else text_names),
                         "glyphs.missing")


def message(char: str, column: int, code: bool, names: tuple[str, ...]) -> str:
    """Return the warning for one character the fonts lack."""
    fonts = "code font" if code else "fonts"
    shown = repr(char) if char.isprintable() else "a character"
    return (f"column {column + 1}: {shown} (U+{ord(char):04X}) is not in the theme's {fonts} "
            f"({', '.join(names)}): it shows as a box in the PDF and slides; use a theme whose "
            "fonts cover this script, or leave it out")
