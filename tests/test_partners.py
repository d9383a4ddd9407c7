"""partners.yml: the declaration is validated with a file and a line for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_cli

from toolkit_builder.project import load_project

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "partners"


def findings(tmp_path, partners: str) -> list[str]:
    """Return the partners.yml findings of a project holding the constructs fixture."""
    tmp_path.mkdir(exist_ok=True)
    root = make_project(tmp_path, "constructs", files={"partners.yml": partners})
    project = load_project(root)
    return [d.format() for d in project.reporter.sorted() if d.pos.path == "partners.yml"]


def test_a_good_declaration_loads_with_its_session(tmp_path):
    partners = (FIXTURES / "good.yml").read_text()
    root = make_project(tmp_path, "constructs", files={"partners.yml": partners})
    project = load_project(root)
    assert not project.reporter.items
    (partner,) = project.partners
    assert (partner.slug, partner.name, partner.theme, partner.languages) == (
        "demo-partner", "Demo Partner Org", "bz-hohenlauter", ("en",))
    session = partner.session("constructs", "en")
    assert (session.date, session.start, session.venue) == (
        "2027-05-06", "13:15", "Room 4, Demo Town Hall")
    assert partner.session("constructs", "nb") is None


EXPECTED = [
    "partners.yml:2: error: partner slug 'Bad_Slug' must be lowercase letters, digits and hyphens",
    "partners.yml:8: error: no theme 'bz-hohenlautr' (did you mean 'bz-hohenlauter'?)",
    "partners.yml:9: error: no site language 'de'",
    "partners.yml:10: error: unknown key 'mail' in contact (did you mean 'email'?)",
    "partners.yml:12: error: no workshop 'construct' (did you mean 'constructs'?)",
    "partners.yml:13: error: 'date' must be a date written YYYY-MM-DD, not '2027-13-01'",
    "partners.yml:14: error: 'start' must be a clock time like 09:30, not '25:00'",
    "partners.yml:15: error: 'registration' must be an https:// address",
    "partners.yml:16: error: 'name' is required",
    "partners.yml:19: error: unknown key 'colour' in partner 'no-name'",
]


@pytest.mark.parametrize("expected", EXPECTED)
def test_each_declaration_error_is_located(tmp_path, expected):
    found = findings(tmp_path, (FIXTURES / "bad.yml").read_text())
    assert any(line.startswith(expected) for line in found), "\n".join(found)


def test_every_error_is_reported_in_one_run_and_check_fails(tmp_path):
    partners = (FIXTURES / "bad.yml").read_text()
    root = make_project(tmp_path, "constructs", files={"partners.yml": partners})
    result = run_cli(root, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    reported = sum(line.startswith("partners.yml:") for line in result.stdout.splitlines())
    assert reported >= len(EXPECTED)


def test_the_same_slug_twice_and_broken_yaml(tmp_path):
    twice = ("a-b:\n  name: A\n  theme: default\n  languages: [en]\n"
             "a-b:\n  name: B\n  theme: default\n  languages: [en]\n")
    assert ("partners.yml:5: error: 'a-b' is given twice; the first one would be lost"
            in findings(tmp_path / "1", twice))
    broken = "a-b:\n  name: [unclosed\n"
    assert any(f.startswith("partners.yml:2: error: invalid YAML")
               for f in findings(tmp_path / "2", broken))


def test_a_partner_theme_with_a_missing_logo_is_an_error(tmp_path):
    root = make_project(tmp_path, "constructs", files={
        "partners.yml": "p-one:\n  name: P\n  theme: p-theme\n  languages: [en]\n",
        "themes/p-theme/theme.yml": "name: P\nextends: default\nlogo: logo.svg\n"})
    found = [d.format() for d in load_project(root).reporter.errors]
    assert found == ["partners.yml:3: error: partner theme 'p-theme' has no logo of its own: "
                     "add one to themes/p-theme/ and name it in its theme.yml (`logo:`)"]
    (root / "themes/p-theme/theme.yml").write_text("name: P\nextends: default\nlogo: mine.svg\n")
    found = [d.format() for d in load_project(root).reporter.errors]
    assert found and found[0].startswith("themes/p-theme/theme.yml:3: error:")
    assert "mine.svg" in found[0]


def test_a_session_in_a_language_the_partner_does_not_run_is_an_error(tmp_path):
    found = findings(tmp_path, "p-one:\n  name: P\n  theme: default\n  languages: [en]\n"
                               "  sessions:\n"
                               "    - {workshop: constructs, date: 2027-01-02, language: nb}\n")
    assert found == ["partners.yml:6: error: no language of this partner 'nb'; known: en"]


def test_a_session_of_a_workshop_in_none_of_the_partner_s_languages_falls_back_with_a_warning(
        tmp_path):
    from toolkit_builder.bundles.readme import view
    from toolkit_builder.pipeline import make_context, plan_of

    root = make_project(tmp_path, "constructs", files={"partners.yml": (
        "p-one:\n  name: P One\n  theme: bz-hohenlauter\n  languages: [nb]\n  sessions:\n"
        "    - {workshop: constructs, date: 2027-01-02, venue: Hall}\n")})
    project = load_project(root)
    assert [d.format() for d in project.reporter.items] == [
        "partners.yml:6: warning: 'constructs' exists in none of p-one's languages (nb): "
        "its toolkit is made in 'en' and says so"]
    jobs = [j for j in plan_of(project).jobs if j.partner_slug == "p-one"]
    assert jobs and {j.workshop.lang for j in jobs} == {"en"}
    workshop = project.workshops["constructs"]["en"]
    context = make_context(project, project.partners[0])
    assert context.session(workshop).venue == "Hall"
    note = view(workshop, context, []).partner
    assert "Not yet translated into Norsk bokmål: this toolkit is in English." in note
