"""Text measurement with the theme's real font files, so that slide text is known to fit."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from ..errors import ConfigError
from ..model import Run

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")   # C0/C1 controls but tab and newline
SPACES = re.compile(r"[ \t\n\r\f\v]+")     # where a line may break (not at a no-break space)
# Pillow measures in pixels of a font loaded at this size; scaling to points is linear.
REFERENCE_SIZE = 200
# For each style, the theme's font files to measure it with, nearest first. Only the theme's own
# files are opened: a style the theme lacks is measured with its nearest one, never a system font.
NEAREST = {
    "regular": ("regular", "semibold", "bold", "italic", "bolditalic", "mono"),
    "bold": ("bold", "semibold", "regular"),
    "italic": ("italic", "regular"),
    "bolditalic": ("bolditalic", "bold", "italic", "semibold", "regular"),
    "semibold": ("semibold", "bold", "regular"),
    "mono": ("mono", "regular"),
}


@lru_cache(maxsize=16)
def _font(path: str) -> ImageFont.FreeTypeFont:
    """Return a font file loaded at the reference size."""
    return ImageFont.truetype(path, REFERENCE_SIZE)


# The fallback font each style is also measured with (a laptop without the theme's font shows it).
FALLBACK = {"regular": "fallback", "italic": "fallback", "semibold": "fallback_bold",
            "bold": "fallback_bold", "bolditalic": "fallback_bold"}


def font_paths(files: dict[str, Path]) -> dict[str, tuple[str, ...]]:
    """Return the font files to measure each style with: the theme's own (or nearest) first, then
    the fallback an office suite substitutes without it."""
    paths = {}
    for style, order in NEAREST.items():
        found = next((files[key] for key in (*order, *NEAREST["regular"]) if files.get(key)), None)
        if found is None:
            raise ConfigError("the theme has no font files to measure slide text with: "
                              "set fonts.files.regular in its theme.yml")
        fallback = files.get(FALLBACK.get(style, "")) or (
            files.get("fallback") if style in FALLBACK else None)
        paths[style] = (str(found),) + ((str(fallback),) if fallback else ())
    return paths


MEMO_LIMIT = 200_000      # line counts a Metrics keeps before it starts afresh
_SHARED: dict[tuple, Metrics] = {}


def metrics_for(files: dict[str, Path]) -> Metrics:
    """Return the Metrics of a theme's font files, shared by every deck of a process."""
    key = tuple(sorted((name, str(path)) for name, path in files.items()))
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = Metrics(files)
    return found


# Word widths at the reference size, shared by every deck of a process: workshops reuse words.
_WIDTHS: dict[tuple[str, tuple[str, ...]], float] = {}


class Metrics:
    """Widths and line heights of text set in a theme's fonts."""

    def __init__(self, files: dict[str, Path], paths: dict[str, tuple[str, ...]] | None = None):
        self.paths = paths if paths is not None else font_paths(files)
        # Line counts by (runs, size, width, bold): a deck is planned at up to four sizes, and
        # pagination measures the same paragraphs again and again.
        self._lines: dict[tuple, int] = {}
        self._variants: list[Metrics] | None = None

    @property
    def variants(self) -> list[Metrics]:
        """Return one Metrics per font the text may be shown in: the theme's, then its fallback.
        A height is the largest of theirs (each font wraps and spaces lines its own way); widths
        measured here are the widest of both, so that no word outgrows a column in either."""
        if self._variants is None:
            count = max(len(paths) for paths in self.paths.values())
            self._variants = [self] if count == 1 else [self._single(i) for i in range(count)]
            if count > 1:
                self._variants = [variant.alone() for variant in self._variants]
        return self._variants

    def alone(self) -> Metrics:
        """Return this Metrics as its own only variant (it measures in one font)."""
        self._variants = [self]
        return self

    def _single(self, index: int) -> Metrics:
        """Return the Metrics of one of the style's fonts (the last one where a style has fewer)."""
        return Metrics({}, {style: (paths[min(index, len(paths) - 1)],)
                            for style, paths in self.paths.items()})

    def style_of(self, run: Run, bold: bool = False) -> str:
        """Return the font style a run is set in."""
        if run.code:
            return "mono"
        strong = run.strong or bold
        return {(True, True): "bolditalic", (True, False): "bold", (False, True): "italic"}.get(
            (strong, run.emphasis), "regular")

    def width(self, text: str, style: str, size: float) -> float:
        """Return the width in points of a text at a font size: the widest of the style's fonts."""
        key = (text, self.paths[style])
        width = _WIDTHS.get(key)
        if width is None:
            # Control characters (U+0085 …) make the shaper fail; they take no room on a slide.
            shown = CONTROLS.sub(" ", text)
            width = _WIDTHS[key] = max(_font(path).getlength(shown) for path in self.paths[style])
        return width * size / REFERENCE_SIZE

    def line_height(self, size: float, style: str = "regular") -> float:
        """Return the height of one line at single spacing: the tallest of the style's fonts."""
        return max(sum(_font(path).getmetrics()) for path in self.paths[style]) * size / \
            REFERENCE_SIZE

    def words(self, runs: tuple[Run, ...], bold: bool = False) -> list[tuple[str, str, bool]]:
        """Return (word, style, ends-line) tokens of some runs."""
        tokens: list[tuple[str, str, bool]] = []
        for run in runs:
            if run.text == "\n":
                if tokens:
                    tokens[-1] = (tokens[-1][0], tokens[-1][1], True)
                continue
            style = self.style_of(run, bold)
            for word in SPACES.split(run.text):  # a no-break space joins, as it does on the slide
                if word:
                    tokens.append((word, style, False))
        return tokens

    def lines(self, runs: tuple[Run, ...], size: float, width: float, bold: bool = False) -> int:
        """Return how many lines some runs wrap to in a column `width` points wide."""
        key = (runs, size, width, bold)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > MEMO_LIMIT:  # bounded across a long build
                self._lines.clear()
            found = self._lines[key] = self._count_lines(runs, size, width, bold)
        return found

    def _count_lines(self, runs: tuple[Run, ...], size: float, width: float, bold: bool) -> int:
        """Return how many lines some runs wrap to (measured, word by word)."""
        count, used = 1, 0.0
        for word, style, breaks in self.words(runs, bold):
            word_width = self.width(word, style, size)
            space = self.width(" ", style, size) if used else 0.0
            if used and used + space + word_width > width:
                count += 1 + int(word_width // max(width, 1))
                used = word_width % max(width, 1)
            else:
                used += space + word_width
                if not used - word_width and word_width > width:
                    count += int(word_width // max(width, 1))
                    used = word_width % max(width, 1)
            if breaks:
                count, used = count + 1, 0.0
        return count

    def natural_width(self, runs: tuple[Run, ...], size: float, bold: bool = False) -> float:
        """Return the width of some runs set on one line."""
        tokens = self.words(runs, bold)
        return sum(self.width(w, s, size) for w, s, _ in tokens) + \
            self.width(" ", "regular", size) * max(len(tokens) - 1, 0)

    def longest_word(self, runs: tuple[Run, ...], size: float, bold: bool = False) -> float:
        """Return the width of the widest word of some runs."""
        return max((self.width(w, s, size) for w, s, _ in self.words(runs, bold)), default=0.0)
