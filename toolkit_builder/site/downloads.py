"""The Downloads box and the artifacts a plain `mkdocs build` / `mkdocs serve` must keep.

`build.py build` renders the artifacts into its staging folder and tells the hooks where the
manifest is (`extra.toolkit.manifest`); it moves the files in itself. A plain `mkdocs build`
would wipe site/ first, so the artifacts listed in site/manifest.json are kept aside in
.cache/site-artifacts/ before the wipe and copied back as static files; `mkdocs serve` serves
them straight from site/.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..artifacts import Artifact, read_manifest
from ..i18n import text
from ..kinds import KINDS, order
from .formats import size

KEEP_DIR = Path(".cache") / "site-artifacts"


@dataclass(frozen=True)
class Download:
    """One line of a Downloads box."""

    label: str
    path: str
    kind: str
    type: str
    size: str
    partner: str


def existing(folder: Path, manifest: Path | None = None) -> list[Artifact]:
    """Return the artifacts listed in a folder's manifest whose files exist."""
    manifest = manifest or folder / "manifest.json"
    return [a for a in read_manifest(manifest.parent) if (manifest.parent / a.path).is_file()]


def _order(artifact: Artifact) -> tuple:
    """Return a sort key: shared artifacts first, then by kind in registry order."""
    return (artifact.partner, order(artifact.kind), artifact.path)


def label(kind: str, lang: str) -> str:
    """Return the interface word of a kind; a kind the registry does not know keeps its name."""
    return text(lang, KINDS[kind].label) if kind in KINDS else kind.replace("-", " ")


def box(artifacts: list[Artifact], slug: str, lang: str, ui_lang: str) -> list[Download]:
    """Return the downloads of a workshop in a language, labelled in the interface language."""
    mine = sorted((a for a in artifacts if a.workshop == slug and a.language == lang), key=_order)
    return [Download(label=label(a.kind, ui_lang),
                     path=a.path, kind=a.kind, type=Path(a.path).suffix.lstrip(".").upper(),
                     size=size(a.bytes), partner=a.partner) for a in mine]


def _link_or_copy(src: str, dst: str) -> None:
    """Hard-link a file (cheap for big zips), copying when linking is impossible."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def keep(site_dir: Path, keep_dir: Path) -> Path:
    """Copy site/manifest.json and the files it lists aside, before MkDocs wipes site/; return the copy."""
    if keep_dir.exists():
        shutil.rmtree(keep_dir)
    keep_dir.mkdir(parents=True)
    artifacts = existing(site_dir)
    if not artifacts:
        return keep_dir
    shutil.copy2(site_dir / "manifest.json", keep_dir / "manifest.json")
    for artifact in artifacts:
        target = keep_dir / artifact.path
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(str(site_dir / artifact.path), str(target))
    return keep_dir
