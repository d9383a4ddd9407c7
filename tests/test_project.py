"""Reading a project: the same findings whether files are read in worker processes or not, and
from the model cache; stale translations dated by git."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import make_project

from toolkit_builder import pipeline, processes, project

# Fixtures that each give findings of a different kind: reading, images, HTML, glyphs, slides.
CASES = ("constructs", "missing-image", "unknown-key", "wrong-type", "glyphs-cjk",
         "limit-raw-html", "long-section", "video-unused", "slides-long-table", "agenda-sum")


def findings(root, monkeypatch, every: int, cached: bool) -> list[str]:
    """Return what `check` reports, with worker processes once there are `every` files each."""
    monkeypatch.setattr(processes, "PARALLEL_ITEMS", every)
    found = pipeline.check_project(root, cached=cached)
    return [item.format() for item in found.reporter.items]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores for worker processes")
def test_workers_find_what_one_process_finds(tmp_path, monkeypatch):
    (tmp_path / "serial").mkdir()
    (tmp_path / "parallel").mkdir()
    serial_root = make_project(tmp_path / "serial", *CASES)
    parallel_root = make_project(tmp_path / "parallel", *CASES)
    serial = findings(serial_root, monkeypatch, 10**6, cached=True)
    assert len(serial) >= len(CASES) - 1  # the fixtures do give findings
    parallel = findings(parallel_root, monkeypatch, 2, cached=True)
    assert [line.replace("/parallel/", "/serial/") for line in parallel] == serial
    # warm: every model and writer check from the cache, the same findings again
    assert findings(parallel_root, monkeypatch, 2, cached=True) == parallel
    assert list((parallel_root / ".cache" / "models").glob("*.pickle"))


def test_a_writer_check_found_in_a_worker_is_reported_once(tmp_path, monkeypatch):
    root = make_project(tmp_path, "slides-long-table", "constructs", "long-section")
    parallel = findings(root, monkeypatch, 1, cached=True)
    shutil.rmtree(root / ".cache")
    serial = findings(root, monkeypatch, 10**6, cached=False)
    assert parallel == serial
    assert len(parallel) == len(set(parallel))


def git(root, *args: str, date: str = "2024-01-01T00:00:00") -> None:
    """Run git in a project with fixed dates."""
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def stale(root) -> list[str]:
    """Return the stale-translation warnings of a project."""
    return [d.format() for d in project.load_project(root, cached=False).reporter.items
            if d.code == "translation.stale"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_stale_translations_are_dated_by_their_commits(tmp_path):
    root = make_project(tmp_path, "constructs")
    folder = root / "workshops/constructs"
    (folder / "index.nb.md").write_text((folder / "index.md").read_text(encoding="utf-8").replace(
        "title: Every construct", "title: Alt på ett sted\nlanguage: nb"), encoding="utf-8")
    os.utime(folder / "index.md", (1_600_000_000, 1_600_000_000))  # file dates say: not stale
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "both", date="2024-01-01T00:00:00")
    assert stale(root) == []
    with (folder / "index.md").open("a", encoding="utf-8") as out:
        out.write("\nOne more line.\n")
    git(root, "commit", "-qam", "the original changes", date="2024-02-01T00:00:00")
    os.utime(folder / "index.md", (1_600_000_000, 1_600_000_000))  # git, not the file date, counts
    assert stale(root) == ["workshops/constructs/index.nb.md:1: warning: translation may be out of "
                           "date: workshops/constructs/index.md changed after it (by git)"]
    with (folder / "index.nb.md").open("a", encoding="utf-8") as out:
        out.write("\nEn linje til.\n")  # uncommitted: its file date (now) counts
    assert stale(root) == []
