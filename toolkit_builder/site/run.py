"""Run MkDocs for the pipeline: a clean build into a fresh folder, and the live preview."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..config import read_mkdocs_yml
from ..errors import BuildError

HOOKS = Path(__file__).resolve().parent / "hooks.py"
HOOKS_NAME = "toolkit_builder/site/hooks.py"


def hooks_option(root: Path) -> dict:
    """Return a `hooks` override pointing at this package's hooks when the project has no copy of
    them.

    mkdocs.yml names the hooks relative to itself; a project made elsewhere (a partner's repository,
    a test's temporary folder) still gets the installed package's hooks.
    """
    listed = read_mkdocs_yml(root / "mkdocs.yml").get("hooks") or []
    if (root / HOOKS_NAME).is_file() or not any(str(h).endswith(HOOKS_NAME) for h in listed):
        return {}
    return {"hooks": [str(HOOKS) if str(h).endswith(HOOKS_NAME) else h for h in listed]}


def build(root: Path, site_dir: Path, project=None) -> None:
    """Build the MkDocs site cleanly, listing the artifacts of `site_dir/manifest.json`, and move
    it into `site_dir` (the hooks reuse `project` when the pipeline has read it)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if project is not None:
        from .state import hand_over

        hand_over(project)
    fresh = Path(tempfile.mkdtemp(prefix=".site-mkdocs-", dir=site_dir.parent))
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(fresh), **hooks_option(root))
        config.extra.setdefault("toolkit", {})["manifest"] = str(site_dir / "manifest.json")
        mkdocs_build(config)
        for entry in sorted(fresh.iterdir()):
            if (site_dir / entry.name).exists():
                raise BuildError("mkdocs.yml: error: the site and the artifacts both want "
                                 f"'{entry.name}'")
            entry.rename(site_dir / entry.name)
    except MkDocsException as exc:
        raise BuildError(f"mkdocs.yml: error: site build failed: {exc}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def serve(root: Path, dev_addr: str) -> None:
    """Serve the site on `dev_addr`, rebuilding and reloading when a source, image or theme file
    changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True, **hooks_option(root))
