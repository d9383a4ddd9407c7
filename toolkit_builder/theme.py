"""Themes: branding (colours, fonts, logo, templates) read from themes/<name>/theme.yml.

`check_theme` reads a theme and the themes it extends and reports every problem at once, each
with its file, line and code; `load_theme` is the raising form for callers that need the theme.
Every default lives in themes/default/theme.yml, which every other theme extends.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .contrast import shortfalls
from .diagnostics import ERROR, Diagnostic, Reporter
from .errors import ConfigError
from .frontmatter import _kind as kind
from .frontmatter import yaml_problem
from .model import SourcePos
from .suggest import did_you_mean

KEYS = ("name", "colours", "fonts", "logo", "logo_png", "favicon", "page_size", "pptx_template",
        "extends", "funder", "funder_logo")
COLOURS = ("primary", "accent", "text", "muted", "light")
FONT_KEYS = ("body", "heading", "mono", "files")
# "fallback" and "fallback_bold": the (wider) fonts an office suite substitutes on a laptop without
# the theme's fonts; slide text is measured against the wider of the two, so it fits on both.
FONT_FILES = ("regular", "bold", "italic", "bolditalic", "semibold", "mono", "fallback",
              "fallback_bold")
PAGE_SIZES = ("A4", "Letter")
FILE_KEYS = ("logo", "logo_png", "favicon", "pptx_template", "funder_logo")
TEXT_KEYS = ("name", "extends", *FILE_KEYS)
DEFAULT = "default"
COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
SHOWN = 40

Key = tuple[str, ...]
# What the merged chain of themes must set; themes/default/theme.yml sets them all.
REQUIRED: tuple[Key, ...] = (*(("colours", c) for c in COLOURS), ("fonts", "body"),
                             ("fonts", "mono"), ("fonts", "files", "regular"), ("page_size",))


@dataclass(frozen=True)
class Theme:
    """Resolved branding: every path is absolute and exists; all of COLOURS are set."""

    name: str
    folder: Path
    colours: dict
    body_font: str
    heading_font: str
    mono_font: str
    font_files: dict = field(default_factory=dict)
    logo: Path | None = None
    logo_png: Path | None = None
    favicon: Path | None = None
    page_size: str = "A4"
    pptx_template: Path | None = None
    funder: str | dict = ""           # the funder's acknowledgement: text, or text by language
    funder_logo: Path | None = None   # its emblem (PNG), shown beside it
    folders: tuple[Path, ...] = ()

    def file(self, relative: str) -> Path | None:
        """Return a theme file, looking in this theme then in the themes it extends."""
        for folder in self.folders or (self.folder,):
            path = folder / relative
            if path.is_file():
                return path
        return None

    def funder_text(self, lang: str) -> str:
        """Return the funder's acknowledgement in a language (else in English, else any)."""
        if isinstance(self.funder, dict):
            return self.funder.get(lang) or self.funder.get("en") or next(
                iter(self.funder.values()), "")
        return self.funder

    def fingerprint(self) -> str:
        """Return a hash of every file of the theme, for caching artifacts."""
        digest = hashlib.sha256()
        for folder in self.folders or (self.folder,):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()


@dataclass(frozen=True)
class _Source:
    """One theme.yml: the theme's name and folder, its path as shown, its data, each key's line."""

    name: str
    folder: Path
    path: str
    data: dict
    lines: dict[Key, int]

    def pos(self, key: Key = ()) -> SourcePos:
        """Return the place of a key, or of its nearest enclosing key, or line 1."""
        while key and key not in self.lines:
            key = key[:-1]
        return SourcePos(self.path, self.lines.get(key, 1))


def _shown(path: Path, root: Path) -> str:
    """Return a path relative to the project root, as editors see it."""
    for base, target in ((root, path), (root.resolve(), path.resolve())):
        try:
            return target.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _cut(value: Any) -> str:
    """Return a value quoted for a message, cut to a readable length."""
    text = str(value)
    return f"'{text[:SHOWN - 1]}…'" if len(text) > SHOWN else f"'{text}'"


