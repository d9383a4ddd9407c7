"""The artifact cache, in .cache/artifacts/.

It keeps rendered bytes by the hash of everything a job reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .diagnostics import Diagnostic
from .model import SourcePos
from .resolve import image_files
from .writers import Context, Rendered

PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Return a hash of the package's code and templates.

    A new version of the package then invalidates the cache.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def context_key(code: str, context: Context) -> str:
    """Return the hash of a writers' context: code, theme files, partner settings, site settings."""
    brand = context.brand.fingerprint() if context.brand else ""
    parts = (code, context.theme.fingerprint(), brand, repr(context.partner), context.site_url,
             context.default_language, repr(sorted(context.languages.items())))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def document_key(kind: str, path: str, context_hash: str, workshop) -> str:
    """Return the cache key of a document: its kind, path, context, source and images."""
    digest = hashlib.sha256(f"{kind}\0{path}\0{context_hash}\0{workshop.sha256}".encode())
    for image in image_files(workshop):
        digest.update(image.read_bytes())
    return digest.hexdigest()


def package_key(kind: str, path: str, context_hash: str, workshop,
                inputs: list[tuple[str, bytes]]) -> str:
    """Return the cache key of a package: its context, source and the hashes of its inputs."""
    digest = hashlib.sha256(f"{kind}\0{path}\0{context_hash}\0{workshop.sha256}".encode())
    for image in image_files(workshop):  # the zip carries the images and their sources
        digest.update(image.read_bytes())
    for name, data in inputs:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
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

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, key: str) -> Rendered | None:
        """Return a cached rendering, or None when it is missing or damaged."""
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            data = (self.folder / f"{key}.bin").read_bytes()
            if hashlib.sha256(data).hexdigest() != meta["sha256"]:
                return None
            found = [Diagnostic(SourcePos(**d["pos"]), d["level"], d["message"], d["code"])
                     for d in meta["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Rendered(data, tuple(found))

    def put(self, key: str, rendered: Rendered) -> None:
        """Store a rendering (data first, then the record that vouches for it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        items = [{"pos": {"path": d.pos.path, "line": d.pos.line}, "level": d.level,
                  "message": d.message, "code": d.code} for d in rendered.diagnostics]
        meta = {"sha256": hashlib.sha256(rendered.data).hexdigest(), "diagnostics": items}
        _atomic_write(self.folder / f"{key}.bin", rendered.data)
        _atomic_write(self.folder / f"{key}.json", json.dumps(meta).encode())
