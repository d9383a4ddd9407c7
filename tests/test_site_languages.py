"""The website's languages.

Tags per language, the badge of a workshop shown in a language it is not written in, and the
translations page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import ARTIFACTS, ROOT, axe_violations, chromium, fabricate_artifacts, serve

from toolkit_builder.project import load_project
from toolkit_builder.site.run import build as build_site
from toolkit_builder.site.views import Card, catalogue

SF, RT, LP = "skills-forecasting", "responsive-training", "local-partnerships"
SITE_LANGUAGES = {"en": "English", "nb": "Norsk bokmål", "es": "Español"}
# Stand-in artifacts (slug, lang, kind, bytes): the site lists what the manifest says.
FAKE = [(SF, "en", "toolkit", 1_200_000), (SF, "en", "slides", 300_000),
        (RT, "en", "toolkit", 1_400_000), (RT, "nb", "toolkit", 2_000_000),
        (LP, "en", "toolkit", 1_600_000), (LP, "es", "toolkit", 1_700_000)]
# The badge of an English workshop on the Norwegian and the Spanish site, and their toolkit button.
BADGES = {"nb": "På engelsk", "es": "En inglés"}
DOWNLOAD = {"nb": "Last ned verktøykassen", "es": "Descargar el kit de herramientas"}


@pytest.fixture(scope="module")
def samples():
    """Return the sample project as the loader reads it."""
    return load_project(ROOT)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Build the samples' site beside stand-in artifacts; serve it."""
    folder = tmp_path_factory.mktemp("site-languages")
    fabricate_artifacts(folder, FAKE)
    build_site(ROOT, folder)
    with serve(folder) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium for this module."""
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser, base):
    """Return a fresh desktop page that fails the test on console errors or foreign requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on("request", lambda req: (req.url.startswith((base, "data:"))
                                   or problems.append(f"request: {req.url}")))
    yield tab
    context.close()
    assert problems == []


def words(locator) -> str:
    """Return an element's visible text with its white space collapsed."""
    return " ".join(locator.inner_text().split())


def prefix(lang: str) -> str:
    """Return the folder of a language's pages in the site ('' for the default language)."""
    return "" if lang == "en" else f"{lang}/"


def fallbacks(samples, lang: str) -> list[str]:
    """Return the workshops without a version in a language, shown there in their original."""
    return sorted(slug for slug, langs in samples.workshops.items() if lang not in langs)


def tag_chips(page) -> list[str]:
    """Return the topics the catalogue's tag filter offers (without 'All')."""
    return page.locator('.ktw-filter[data-filter="tag"] button[data-tag]:not([data-tag=""])') \
        .evaluate_all("buttons => buttons.map(b => b.dataset.tag)")


# ---- Tags per language ----

def test_norwegian_tag_filter_offers_only_the_tags_of_the_norwegian_versions(page, base, samples):
    page.goto(f"{base}nb/")
    norwegian = {tag for langs in samples.workshops.values() if "nb" in langs
                 for tag in langs["nb"].meta.tags}
    english_of_translated = {tag for langs in samples.workshops.values() if "nb" in langs
                             for tag in langs["en"].meta.tags} - norwegian
    chips = tag_chips(page)
    assert set(chips) == norwegian and len(chips) == len(norwegian)
    assert not english_of_translated & set(chips)
    assert "arbeidsmarked" in chips and "labour market" not in chips
    page.get_by_role("button", name="arbeidsmarked", exact=True).click()
    shown = page.locator(".ktw-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.slug)")
    assert shown == [RT]


def test_a_fallback_card_keeps_its_original_tags_beside_its_badge(page, base, samples):
    page.goto(f"{base}nb/")
    card = page.locator(f'.ktw-card[data-slug="{SF}"]')
    assert card.locator(".ktw-tag").all_inner_texts() == list(samples.original(SF).meta.tags)
    assert card.locator(".ktw-tags").get_attribute("lang") == "en"
    assert card.locator(".ktw-card__title").get_attribute("lang") == "en"
    translated = page.locator(f'.ktw-card[data-slug="{RT}"]')
    assert translated.locator(".ktw-tag").all_inner_texts() == \
        list(samples.workshops[RT]["nb"].meta.tags)


def test_the_filter_is_built_from_the_cards_in_the_interface_language_only():
    def card(slug: str, lang: str, tags: tuple[str, ...], badge: str = "") -> Card:
        return Card(slug, f"{slug}/", slug, "", "", "", "", (), tags, lang, (lang,), badge)

    cards = [card("a", "nb", ("arbeidsmarked", "data")), card("b", "nb", ("arbeidsmarked",)),
             card("c", "en", ("labour market", "data"), badge="På engelsk")]
    shown = catalogue(cards, "nb", SITE_LANGUAGES)
    assert shown.tags == ("arbeidsmarked", "data")
    assert shown.cards[2].tags == ("labour market", "data")


# ---- The badge of a workshop shown in another language ----

