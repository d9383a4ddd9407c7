"""The website as a newcomer drives it in Chromium (issue 14).

A 404 page per language, pages without console errors, sitemaps and hreflang links that exist, a
workshop page that starts with its toolkit, body-size text, tags that filter the catalogue, one
switch for the facilitator notes, print, sharing cards, diagrams full size and the footer.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from site_helpers import (
    ROOT,
    chromium,
    fabricate_artifacts,
    serve,
    site_path,
    watched_page,
)

from toolkit_builder.config import read_mkdocs_yml
from toolkit_builder.project import load_project
from toolkit_builder.site.words import SITE

RT, SF, LP = "responsive-training", "skills-forecasting", "local-partnerships"
PARTNER = "partners/bz-hohenlauter/"
LANGS = ("en", "nb", "es")
FAKE = [(RT, "en", "toolkit", 1_800_000), (RT, "en", "slides", 312_000),
        (RT, "en", "handout", 1_460_000), (RT, "nb", "toolkit", 2_000_000),
        (RT, "en", "toolkit", 1_700_000, "bz-hohenlauter"), (SF, "en", "toolkit", 1_200_000)]
SETTINGS = read_mkdocs_yml(ROOT / "mkdocs.yml")
SITE_URL = SETTINGS["site_url"]


def prefix(lang: str) -> str:
    """Return the folder of a language's pages ('' for the default language)."""
    return "" if lang == "en" else f"{lang}/"


@pytest.fixture(scope="module")
def samples():
    """Return the sample project as the loader reads it."""
    return load_project(ROOT)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    """Build the samples' site beside stand-in artifacts, as `build.py build` does."""
    from toolkit_builder.site.run import build as build_site

    folder = tmp_path_factory.mktemp("site-newcomer")
    fabricate_artifacts(folder, FAKE)
    build_site(ROOT, folder)
    return folder


@pytest.fixture(scope="module")
def base(site_dir):
    """Serve the built site on 127.0.0.1; return its address."""
    with serve(site_dir) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium for this module."""
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser, base):
    """Return a desktop page that fails the test on console errors or requests elsewhere."""
    tab = watched_page(browser, base)
    yield tab
    problems = tab.problems
    tab.context.close()
    assert problems == []


@pytest.fixture
def phone(browser, base):
    """Return a 390 px wide page that fails the test on console errors or requests elsewhere."""
    tab = watched_page(browser, base, 390, 844)
    yield tab
    problems = tab.problems
    tab.context.close()
    assert problems == []


def status(url: str) -> int:
    """Return the HTTP status of an address of the test server."""
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code


# ---- 1. A 404 page per language; no console error anywhere; sitemaps and hreflang ----

@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_404_page_with_search_and_a_link_home(page, base, lang):
    page.goto(f"{base}{prefix(lang)}404.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == SITE["not_found"][lang]
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    home = page.locator(".ktw-not-found__home a")
    assert home.inner_text() == SITE["back_home"][lang]
    assert home.evaluate("a => a.href") == f"{base}{prefix(lang)}"
    assert page.locator(".md-search__input").count() == 1
    page.locator("#ktw-not-found-query").fill("Tilbury")
    page.locator(".ktw-not-found__submit").click()
    page.wait_for_url(f"{base}{prefix(lang)}**")
    page.locator(".md-search-result__item").first.wait_for()  # material's search, opened with ?q=
    found = page.locator(".md-search-result__item > a").evaluate_all("a => a.map(x => x.href)")
    assert found and all(f"/{prefix(lang)}{RT}/" in url for url in found), found
    home_page = page.goto(f"{base}{prefix(lang)}")
    assert home_page.status == 200


def test_a_404_page_works_at_any_depth_of_the_site(page, base, site_dir):
    """A host answers every missing address with the 404 page: its links may not be relative."""
    body = (site_dir / "nb/404.html").read_text(encoding="utf-8")
    page.route(f"{base}nb/no/such/page/", lambda route: route.fulfill(
        status=200, body=body, content_type="text/html"))
    page.goto(f"{base}nb/no/such/page/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky", "fixed")  # material's style sheet loaded
    assert page.locator(".ktw-not-found__home a").evaluate("a => a.href") == f"{base}nb/"
    menu = page.locator(".md-select__link").evaluate_all("a => a.map(x => x.href)")
    assert menu == [base, f"{base}nb/", f"{base}es/"]


def visited(lang: str) -> list[str]:
    """Return the pages a newcomer opens in a language."""
    return [prefix(lang), f"{prefix(lang)}{RT}/", f"{prefix(lang)}{PARTNER}",
            f"{prefix(lang)}404.html"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_console_error_and_every_sitemap_the_pages_ask_for_exists(browser, base, lang):
    tab = watched_page(browser, base)
    answers: list[tuple[str, int]] = []
    tab.on("response", lambda r: r.url.endswith("sitemap.xml") and answers.append((r.url,
                                                                                   r.status)))
    for path in visited(lang):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        roots = tab.locator("link[rel=alternate][hreflang]").evaluate_all(
            "links => links.map(l => [l.hreflang, l.href])")
        assert [code for code, _ in roots] == list(LANGS), path
        assert dict(roots) == {code: f"{base}{prefix(code)}" for code in LANGS}, path
    problems = tab.problems
    tab.context.close()
    assert problems == []
    asked = {url for url, _ in answers}
    assert asked == {f"{base}{prefix(code)}sitemap.xml" for code in LANGS}
    assert all(code == 200 for _, code in answers), answers


def sitemap_entries(base: str, lang: str) -> list[tuple[str, dict[str, str]]]:
    """Return a language's sitemap: each page's path in the site and its versions by language."""
    import xml.etree.ElementTree as ElementTree

    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    with urllib.request.urlopen(f"{base}{prefix(lang)}sitemap.xml") as answer:
        root = ElementTree.fromstring(answer.read())
    return [(site_path(SITE_URL, url.find("s:loc", names).text),
             {link.get("hreflang"): site_path(SITE_URL, link.get("href"))
              for link in url.findall("x:link", names)})
            for url in root.findall("s:url", names)]


def test_each_language_s_sitemap_lists_its_pages_with_every_version_that_exists(base, samples):
    for lang in LANGS:
        entries = sitemap_entries(base, lang)
        paths = [path for path, _ in entries]
        expected = {f"{prefix(lang)}{slug}/" for slug in samples.workshops}
        assert expected <= set(paths) and f"{prefix(lang)}{PARTNER}" in paths
        if lang != "en":
            assert all(path.startswith(prefix(lang)) for path in paths)  # a sitemap's own folder
        for path, versions in entries:
            assert set(versions) == {*LANGS, "x-default"}, path
            assert path in versions.values() and versions["x-default"] == versions["en"]
            for target in versions.values():
                assert status(base + target) == 200, (path, target)
    every = sitemap_entries(base, "en")  # the root's sitemap lists every language's pages
    assert len(every) == len(LANGS) * len(sitemap_entries(base, "nb"))


@pytest.mark.parametrize("path, selector", [
    ("partners/elvtind-klynge/", '.ktw-session__title a[href*="/nb/"]'),
    ("translations/", '.ktw-translation a[hreflang="nb"]'),
    ("translations/", '.ktw-translation a[hreflang="es"]'),
    (f"{RT}/", '.ktw-version[hreflang="nb"]'),
    (f"nb/{RT}/", '.ktw-version[hreflang="en"]')])
def test_a_link_to_a_page_in_another_language_opens_that_page(page, base, path, selector):
    """material reroutes it when another sitemap beats the default one's (held here till then)."""
    held = []
    page.route(f"{base}sitemap.xml", lambda route: held.append(route))
    page.goto(base + path)
    page.wait_for_timeout(600)
    link = page.locator(selector).first
    target = link.evaluate("a => a.href")
    link.click()
    page.wait_for_load_state()
    assert page.url == target
    for route in held:
        try:
            route.continue_()
        except Exception:  # noqa: BLE001 - the page that asked for it has gone
            pass


