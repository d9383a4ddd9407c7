"""Publishing site/: world-readable files, an atomic swap, and cleaning up after builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .config import load_settings

STAGING = ".site-"      # the prefix of a build's staging folder beside site/


def make_readable(folder: Path) -> None:
    """Let everyone read a folder to publish (mkdtemp and a strict umask make it owner-only)."""
    folder.chmod(0o755)
    for base, folders, files in os.walk(folder):
        paths = [Path(base, name) for name in folders + files]
        for path in (p for p in paths if not p.is_symlink()):  # a link's target is not ours
            path.chmod(0o755 if path.is_dir() else path.stat().st_mode & 0o777 | 0o644)


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` by `new` so that a reader never sees a half-built folder for long."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def clean(root: Path, everything: bool = False) -> list[Path]:
    """Delete the cache (and with `everything` the built site/) and what interrupted builds left
    behind; return what was deleted."""
    settings = load_settings(root)
    site = settings.site_dir
    gone = [settings.root / ".cache", *site.parent.glob(f"{STAGING}*"),
            site.with_name(f".{site.name}.old")]
    if everything:
        gone.append(settings.site_dir)
    removed = []
    for path in gone:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
