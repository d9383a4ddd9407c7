"""The main job: check every workshop, build into a temporary folder, then swap it into place."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from .cli import failed, print_findings, summary
from .errors import BuildError
from .project import load_project


def build_site(root: Path, site_dir: Path) -> None:
    """Build the MkDocs site of the project into `site_dir`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"mkdocs.yml: error: site build failed: {exc}") from None


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


def build(root: Path, strict: bool = False, out=sys.stdout) -> int:
    """Check, then build site/ and every artifact; return the exit status."""
    started = time.monotonic()
    project = load_project(root)
    print_findings(project.reporter, out)
    if failed(project.reporter, strict):
        print(summary(project, project.reporter), file=out)
        print("build stopped: fix the errors above; the previous site/ is untouched", file=out)
        return 1
    site_dir = project.settings.site_dir
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        build_site(project.settings.root, staging)
        swap_into_place(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(summary(project, project.reporter), file=out)
    print(f"built {site_dir.relative_to(project.settings.root)}/ in {time.monotonic() - started:.1f} s", file=out)
    return 0


def serve(root: Path, dev_addr: str) -> int:
    """Serve the site with live reload on `dev_addr`."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    return 0
