"""Themes: branding (colours, fonts, logo, templates) read from themes/<name>/theme.yml."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError

KEYS = ("name", "colours", "fonts", "logo", "logo_png", "favicon", "page_size", "pptx_template", "extends")
COLOURS = ("primary", "accent", "text", "muted", "light")
FONT_KEYS = ("body", "heading", "mono", "files")
FONT_FILES = ("regular", "bold", "italic", "bolditalic", "semibold")
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class Theme:
    """Resolved branding: every path is absolute and exists."""

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
    folders: tuple[Path, ...] = ()

    def file(self, relative: str) -> Path | None:
        """Return a theme file, looking in this theme then in the themes it extends."""
        for folder in self.folders or (self.folder,):
            path = folder / relative
            if path.is_file():
                return path
        return None

    def fingerprint(self) -> str:
        """Return a hash of every file of the theme, for caching artifacts."""
        digest = hashlib.sha256()
        for folder in self.folders or (self.folder,):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()


def _hint(word: str, choices) -> str:
    """Return a 'did you mean' hint."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _read(folder: Path) -> dict:
    """Return a theme.yml as a mapping, checking its keys."""
    path = folder / "theme.yml"
    if not path.is_file():
        raise ConfigError(f"{path}: error: theme '{folder.name}' has no theme.yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise ConfigError(f"{path}:{line}: error: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: error: theme.yml must be a mapping")
    problems = [f"unknown key '{k}'{_hint(k, KEYS)}" for k in data if k not in KEYS]
    problems += [f"unknown colour '{k}'{_hint(k, COLOURS)}" for k in data.get("colours") or {} if k not in COLOURS]
    problems += [f"unknown font key '{k}'{_hint(k, FONT_KEYS)}" for k in data.get("fonts") or {} if k not in FONT_KEYS]
    if data.get("page_size", "A4") not in PAGE_SIZES:
        problems.append(f"page_size must be A4 or Letter, not {data['page_size']!r}")
    if problems:
        raise ConfigError("\n".join(f"{path}: error: {p}" for p in problems))
    return data


def _merge(base: dict, top: dict) -> dict:
    """Return `base` updated by `top`, merging nested mappings."""
    out = dict(base)
    for key, value in top.items():
        out[key] = _merge(out.get(key) or {}, value) if isinstance(value, dict) else value
    return out


def load_theme(themes_dir: Path, name: str) -> Theme:
    """Return a theme; a theme may `extends:` another (the default one if unsaid)."""
    chain, data, seen = [], {}, set()
    current = name
    while current and current not in seen:
        seen.add(current)
        folder = themes_dir / current
        if not folder.is_dir():
            known = sorted(p.name for p in themes_dir.iterdir() if p.is_dir()) if themes_dir.is_dir() else []
            raise ConfigError(f"{folder}: error: no theme '{current}'{_hint(current, known)}")
        raw = _read(folder)
        chain.append(folder)
        data = _merge(raw, data)
        current = raw.get("extends") or ("default" if current != "default" else None)
    return _resolve(data, tuple(chain))


def _resolve(data: dict, folders: tuple[Path, ...]) -> Theme:
    """Return a Theme with every file looked up through the chain of folders."""
    def find(relative: str | None) -> Path | None:
        if not relative:
            return None
        for folder in folders:
            if (folder / relative).is_file():
                return (folder / relative).resolve()
        raise ConfigError(f"{folders[0] / 'theme.yml'}: error: file '{relative}' does not exist")

    fonts = data.get("fonts") or {}
    files = {k: find(v) for k, v in (fonts.get("files") or {}).items() if k in FONT_FILES}
    return Theme(
        name=data.get("name", folders[0].name), folder=folders[0].resolve(),
        colours={k: str(v) for k, v in (data.get("colours") or {}).items()},
        body_font=fonts.get("body", "sans-serif"), heading_font=fonts.get("heading", fonts.get("body", "sans-serif")),
        mono_font=fonts.get("mono", "monospace"), font_files=files,
        logo=find(data.get("logo")), logo_png=find(data.get("logo_png")), favicon=find(data.get("favicon")),
        page_size=data.get("page_size", "A4"), pptx_template=find(data.get("pptx_template")),
        folders=tuple(f.resolve() for f in folders),
    )