def _lookup(data: Any, key: Key) -> Any:
    """Return the value at a key path of nested mappings, or None."""
    for part in key:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _keys(node: yaml.Node, prefix: Key = ()) -> Iterator[tuple[Key, yaml.Node]]:
    """Yield the key path and key node of every key of nested mappings."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        key = (*prefix, str(key_node.value))
        yield key, key_node
        yield from _keys(value_node, key)


def _line_map(node: yaml.Node, path: str, reporter: Reporter) -> dict[Key, int]:
    """Return the 1-based line of every key, reporting keys given twice."""
    lines: dict[Key, int] = {}
    for key, key_node in _keys(node):
        line = key_node.start_mark.line + 1
        if key in lines:
            reporter.error(SourcePos(path, line), f"key '{'.'.join(key)}' appears twice",
                           "theme.duplicate")
        lines[key] = line
    return lines


def _parse(text: str, path: str, reporter: Reporter) -> tuple[dict, dict[Key, int]] | None:
    """Return a theme.yml's mapping and key lines, or None after reporting why it is unreadable."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        offset, problem = yaml_problem(exc)
        reporter.error(SourcePos(path, offset + 1), f"invalid YAML: {problem}", "theme.yaml")
        return None
    if data is not None and not isinstance(data, dict):
        reporter.error(SourcePos(path, 1), "theme.yml must be a mapping of 'key: value' lines, "
                       f"not {kind(data)}", "theme.yaml")
        return None
    return data or {}, _line_map(node, path, reporter)


def _read(themes_dir: Path, name: str, root: Path, reporter: Reporter) -> _Source | None:
    """Return one theme's theme.yml, or None after reporting why it cannot be read."""
    folder = themes_dir / name
    path = folder / "theme.yml"
    shown = _shown(path, root)
    if not folder.is_dir():
        reporter.error(SourcePos(_shown(folder, root)), f"no theme '{name}' in "
                       f"{_shown(themes_dir, root)}/{did_you_mean(name, theme_names(themes_dir))}",
                       "theme.not-found")
        return None
    if not path.is_file():
        reporter.error(SourcePos(shown), f"theme '{name}' has no theme.yml", "theme.not-found")
        return None
    text = _text(path, shown, reporter)
    parsed = _parse(text, shown, reporter) if text is not None else None
    return _Source(name, folder, shown, *parsed) if parsed else None


