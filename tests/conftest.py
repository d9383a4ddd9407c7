"""Shared helpers: fixture workshops copied into throw-away projects."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(tmp_path: Path, *cases: str, files: dict[str, str | bytes] | None = None) -> Path:
    """Return a project folder holding the repo's mkdocs.yml and theme.

    It also holds the given fixtures and files.
    """
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    (tmp_path / "workshops").mkdir(exist_ok=True)
    for case in cases:
        shutil.copytree(FIXTURES / case, tmp_path / "workshops" / case)
    for name, content in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return tmp_path


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run build.py in a project folder, as an editor would."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=root)


@pytest.fixture
def project(tmp_path):
    """Return a function that makes a throw-away project from fixture names."""
    return lambda *cases, **kw: make_project(tmp_path, *cases, **kw)