# ---- 2. The workshop page's order ----

@pytest.mark.parametrize("path", [f"{RT}/", f"nb/{RT}/", f"es/{SF}/"])
def test_on_a_phone_the_toolkit_comes_first_then_facts_objectives_agenda_and_video(phone, base,
                                                                                   path):
    phone.goto(base + path)
    button = phone.locator(".ktw-get__button").bounding_box()
    assert button["y"] < 844, "the toolkit download is below the first screen"
    order = [".ktw-panel__title", ".ktw-panel__summary", ".ktw-get__button", ".ktw-intro",
             ".ktw-about", ".ktw-objectives", ".ktw-agenda", ".ktw-video", ".ktw-body h2"]
    tops = [phone.locator(selector).first.bounding_box()["y"] for selector in order]
    assert tops == sorted(tops), list(zip(order, tops, strict=True))


def test_the_video_is_a_small_poster_drawn_at_build_time(page, base, site_dir):
    page.goto(f"{base}{RT}/")
    frame = page.locator(".ktw-video__frame")
    poster = frame.locator("img.ktw-video__poster")
    assert poster.evaluate("img => img.complete && img.naturalWidth") == 960
    assert frame.bounding_box()["height"] < 260
    assert frame.locator("iframe").count() == 0
    assert frame.locator("button").inner_text() == "Play the video"
    src = poster.evaluate("img => img.src")
    assert (site_dir / src.removeprefix(base)).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---- 3. Running content ----

@pytest.mark.parametrize("width", [1280, 390])
def test_activity_steps_notes_and_tables_are_body_size(browser, base, width):
    tab = watched_page(browser, base, width, 900)
    tab.goto(f"{base}{RT}/")
    tab.locator(".ktw-notes-switch button").click()
    size = "el => getComputedStyle(el).fontSize"
    body = tab.locator(".ktw-body > p").first.evaluate(size)
    for selector in (".admonition.activity li", ".admonition.activity p:not(.admonition-title)",
                     "details.notes p", ".ktw-body table:not([class]) td", ".ktw-agenda__table td",
                     ".ktw-objectives li", ".ktw-intro p"):
        assert tab.locator(selector).first.evaluate(size) == body, selector
    assert tab.locator(".ktw-body hr").count() == 0
    problems = tab.problems
    tab.context.close()
    assert problems == []


