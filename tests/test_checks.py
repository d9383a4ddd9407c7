"""Checks over the model: references, agenda against sections, translations, slugs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from toolkit_builder.project import load_project

HEAD = "---\ntitle: T\n{extra}---\n\n"


def findings(root):
    return [d.format() for d in load_project(root).reporter.sorted()]


def test_agenda_item_without_section_is_a_warning(project):
    extra = "duration: 30\nagenda:\n  - Intro: 10\n  - Break: 5\n  - Missing part: 15\n"
    text = HEAD.format(extra=extra) + "## Intro\n\nHi.\n"
    root = project(files={"workshops/w/index.md": text})
    assert findings(root) == ["workshops/w/index.md:7: warning: agenda item 'Missing part' "
                              "names no section; add '## Missing part' or rename the item"]


def test_empty_section_and_duplicate_anchor(project):
    text = HEAD.format(extra="") + "## Same\n\n## Same\n\nText.\n"
    root = project(files={"workshops/w/index.md": text})
    assert findings(root) == [
        "workshops/w/index.md:5: warning: section 'Same' is empty",
        "workshops/w/index.md:7: error: section 'Same' has the same anchor '#same' "
        "as the section on line 5; give it another title"]


def test_links_must_exist_and_stay_inside(project):
    text = HEAD.format(extra="") + ("## Links\n\nSee [the sheet](files/sheet.pdf), "
                                    "[a missing one](files/none.pdf),\n"
                                    "[outside](../other/index.md) and [the web](https://example.org).\n")
    root = project(files={"workshops/w/index.md": text, "workshops/w/files/sheet.pdf": b"%PDF-1.4"})
    assert findings(root) == [
        "workshops/w/index.md:7: error: link 'files/none.pdf' points at a file that does not exist",
        "workshops/w/index.md:8: error: link '../other/index.md' leaves the workshop folder"]


def test_image_without_alt_text_and_remote_image(project):
    text = HEAD.format(extra="") + "## Images\n\n![](images/diagram.png)\n\n![Logo](https://example.org/logo.png)\n"
    root = project(files={"workshops/w/index.md": text})
    (root / "workshops/w/images").mkdir()
    shutil.copy(FIXTURES / "constructs/images/diagram.png", root / "workshops/w/images/diagram.png")
    result = findings(root)
    assert result[0].startswith(
        "workshops/w/index.md:7: error: image 'images/diagram.png' has no alt text")
    assert result[1].startswith(
        "workshops/w/index.md:9: error: image 'https://example.org/logo.png' is remote")
    assert len(result) == 2


def test_translation_must_match_the_original_structure(project):
    original = (HEAD.format(extra="duration: 30\nagenda:\n  - One: 10\n  - Two: 20\n")
                + "## One\n\nText.\n\n## Two\n\n!!! activity \"Do (20 min)\"\n    Do it.\n")
    translated = ("---\ntitle: T\nduration: 30\nagenda:\n  - En: 15\n  - To: 15\n---\n\n"
                  "## En\n\nTekst.\n\n"
                  "## To\n\n!!! activity \"Gjør (10 min)\"\n    Gjør det.\n")
    root = project(files={"workshops/w/index.md": original, "workshops/w/index.nb.md": translated})
    assert findings(root) == [
        "workshops/w/index.nb.md:5: error: agenda item 'En' is 15 min but the original "
        "(workshops/w/index.md:5) is 10 min",
        "workshops/w/index.nb.md:6: error: agenda item 'To' is 15 min but the original "
        "(workshops/w/index.md:6) is 20 min",
        "workshops/w/index.nb.md:13: error: section 'To' has activities of [10] min "
        "but the original (workshops/w/index.md:13) has [20] min"]


def test_translation_with_missing_section(project):
    original = HEAD.format(extra="") + "## One\n\nText.\n\n## Two\n\nMore.\n"
    translated = "---\ntitle: T\n---\n\n## En\n\nTekst.\n"
    root = project(files={"workshops/w/index.md": original, "workshops/w/index.nb.md": translated})
    assert findings(root) == ["workshops/w/index.nb.md:1: error: translation has 1 sections but "
                              "workshops/w/index.md has 2"]


def test_folder_names_must_be_slugs_and_unique(project):
    text = HEAD.format(extra="") + "## One\n\nText.\n"
    root = project(files={"workshops/My_Workshop/index.md": text,
                          "workshops/my-workshop/index.md": text})
    result = findings(root)
    assert ("workshops/My_Workshop/index.md:1: error: workshop folder 'My_Workshop' is not a "
            "slug") in result[0]
    assert result[1] == ("workshops/my-workshop/index.md:1: error: duplicate slug 'my-workshop': "
                         "also used by workshops/My_Workshop")


def test_strict_turns_warnings_into_failure(project):
    text = HEAD.format(extra="") + "## Empty\n"
    root = project(files={"workshops/w/index.md": text})
    assert run_cli(root, "check").returncode == 0
    strict = run_cli(root, "check", "--strict")
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-1] == "1 workshop, 1 file: 0 errors, 1 warning"


def test_unreadable_image_is_an_error_not_a_crash(project):
    text = HEAD.format(extra="") + "## Images\n\n![A broken picture](images/broken.png)\n"
    root = project(files={"workshops/w/index.md": text,
                          "workshops/w/images/broken.png": b"\x89PNG not really"})
    assert findings(root) == ["workshops/w/index.md:7: error: image 'images/broken.png' "
                              "is not a readable PNG, JPEG or GIF image"]
    result = run_cli(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_translation_without_its_original_is_an_error(tmp_path):
    from conftest import make_project

    from toolkit_builder.project import load_project

    source = (Path(__file__).parent / "fixtures/constructs/index.md").read_text(encoding="utf-8")
    root = make_project(tmp_path, files={"workshops/lonely/index.nb.md": source.replace(
        "title: Every construct", "title: Every construct\nlanguage: nb")})
    found = [d.format() for d in load_project(root).reporter.errors
             if d.code == "source.no-original"]
    assert found == [
        "workshops/lonely/index.nb.md:1: error: a translation without its original: add "
        "workshops/lonely/index.md (the original says its language with `language:`), "
        "or rename this file index.md if it is the original"]


@pytest.mark.parametrize(("case", "line", "message"), [
    ("material-missing", 10, "activity 'Sorting cards' needs 'sorting cards', but no "
                             '`!!! material "sorting cards (A4 worksheet, …)"` gives it'),
    ("activity-minutes", 15, "activity 'The long talk' takes 20 min but its agenda item "
                             "'Activity: the long talk' has 30 min"),
    ("video-unused", 1, "the workshop has a video but no agenda item, section or facilitator note "
                        "shows it"),
])
def test_consistency_checks_warn_with_their_line(project, case, line, message):
    from toolkit_builder.project import load_project

    found = [d for d in load_project(project(case)).reporter.items if d.level == "warning"]
    assert len(found) == 1, [d.format() for d in found]
    assert found[0].pos.line == line and found[0].message.startswith(message), found[0].format()


def test_materials_are_read_with_paper_form_quantity_groups_and_room(project):
    from toolkit_builder.project import load_project

    loaded = load_project(project("materials"))
    assert not loaded.reporter.items, [d.format() for d in loaded.reporter.items]
    workshop = loaded.workshops["materials"]["en"]
    assert [(m.title, m.paper, m.form, m.quantity) for m in workshop.materials] == [
        ("Case card: the carpenter", "A5", "card", "1 per group"),
        ("Planning worksheet", "A4", "worksheet", "1 per participant"),
        ("Employer canvas", "A3", "canvas", "1 per table")]
    first = workshop.activities[0]
    assert (first.groups, first.room) == ("groups of three", "tables for three")
