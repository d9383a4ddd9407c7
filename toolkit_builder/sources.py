"""Find workshop sources and read them as text, refusing binary, huge or non-UTF-8 files."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Reporter
from .limits import MAX_SOURCE_BYTES, cut
from .model import SourcePos

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
            reporter.error(pos, f"file is {size // 1024:,} KiB; sources are limited to "
                           f"{MAX_SOURCE_BYTES // 1024} KiB: split the workshop", "source.size")
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
        _report_nul(data, rel, reporter)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reporter.error(SourcePos(rel, line), f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                       "save the file as UTF-8", "source.encoding")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _report_nul(data: bytes, rel: str, reporter: Reporter) -> None:
    """Report a NUL byte: a binary file at line 1, a stray one in a text file at its line."""
    nul = data.index(b"\x00")
    try:
        data[:nul].decode("utf-8")
    except UnicodeDecodeError:
        reporter.error(SourcePos(rel, 1), "binary file: this is not a Markdown text file",
                       "source.binary")
        return
    line = data[:nul].count(b"\n") + 1
    reporter.error(SourcePos(rel, line), "NUL byte (\\0) in the text: delete it (it is invisible "
                   "in most editors; retype the line)", "source.binary")


def check_slugs(docs_dir: Path, root: Path, reporter: Reporter) -> None:
    """Report workshop folders whose names are not slugs or collide, at their index.md line 1."""
    check_symlinks(docs_dir, root, reporter)
    seen: dict[str, Path] = {}
    for folder in sorted(p for p in docs_dir.iterdir()
                         if p.is_dir() and not p.name.startswith((".", "_"))):
        if folder.is_symlink() or not any(SOURCE_RE.match(p.name) for p in folder.iterdir()):
            continue
        index = folder / "index.md"
        pos = (SourcePos(relative(index, root), 1) if index.is_file()
               else SourcePos(relative(folder, root)))
        if not SLUG_RE.match(folder.name):
            reporter.error(pos, f"workshop folder '{folder.name}' is not a slug: use lowercase "
                           "letters, digits and hyphens", "source.slug")
        key = folder.name.lower().replace("_", "-")
        if key in seen:
            reporter.error(pos, f"duplicate slug '{key}': also used by {relative(seen[key], root)}",
                           "source.duplicate-slug")
        seen.setdefault(key, folder)


def check_symlinks(docs_dir: Path, root: Path, reporter: Reporter) -> None:
    """Report symbolic links the site would publish files outside their workshop folder through.

    A linked workshop folder, a link at the top of the docs folder, and a link inside a workshop
    folder whose target leaves that folder are errors, at the workshop's index.md when it has one.
    """
    for entry in sorted(docs_dir.iterdir()):
        if entry.is_symlink():
            _report_link(entry, docs_dir, root, reporter, entry.is_dir())
        elif entry.is_dir():
            folder = entry.resolve()
            for top, dirs, files in os.walk(entry):  # does not descend into linked folders
                for name in sorted(dirs + files):
                    path = Path(top) / name
                    if path.is_symlink() and not _within(path, folder):
                        _report_link(path, entry, root, reporter, False)


def _within(link: Path, folder: Path) -> bool:
    """Return whether a link's target lies inside a folder."""
    try:
        return link.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):
        return False


def _report_link(link: Path, folder: Path, root: Path, reporter: Reporter, whole: bool) -> None:
    """Report one link that leaves its workshop folder (or is a whole workshop folder)."""
    index = link / "index.md" if whole else folder / "index.md"
    base = Path(os.path.abspath(root))
    where = (SourcePos(_unresolved(index, base), 1) if index.is_file()
             else SourcePos(_unresolved(link, base)))
    name = _unresolved(link, base)
    try:
        target = cut(os.readlink(link), 80)
    except OSError:
        target = "?"
    what = "workshop folder" if whole else "file"
    reporter.error(where, f"{what} '{cut(name, 120)}' is a symbolic link to '{target}', outside "
                   "its workshop folder: the site would publish what it points at; "
                   "replace the link with a copy", "source.symlink")


def _unresolved(path: Path, base: Path) -> str:
    """Return a path relative to the project without following links."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()
