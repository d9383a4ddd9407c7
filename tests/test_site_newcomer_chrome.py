"""The website as a newcomer drives it in Chromium (issue 14): around the pages.

The header's logo, the footer, print, sharing cards, accessibility of the new pages, screenshots.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from site_helpers import (
    ARTIFACTS,
    ROOT,
    axe_violations,
    chromium,
    fabricate_artifacts,
    serve,
    site_path,
    watched_page,
)

from toolkit_builder.config import read_mkdocs_yml
from toolkit_builder.project import load_project
from toolkit_builder.site.footer import sources_date
from toolkit_builder.site.words import SITE
from toolkit_builder.theme import load_theme

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


def status(url: str) -> int:
    """Return the HTTP status of an address of the test server."""
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code


# ---- 5. Header and footer ----

def test_the_logo_stands_out_on_the_header_bar(page, base):
    page.goto(f"{base}{RT}/")
    logo = page.locator(".md-header__button.md-logo img")
    colours = logo.evaluate("img => [getComputedStyle(img).backgroundColor, "
                            "getComputedStyle(img.closest('.md-header')).backgroundColor]")
    assert colours[0] == "rgb(255, 255, 255)" and colours[1] != colours[0]
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")


@pytest.mark.parametrize("lang", LANGS)
def test_the_footer_names_project_funder_contact_licence_date_and_sources(page, base, lang):
    theme = load_theme(ROOT / "themes", "default")
    page.goto(f"{base}{prefix(lang)}{RT}/")
    footer = page.locator(".ktw-footer")
    assert theme.funder_text(lang) in footer.inner_text()  # the funder line in the page's language
    assert footer.locator(".ktw-footer__funder-logo").evaluate("i => i.naturalWidth") > 0
    extra = SETTINGS["extra"]["toolkit"]
    assert footer.locator('a[href^="mailto:"]').inner_text() == extra["contact"]
    assert footer.locator('a[rel~="license"]').get_attribute("href") == \
        "https://creativecommons.org/licenses/by/4.0/"
    assert footer.locator(f'a[href="{extra["sources"]}"]').inner_text() == SITE["sources"][lang]
    assert footer.locator(".ktw-footer__name a").evaluate("a => a.href") == f"{base}{prefix(lang)}"
    date = sources_date(ROOT)
    if date:
        assert footer.locator("time").get_attribute("datetime") == date


# ---- 6. Print ----

def test_print_leaves_out_downloads_and_video_and_writes_link_addresses(page, base):
    page.goto(f"{base}{RT}/")
    page.emulate_media(media="print")
    for selector in (".ktw-downloads", ".ktw-video", ".ktw-get", ".ktw-notes-switch"):
        assert not page.locator(selector).is_visible(), selector
    after = "a => getComputedStyle(a, '::after').content"
    outside = page.locator('.ktw-body a[href="https://www.bibb.de/en/"]').first
    assert "https://www.bibb.de/en/" in outside.evaluate(after)
    version = page.locator('.ktw-version[hreflang="nb"]')
    assert f"{base}nb/{RT}/" in version.evaluate(after)
    assert page.locator(".ktw-agenda__table a").first.evaluate(after) in ("none", "normal")
    page.emulate_media(media="screen")
    assert page.locator(".ktw-downloads").is_visible() and page.locator(".ktw-video").is_visible()
    assert page.locator(".ktw-version").first.evaluate(after) in ("none", "normal")


# ---- 8. Sharing ----

@pytest.mark.parametrize("path, lang", [("", "en"), (f"{RT}/", "en"), (f"nb/{RT}/", "nb"),
                                        (f"es/{SF}/", "es"), (PARTNER, "en"),
                                        ("nb/translations/", "nb")])
def test_every_page_carries_sharing_tags_with_a_card_that_exists(page, base, site_dir, path,
                                                                 lang):
    from PIL import Image

    page.goto(base + path)
    tags = page.locator('meta[property^="og:"], meta[name^="twitter:"]').evaluate_all(
        "m => m.map(x => [x.getAttribute('property') || x.name, x.content])")
    found = dict(tags)
    for key in ("og:title", "og:description", "og:image", "og:url", "og:type", "og:site_name",
                "twitter:card", "twitter:title", "twitter:image"):
        assert found.get(key), (path, key)
    assert found["og:url"] == f"{SITE_URL.rstrip('/')}/{path}"
    assert found["twitter:card"] == "summary_large_image"
    assert found["og:locale"] == {"en": "en_GB", "nb": "nb_NO", "es": "es_ES"}[lang]
    assert found["og:title"] == page.locator("h1").first.inner_text() or path in ("", PARTNER)
    image = site_dir / site_path(SITE_URL, found["og:image"])
    assert status(base + site_path(SITE_URL, found["og:image"])) == 200
    with Image.open(image) as picture:
        assert picture.size == (int(found["og:image:width"]), int(found["og:image:height"]))


def test_a_workshop_s_card_shows_its_title_and_summary(page, base, samples):
    workshop = samples.workshops[RT]["nb"]
    page.goto(f"{base}nb/{RT}/")
    content = page.locator('meta[property="og:description"]').get_attribute("content")
    assert content == " ".join(workshop.meta.summary.split())
    assert page.locator('meta[property="og:title"]').get_attribute("content") == \
        workshop.meta.title
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"


# ---- Accessibility and screenshots ----

@pytest.mark.parametrize("path, width", [("404.html", 1280), ("nb/404.html", 390),
                                         ("es/404.html", 1280), (f"{RT}/", 390),
                                         (f"nb/{RT}/", 1280)])
def test_axe_finds_no_serious_or_critical_violation(page, base, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + path)
    if page.locator(".ktw-notes-switch button").count():
        page.locator(".ktw-notes-switch button").click()  # with every note shown
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_home_workshop_partner_and_404(browser, base, width):
    ARTIFACTS.mkdir(exist_ok=True)
    tab = watched_page(browser, base, width, 900)
    # site-404-*.png; the others named apart from test_site*.py's pictures of the same pages
    for path, name in (("", "newcomer-home"), (f"{RT}/", "newcomer-workshop"),
                       (PARTNER, "newcomer-partner"), ("404.html", "404")):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, name
        target = ARTIFACTS / f"site-{name}-{width}.png"
        tab.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    problems = tab.problems
    tab.context.close()
    assert problems == []
