"""The website in a real browser.

Catalogue, workshop pages, languages, search, links and accessibility.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import get_args

import lxml.html
import pytest
from conftest import make_project
from site_helpers import (
    ARTIFACTS,
    ROOT,
    axe_violations,
    chromium,
    fabricate_artifacts,
    same_site_links,
    serve,
)

from toolkit_builder.errors import BuildError, UnhandledBlockError
from toolkit_builder.frontmatter import split_front_matter
from toolkit_builder.model import Activity, Block, Notes, Only, SourcePos, Workshop, walk
from toolkit_builder.project import load_project
from toolkit_builder.reader import make_markdown
from toolkit_builder.site.content import BLOCK_HANDLERS as SITE_HANDLERS
from toolkit_builder.site.content import finish_body
from toolkit_builder.site.run import build as build_site

# Stand-in artifacts: the real writers are tested elsewhere; the site only lists what the
# manifest says.
FAKE = [("responsive-training", "en", "slides", 312_000),
        ("responsive-training", "en", "handout", 1_460_000),
        ("responsive-training", "en", "toolkit", 1_800_000),
        ("responsive-training", "nb", "toolkit", 2_000_000),
        ("responsive-training", "en", "toolkit", 1_700_000, "bz-hohenlauter"),
        ("responsive-training", "en", "handout", 900_000, "bz-hohenlauter")]


@pytest.fixture(scope="session")
def samples():
    """Return the sample project as the loader reads it."""
    return load_project(ROOT)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the samples' site once, as `build.py build` does.

    The site is built beside a manifest of stand-in artifacts.
    """
    folder = tmp_path_factory.mktemp("site")
    fabricate_artifacts(folder, FAKE)
    build_site(ROOT, folder)
    return folder


@pytest.fixture(scope="session")
def base(site_dir):
    """Serve the built site on 127.0.0.1; return its address."""
    with serve(site_dir) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium for this module.

    Playwright's sync API allows one at a time: other modules start theirs.
    """
    with chromium() as instance:
        yield instance


@pytest.fixture
def allowed(base) -> list[str]:
    """Return the address prefixes a test's page may request.

    That is the site itself; a test may add more.
    """
    return [base, "data:"]


@pytest.fixture
def page(browser, base, allowed):
    """Return a fresh desktop page.

    The page fails the test on console errors or requests to other hosts.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on("request", lambda req: (req.url.startswith(tuple(allowed))
                                   or problems.append(f"request: {req.url}")))
    yield tab
    context.close()
    assert problems == []


def test_home_lists_every_workshop_and_each_card_opens_its_page(page, base, samples):
    page.goto(base)
    slugs = page.locator(".ktw-card").evaluate_all("cards => cards.map(c => c.dataset.slug)")
    assert sorted(slugs) == sorted(samples.workshops)
    for slug in slugs:
        page.goto(base)
        page.locator(f'.ktw-card[data-slug="{slug}"]').click()
        page.wait_for_url(f"{base}{slug}/")
        assert page.locator("h1").first.inner_text() == samples.original(slug).meta.title


def test_tag_filter_shows_only_the_workshops_with_that_tag(page, base, samples):
    page.goto(base)
    tag = "labour market"
    expected = sorted(w.slug for w in map(samples.original, samples.workshops)
                      if tag in w.meta.tags)
    assert 0 < len(expected) < len(samples.workshops)
    page.get_by_role("button", name=tag, exact=True).click()
    shown = page.locator(".ktw-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.slug)")
    assert sorted(shown) == expected
    assert (page.locator(".ktw-count").inner_text()
            == f"{len(expected)} of {len(samples.workshops)} workshops")
    page.get_by_role("button", name="All", exact=True).click()
    assert page.locator(".ktw-card:visible").count() == len(samples.workshops)


