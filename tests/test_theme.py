"""Themes as validated data: every problem at once, located, coded; fonts only from the theme."""

from __future__ import annotations

import pytest
from conftest import ROOT

from toolkit_builder.cli import main
from toolkit_builder.errors import ConfigError
from toolkit_builder.model import Run
from toolkit_builder.slides import measure
from toolkit_builder.suggest import did_you_mean
from toolkit_builder.theme import COLOURS, check_theme, colour_problem, load_theme


def themed(project, name: str, text: str, **themes: str):
    """Return a project whose mkdocs.yml uses theme `name`, written from `text`.

    The other keyword arguments are more themes, by name.
    """
    files = {f"themes/{other}/theme.yml": content for other, content in themes.items()}
    root = project(files={f"themes/{name}/theme.yml": text, **files})
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("theme: default", f"theme: {name}"))
    return root


def found(root, name: str) -> list[tuple[int, str, str]]:
    """Return (line, code, message) of every finding about a theme."""
    theme, diagnostics = check_theme(root / "themes", name, root)
    assert theme is None or not diagnostics
    return [(d.pos.line, d.code, d.message) for d in diagnostics]


def test_the_default_theme_loads_clean():
    theme, diagnostics = check_theme(ROOT / "themes", "default", ROOT)
    assert diagnostics == []
    assert set(theme.colours) == set(COLOURS)
    assert theme.font_files["mono"].name == "DejaVuSansMono.ttf"
    assert load_theme(ROOT / "themes", "default") == theme


def test_three_errors_are_reported_at_once_with_lines_and_codes(project):
    text = "name: X\ncolours:\n  primary: '#12345g'\nlogo: nothing.svg\npagesize: A4\n"
    root = themed(project, "x", text)
    assert [(line, code) for line, code, _ in found(root, "x")] == [
        (3, "theme.colour"), (4, "theme.missing-file"), (5, "theme.unknown-key")]


def test_load_theme_raises_with_every_error_one_per_line(project):
    root = themed(project, "x", "colours:\n  primary: red\n  accent: '#abc'\n")
    with pytest.raises(ConfigError) as info:
        load_theme(root / "themes", "x")
    lines = str(info.value).splitlines()
    assert [line.split(": error: ")[0] for line in lines] == ["themes/x/theme.yml:2",
                                                              "themes/x/theme.yml:3"]


def test_a_bad_colour_fails_check_with_a_located_error(project, capsys):
    root = themed(project, "x", "name: X\ncolours:\n  accent: 'rgb(1, 2, 3)'\n")
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert "themes/x/theme.yml:3: error: colour 'accent' must be '#rrggbb'" in out
    assert "'rgb(1, 2, 3)' does not start with '#'" in out
    assert out.splitlines()[-1].endswith("1 error, 0 warnings")


@pytest.mark.parametrize("value,problem", [
    ("#1f4e79", ""), ("#ABCDEF", ""),
    ("1f4e79", "'1f4e79' does not start with '#'"),
    ("#abc", "'#abc' has 3 hex digits after '#', not 6"),
    ("#12345g", "has 'g', not hex digits"),
    (None, "it is empty (an unquoted # starts a YAML comment"),
    (123456, "got a number, '123456'"),
    ("#" + "0" * 60, "'#" + "0" * 38 + "…' has 60 hex digits"),
])
def test_colour_problems_say_what_is_wrong(value, problem):
    assert (problem in colour_problem(value)) if problem else colour_problem(value) == ""


def test_an_unquoted_colour_is_an_empty_value(project):
    root = themed(project, "x", "colours:\n  primary: #1f4e79\n")
    assert [(line, code) for line, code, _ in found(root, "x")] == [(2, "theme.colour")]


def test_unknown_keys_get_a_hint(project):
    root = themed(project, "x", "name: X\ncolurs: {}\nfonts:\n  files:\n    Bold: b.ttf\n")
    assert found(root, "x") == [
        (2, "theme.unknown-key", "unknown key 'colurs' (did you mean 'colours'?)"),
        (5, "theme.unknown-key", "unknown font file style 'Bold' (did you mean 'bold'?)")]


