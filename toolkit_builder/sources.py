"""Find workshop sources and read them as text, refusing binary, huge or non-UTF-8 files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Reporter
from .model import SourcePos

MAX_SOURCE_BYTES = 2 * 1024 * 1024
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_RE = re.compile(r"^index(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?))?\.md$")


@dataclass(frozen=True)
class SourceFile:
    """One Markdown source: workshop slug, its language suffix (None for index.md), path."""

    slug: str
    lang: str | None
    path: Path
    rel: str


def discover(docs_dir: Path, root: Path) -> list[SourceFile]:
    """Return every `<slug>/index[.<lang>].md` under the docs folder, sorted."""
    found = []
    for folder in sorted(p for p in docs_dir.iterdir()
                         if p.is_dir() and not p.name.startswith((".", "_"))):
        for path in sorted(folder.iterdir()):
            match = SOURCE_RE.match(path.name)
            if match and path.is_file():
                found.append(SourceFile(folder.name, match["lang"], path, relative(path, root)))
    return found


def relative(path: Path, root: Path) -> str:
    """Return a path as the project-relative text used in messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, rel: str, reporter: Reporter) -> str | None:
    """Return a source file's text, or None after reporting why it cannot be read."""
    pos = SourcePos(rel, 1)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            reporter.error(pos, f"file is {size // 1024} KiB; sources are limited to "
                           f"{MAX_SOURCE_BYTES // (1024 * 1024)} MiB", "source.size")
            return None
        data = path.read_bytes()
    except OSError as exc:
        reporter.error(pos, f"cannot read file: {exc.strerror}", "source.read")
        return None
    if not data.strip():
        reporter.error(pos, "file is empty: a workshop needs front matter with at least a title",
                       "source.empty")
        return None
    if b"\x00" in data:
        reporter.error(pos, "binary file: this is not a Markdown text file", "source.binary")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reporter.error(SourcePos(rel, line), f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                       "save the file as UTF-8", "source.encoding")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def check_slugs(docs_dir: Path, root: Path, reporter: Reporter) -> None:
    """Report workshop folders whose names are not slugs or collide when lowercased."""
    seen: dict[str, Path] = {}
    for folder in sorted(p for p in docs_dir.iterdir()
                         if p.is_dir() and not p.name.startswith((".", "_"))):
        if not any(SOURCE_RE.match(p.name) for p in folder.iterdir()):
            continue
        pos = SourcePos(relative(folder, root))
        if not SLUG_RE.match(folder.name):
            reporter.error(pos, f"workshop folder '{folder.name}' is not a slug: use lowercase "
                           "letters, digits and hyphens", "source.slug")
        key = folder.name.lower().replace("_", "-")
        if key in seen:
            reporter.error(pos, f"duplicate slug '{key}': also used by {relative(seen[key], root)}",
                           "source.duplicate-slug")
        seen.setdefault(key, folder)
