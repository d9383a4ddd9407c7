"""Artifacts: what a build writes, the manifest that lists it, deterministic zips."""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import BuildError
from .kinds import kind as kind_of
from .manifest_schema import validate_manifest

# Zip entries get this timestamp so that the same sources give the same bytes.
ZIP_EPOCH = (2000, 1, 1, 0, 0, 0)
# Characters Windows, macOS or Linux refuse (or treat specially) in file names, and control
# characters.
UNSAFE_RE = re.compile(r'[<>:"\\|?*\x00-\x1f]')
MAX_PART = 100


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
    members: tuple[dict, ...] = ()    # for a package: every file inside it (name, bytes, sha256)

    def entry(self) -> dict:
        """Return the artifact as a manifest entry (members only for packages)."""
        data = asdict(self)
        data["members"] = list(self.members)
        return data if self.members else {k: v for k, v in data.items() if k != "members"}


def download_path(slug: str, lang: str, kind: str, partner: str = "") -> str:
    """Return an artifact's path relative to the site: downloads/<slug>/<lang>/<name>."""
    ext = kind_of(kind).suffix
    middle = f"-{partner}" if partner else ""
    return f"downloads/{slug}/{lang}/{slug}-{lang}{middle}-{kind}.{ext}"


class Registry:
    """The artifacts of one build; refuses to write one path twice."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.items: dict[str, Artifact] = {}

    def write(self, workshop: str, language: str, kind: str, path: str, data: bytes,
              partner: str = "") -> Artifact:
        """Write an artifact's bytes under the site folder and record it."""
        if path in self.items:
            raise BuildError(f"{path}: error: two artifacts want the same path")
        target = self.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        members = zip_members(data) if path.endswith(".zip") else ()
        artifact = Artifact(workshop, language, partner, kind, path, len(data),
                            hashlib.sha256(data).hexdigest(), members)
        self.items[path] = artifact
        return artifact

    def manifest(self) -> list[dict]:
        """Return the manifest entries sorted by path."""
        return [self.items[path].entry() for path in sorted(self.items)]

    def write_manifest(self) -> Path:
        """Write site/manifest.json."""
        path = self.site_dir / "manifest.json"
        payload = {"version": 1, "artifacts": self.manifest()}
        validate_manifest(payload)
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path


def read_manifest(site_dir: Path) -> list[Artifact]:
    """Return the artifacts listed in a site's manifest.json, or none if it is missing."""
    path = site_dir / "manifest.json"
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        return [Artifact(**{**item, "members": tuple(item.get("members", ()))})
                for item in payload.get("artifacts", [])]
    except (OSError, ValueError, TypeError):
        return []


def zip_members(data: bytes) -> tuple[dict, ...]:
    """Return the files inside a zip: name, size and sha256 of each, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return tuple({"name": info.filename, "bytes": info.file_size,
                      "sha256": hashlib.sha256(archive.read(info)).hexdigest()}
                     for info in archive.infolist())


def safe_member(name: str) -> str:
    """Return a zip member name every system can unpack: NFC, no reserved characters, no trailing
    dots or spaces, each part at most 100 characters (the extension kept)."""
    parts = []
    for part in unicodedata.normalize("NFC", name).split("/"):
        part = UNSAFE_RE.sub("-", part).rstrip(". ") or "_"
        if len(part) > MAX_PART:
            stem, dot, ext = part.rpartition(".")
            keep = MAX_PART - len(dot + ext) if dot and len(ext) < 10 else MAX_PART
            part = (stem[:keep] + dot + ext) if dot and len(ext) < 10 else part[:MAX_PART]
        parts.append(part)
    return "/".join(parts)


def deterministic_zip(files: list[tuple[str, bytes]]) -> bytes:
    """Return a zip of (name, data) pairs with sorted, safe names and fixed timestamps."""
    safe = {safe_member(name): data for name, data in files}
    if len(safe) != len(files):
        raise BuildError("two files of a zip would get the same name "
                         "once made safe for every system")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(safe.items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
