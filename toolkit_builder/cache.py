"""The artifact cache, in .cache/artifacts/.

It keeps rendered bytes by the hash of everything a job reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .diagnostics import Diagnostic, Reporter
from .fingerprint import catalogue_fingerprint, code_fingerprint
from .model import SourcePos
from .resolve import image_files
from .writers import Context, Rendered

__all__ = ["Cache", "code_fingerprint", "context_key", "document_key", "package_key"]


def context_key(code: str, context: Context) -> str:
    """Return the hash of a writers' context: code, theme files, partner settings, site settings."""
    brand = context.brand.fingerprint() if context.brand else ""
    # A partner's sessions are keyed per document (its own session), not for the whole partner.
    partner = replace(context.partner, sessions=()) if context.partner else None
    parts = (code, context.theme.fingerprint(), brand, repr(partner), context.site_url,
             context.default_language, repr(sorted(context.languages.items())), context.markdown)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def session_of(partner, workshop) -> str:
    """Return the partner's local session of a workshop as text for a key ('' for none)."""
    return repr(partner.session(workshop.slug, workshop.lang)) if partner is not None else ""


def file_digest(path: Path) -> bytes:
    """Return the sha256 of a file's bytes (read once per process while it stays the same)."""
    stat = path.stat()
    return _digest(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _digest(path: Path, size: int, mtime_ns: int) -> bytes:
    """Return the sha256 of a file as it is at this size and time."""
    return hashlib.sha256(path.read_bytes()).digest()


def document_key(kind: str, path: str, context_hash: str, workshop, partner=None) -> str:
    """Return the cache key of a document: its kind, path, context, source and images."""
    digest = hashlib.sha256(f"{kind}\0{path}\0{context_hash}\0{workshop.sha256}\0"
                            f"{catalogue_fingerprint(workshop.lang)}\0"
                            f"{session_of(partner, workshop)}".encode())
    for image in image_files(workshop):
        digest.update(file_digest(image))
    return digest.hexdigest()


def package_key(kind: str, path: str, context_hash: str, workshop,
                inputs: list[tuple[str, bytes]], partner=None) -> str:
    """Return the cache key of a package: its context, source and the hashes of its inputs."""
    return package_key_of(kind, path, context_hash, workshop,
                          [(name, hashlib.sha256(data).digest()) for name, data in inputs], partner)


def package_key_of(kind: str, path: str, context_hash: str, workshop,
                   digests: list[tuple[str, bytes]], partner=None) -> str:
    """Return the cache key of a package from its inputs' sha256 digests."""
    digest = hashlib.sha256(f"{kind}\0{path}\0{context_hash}\0{workshop.sha256}\0"
                            f"{catalogue_fingerprint(workshop.lang)}\0"
                            f"{session_of(partner, workshop)}".encode())
    for image in image_files(workshop):  # the zip carries the images and their sources
        digest.update(file_digest(image))
    for name, sha in digests:
        digest.update(name.encode() + b"\0" + sha)
    return digest.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old file or the whole new one, never a part."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Cache:
    """Rendered artifacts by key; an entry is verified by its hash before it is reused."""

    def __init__(self, folder: Path, notes: Reporter | None = None):
        self.folder = folder
        self.notes = notes      # where a damaged entry is reported (a build's findings)

    def record(self, key: str) -> tuple[str, tuple[Diagnostic, ...]] | None:
        """Return an entry's sha256 and findings without reading its data, or None if missing."""
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            found = tuple(Diagnostic(SourcePos(**d["pos"]), d["level"], d["message"], d["code"])
                          for d in meta["diagnostics"])
            if not (self.folder / f"{key}.bin").is_file():
                return None
            touch(self.folder / f"{key}.json", self.folder / f"{key}.bin")
            return str(meta["sha256"]), found
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def get(self, key: str, what: str = "") -> Rendered | None:
        """Return a cached rendering of `what`, or None: missing, or damaged (deleted, reported)."""
        try:
            text = (self.folder / f"{key}.json").read_bytes()
        except FileNotFoundError:
            return None  # never stored, or a build died between the data and its record
        except OSError:
            text = b""
        try:
            meta = json.loads(text)
            data = (self.folder / f"{key}.bin").read_bytes()
            if hashlib.sha256(data).hexdigest() != meta["sha256"]:
                raise ValueError("the data does not match its hash")
            found = [Diagnostic(SourcePos(**d["pos"]), d["level"], d["message"], d["code"])
                     for d in meta["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.damaged(key, what)
            return None
        touch(self.folder / f"{key}.json", self.folder / f"{key}.bin")
        return Rendered(data, tuple(found))

    def damaged(self, key: str, what: str) -> None:
        """Delete a damaged entry and report it as a warning at its data file."""
        for path in (self.folder / f"{key}.json", self.folder / f"{key}.bin"):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        if self.notes is not None:
            where = f"{self.folder.parent.name}/{self.folder.name}/{key}.bin"
            self.notes.warning(SourcePos(where), f"cache entry for {what or key} was damaged; "
                               "rebuilt", "cache-damaged")

    def put(self, key: str, rendered: Rendered) -> None:
        """Store a rendering (data first, then the record that vouches for it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        items = [{"pos": {"path": d.pos.path, "line": d.pos.line}, "level": d.level,
                  "message": d.message, "code": d.code} for d in rendered.diagnostics]
        meta = {"sha256": hashlib.sha256(rendered.data).hexdigest(), "diagnostics": items}
        _atomic_write(self.folder / f"{key}.bin", rendered.data)
        _atomic_write(self.folder / f"{key}.json", json.dumps(meta).encode())


class NoCache(Cache):
    """A cache that holds nothing: `build --no-cache` renders everything and stores nothing."""

    def __init__(self):
        super().__init__(Path("/nonexistent-cache"))

    def record(self, key: str) -> None:
        """Return None: nothing is kept."""
        return None

    def get(self, key: str, what: str = "") -> None:
        """Return None: nothing is kept."""
        return None

    def put(self, key: str, rendered: Rendered) -> None:
        """Store nothing."""


KEEP_BUILDS = 3       # cache entries used by none of the last this-many full builds are pruned
BUILDS_FILE = "builds.json"


def touch(*paths: Path) -> None:
    """Mark cache files as used now (pruning keeps what recent builds used)."""
    for path in paths:
        try:
            os.utime(path)
        except OSError:
            pass


def prune(cache_dir: Path, started: float, keep: int = KEEP_BUILDS) -> int:
    """Remember a full build's start time and delete the cache entries (artifacts, models) that
    none of the last `keep` builds used; return how many files were deleted."""
    record = cache_dir / BUILDS_FILE
    try:
        starts = [float(t) for t in json.loads(record.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        starts = []
    starts = sorted([*starts, started])[-keep:]
    try:
        _atomic_write(record, json.dumps(starts).encode())
    except OSError:
        return 0
    if len(starts) < keep:
        return 0
    oldest, removed = starts[0], 0
    for folder in (cache_dir / "artifacts", cache_dir / "models"):
        for path in folder.glob("*") if folder.is_dir() else ():
            try:
                if path.is_file() and path.stat().st_mtime < oldest:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
    return removed
