"""The document model of each workshop file, kept in .cache/models/ so that an unchanged file is
not parsed again (by `check`, `build` or `serve`).

An entry is keyed by everything reading and checking a file depends on: the code, the Markdown
settings, the site's default language, the file's path and bytes, the names, sizes and dates of
the files beside it (image and link targets are resolved against them, images are decoded to
check them) and the theme's font files (each character is checked against them). It holds the
model and what reading and checking it reported.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import Settings
from .diagnostics import Diagnostic
from .fingerprint import package_fingerprint
from .model import Workshop
from .sources import SourceFile

Entry = tuple[Workshop | None, list[Diagnostic]]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many models are loaded, then set them aside.

    Each model is hundreds of objects, none of them garbage; with the collector on, the full
    collections that their sheer number triggers cost eight times the loading itself. Frozen
    afterwards, later collections skip them (models hold no reference cycles: when a project is
    dropped, as `serve` does at each rebuild, reference counting still frees them).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _described(path: Path, folder: Path) -> str:
    """Return a file's name within a folder, size and modification time."""
    stat = path.stat()
    return f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}"


class ModelCache:
    """Workshop models by the hash of what reading them depends on."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def key(self, source: SourceFile, settings: Settings, extra: str = "") -> str | None:
        """Return the cache key of a workshop file (`extra`: what else its checks depend on), or
        None if it cannot be read."""
        if self.folder is None:
            return None
        try:
            data = source.path.read_bytes()
            neighbours = sorted(_described(p, source.path.parent)
                                for p in source.path.parent.rglob("*") if not p.is_dir())
        except OSError:
            return None
        digest = hashlib.sha256("\0".join((
            package_fingerprint(), repr(settings.extensions), repr(settings.extension_configs),
            settings.default_language, str(source.lang), source.rel, str(source.path),
            "\n".join(neighbours), extra)).encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str | None) -> Entry | None:
        """Return a stored model and its findings, or None (missing, or unreadable: re-parse)."""
        if self.folder is None or key is None:
            return None
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as handle:
                entry = pickle.load(handle)
            os.utime(path)  # used now: pruning keeps it
        except Exception:  # a damaged or foreign entry is just a miss
            return None
        return entry if isinstance(entry, tuple) and len(entry) == 2 else None

    def put(self, key: str | None, entry: Entry) -> None:
        """Store a model and its findings (atomically; a failed write leaves no entry)."""
        if self.folder is None or key is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{key}.", dir=self.folder)
        except OSError:
            return  # no cache this time (read-only or full disk): the build goes on
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.folder / f"{key}.pickle")
        except (OSError, pickle.PicklingError):
            Path(temp).unlink(missing_ok=True)