def test_unknown_extends_gets_a_hint(project):
    root = themed(project, "x", "name: X\nextends: defualt\n")
    assert found(root, "x") == [
        (2, "theme.extends", "'extends' names no theme: 'defualt' (did you mean 'default'?)")]


def test_an_extends_cycle_is_an_error_not_a_hang(project):
    root = themed(project, "a", "extends: b\n", b="name: B\nextends: a\n")
    assert found(root, "a") == [
        (2, "theme.extends", "themes extend each other in a cycle: a -> b -> a")]


def test_a_missing_theme_gets_a_hint(project):
    root = project()
    assert found(root, "defaul") == [
        (0, "theme.not-found", "no theme 'defaul' in themes/ (did you mean 'default'?)")]


def test_invalid_yaml_is_located(project):
    root = themed(project, "x", "name: X\ncolours: {primary: '#ffffff'\nlogo: a.svg\n")
    assert [(line, code) for line, code, _ in found(root, "x")] == [(2, "theme.yaml")]


def test_a_partner_theme_inherits_every_default(project):
    root = themed(project, "x", "name: X\ncolours:\n  primary: '#7a1f5c'\n")
    theme, diagnostics = check_theme(root / "themes", "x", root)
    assert diagnostics == []
    assert theme.colours["primary"] == "#7a1f5c"
    assert theme.colours["muted"] == "#5b6675"
    assert theme.page_size == "A4" and theme.logo.parent.name == "default"


def test_the_chain_must_set_every_colour(project):
    root = project()
    default = root / "themes/default/theme.yml"
    default.write_text(default.read_text().replace('  muted: "#5b6675"\n', ""))
    assert [(code, message.split(" is ")[0]) for _, code, message in found(root, "default")] == [
        ("theme.missing-key", "'colours.muted'")]


def test_file_paths_cannot_leave_the_theme_folder(project):
    root = themed(project, "x", "logo: ../../mkdocs.yml\n")
    assert [(line, code) for line, code, _ in found(root, "x")] == [(1, "theme.file-path")]


def test_did_you_mean_ignores_case():
    assert did_you_mean("PRIMARY", ["primary", "accent"]) == " (did you mean 'primary'?)"
    assert did_you_mean("a4", ["A4", "Letter"]) == " (did you mean 'A4'?)"
    assert did_you_mean("zzz", ["primary"]) == ""


def test_measure_opens_only_the_theme_font_files(monkeypatch):
    theme = load_theme(ROOT / "themes", "default")
    themes = (ROOT / "themes").resolve()
    opened = []
    real = measure.ImageFont.truetype
    monkeypatch.setattr(measure.ImageFont, "truetype",
                        lambda path, size: opened.append(path) or real(path, size))
    measure._font.cache_clear()
    metrics = measure.Metrics(theme.font_files)
    runs = (Run("plain "), Run("bold ", strong=True), Run("it ", emphasis=True),
            Run("both ", strong=True, emphasis=True), Run("code()", code=True))
    assert metrics.lines(runs, 18, 300) >= 1 and metrics.line_height(18) > 0
    measure._font.cache_clear()
    assert opened and all(str(path).startswith(str(themes)) for path in opened), opened
    assert all(path.startswith(str(themes)) for paths in metrics.paths.values() for path in paths)
    assert metrics.paths["regular"][1].endswith("DejaVuSans.ttf")  # the fallback, measured too


def test_a_style_the_theme_lacks_is_measured_with_the_nearest_one():
    theme = load_theme(ROOT / "themes", "default")
    files = {"regular": theme.font_files["regular"], "bold": theme.font_files["bold"]}
    paths = measure.Metrics(files).paths
    assert paths["bolditalic"] == paths["bold"] == (str(files["bold"]),)
    assert paths["italic"] == paths["mono"] == (str(files["regular"]),)
