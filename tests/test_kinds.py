"""The registry of output kinds: one record per kind, and everything else learns from it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from conftest import make_project

from toolkit_builder import kinds
from toolkit_builder.artifacts import Artifact, Registry, download_path
from toolkit_builder.cache import Cache
from toolkit_builder.errors import BuildError
from toolkit_builder.kinds import KINDS, Kind, Phase
from toolkit_builder.pipeline import plan_of, render_all, write_staging
from toolkit_builder.project import load_project
from toolkit_builder.site import downloads

PACKAGE = Path(__file__).resolve().parent.parent / "toolkit_builder"


def test_the_registry_covers_exactly_the_kind_names():
    assert tuple(KINDS) == tuple(k.name for k in kinds.REGISTRY)
    assert set(KINDS) == set(kinds.names())
    assert {k.phase for k in KINDS.values()} == {Phase.DOCUMENT, Phase.PACKAGE}


def test_no_other_module_spells_a_kind_name_as_a_string_outside_its_writer():
    """Kind names that are no other word appear only in kinds.py and in the writer making that kind.

    ("slides", "handout" and "toolkit" are also the names of slides-/handout-only blocks and of the
    `extra.toolkit` settings, so only the unambiguous names are checked this way.)
    """
    owners = {"facilitator-guide": "handouts", "feedback-form": "handouts"}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        tree = ast.parse(path.read_text())
        strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        for name in set(owners) & strings:
            if rel.as_posix() != "kinds.py":
                assert rel.parts[0] == owners[name], f"{rel} names the kind {name!r}"


@pytest.fixture
def poster(monkeypatch):
    """Register a made-up kind for the duration of a test."""
    kind = Kind("poster", "pdf", "application/pdf", "fake_writer:render_poster", "Key take-aways",
                "print it in A2")
    monkeypatch.setitem(KINDS, "poster", kind)
    return kind


def test_a_new_kind_appears_in_the_plan_the_manifest_and_the_downloads_box(tmp_path, poster):
    root = make_project(tmp_path, "constructs")
    project = load_project(root)
    plan = plan_of(project)
    posters = [j.path for j in plan.documents if j.kind is poster]
    assert posters == [download_path("constructs", "en", "poster")]
    toolkit = next(j for j in plan.packages if j.kind.name == "toolkit")
    assert "downloads/constructs/en/constructs-en-poster.pdf" in toolkit.inputs
    only = type(plan)(tuple(j for j in plan.documents if j.kind is poster), ())
    run = render_all(project, only, Cache(tmp_path / "cache"), lambda event: None)
    write_staging(run, only, tmp_path / "out")
    listed = json.loads((tmp_path / "out" / "manifest.json").read_text())["artifacts"]
    assert [(a["kind"], a["path"]) for a in listed] == [
        ("poster", "downloads/constructs/en/constructs-en-poster.pdf")]
    box = downloads.box([Artifact(**a) for a in listed], "constructs", "en", "en")
    assert [(d.label, d.type) for d in box] == [("Key take-aways", "PDF")]


def test_registry_refuses_to_write_one_path_twice_across_kinds(tmp_path):
    registry = Registry(tmp_path)
    registry.write("w", "en", "slides", download_path("w", "en", "slides", "p"), b"x", "p")
    with pytest.raises(BuildError, match="two artifacts want the same path"):
        registry.write("w", "en", "slides", download_path("w", "en", "slides", "p"), b"y", "p")


def test_an_unknown_kind_name_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown output kind 'slide'"):
        kinds.kind("slide")