def test_the_notes_switch_shows_and_hides_every_note_and_is_remembered(page, base):
    page.goto(f"{base}{RT}/")
    notes = page.locator("details.notes")
    switch = page.locator('.ktw-notes-switch button[role="switch"]')
    assert notes.count() >= 10 and switch.count() == 1
    assert f"({notes.count()})" in switch.inner_text()
    assert switch.get_attribute("aria-checked") == "false"
    assert not any(notes.nth(i).is_visible() for i in range(notes.count()))
    switch.click()
    assert switch.get_attribute("aria-checked") == "true"
    assert all(notes.nth(i).is_visible() and notes.nth(i).get_attribute("open") is not None
               for i in range(notes.count()))
    page.reload()
    assert switch.get_attribute("aria-checked") == "true" and notes.first.is_visible()
    page.goto(f"{base}nb/{RT}/")  # the choice holds on the next page too
    assert page.locator("details.notes").first.is_visible()
    page.locator('.ktw-notes-switch button[role="switch"]').click()
    page.reload()
    assert not page.locator("details.notes").first.is_visible()
    assert page.evaluate("localStorage.getItem('ktw-notes')") == "hidden"


def test_search_keeps_an_activity_s_label_title_and_minutes_apart(page, base, site_dir):
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Activity An apprentice's week 20 min" in text
    assert "ActivityAn" not in text and "week20" not in text
    page.goto(base)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("apprentice", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    shown = page.locator(".md-search-result__list").inner_text()
    assert "ActivityAn" not in shown and "week20" not in shown


# ---- 4. Tags, wide tables, diagrams ----

def test_tag_chips_are_links_to_the_catalogue_filtered_by_that_tag(page, base, samples):
    page.goto(f"{base}{RT}/")
    links = page.locator(".ktw-about a.ktw-tag__link")
    tags = list(samples.workshops[RT]["en"].meta.tags)
    assert links.all_inner_texts() == tags
    assert links.evaluate_all("a => a.map(x => x.href)") == [f"{base}?tag={quote(t)}" for t in tags]
    chip = links.first.evaluate("a => [getComputedStyle(a).backgroundColor, "
                                "getComputedStyle(a.closest('.ktw-about')).backgroundColor]")
    assert chip[0] != chip[1], "the chip is the colour of its panel"
    page.get_by_role("link", name="labour market", exact=True).click()
    page.wait_for_url(f"{base}?tag=labour%20market")
    shown = page.locator(".ktw-card:visible").evaluate_all("c => c.map(x => x.dataset.slug)")
    expected = sorted(s for s in samples.workshops if "labour market"
                      in samples.original(s).meta.tags)
    assert sorted(shown) == expected and len(expected) < len(samples.workshops)
    pressed = page.locator('.ktw-filter[data-filter="tag"] [aria-pressed="true"]')
    assert pressed.inner_text() == "labour market"
    page.locator('.ktw-card[data-slug="local-partnerships"] a.ktw-tag__link',
                 has_text="governance").click()  # a card's chip filters in place
    assert page.locator(".ktw-card:visible").count() == 1
    assert page.url == f"{base}?tag=governance"


def test_a_fallback_page_s_tags_are_no_links(page, base):
    page.goto(f"{base}nb/{SF}/")
    assert page.locator(".ktw-about .ktw-tag").count() > 0
    assert page.locator(".ktw-about a.ktw-tag__link").count() == 0
    page.goto(f"{base}nb/{RT}/")
    href = page.locator(".ktw-about a.ktw-tag__link").first.evaluate("a => a.href")
    assert href.startswith(f"{base}nb/?tag=")


def test_a_table_wider_than_a_phone_says_it_scrolls_sideways(phone, base):
    phone.goto(f"{base}{RT}/")
    phone.evaluate("""() => {
        const wrap = document.createElement('div');
        wrap.className = 'md-typeset__scrollwrap';
        wrap.innerHTML = '<div class="md-typeset__table"><table><tr>' +
            '<td>'.repeat(12).split('<td>').map(() => '<td>wide_cell_content</td>').join('') +
            '</tr></table></div>';
        document.querySelector('.ktw-body').prepend(wrap);
        window.dispatchEvent(new Event('resize'));
    }""")
    hints = phone.locator(".ktw-scroll-hint")
    assert hints.count() >= 1 and hints.first.is_visible()
    assert hints.first.inner_text() == SITE["scroll_hint"]["en"]
    wide = phone.locator(".md-typeset__scrollwrap.ktw-scrolls")
    assert wide.count() == hints.count()


def test_a_diagram_opens_full_size_and_closes_with_escape(page, base):
    page.goto(f"{base}{RT}/")
    link = page.locator(".ktw-body a.ktw-zoom").first
    href = link.evaluate("a => a.href")
    assert status(href) == 200 and href.endswith(".png")
    link.click()
    dialog = page.locator("dialog.ktw-lightbox")
    assert dialog.evaluate("d => d.open")
    assert dialog.locator("img").evaluate("img => img.src") == href
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
