"""The main job end to end: artifacts, manifest, cache, and a failed build leaving site/ alone."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from conftest import run_cli

from toolkit_builder.artifacts import Registry, deterministic_zip, download_path
from toolkit_builder.errors import BuildError


def manifest(root):
    return json.loads((root / "site" / "manifest.json").read_text())["artifacts"]


def test_build_writes_artifacts_listed_in_the_manifest(project):
    root = project("constructs")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    entries = manifest(root)
    slides = [e for e in entries if e["kind"] == "slides"]
    assert slides == [{
        "workshop": "constructs", "language": "en", "partner": "", "kind": "slides",
        "path": "downloads/constructs/en/constructs-en-slides.pptx",
        "bytes": slides[0]["bytes"], "sha256": slides[0]["sha256"]}]
    for entry in entries:
        data = (root / "site" / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"] and hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert "reused 0 from cache" in result.stdout


def test_second_build_reuses_the_cache_and_gives_the_same_bytes(project):
    root = project("constructs")
    run_cli(root, "build")
    first = manifest(root)
    again = run_cli(root, "build")
    assert again.returncode == 0
    # Nothing changed: every artifact is in the cache and site/ is left as it was.
    assert f"site/ is up to date ({len(first)} artifacts in the cache" in again.stdout
    assert manifest(root) == first
    shutil.rmtree(root / "site")  # without the last site/, the cache still spares the rendering
    third = run_cli(root, "build")
    assert f"built 0 artifacts, reused {len(first)} from cache" in third.stdout
    assert manifest(root) == first


def test_failed_build_leaves_the_previous_site_untouched(project):
    root = project("constructs")
    assert run_cli(root, "build").returncode == 0
    before = (root / "site" / "manifest.json").read_bytes()
    source = root / "workshops" / "constructs" / "index.md"
    source.write_text(source.read_text().replace("title: Every construct", "title: [broken"))
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert "workshops/constructs/index.md:2: error: invalid YAML" in result.stdout
    assert "Traceback" not in result.stderr
    assert (root / "site" / "manifest.json").read_bytes() == before
    assert not list(root.glob(".site-*"))


def test_registry_refuses_to_write_one_path_twice(tmp_path):
    registry = Registry(tmp_path)
    path = download_path("w", "en", "slides")
    registry.write("w", "en", "slides", path, b"one")
    with pytest.raises(BuildError):
        registry.write("w", "en", "slides", path, b"two")


def test_zips_are_deterministic():
    files = [("b.txt", b"bee"), ("a.txt", b"ay")]
    assert deterministic_zip(files) == deterministic_zip(list(reversed(files)))


def test_clean_deletes_the_cache_and_leftovers_and_with_all_the_site(project):
    root = project("constructs")
    assert run_cli(root, "build").returncode == 0
    (root / ".site-stale").mkdir()  # what a killed build left
    result = run_cli(root, "clean")
    assert result.returncode == 0 and "removed .cache/" in result.stdout
    assert not (root / ".site-stale").exists() and (root / "site" / "manifest.json").is_file()
    assert [p.name for p in (root / ".cache").iterdir()] == ["build.lock"]
    assert run_cli(root, "clean", "--all").returncode == 0
    assert not (root / "site").exists()
    again = run_cli(root, "build", "--no-cache")
    assert again.returncode == 0 and not (root / ".cache" / "artifacts").exists()
