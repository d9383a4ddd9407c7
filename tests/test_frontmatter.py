"""Front matter: every bad input gives exactly one finding with its file and line."""

from __future__ import annotations

import pytest
from conftest import run_cli

from toolkit_builder.diagnostics import Reporter
from toolkit_builder.frontmatter import (
    format_minutes,
    parse_duration,
    parse_meta,
    split_front_matter,
)

BAD_INPUTS = [
    ("invalid-yaml", 3, "invalid YAML in front matter"),
    ("front-matter-not-mapping", 2, "front matter must be a mapping"),
    ("no-front-matter", 1, "no front matter"),
    ("missing-title", 2, "missing required key 'title'"),
    ("wrong-type", 3,
     "'duration' must be minutes (180) or hours and minutes (3h, 2h30), not 'abc'"),
    ("unknown-key", 3, "unknown key 'objetives' (did you mean 'objectives'?)"),
    ("agenda-sum", 4, "agenda adds up to 75 min (1h15) but duration is 120 min (2h)"),
    ("missing-image", 9, "image 'images/nothing.png' does not exist"),
    ("image-outside", 9, "image path '../../themes/default/logo.png' leaves the workshop folder"),
    ("invalid-utf8", 7, "not valid UTF-8 (byte 0xe9)"),
    ("empty-file", 1, "file is empty"),
    ("binary-file", 1, "binary file"),
]


@pytest.mark.parametrize("case,line,message", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gives_one_finding_with_file_and_line(project, case, line, message):
    root = project(case)
    result = run_cli(root, "check")
    findings = [line for line in result.stdout.splitlines()
                if ": error: " in line or ": warning: " in line]
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(findings) == 1, findings
    assert findings[0].startswith(f"workshops/{case}/index.md:{line}: error: "), findings[0]
    assert message in findings[0]
    assert result.stdout.splitlines()[-1].endswith("1 error, 0 warnings")


@pytest.mark.parametrize("text,minutes", [(180, 180), ("180", 180), ("3h", 180), ("2h30", 150),
                                          ("2h 30min", 150), ("90 min", 90), ("45m", 45)])
def test_durations_are_read_in_every_documented_form(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["abc", "", "h", "-5", 0, True, [1]])
def test_unreadable_durations_are_refused(text):
    assert parse_duration(text) is None


def test_minutes_are_written_back_readably():
    assert [format_minutes(m) for m in (45, 60, 150)] == ["45 min", "1h", "2h30"]


def _meta(front: str, file_lang=None):
    reporter = Reporter()
    source = split_front_matter(f"---\n{front}\n---\nbody")
    meta = parse_meta(source, "x.md", file_lang, "en", reporter)
    return meta, reporter


def test_unquoted_clock_time_is_kept_as_written():
    meta, reporter = _meta("title: T\nstart: 09:30")
    assert meta.start == "09:30" and not reporter.items


def test_agenda_items_keep_order_minutes_and_lines():
    meta, reporter = _meta(
        "title: T\nduration: 30\nagenda:\n  - Welcome: 10\n  - 'Activity: map it': 20")
    assert [(a.title, a.minutes, a.pos.line) for a in meta.agenda] == [
        ("Welcome", 10, 5), ("Activity: map it", 20, 6)]
    assert not reporter.items


def test_every_problem_of_the_front_matter_is_reported_at_once():
    _, reporter = _meta("titel: T\nduration: abc\nvideo: not a url\ntags: {a: 1}")
    messages = [d.message for d in reporter.errors]
    assert len(messages) == 5, messages
    assert any("did you mean 'title'" in m for m in messages)
    assert any("missing required key 'title'" in m for m in messages)


def test_language_must_agree_with_the_file_name():
    _, reporter = _meta("title: T\nlanguage: en", file_lang="nb")
    assert reporter.errors[0].message == "language is 'en' but the file name says 'nb'"


def test_duplicate_keys_are_reported_with_their_line():
    _, reporter = _meta("title: T\nsubtitle: a\nsubtitle: b")
    assert [(d.pos.line, d.message) for d in reporter.errors] == [
        (4, "key 'subtitle' appears twice")]


def test_origin_rejects_unknown_keys_with_a_hint():
    _, reporter = _meta("title: T\norigin: {event: E, plase: P}")
    assert "unknown key 'plase' in 'origin' (did you mean 'place'?)" in reporter.errors[0].message


def test_origin_date_is_text():
    meta, _ = _meta("title: T\norigin: {event: E, place: P, date: 2013-10-02}")
    assert meta.origin.date == "2013-10-02"


@pytest.mark.parametrize("date", ["2013-13-45", "2013-02-30", "20130", "next year"])
def test_impossible_origin_dates_are_a_located_error_not_a_crash(date):
    meta, reporter = _meta(f"title: T\norigin: {{event: E, date: {date}}}")
    assert meta is None or meta.origin.date == ""
    first = [d.format() for d in reporter.errors][0]
    assert first.startswith("x.md:3: error: 'origin.date' must be")
