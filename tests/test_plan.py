"""The artifact plan as data, the shared deck outline, and the command line's output."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from conftest import ROOT, make_project, run_cli
from pptx import Presentation

from toolkit_builder.kinds import Phase, kinds
from toolkit_builder.pipeline import make_context, plan_of, render_document
from toolkit_builder.plan import plan_build
from toolkit_builder.project import load_project


@pytest.fixture(scope="module")
def samples():
    """Return the repository's sample project, partners included."""
    project = load_project(ROOT)
    assert not project.reporter.errors
    return project


def test_the_plan_of_the_samples_as_data(samples):
    plan = plan_of(samples)
    documents = len(kinds(Phase.DOCUMENT))
    editions = [(w.slug, w.lang, p.slug if p else "") for w in samples.all()
                for p in [None, *samples.partners] if p is None or p.runs(w.slug, w.lang)]
    assert len(plan.documents) == documents * len(editions)
    assert len(plan.packages) == len(editions)
    assert Counter(j.partner_slug for j in plan.packages) == Counter(e[2] for e in editions)
    assert ("responsive-training", "nb", "elvtind-klynge") in editions
    assert ("cluster-membership", "nb", "elvtind-klynge") in editions
    assert len({j.path for j in plan.jobs}) == len(plan.jobs)  # no path twice
    for package in plan.packages:  # phase two packs phase one
        edition = (package.workshop, package.partner)
        mine = [j.path for j in plan.documents if (j.workshop, j.partner) == edition]
        assert package.inputs == tuple(mine)


def test_the_plan_is_pure_and_stable(samples):
    first = plan_build(samples.all(), samples.partners)
    assert first == plan_build(samples.all(), samples.partners)


def test_a_partner_only_gets_the_workshops_and_languages_it_runs(samples):
    plan = plan_of(samples)
    german = {(j.workshop.slug, j.workshop.lang) for j in plan.jobs
              if j.partner_slug == "bz-hohenlauter"}
    assert german == {("responsive-training", "en")}
    norwegian = {j.workshop.lang for j in plan.jobs if j.partner_slug == "elvtind-klynge"}
    assert norwegian == {"nb"}


def test_the_guide_numbers_slides_as_the_deck_has_them(tmp_path):
    project = load_project(ROOT, only={"responsive-training"})
    workshop = project.workshops["responsive-training"]["en"]
    context = make_context(project)
    from toolkit_builder.slides.plan import deck_outline

    outline = deck_outline(workshop, context)
    deck = Presentation(io.BytesIO(render_document("slides", workshop, context).data))
    assert len(deck.slides) == outline.slides
    titles = [s.shapes.title.text_frame.text if s.shapes.title else "" for s in deck.slides]
    for section in workshop.sections:
        first, last = outline.sections[section.anchor]
        names = [section.title, *(a.title for a in section.activities)]
        assert any(titles[first - 1].startswith(n) for n in names), (names, titles[first - 1])
    guide = render_document("facilitator-guide", workshop, context).data
    from pypdf import PdfReader

    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(guide)).pages)
    first, last = outline.sections[workshop.sections[1].anchor]
    label = f"{first}–{last}" if last > first else str(first)
    assert label in text


def test_the_cli_prints_one_line_per_artifact_when_not_on_a_terminal(tmp_path):
    root = make_project(tmp_path, "constructs")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == len(kinds())  # one per artifact
    assert lines[0].startswith(f"[1/{len(kinds())}] built downloads/constructs/en/")
    assert "\r" not in result.stdout and "\x1b" not in result.stdout  # no live bar in a log
    again = run_cli(root, "build", "--workshop", "constructs")
    reused = sum(line.startswith("[") and " reused " in line
                 for line in again.stdout.splitlines())
    assert reused == len(kinds())


def test_a_selection_that_names_nothing_stops_with_a_hint(tmp_path):
    root = make_project(tmp_path, "constructs")
    result = run_cli(root, "build", "--workshop", "construct")
    assert result.returncode == 1
    assert "build stopped: no workshop 'construct' (did you mean 'constructs'?)" in result.stdout
    assert not (root / "site").exists()