def clock_times(start: str, minutes: list[int]) -> list[str]:
    """Return `HH:MM–HH:MM` for consecutive items from a start time.

    The times are computed here, not by the package.
    """
    hours, mins = map(int, start.split(":"))
    now, out = hours * 60 + mins, []
    for length in minutes:
        end = now + length
        out.append(f"{now // 60:02d}:{now % 60:02d}–{end // 60:02d}:{end % 60:02d}")
        now += length
    return out


def test_agenda_shows_clock_times_from_start_and_durations(page, base, samples):
    page.goto(f"{base}responsive-training/")
    times = page.locator(".ktw-agenda__time").all_inner_texts()
    assert times[0] == "09:30–09:40" and times[4] == "10:45–11:00" and times[-1] == "12:15–12:30"
    for workshop in samples.all():
        prefix = "" if workshop.lang == "en" else f"{workshop.lang}/"
        page.goto(f"{base}{prefix}{workshop.slug}/")
        expected = clock_times(workshop.meta.start or "09:00",
                               [item.minutes for item in workshop.meta.agenda])
        assert page.locator(".ktw-agenda__time").all_inner_texts() == expected, workshop.slug


def switch_language(page, lang: str) -> None:
    """Open the header's language menu and pick a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()


def test_language_switcher_leads_to_the_norwegian_page_and_back(page, base, samples):
    page.goto(f"{base}responsive-training/")
    switch_language(page, "nb")
    page.wait_for_url(f"{base}nb/responsive-training/")
    title = samples.workshops["responsive-training"]["nb"].meta.title
    assert page.locator("h1").first.inner_text() == title
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator(".ktw-objectives h2").inner_text() == "Læringsmål"
    assert page.locator(".ktw-fallback").count() == 0
    switch_language(page, "en")
    page.wait_for_url(f"{base}responsive-training/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_an_untranslated_workshop_falls_back_with_a_note(page, base, samples):
    slug = next(slug for slug in sorted(samples.workshops) if "nb" not in samples.workshops[slug])
    page.goto(f"{base}nb/{slug}/")
    fallback = page.locator(".ktw-fallback").inner_text()
    assert fallback.startswith("Denne workshopen er ikke oversatt")
    assert page.locator("h1").first.inner_text() == samples.original(slug).meta.title
    assert page.locator(".ktw-facts dt").first.inner_text().lower() == "varighet"


def search(page, words: str) -> list[str]:
    """Type into the header's search box; return the addresses of the results."""
    page.locator(".md-search__input").click()
    # material listens to key events
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)")


def test_search_finds_the_one_workshop_with_a_word_in_each_language(page, base):
    sources = sorted(ROOT.glob("workshops/*/index.md"))
    mentions = [p.parent.name for p in sources if "Tilbury" in p.read_text(encoding="utf-8")]
    assert mentions == ["responsive-training"]
    page.goto(base)
    found = search(page, "Tilbury")
    assert found and all(url.startswith(f"{base}responsive-training/") for url in found), found
    page.goto(f"{base}nb/")
    found = search(page, "Tilbury")
    assert found and all(url.startswith(f"{base}nb/responsive-training/") for url in found), found


def test_workshop_page_shows_notes_activities_and_only_blocks_as_intended(page, base):
    page.goto(f"{base}responsive-training/")
    notes = page.locator("details.notes")
    assert notes.count() >= 10 and notes.first.get_attribute("open") is None
    assert notes.first.locator("summary").inner_text() == "Facilitator notes"
    activity = page.locator(".admonition.activity").first
    assert activity.locator(".ktw-activity__label").inner_text().lower() == "activity"
    # "An apprentice's week (20 min)"
    assert activity.locator(".ktw-activity__time").inner_text() == "20 min"
    assert "Quick poll" not in page.locator("article").inner_text()
    assert page.locator(".ktw-handout").get_by_text("Further reading").count() == 1
    page.goto(f"{base}nb/responsive-training/")
    assert page.locator("details.notes summary").first.inner_text() == "Notater for fasilitator"