@pytest.mark.parametrize("lang", ["nb", "es"])
def test_fallback_cards_carry_the_badge_and_translated_ones_do_not(page, base, samples, lang):
    page.goto(f"{base}{prefix(lang)}")
    missing = fallbacks(samples, lang)
    assert missing, f"no workshop lacks a {lang} version"
    for slug in samples.workshops:
        badge = page.locator(f'.ktw-card[data-slug="{slug}"] .ktw-card__badge')
        if slug in missing:
            assert badge.inner_text() == BADGES[lang] and badge.is_visible()
        else:
            assert badge.count() == 0
    page.goto(base)
    assert page.locator(".ktw-card__badge").count() == 0


@pytest.mark.parametrize("lang", ["nb", "es"])
def test_a_fallback_page_shows_the_badge_in_its_header_and_by_its_toolkit(page, base, samples,
                                                                          lang):
    assert SF in fallbacks(samples, lang)
    page.goto(f"{base}{prefix(lang)}{SF}/")
    assert page.locator("html").get_attribute("lang") == lang
    badge = page.locator(".ktw-panel .ktw-panel__badge")
    assert badge.inner_text() == BADGES[lang] and badge.is_visible()
    button = page.locator(".ktw-get__button")
    assert button.locator(".ktw-get__badge").inner_text() == BADGES[lang]
    assert words(button) == f"{DOWNLOAD[lang]} ZIP · 1,2 MB · {BADGES[lang]}"  # decimal comma
    assert button.get_attribute("href").endswith(f"downloads/{SF}/en/{SF}-en-toolkit.zip")


@pytest.mark.parametrize("path", [f"{SF}/", f"nb/{RT}/", f"es/{LP}/"])
def test_a_page_in_its_own_language_has_no_badge(page, base, path):
    page.goto(base + path)
    assert page.locator(".ktw-badge").count() == 0


# ---- The translations page ----

def expected_status(samples, slug: str, lang: str) -> str:
    """Return what the translations page should say of a workshop in a language, from its files."""
    version = samples.workshops[slug].get(lang)
    if version is None:
        return "missing"
    return "original" if "." not in Path(version.source.path).stem else "translated"


CELL_TEXT = {"en": {"original": "Original", "translated": "Translated"},
             "nb": {"original": "Original", "translated": "Oversatt"},
             "es": {"original": "Original", "translated": "Traducido"}}


@pytest.mark.parametrize("lang", ["en", "nb", "es"])
def test_translations_page_lists_every_workshop_in_every_language(page, base, samples, lang):
    page.goto(f"{base}{prefix(lang)}translations/")
    headers = page.locator(".ktw-translations thead th").all_inner_texts()
    assert headers[1:] == list(SITE_LANGUAGES.values())
    rows = page.locator(".ktw-translations tbody tr")
    slugs = rows.evaluate_all("rows => rows.map(r => r.dataset.workshop)")
    assert sorted(slugs) == sorted(samples.workshops)
    for slug in samples.workshops:
        row = page.locator(f'.ktw-translations tr[data-workshop="{slug}"]')
        for code in SITE_LANGUAGES:
            cell = row.locator(f'td[data-lang="{code}"]')
            status = expected_status(samples, slug, code)
            assert cell.get_attribute("data-status") == status, (slug, code)
            links = cell.locator("a")
            if status == "missing":
                assert links.count() == 0 and cell.inner_text().startswith("—")
            else:
                assert links.inner_text() == CELL_TEXT[lang][status]
                href = links.evaluate("a => a.href")
                assert href == f"{base}{prefix(code)}{slug}/", (slug, code)


def test_every_link_of_the_translations_page_opens_the_page_in_that_language(page, base, samples):
    page.goto(f"{base}nb/translations/")
    links = page.locator(".ktw-translations td a").evaluate_all(
        "links => links.map(a => [a.href, a.hreflang])")
    assert links
    for href, lang in links:
        page.goto(href)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator(".ktw-fallback").count() == 0


def test_translations_page_is_reached_from_the_catalogue_foot_and_the_navigation(page, base):
    for lang, title in (("en", "Translations"), ("nb", "Oversettelser"), ("es", "Traducciones")):
        page.goto(f"{base}{prefix(lang)}")
        page.locator(".ktw-catalogue__foot a").click()
        page.wait_for_url(f"{base}{prefix(lang)}translations/")
        assert page.locator("h1").inner_text() == title
        page.goto(f"{base}{prefix(lang)}{SF}/")
        nav = page.locator('.md-nav--primary a.md-nav__link[href="../translations/"]')
        assert nav.count() == 1 and words(nav) == title


@pytest.mark.parametrize("path, width", [("translations/", 1280), ("translations/", 390),
                                         ("nb/translations/", 1280), ("es/translations/", 390),
                                         (f"nb/{SF}/", 1280), ("es/", 1280)])
def test_axe_finds_no_serious_or_critical_violation(page, base, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_language_pages_do_not_scroll_sideways(page, base, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for path, name in (("nb/", "home-nb"), ("nb/translations/", "translations-nb"),
                       (f"es/{SF}/", "fallback-es")):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.screenshot(path=str(ARTIFACTS / f"site-{name}-{width}.png"), full_page=True)
