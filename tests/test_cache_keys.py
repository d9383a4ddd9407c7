"""What a rebuild redoes: each kind of input changed in turn rebuilds exactly the artifacts that
read it, and the site only when one of its inputs changed; damaged cache entries are rebuilt."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from conftest import FIXTURES, make_project
from PIL import Image

from toolkit_builder import cache as cache_module
from toolkit_builder.artifacts import read_manifest
from toolkit_builder.pipeline import build

PARTNERS = (FIXTURES / "partners" / "good.yml").read_text()


def rebuild(root) -> tuple[set[str], object]:
    """Build and return the artifacts made anew (not reused) and the result."""
    events = []
    result = build(root, listener=events.append)
    assert result.ok, result.stopped
    return {e.path for e in events if not e.reused}, result


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """A project of two workshops and one partner, built once for the module."""
    root = make_project(tmp_path_factory.mktemp("keys"), "constructs", "long-section",
                        files={"partners.yml": PARTNERS})
    made, result = rebuild(root)
    assert made and not result.unchanged
    return root, made


@pytest.fixture
def built(first, tmp_path):
    """A copy of the built project (sources, cache, site) for one test to change."""
    root, made = first
    copy = tmp_path / "project"
    shutil.copytree(root, copy, symlinks=True)
    return copy, made


def edition(paths: set[str], slug: str, partner: bool | None = None) -> set[str]:
    """Return the artifacts of one workshop: all, only the partner's, or only the project's."""
    mine = {p for p in paths if p.startswith(f"downloads/{slug}/")}
    if partner is None:
        return mine
    return {p for p in mine if ("-demo-partner-" in p) == partner}


def test_nothing_changed_rebuilds_nothing_and_leaves_the_site(built):
    root, _ = built
    before = (root / "site" / "index.html").stat().st_mtime_ns
    made, result = rebuild(root)
    assert made == set() and result.unchanged
    assert (root / "site" / "index.html").stat().st_mtime_ns == before


def test_a_source_line_rebuilds_that_workshop_only(built):
    root, everything = built
    source = root / "workshops" / "constructs" / "index.md"
    source.write_text(source.read_text().replace("## ", "## A ", 1), encoding="utf-8")
    made, result = rebuild(root)
    assert made == edition(everything, "constructs") and not result.unchanged


def test_an_image_rebuilds_the_workshop_that_shows_it(built):
    root, everything = built
    path = root / "workshops" / "constructs" / "images" / "diagram.png"
    with Image.open(path) as image:
        changed = image.convert("RGB")
    changed.putpixel((0, 0), (255, 0, 0))
    changed.save(path)
    made, _ = rebuild(root)
    assert made == edition(everything, "constructs")


def test_a_partner_theme_colour_rebuilds_that_partners_editions_only(built):
    root, everything = built
    theme = root / "themes" / "bz-hohenlauter" / "theme.yml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(re.sub(r'primary: "#[0-9a-fA-F]{6}"', 'primary: "#123456"', text, count=1),
                     encoding="utf-8")
    made, _ = rebuild(root)
    assert made == edition(everything, "constructs", True) | edition(everything, "long-section",
                                                                     True)


def test_the_project_theme_colour_rebuilds_everything(built):
    root, everything = built
    theme = root / "themes" / "default" / "theme.yml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text.replace('text: "#1d2430"', 'text: "#101820"'), encoding="utf-8")
    made, _ = rebuild(root)
    assert made == everything


def test_a_session_date_rebuilds_only_that_sessions_documents(built):
    root, everything = built
    partners = root / "partners.yml"
    partners.write_text(partners.read_text().replace("2027-05-06", "2027-05-13"), encoding="utf-8")
    made, result = rebuild(root)
    assert made == edition(everything, "constructs", True) and not result.unchanged


def test_a_markdown_setting_rebuilds_every_document(built):
    root, everything = built
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "markdown_extensions:" in text
    settings.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n  - abbr\n",
                                     1), encoding="utf-8")
    made, _ = rebuild(root)
    assert made == everything


def test_an_interface_string_rebuilds_the_documents_in_its_language_only(built, monkeypatch):
    root, everything = built
    real = cache_module.catalogue_fingerprint
    monkeypatch.setattr(cache_module, "catalogue_fingerprint",
                        lambda lang: real(lang) + ("-changed" if lang == "nb" else ""))
    made, _ = rebuild(root)
    assert made == set()  # no Norwegian workshop here
    monkeypatch.setattr(cache_module, "catalogue_fingerprint",
                        lambda lang: real(lang) + ("-changed" if lang == "en" else ""))
    made, _ = rebuild(root)
    assert made == everything


def test_a_damaged_cache_entry_is_rebuilt_not_served(built):
    root, _ = built
    entries = sorted((root / ".cache" / "artifacts").glob("*.bin"), key=lambda p: p.stat().st_size)
    victim = entries[-1]
    victim.write_bytes(victim.read_bytes()[:100])  # truncated
    (root / "workshops" / "long-section" / "index.md").touch()  # the site itself is up to date
    source = root / "workshops" / "long-section" / "index.md"
    source.write_text(source.read_text() + "\n", encoding="utf-8")
    made, _ = rebuild(root)
    assert made
    for artifact in read_manifest(root / "site"):
        data = (root / "site" / artifact.path).read_bytes()
        assert len(data) == artifact.bytes and len(data) > 100


def test_an_interrupted_cache_write_leaves_nothing_that_is_served(built):
    root, everything = built
    folder = root / ".cache" / "artifacts"
    record = sorted(folder.glob("*.json"))[0]
    record.write_text("", encoding="utf-8")            # the record cut off by a full disk
    (folder / f".{record.stem}.bin.tmp123").write_bytes(b"half")  # a temp file left behind
    source = root / "workshops" / "constructs" / "index.md"
    source.write_text(source.read_text() + "\n", encoding="utf-8")
    made, _ = rebuild(root)
    assert edition(everything, "constructs") <= made
    made, result = rebuild(root)
    assert made == set() and result.unchanged


def test_old_entries_are_pruned_after_three_builds(built):
    root, _ = built
    folder = root / ".cache" / "artifacts"
    old = folder / ("0" * 64 + ".bin")
    old.write_bytes(b"stale")
    os.utime(old, (1, 1))
    source = root / "workshops" / "constructs" / "index.md"
    for _build in range(3):
        source.write_text(source.read_text() + "\n", encoding="utf-8")
        rebuild(root)
    assert not old.exists()
    assert len(list(folder.glob("*.bin"))) <= 3 * len(list((root / "site").rglob("*.pptx"))) * 12