def test_downloads_box_lists_this_language_s_own_separate_files_with_sizes(page, base):
    page.goto(f"{base}responsive-training/")
    rows = page.locator(".ktw-download").all_inner_texts()
    assert [" ".join(r.split()) for r in rows] == ["Slides PPTX · 312 KB",
                                                   "Participant handout PDF · 1.5 MB"]
    assert " ".join(page.locator(".ktw-get__button").inner_text().split()) == \
        "Download the toolkit ZIP · 1.8 MB · English"
    page.goto(f"{base}nb/responsive-training/")
    assert page.locator(".ktw-download").count() == 0
    assert " ".join(page.locator(".ktw-get__button").inner_text().split()) == \
        "Last ned verktøykassen ZIP · 2,0 MB · Norsk bokmål"  # a decimal comma in Norwegian
    page.goto(f"{base}skills-forecasting/")
    assert page.locator(".ktw-downloads").count() == 0 and page.locator(".ktw-get").count() == 0


def test_video_loads_from_its_host_only_after_a_click(page, base, allowed):
    page.goto(f"{base}responsive-training/")
    frame = page.locator(".ktw-video__frame")
    assert frame.locator("iframe").count() == 0
    assert page.locator(".ktw-video__link a").get_attribute("href") == "https://vimeo.com/76979871"
    # only now, and answered here: the test never reaches vimeo
    allowed.append("https://player.vimeo.com/")
    page.route("https://player.vimeo.com/**",
               lambda route: route.fulfill(status=200, body="<p>player</p>",
                                           content_type="text/html"))
    frame.locator("button").click()
    assert frame.locator("iframe").get_attribute("src").startswith("https://player.vimeo.com/video/76979871?dnt=1")


def test_theme_fonts_are_served_by_the_site(page, base):
    page.goto(f"{base}responsive-training/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""document.fonts.check('16px "Open Sans"')""")
    assert "Open Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")


def test_every_page_link_image_and_asset_answers_200_without_console_errors(page, base):
    todo, seen, failures = [base, f"{base}nb/"], set(), []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as answer:
                kind = answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            failures.append(f"{exc.code} {url}")
            continue
        if kind.startswith("text/html"):
            page.goto(url)
            todo.extend(sorted(same_site_links(page, base) - seen))
    assert failures == []
    pages = [u for u in seen if u.endswith("/")]
    assert len(pages) >= 10 and any("/downloads/" in u for u in seen)


@pytest.mark.parametrize("path, width", [("", 1280), ("responsive-training/", 1280),
                                         ("nb/responsive-training/", 1280),
                                         ("responsive-training/", 390)])