def _text(path: Path, shown: str, reporter: Reporter) -> str | None:
    """Return a theme.yml's text, or None after reporting why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        reporter.error(SourcePos(shown, line), "not valid UTF-8 "
                       f"(byte 0x{exc.object[exc.start]:02x})", "theme.yaml")
    except OSError as exc:
        reporter.error(SourcePos(shown), f"cannot read theme.yml: {exc.strerror}", "theme.yaml")
    return None


def theme_names(themes_dir: Path) -> list[str]:
    """Return the names of the themes in the themes folder."""
    if not themes_dir.is_dir():
        return []
    return sorted(p.name for p in themes_dir.iterdir() if (p / "theme.yml").is_file())


def _check_text(source: _Source, key: Key, reporter: Reporter) -> None:
    """Report a value that should be text (or empty) but is not."""
    value = _lookup(source.data, key)
    if value is not None and not isinstance(value, str):
        reporter.error(source.pos(key), f"'{'.'.join(key)}' must be text, not {kind(value)}",
                       "theme.type")


def _mapping(source: _Source, key: Key, reporter: Reporter) -> dict:
    """Return a value that should be a mapping, reporting it (and returning {}) if it is not."""
    value = _lookup(source.data, key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        reporter.error(source.pos(key), f"'{'.'.join(key)}' must be a mapping of 'key: value' "
                       f"lines, not {kind(value)}", "theme.type")
        return {}
    return value


def _unknown(source: _Source, key: Key, what: str, choices: tuple, reporter: Reporter) -> bool:
    """Report a key that is not one of `choices`; return whether it was unknown."""
    if key[-1] in choices:
        return False
    reporter.error(source.pos(key), f"unknown {what} '{key[-1]}'{did_you_mean(key[-1], choices)}",
                   "theme.unknown-key")
    return True


def colour_problem(value: Any) -> str:
    """Return what is wrong with a colour value, or an empty string for a good `#rrggbb`."""
    if isinstance(value, str) and COLOUR_RE.fullmatch(value):
        return ""
    if value is None:
        return "it is empty (an unquoted # starts a YAML comment: write it in quotes, \"#1f4e79\")"
    if not isinstance(value, str):
        return f"got {kind(value)}, {_cut(value)}; write it in quotes, \"#1f4e79\""
    if not value.startswith("#"):
        return f"{_cut(value)} does not start with '#'"
    bad = sorted({c for c in value[1:] if c not in string.hexdigits})
    if bad:
        return f"{_cut(value)} has {', '.join(_cut(c) for c in bad[:5])}, not hex digits (0-9, a-f)"
    return f"{_cut(value)} has {len(value) - 1} hex digits after '#', not 6"


def _check_colours(source: _Source, reporter: Reporter) -> None:
    """Report unknown colour names and values that are not `#rrggbb`."""
    for name, value in _mapping(source, ("colours",), reporter).items():
        key = ("colours", str(name))
        if _unknown(source, key, "colour", COLOURS, reporter):
            continue
        problem = colour_problem(value)
        if problem:
            reporter.error(source.pos(key), f"colour '{name}' must be '#rrggbb' (# and 6 hex "
                           f"digits): {problem}", "theme.colour")


def _check_fonts(source: _Source, reporter: Reporter) -> None:
    """Report unknown font keys, font names that are not text and unknown font file styles."""
    fonts = _mapping(source, ("fonts",), reporter)
    for name in fonts:
        key = ("fonts", str(name))
        if not _unknown(source, key, "font key", FONT_KEYS, reporter) and name != "files":
            _check_text(source, key, reporter)
    for name in _mapping(source, ("fonts", "files"), reporter) if fonts else ():
        key = ("fonts", "files", str(name))
        if not _unknown(source, key, "font file style", FONT_FILES, reporter):
            _check_text(source, key, reporter)


def _check_funder(source: _Source, reporter: Reporter) -> None:
    """Report a funder line that is neither text nor text by language code."""
    value = _lookup(source.data, ("funder",))
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in value.items()):
        reporter.error(source.pos(("funder",)), "'funder' must be text, or text by language "
                       "code (en: Co-funded by …, nb: Medfinansiert av …)", "theme.type")


def _validate(source: _Source, reporter: Reporter) -> None:
    """Report every problem of one theme.yml taken alone."""
    for name in source.data:
        _unknown(source, (str(name),), "key", KEYS, reporter)
    for name in TEXT_KEYS:
        _check_text(source, (name,), reporter)
    _check_colours(source, reporter)
    _check_fonts(source, reporter)
    _check_funder(source, reporter)
    size = source.data.get("page_size")
    if size is not None and size not in PAGE_SIZES:
        reporter.error(source.pos(("page_size",)), f"page_size must be A4 or Letter, not "
                       f"{_cut(size)}{did_you_mean(str(size), PAGE_SIZES)}", "theme.page-size")


def _parent(source: _Source, themes_dir: Path, reporter: Reporter) -> str | None:
    """Return the theme a theme extends (the default one if unsaid); '' if it names no theme."""
    name = source.data.get("extends")
    if not isinstance(name, str) or not name.strip():
        return DEFAULT if source.name != DEFAULT else None
    if not (themes_dir / name / "theme.yml").is_file():
        hint = did_you_mean(name, [n for n in theme_names(themes_dir) if n != source.name])
        reporter.error(source.pos(("extends",)), f"'extends' names no theme: '{name}'{hint}",
                       "theme.extends")
        return ""
    return name


def _chain(themes_dir: Path, name: str, root: Path, reporter: Reporter) -> list[_Source] | None:
    """Return a theme's theme.yml then those of the themes it extends; None if the chain breaks."""
    sources: list[_Source] = []
    current: str | None = name
    while current:
        names = [s.name for s in sources]
        if current in names:
            cycle = " -> ".join([*names[names.index(current):], current])
            reporter.error(sources[-1].pos(("extends",)), f"themes extend each other in a cycle: "
                           f"{cycle}", "theme.extends")
            return None
        source = _read(themes_dir, current, root, reporter)
        if source is None:
            return None
        _validate(source, reporter)
        sources.append(source)
        current = _parent(source, themes_dir, reporter)
    return sources if current is None else None


