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
from ..kinds import KINDS, Phase, kinds, order
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
    """Return a sort key: by kind in registry order, then by path."""
    return (order(artifact.kind), artifact.path)


def label(kind: str, lang: str) -> str:
    """Return the interface word of a kind; a kind the registry does not know keeps its name."""
    return text(lang, KINDS[kind].label) if kind in KINDS else kind.replace("-", " ")


def is_package(kind: str) -> bool:
    """Return whether a kind is a package made of other artifacts (the toolkit zip)."""
    return kind in {k.name for k in kinds(Phase.PACKAGE)}


def download(artifact: Artifact, ui_lang: str) -> Download:
    """Return an artifact as a line of a Downloads box, labelled in the interface language."""
    return Download(label=label(artifact.kind, ui_lang), path=artifact.path, kind=artifact.kind,
                    type=Path(artifact.path).suffix.lstrip(".").upper(),
                    size=size(artifact.bytes, ui_lang), partner=artifact.partner)


def of(artifacts: list[Artifact], slug: str, lang: str, partner: str = "") -> list[Artifact]:
    """Return the artifacts of a workshop in a language for one partner ('' the project's own),
    in order."""
    return sorted((a for a in artifacts
                   if (a.workshop, a.language, a.partner) == (slug, lang, partner)),
                  key=_order)


def box(artifacts: list[Artifact], slug: str, lang: str, ui_lang: str,
        partner: str = "") -> list[Download]:
    """Return the Downloads box of a workshop in a language: its separate files (every kind but
    packages)."""
    return [download(a, ui_lang) for a in of(artifacts, slug, lang, partner)
            if not is_package(a.kind)]


def toolkit(artifacts: list[Artifact], slug: str, lang: str, ui_lang: str,
            partner: str = "") -> Download | None:
    """Return the toolkit of a workshop in a language (its first package in registry order),
    or None."""
    return next((download(a, ui_lang) for a in of(artifacts, slug, lang, partner)
                 if is_package(a.kind)), None)


def _link_or_copy(src: str, dst: str) -> None:
    """Hard-link a file (cheap for big zips), copying when linking is impossible."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def keep(site_dir: Path, keep_dir: Path) -> Path:
    """Copy site/manifest.json and the files it lists aside, before MkDocs wipes site/; return the
    copy."""
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
