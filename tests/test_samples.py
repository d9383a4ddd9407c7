"""End to end: the sample workshops, the README's example and `new` all pass `check`."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT, run_cli

from toolkit_builder.model import Activity, Image, Notes, Table, walk
from toolkit_builder.project import load_project


def test_samples_pass_check_with_nothing_but_the_summary():
    result = run_cli(ROOT, "check", "--strict")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert re.fullmatch(r"\d+ workshops, \d+ files: 0 errors, 0 warnings", lines[0]), lines


def test_samples_are_real_workshops():
    project = load_project(ROOT)
    assert len(project.workshops) >= 4
    assert any("nb" in langs for langs in project.workshops.values())
    for workshop in project.all():
        blocks = [b for s in workshop.sections for b in walk(s.blocks)]
        assert 120 <= workshop.meta.duration <= 240, workshop.slug
        assert len(workshop.sections) >= 10, workshop.slug
        assert workshop.meta.objectives and workshop.meta.agenda, workshop.slug
        assert sum(i.minutes for i in workshop.meta.agenda) == workshop.meta.duration
        for kind in (Notes, Activity, Table, Image):
            assert any(isinstance(b, kind) for b in blocks), (workshop.slug, kind.__name__)
        assert all(image.alt for image in workshop.images)


def test_readme_example_passes_check(project):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"````markdown\n(.*?)\n````", readme, re.S).group(1)
    root = project(files={"workshops/readme-example/index.md": example + "\n"})
    image = root / "workshops/readme-example/images/dual-system.png"
    image.parent.mkdir()
    shutil.copy(ROOT / "tests/fixtures/constructs/images/diagram.png", image)
    result = run_cli(root, "check", "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "1 workshop, 1 file: 0 errors, 0 warnings"


def test_new_scaffold_passes_check_in_english_and_norwegian(project):
    root = project()
    assert run_cli(root, "new", "Social innovation on a small budget").returncode == 0
    made = run_cli(root, "new", "Sosial innovasjon på et lite budsjett", "--lang", "nb")
    assert made.returncode == 0, made.stderr
    assert (root / "workshops/sosial-innovasjon-pa-et-lite-budsjett/index.md").is_file()
    result = run_cli(root, "check", "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "2 workshops, 2 files: 0 errors, 0 warnings"
    again = run_cli(root, "new", "Social innovation on a small budget")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_new_scaffold_uses_every_front_matter_key(project):
    from toolkit_builder.frontmatter import SCHEMA

    root = project()
    run_cli(root, "new", "Every key")
    text = (root / "workshops/every-key/index.md").read_text()
    assert all(re.search(rf"^{key}:", text, re.M) for key in SCHEMA)


def test_dump_model_prints_json(project):
    import json

    root = project("constructs")
    result = run_cli(root, "check", "--dump-model", "constructs")
    data = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert data["en"]["sections"][2]["slides"][0]["blocks"][0]["type"] == "Activity"
