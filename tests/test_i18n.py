"""Interface languages as gettext catalogues, locale-aware formatting, no language words in code."""

from __future__ import annotations

import ast
import functools
import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from conftest import ROOT, make_project
from pptx import Presentation

from toolkit_builder.formatting import duration, human_date, names, weekday_date
from toolkit_builder.i18n import LOCALES, interface_languages, language_tag, text

PACKAGE = ROOT / "toolkit_builder"
PLACEHOLDER_RE = re.compile(r"{\w+}")
LANGUAGES = ("de", "en", "es", "fr", "nb", "pt")


@functools.lru_cache(maxsize=1)
def template_ids() -> frozenset[str]:
    """Return the messages the code and templates use, extracted afresh with Babel."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / "toolkit.pot"
        subprocess.run([str(ROOT / ".venv/bin/pybabel"), "extract", "-F", "babel.cfg",
                        "-k", "text:2", "-k", "N_", "-k", "t", "--no-location",
                        "-o", str(pot), "."],
                       cwd=ROOT, capture_output=True, check=True)
        ids = frozenset(m.id for m in read_po(pot.open("rb")) if m.id)
    assert len(ids) > 100, "the extraction found (almost) no messages"
    return ids


def test_the_six_interface_languages_have_catalogues():
    assert interface_languages() == LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_is_complete_and_keeps_the_placeholders(lang):
    catalogue = read_po((LOCALES / lang / "LC_MESSAGES" / "toolkit.po").open("rb"))
    translated = {m.id: m.string for m in catalogue if m.id and m.string and not m.fuzzy}
    missing = template_ids() - set(translated)
    assert not missing, (f"{lang} lacks {sorted(missing)[:5]} "
                         "(run: sh tools/i18n.sh extract && update)")
    for message, translation in translated.items():
        placeholders = set(PLACEHOLDER_RE.findall(message))
        assert placeholders == set(PLACEHOLDER_RE.findall(translation)), message


def test_the_committed_template_is_current():
    committed = {m.id for m in read_po((LOCALES / "toolkit.pot").open("rb")) if m.id}
    assert committed == template_ids(), "run: sh tools/i18n.sh extract"


@pytest.mark.parametrize(("lang", "month", "day", "weekday"), [
    ("en", "October 2013", "3 October 2013", "Thursday, 8 April 2027"),
    ("nb", "oktober 2013", "3. oktober 2013", "torsdag 8. april 2027"),
    ("es", "octubre de 2013", "3 de octubre de 2013", "jueves, 8 de abril de 2027"),
    ("de", "Oktober 2013", "3. Oktober 2013", "Donnerstag, 8. April 2027"),
    ("fr", "octobre 2013", "3 octobre 2013", "jeudi 8 avril 2027"),
    ("pt", "outubro de 2013", "3 de outubro de 2013", "quinta-feira, 8 de abril de 2027"),
])
def test_dates_are_formatted_by_babel_in_each_language(lang, month, day, weekday):
    assert human_date("2013-10", lang) == month
    assert human_date("2013-10-03", lang) == day
    assert weekday_date("2027-04-08", lang) == weekday
    assert human_date("next spring", lang) == "next spring"


def test_durations_and_lists_follow_the_language():
    assert duration(150, "en") == "2 h 30 min" and duration(45, "nb") == "45 min"
    assert duration(180, "de") == text("de", "{hours} h", hours=3)
    assert names(["Ana", "Ole", "Kari"], "nb") == "Ana, Ole og Kari"
    assert names(["Ana", "Ole"], "es") == "Ana y Ole"


MONTHS = ("january february march april may june july august september october november december "
          "januar februar mars april mai juni juli august september oktober november desember "
          "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre monday tuesday wednesday thursday friday saturday sunday "
          "mandag tirsdag onsdag torsdag fredag lørdag søndag").split()


def test_no_month_weekday_or_language_word_is_left_in_python_code():
    """Words of a language live in the catalogues and locales/vocabulary.yml, never in code."""
    vocabulary = (LOCALES / "vocabulary.yml").read_text(encoding="utf-8")
    listed = re.findall(r"[\[,]\s*([^\[\],\n]+)", vocabulary)
    words = set(MONTHS) | {w.strip().casefold() for w in listed}
    # Words that are also identifiers in code: the vocabulary's own kinds, admonition types, and
    # the words a kind name or a form keyword shares with English.
    also_ids = set(yaml.safe_load(vocabulary)) | {"material", "note", "break", "pause", "paus",
                                                   "card", "worksheet", "canvas"}
    words -= also_ids
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value.strip().casefold()
                assert value not in words, f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"


def test_decks_carry_the_workshop_s_language_on_every_run(tmp_path):
    from toolkit_builder.pipeline import make_context, render_document
    from toolkit_builder.project import load_project

    project = load_project(ROOT, only={"responsive-training"})
    workshop = project.workshops["responsive-training"]["nb"]
    deck = Presentation(io.BytesIO(render_document("slides", workshop, make_context(project)).data))
    tags = {props.get("lang") for slide in deck.slides
            for part in (slide.element,
                         *([slide.notes_slide.element] if slide.has_notes_slide else []))
            for props in part.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")}
    assert tags == {"nb-NO"} and deck.core_properties.language == "nb-NO"
    assert language_tag("es") == "es-ES"


@pytest.mark.parametrize(("lang", "words"), [
    ("es", ("Programa", "Objetivos")),
    ("de", ("Programm", "Lernziele")),
])
def test_a_workshop_in_another_language_shows_that_language_s_interface(tmp_path, lang, words):
    from toolkit_builder.pipeline import make_context, render_document
    from toolkit_builder.project import load_project

    root = make_project(tmp_path, "constructs")
    source = root / "workshops/constructs/index.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: Every construct", f"title: Every construct\nlanguage: {lang}"), encoding="utf-8")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "    default_language: en", f"    default_language: {lang}"), encoding="utf-8")
    project = load_project(root)
    workshop = project.workshops["constructs"][lang]
    context = make_context(project)
    agenda, objectives = (text(lang, "Agenda"), text(lang, "Objectives"))
    assert (agenda, objectives) == words
    deck = Presentation(io.BytesIO(render_document("slides", workshop, context).data))
    slide_text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes
                          if s.has_text_frame)
    assert agenda in slide_text
    from pypdf import PdfReader

    handout = render_document("handout", workshop, context).data
    pdf_text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(handout)).pages)
    assert agenda in pdf_text and objectives in pdf_text
    assert PdfReader(io.BytesIO(handout)).trailer["/Root"]["/Lang"] == lang


def test_a_translation_older_than_its_original_is_a_warning(tmp_path):
    import os

    from toolkit_builder.project import load_project

    root = make_project(tmp_path, "constructs")
    folder = root / "workshops/constructs"
    original = folder / "index.md"
    translation = folder / "index.nb.md"
    translation.write_text(original.read_text(encoding="utf-8").replace(
        "title: Every construct", "title: Alt på ett sted\nlanguage: nb"), encoding="utf-8")
    os.utime(translation, (1_700_000_000, 1_700_000_000))
    os.utime(original, (1_800_000_000, 1_800_000_000))
    stale = [d.format() for d in load_project(root).reporter.items if d.code == "translation.stale"]
    assert stale == ["workshops/constructs/index.nb.md:1: warning: translation may be out of date: "
                     "workshops/constructs/index.md changed after it (by file date)"]
    os.utime(translation, (1_900_000_000, 1_900_000_000))
    assert not [d for d in load_project(root).reporter.items if d.code == "translation.stale"]


def test_a_site_language_without_a_catalogue_is_a_warning(tmp_path):
    from toolkit_builder.project import load_project

    root = make_project(tmp_path, "constructs")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "      es: Español", "      es: Español\n      it: Italiano"), encoding="utf-8")
    found = [d.format() for d in load_project(root).reporter.items
             if d.code == "translation.catalogue"]
    assert len(found) == 1 and "no interface catalogue for 'it'" in found[0]


def test_check_prints_the_translation_table(tmp_path):
    from conftest import run_cli

    result = run_cli(ROOT, "check", "--translations")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["workshop", "en", "nb", "es"]
    assert lines[2].split() == ["cluster-membership", "original", "yes", "—"]
    assert any(line.split() == ["local-partnerships", "original", "—", "yes"] for line in lines)


def test_new_writes_a_norwegian_scaffold_with_a_readable_slug_that_passes_strict_check(tmp_path):
    from conftest import run_cli

    root = make_project(tmp_path)
    result = run_cli(root, "new", "Ærlig talt: å lære", "--lang", "nb")
    assert result.returncode == 0, result.stderr
    source = (root / "workshops/aerlig-talt-a-laere/index.md").read_text(encoding="utf-8")
    assert "language: nb" in source and "Velkommen" in source and "**Materiell:**" in source
    strict = run_cli(root, "check", "--strict")
    assert strict.returncode == 0, strict.stdout
    bad = run_cli(root, "new", "X", "--slug", "Bad Slug")
    assert bad.returncode == 2 and "--slug 'Bad Slug' must be lowercase" in bad.stderr