def _merge(base: dict, top: dict) -> dict:
    """Return `base` updated by `top`, merging nested mappings."""
    out = dict(base)
    for key, value in top.items():
        below = out.get(key)
        if isinstance(value, dict):
            out[key] = _merge(below if isinstance(below, dict) else {}, value)
        elif value is not None:  # an empty value is unset: the extended theme's value stays
            out[key] = value
    return out


def _find(sources: list[_Source], key: Key, reporter: Reporter) -> Path | None:
    """Return the file a key names, looked up in the theme's folder then in those it extends."""
    owner = next((s for s in sources if key in s.lines), None)
    relative = _lookup(owner.data, key) if owner else None
    if not isinstance(relative, str) or not relative.strip():
        return None
    label = ".".join(key)
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        reporter.error(owner.pos(key), f"'{label}' must name a file inside the theme folder, not "
                       f"{_cut(relative)}", "theme.file-path")
        return None
    for source in sources:
        if (source.folder / relative).is_file():
            return (source.folder / relative).resolve()
    folder = owner.path.rsplit("/", 1)[0]
    reporter.error(owner.pos(key), f"'{label}' names {_cut(relative)}, which does not exist in "
                   f"{folder}/ or the themes it extends", "theme.missing-file")
    return None


def _required(sources: list[_Source], data: dict, reporter: Reporter) -> None:
    """Report settings that neither the theme nor the themes it extends give."""
    for key in REQUIRED:
        if _lookup(data, key) is None:
            reporter.error(sources[0].pos(key), f"'{'.'.join(key)}' is not set by this theme or "
                           "the themes it extends (themes/default/theme.yml sets it)",
                           "theme.missing-key")


def _build(sources: list[_Source], data: dict, files: dict[Key, Path | None]) -> Theme:
    """Return the Theme of a merged, checked chain of theme.yml files."""
    fonts, top = data["fonts"], sources[0]
    return Theme(
        name=str(data.get("name") or top.name), folder=top.folder.resolve(),
        colours={name: data["colours"][name] for name in COLOURS},
        body_font=fonts["body"], heading_font=fonts.get("heading") or fonts["body"],
        mono_font=fonts["mono"],
        font_files={key[-1]: path for key, path in files.items() if len(key) == 3 and path},
        logo=files[("logo",)], logo_png=files[("logo_png",)], favicon=files[("favicon",)],
        page_size=data["page_size"], pptx_template=files[("pptx_template",)],
        funder=data.get("funder") or "", funder_logo=files[("funder_logo",)],
        folders=tuple(s.folder.resolve() for s in sources),
    )


def check_theme(themes_dir: Path, name: str, root: Path) -> tuple[Theme | None, list[Diagnostic]]:
    """Return a theme (None if it has any error) and every problem found in its chain."""
    reporter = Reporter()
    sources = _chain(themes_dir, name, root, reporter)
    theme = None
    if sources:
        data: dict = {}
        for source in reversed(sources):
            data = _merge(data, source.data)
        _required(sources, data, reporter)
        keys = [(k,) for k in FILE_KEYS] + [("fonts", "files", k) for k in FONT_FILES]
        files = {key: _find(sources, key, reporter) for key in keys}
        theme = None if reporter.errors else _build(sources, data, files)
        if theme is not None:
            _check_contrast(sources, theme, reporter)
    return theme, reporter.sorted()


def _check_contrast(sources: list[_Source], theme: Theme, reporter: Reporter) -> None:
    """Warn about theme colours that set text below WCAG's contrast, at the colour's line."""
    for fore, back, found, least, where in shortfalls(theme.colours):
        name = fore if fore != "white" else back
        key = ("colours", name)
        source = next((s for s in sources if key in s.lines), sources[0])
        reporter.warning(source.pos(key), f"colours '{fore}' on '{back}' contrast {found:.1f}:1, "
                         f"below {least:g}:1 for {where}: make one darker or lighter",
                         "theme.contrast")


def load_theme(themes_dir: Path, name: str) -> Theme:
    """Return a theme; raise ConfigError listing every error, one per line, if it has any."""
    theme, diagnostics = check_theme(themes_dir, name, themes_dir.parent)
    if theme is None:
        raise ConfigError("\n".join(d.format() for d in diagnostics if d.level == ERROR))
    return theme
