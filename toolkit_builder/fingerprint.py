"""Fingerprints of the package: a new version of the code invalidates what it made, and a changed
interface catalogue invalidates only the documents in its language."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LOCALES = PACKAGE / "locales"


def _digest(paths: list[Path]) -> str:
    """Return a hash of files: their paths in the package and their bytes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """Return the files under a folder, byte-code left out."""
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a hash of the package's code and templates, its interface catalogues left out."""
    catalogues = {p for p in _files(LOCALES) if p.parent != LOCALES}  # locales/<lang>/…
    return _digest([p for p in _files(PACKAGE) if p not in catalogues])


@lru_cache(maxsize=64)
def catalogue_fingerprint(lang: str) -> str:
    """Return a hash of one language's interface catalogue (the words documents print)."""
    return _digest(_files(LOCALES / lang)) if (LOCALES / lang).is_dir() else "-"


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """Return a hash of everything in the package, every catalogue included."""
    return _digest(_files(PACKAGE))
