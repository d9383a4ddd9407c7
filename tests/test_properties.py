"""Property test: `check` and every writer take any workshop and fail only with located messages.

CI runs a few examples; `HYPOTHESIS_PROFILE=long` runs 1,000:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/test_properties.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit_builder.errors import ToolkitError
from toolkit_builder.kinds import REGISTRY, Phase
from toolkit_builder.pipeline import check_project, make_context, render_document

ROOT = Path(__file__).resolve().parent.parent
SLUG = "prop"
# The PDFs with a layout of their own per example are slow: made only for one example in EVERY.
EXPENSIVE = {"slides", "handout", "facilitator-guide", "activity-materials"}
EVERY = 5
DOCUMENTS = [kind.name for kind in REGISTRY if kind.phase == Phase.DOCUMENT]
LOCATED = re.compile(r"^[^\s:][^:\n]*:\d+: (?:error|warning): ", re.MULTILINE)
CRASH = re.compile(r"could not write .*?: [A-Za-z_.]*(?:Error|Exception|Warning)\b")
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
          HealthCheck.function_scoped_fixture, HealthCheck.large_base_example]
settings.register_profile("ci", max_examples=25, deadline=None, database=None,
                          suppress_health_check=HEALTH)
settings.register_profile("long", max_examples=1000, deadline=None, database=None,
                          suppress_health_check=HEALTH)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FM_KEYS = ("title", "subtitle", "summary", "language", "duration", "start", "audience",
           "objectives", "agenda", "origin", "video", "tags", "facilitators", "licence",
           "takeaways", "extra", "Title", "")

# U+0085 (NEL) once made Pillow's raqm_layout() fail while the slides planner measured text;
# control characters are now measured and set as spaces, and the generator keeps offering them.
KNOWN_CRASHES = ""
# Text on one line (controls, format marks, odd line separators included), and short words.
line_text = st.text(st.characters(exclude_categories=("Cs",),
                                  exclude_characters="\n\r" + KNOWN_CRASHES), max_size=30)
word = st.text(st.characters(categories=("L", "N", "Zs", "P", "So")), min_size=1, max_size=12)
scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12),
                   st.floats(allow_nan=True), line_text, st.dates(),
                   st.sampled_from(["2h30", "90 min", "13:00", "25:99", "en", "nb", "xx", "3h",
                                    "https://example.org/v", "CC-BY-4.0", "Break: 10"]))
value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(line_text, st.integers()), inner,
                                                 max_size=3)), max_leaves=8)
agenda = st.lists(st.one_of(st.builds(lambda t, m: {t: m}, word, st.integers(-5, 400)),
                            st.builds(lambda t, m, lead: {t: {"minutes": m, "lead": lead}},
                                      word, st.integers(0, 90), word), word), max_size=6)
front_matter = st.builds(
    lambda title, rest, agenda: {"title": title, **rest, **({"agenda": agenda} if agenda else {})},
    st.one_of(word, value), st.dictionaries(st.sampled_from(FM_KEYS), value, max_size=6),
    st.one_of(st.none(), agenda))


def indent(text: str, by: int = 4) -> str:
    """Return text indented by `by` spaces."""
    return "\n".join(" " * by + line if line else line for line in text.split("\n"))


inline = st.one_of(
    line_text, word.map(lambda w: f"*{w}*"), word.map(lambda w: f"**{w}**"),
    word.map(lambda w: f"`{w}`"),
    st.builds(lambda t, h: f"[{t}]({h})", word,
              st.sampled_from(["https://example.org", "#intro", "missing.md", "", "javascript:x",
                               "pic.png", "../other/index.md", "mailto:a@b.c"])),
    st.builds(lambda a, src: f"![{a}]({src})", line_text,
              st.sampled_from(["pic.png", "missing.png", "../pic.png", "pic.png \"T\"",
                               "https://example.org/x.png", "sub/pic.png", "bad.svg"])),
    st.sampled_from(["<b>raw</b>", "<script>x()</script>", "<div>", "<img src=pic.png>",
                     "<!-- c -->", "&amp;", "&#0;", "<table><tr><td>x", "<", "{: .x }"]))
paragraph = st.lists(inline, min_size=1, max_size=5).map(" ".join)
items = st.recursive(st.lists(paragraph, min_size=1, max_size=3).map(
    lambda ps: "\n".join(f"- {p}" for p in ps)),
    lambda inner: st.builds(lambda a, b, n: f"{a}\n{indent(b)}\n{n}. x", inner, inner,
                            st.integers(0, 99)), max_leaves=5)
table = st.builds(lambda cols, rows: "\n".join(
    ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    + ["| " + " | ".join(r) + " |" for r in rows]),
    st.lists(word, min_size=1, max_size=4), st.lists(st.lists(paragraph, max_size=5), max_size=4))
code = st.builds(lambda fence, lang, text: f"{fence}{lang}\n{text}\n{fence}",
                 st.sampled_from(["```", "~~~", "````"]), st.sampled_from(["", "python", "x y"]),
                 st.lists(line_text, max_size=4).map("\n".join))
simple = st.one_of(paragraph, items, table, code)
activity = st.builds(lambda title, minutes, blocks, extra: (
    f'!!! activity "{title} ({minutes} min)"\n'
    + indent("\n\n".join([*blocks, extra]))),
    word, st.integers(-1, 500), st.lists(simple, max_size=3),
    st.sampled_from(["", "**Materials:** cards (1 per group)", "**Groups:** 3", "**Room:** x"]))
notes = st.lists(simple, min_size=1, max_size=2).map(
    lambda blocks: "??? notes\n" + indent("\n\n".join(blocks)))
material = st.builds(lambda title, paper, blocks: (
    f'!!! material "{title} ({paper})"\n' + indent("\n\n".join(blocks))),
    word, st.sampled_from(["A4 worksheet, 1 per group", "A3 canvas", "A9 card", ""]),
    st.lists(simple, max_size=2))
# Tidy workshops pass `check` far more often, so that the writers see them.
tidy_inline = st.one_of(line_text, word.map(lambda w: f"*{w}* `{w}`"),
                        word.map(lambda w: f"[{w}](https://example.org) ![{w}](pic.png)"))
tidy_paragraph = st.lists(tidy_inline, min_size=1, max_size=4).map(" ".join)
tidy_front = st.builds(lambda title, rest: {"title": title, **rest}, word, st.fixed_dictionaries(
    {}, optional={"subtitle": word, "summary": line_text, "duration": st.sampled_from(
        ["2h30", "90 min", "45"]), "start": st.just("13:00"), "language": st.just("en"),
        "objectives": st.lists(word, max_size=4), "facilitators": st.lists(word, max_size=3),
        "takeaways": st.lists(line_text, max_size=3), "tags": st.lists(word, max_size=3)}))
tidy_block = st.one_of(tidy_paragraph, table, code, items, st.just("---"),
                       word.map(lambda w: f"## {w}"), st.lists(tidy_paragraph, max_size=2).map(
                           lambda ps: "??? notes\n" + indent("\n\n".join(ps or ["x"]))),
                       st.builds(lambda t, m, ps: f'!!! activity "{t} ({m} min)"\n'
                                 + indent("\n\n".join(ps or ["x"])), word, st.integers(1, 90),
                                 st.lists(tidy_paragraph, max_size=2)))
tidy_body = st.lists(tidy_block, max_size=10).map("\n\n".join)
block = st.one_of(simple, activity, notes, material, st.just("---"),
                  word.map(lambda w: f"## {w}"), word.map(lambda w: f"### {w}"),
                  st.sampled_from(["<div markdown>\n\nx\n\n</div>", "> quote\n> > deeper",
                                   '!!! note "N"\n    text', "# Title"]))
body = st.lists(block, max_size=12).map("\n\n".join)


def dump(front: object) -> str:
    """Return front matter as YAML, or as plain text when YAML cannot carry it."""
    try:
        return yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return "title: fallback\n"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """Return one throw-away project, reused by every example, with files for the images."""
    folder = tmp_path_factory.mktemp("properties")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "themes", folder / "themes")
    workshop = folder / "workshops" / SLUG
    (workshop / "sub").mkdir(parents=True)
    for name in ("pic.png", "sub/pic.png"):
        shutil.copy(ROOT / "themes" / "default" / "logo.png", workshop / name)
    (workshop / "bad.svg").write_text("<svg", encoding="utf-8")
    return folder


def located(exc: ToolkitError) -> None:
    """Fail unless an error is one of the project's own located messages, not a crash."""
    message = str(exc)
    assert LOCATED.search(message), f"unlocated {type(exc).__name__}: {message}"
    assert not CRASH.search(message), f"a writer crashed: {message}"


@settings(settings.get_profile(PROFILE))
@given(case=st.one_of(st.tuples(tidy_front, tidy_body), st.tuples(front_matter, body)),
       lucky=st.integers(0, EVERY - 1))
def test_check_and_writers_fail_only_with_located_messages(root, case, lucky):
    front, text = case
    source = root / "workshops" / SLUG / "index.md"
    source.write_text(f"---\n{dump(front)}---\n\n{text}\n", encoding="utf-8")
    try:
        project = check_project(root, cached=False)
    except ToolkitError as exc:
        located(exc)
        return
    for item in project.reporter.items:
        assert item.pos.path and item.message, item
    if project.reporter.errors:
        return
    context = make_context(project)
    for workshop in project.all():
        for kind in DOCUMENTS:
            if kind in EXPENSIVE and lucky:
                continue
            try:
                render_document(kind, workshop, context)
            except ToolkitError as exc:
                located(exc)


def test_the_profiles_are_bounded():
    assert settings.get_profile("ci").max_examples == 25
    assert settings.get_profile("long").max_examples == 1000
