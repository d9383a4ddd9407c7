"""Artifacts: what a build writes, the manifest that lists it, deterministic zips."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import BuildError

# Zip entries get this timestamp so that the same sources give the same bytes.
ZIP_EPOCH = (2000, 1, 1, 0, 0, 0)
KINDS = ("slides", "handout", "facilitator-guide", "feedback-form", "toolkit")


@dataclass(frozen=True)
class Artifact:
    """One file of site/downloads, as listed in site/manifest.json."""

    workshop: str
    language: str
    partner: str
    kind: str
    path: str
    bytes: int
    sha256: str


def download_path(slug: str, lang: str, kind: str, partner: str = "", ext: str | None = None) -> str:
    """Return an artifact's path relative to the site: downloads/<slug>/<lang>/<name>."""
    ext = ext or {"slides": "pptx", "toolkit": "zip"}.get(kind, "pdf")
    middle = f"-{partner}" if partner else ""
    return f"downloads/{slug}/{lang}/{slug}-{lang}{middle}-{kind}.{ext}"


class Registry:
    """The artifacts of one build; refuses to write one path twice."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.items: dict[str, Artifact] = {}

    def write(self, workshop: str, language: str, kind: str, path: str, data: bytes, partner: str = "") -> Artifact:
        """Write an artifact's bytes under the site folder and record it."""
        if path in self.items:
            raise BuildError(f"{path}: error: two artifacts want the same path")
        target = self.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        artifact = Artifact(workshop, language, partner, kind, path, len(data), hashlib.sha256(data).hexdigest())
        self.items[path] = artifact
        return artifact

    def manifest(self) -> list[dict]:
        """Return the manifest entries sorted by path."""
        return [asdict(self.items[path]) for path in sorted(self.items)]

    def write_manifest(self) -> Path:
        """Write site/manifest.json."""
        path = self.site_dir / "manifest.json"
        payload = {"version": 1, "artifacts": self.manifest()}
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path


def read_manifest(site_dir: Path) -> list[Artifact]:
    """Return the artifacts listed in a site's manifest.json, or none if it is missing."""
    path = site_dir / "manifest.json"
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        return [Artifact(**item) for item in payload.get("artifacts", [])]
    except (OSError, ValueError, TypeError):
        return []


def deterministic_zip(files: list[tuple[str, bytes]]) -> bytes:
    """Return a zip of (name, data) pairs with sorted entries and fixed timestamps."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