def test_axe_finds_no_serious_or_critical_violation(page, base, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_at_desktop_and_phone_widths(browser, base, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    pages = (("", "home"), ("responsive-training/", "workshop"),
             ("nb/responsive-training/", "workshop-nb"))
    for path, name in pages:
        tab.goto(base + path)
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} scrolls sideways"
        target = ARTIFACTS / f"site-{name}-{width}.png"
        tab.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    context.close()


# ---- Without a browser: how the site is built ----

def build_plain(root: Path) -> None:
    """Build a project's site as a plain `mkdocs build` does.

    It builds into the project's own site/, wiping it first.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from toolkit_builder.site.run import hooks_option

    build(load_config(str(root / "mkdocs.yml"), **hooks_option(root)))


def test_plain_mkdocs_build_keeps_the_artifacts_and_lists_only_those_that_exist(tmp_path):
    root = make_project(tmp_path, "constructs")
    entries = fabricate_artifacts(root / "site", [("constructs", "en", "slides", 2_000),
                                                  ("constructs", "en", "feedback-form", 3_000)])
    (root / "site" / entries[1]["path"]).unlink()
    for _ in range(2):  # the second build must find what the first one put back
        build_plain(root)
        html = (root / "site/constructs/index.html").read_text(encoding="utf-8")
        assert (root / "site" / entries[0]["path"]).read_bytes() == bytes(2_000)
        assert "constructs-en-slides.pptx" in html and "feedback-form" not in html
    assert (root / "site/manifest.json").is_file()


def test_site_step_of_the_build_logs_no_warning_and_matches_plain_mkdocs(tmp_path, caplog):
    root = make_project(tmp_path, "constructs")
    staging = tmp_path / "staging"
    staging.mkdir()
    fabricate_artifacts(staging, [("constructs", "en", "slides", 2_000)])
    with caplog.at_level("WARNING"):
        build_site(root, staging)
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []
    fabricate_artifacts(root / "site", [("constructs", "en", "slides", 2_000)])
    build_plain(root)
    for page in ("constructs/index.html", "nb/constructs/index.html", "index.html",
                 "nb/index.html"):
        expected = (root / "site" / page).read_text(encoding="utf-8")
        assert (staging / page).read_text(encoding="utf-8") == expected
    assert sorted(p.relative_to(staging) for p in staging.rglob("*")) == \
        sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*"))


def test_each_language_has_its_own_search_index_and_stemmer(site_dir):
    english = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    norwegian = json.loads((site_dir / "nb/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and norwegian["config"]["lang"] == ["no"]
    assert not any(doc["location"].startswith("nb/") for doc in english["docs"] + norwegian["docs"])
    assert any("Utdanning" in doc["title"] for doc in norwegian["docs"])
    assert not any("Utdanning" in doc["title"] for doc in english["docs"])


def test_a_partner_theme_changes_colours_logo_and_fonts_without_touching_mkdocs_yml(tmp_path):
    root = make_project(tmp_path, "constructs", files={
        "themes/acme/theme.yml": "name: Acme\ncolours: {primary: '#7a1f5c'}\nlogo: acme.svg\n",
        "themes/acme/acme.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'})
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("theme: default", "theme: acme"),
                   encoding="utf-8")
    build_plain(root)
    css = (root / "site/assets/toolkit/theme.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #7a1f5c" in css and '@font-face{font-family:"Open Sans"' in css
    assert (root / "site/assets/toolkit/acme.svg").is_file()
    html = (root / "site/constructs/index.html").read_text(encoding="utf-8")
    assert 'src="../assets/toolkit/acme.svg"' in html
    assert "fonts.googleapis.com" not in html


def fetch(url: str) -> str:
    """Return a page's text, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float = 60.0) -> bool:
    """Return whether `predicate()` became true within some seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_a_source_or_a_theme_file_changes(tmp_path):
    root = make_project(tmp_path, "constructs")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, cwd=root)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Every construct" in fetch(f"{base}constructs/"))
        source = root / "workshops/constructs/index.md"
        edited = source.read_text(encoding="utf-8").replace("Every construct", "Each construct")
        source.write_text(edited, encoding="utf-8")
        assert wait_for(lambda: "Each construct" in fetch(f"{base}constructs/"))
        theme = root / "themes/default/theme.yml"
        theme.write_text(theme.read_text(encoding="utf-8").replace("#1f4e79", "#123456"),
                         encoding="utf-8")
        assert wait_for(lambda: "#123456" in fetch(f"{base}assets/toolkit/theme.css"))
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---- The page body's boxes come from the model (unit tests: no site build) ----

BRACKETS = """---
title: Brackets
---

## Try it

!!! activity "Pairs at work [10m]"
    Work in pairs.

    **Materials:** cards (1 per pair), pens

??? notes
    Keep time.
"""


@dataclasses.dataclass(frozen=True)
class Sidebar:
    """A block class the model does not have, as a new one would arrive."""

    text: str
    pos: SourcePos


def rendered_body(workshop: Workshop, settings) -> str:
    """Return a workshop's body as Python-Markdown renders it with the project's extensions."""
    text = (settings.root / workshop.source.path).read_text(encoding="utf-8")
    return make_markdown(settings).convert(split_front_matter(text).body)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[tuple[Workshop, str]]:
    """Return every sample and the every-construct fixture, each with its rendered body."""
    constructs = make_project(tmp_path_factory.mktemp("constructs"), "constructs")
    projects = [load_project(ROOT), load_project(constructs)]
    return [(w, rendered_body(w, p.settings)) for p in projects for w in p.all()]


def test_an_activity_shows_the_title_and_minutes_the_model_reads(tmp_path):
    loaded = load_project(make_project(tmp_path, files={"workshops/brackets/index.md": BRACKETS}))
    workshop = loaded.workshops["brackets"]["en"]
    activity = workshop.activities[0]
    assert (activity.title, activity.minutes) == ("Pairs at work", 10)
    html = finish_body(rendered_body(workshop, loaded.settings), workshop)
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    box = root.find_class("activity")[0]
    title = box.find_class("admonition-title")[0]
    assert box.get("data-minutes") == "10"
    assert title.find_class("ktw-activity__name")[0].text_content() == "Pairs at work"
    assert " ".join(title.text_content().split()) == "Activity Pairs at work 10 min"  # words apart
    assert title.find_class("ktw-activity__time")[0].text_content() == "10 min"
    assert [p.text_content() for p in box.iter("p") if "Materials" in p.text_content()] == \
        ["Materials: cards (1 per pair), pens"]
    assert box.find_class("ktw-activity__materials")


def test_an_unknown_block_class_makes_the_site_content_raise(samples):
    workshop = samples.workshops["responsive-training"]["en"]
    sidebar = Sidebar("aside", SourcePos("x.md", 3))
    odd = dataclasses.replace(workshop, intro=(sidebar,) + workshop.intro)
    with pytest.raises(UnhandledBlockError, match="Sidebar"):
        finish_body(rendered_body(workshop, samples.settings), odd)


def test_a_page_whose_boxes_differ_from_the_model_fails_naming_its_source(samples):
    workshop = samples.workshops["responsive-training"]["en"]
    html = rendered_body(workshop, samples.settings)
    fewer = html.replace('<div class="admonition activity">', '<div class="admonition tip">', 1)
    with pytest.raises(BuildError, match=r"workshops/responsive-training/index\.md: .*activity"):
        finish_body(fewer, workshop)


@pytest.mark.parametrize("cls", get_args(Block), ids=lambda cls: cls.__name__)
def test_the_site_handles_every_block_class(cls, pages):
    assert cls in SITE_HANDLERS
    having = [(w, html) for w, html in pages if any(type(b) is cls for b in walk(all_blocks(w)))]
    assert having, f"no sample or fixture has a {cls.__name__}"
    for workshop, html in having:
        root = lxml.html.fragment_fromstring(finish_body(html, workshop), create_parent="div")
        blocks = list(walk(all_blocks(workshop)))
        if cls is Activity:
            shown = [(el.find_class("ktw-activity__name")[0].text_content(), el.get("data-minutes"))
                     for el in root.find_class("activity")]
            assert shown == [(a.title, str(a.minutes)) for a in workshop.activities]
        elif cls is Notes:
            notes = [el for el in root.iter("details") if "notes" in el.get("class", "").split()]
            assert len(notes) == sum(isinstance(b, Notes) for b in blocks)
        elif cls is Only:
            assert not root.find_class("slides") and not root.find_class("handout")
            handouts = sum(getattr(b, "target", "") == "handout" for b in blocks)
            assert len(root.find_class("ktw-handout")) == handouts


def all_blocks(workshop: Workshop) -> tuple[Block, ...]:
    """Return the top-level blocks of a workshop: the introduction's, then each section's."""
    return workshop.intro + tuple(b for s in workshop.sections for b in s.blocks)
