"""The glyph check: characters the theme's fonts lack are warnings at their line and column."""

from __future__ import annotations

from conftest import ROOT, run_cli

from toolkit_builder.diagnostics import Reporter
from toolkit_builder.glyphs import MAX_PER_FILE, check_glyphs, font_chars
from toolkit_builder.project import load_project

BOX = ("is not in the theme's fonts (Open Sans, DejaVu Sans): it shows as a box in the PDF and "
       "slides; use a theme whose fonts cover this script, or leave it out")


def theme():
    return load_project(ROOT, only={"skills-forecasting"}).theme


def findings(text):
    reporter = Reporter()
    check_glyphs(text, "w/index.md", theme(), reporter)
    return [d.format() for d in reporter.sorted()]


def test_each_line_reports_its_first_uncovered_character(project):
    root = project("glyphs-cjk")
    result = [d.format() for d in load_project(root).reporter.sorted()]
    path = "workshops/glyphs-cjk/index.md"
    assert result == [
        f"{path}:2: warning: column 8: '你' (U+4F60) {BOX}",
        f"{path}:8: warning: column 7: '你' (U+4F60) {BOX}",
        f"{path}:11: warning: column 6: '中' (U+4E2D) is not in the theme's code font "
        "(DejaVu Sans Mono): it shows as a box in the PDF and slides; use a theme whose fonts "
        "cover this script, or leave it out",
        f"{path}:14: warning: column 16: '𝄞' (U+1D11E) {BOX}",
    ]


def test_strict_check_fails_on_missing_glyphs(project):
    root = project("glyphs-cjk")
    assert run_cli(root, "check").returncode == 0
    assert run_cli(root, "check", "--strict").returncode == 1


def test_findings_are_cut_per_file():
    result = findings("\n".join(["你"] * (MAX_PER_FILE + 5)))
    assert len(result) == MAX_PER_FILE + 1
    assert "only the first 20 lines" in result[-1]


def test_latin_text_controls_and_joiners_pass():
    assert findings("Café – “quoted” naïve ✓ a\u200db \ufe0f\t\x0b") == []


def test_coverage_is_read_once_per_font():
    path = theme().font_files["regular"]
    font_chars(path)
    hits = font_chars.cache_info().hits
    font_chars(path)
    assert font_chars.cache_info().hits == hits + 1
    assert ord("a") in font_chars(path)
