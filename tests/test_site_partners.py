"""Partner toolkits on the website.

The toolkit button, partner editions, partner pages and index, and the language filter.
"""

from __future__ import annotations

import pytest
from conftest import make_project
from site_helpers import ARTIFACTS, ROOT, axe_violations, chromium, fabricate_artifacts, serve

from toolkit_builder.formatting import human_date
from toolkit_builder.project import load_project
from toolkit_builder.site.run import build as build_site

RT, LP = "responsive-training", "local-partnerships"
# Stand-in artifacts (slug, lang, kind, bytes[, partner]): the site lists what the manifest says.
FAKE = [(RT, "en", "toolkit", 1_400_000), (RT, "en", "slides", 312_000),
        (RT, "en", "handout", 677_000),
        (RT, "nb", "toolkit", 2_000_000), (RT, "nb", "slides", 300_000),
        (RT, "en", "toolkit", 1_460_000, "ayto-castrolinde"),
        (RT, "en", "handout", 680_000, "ayto-castrolinde"),
        (RT, "en", "toolkit", 1_500_000, "bz-hohenlauter"),
        (RT, "en", "slides", 330_000, "bz-hohenlauter"),
        (LP, "en", "toolkit", 1_600_000, "ayto-castrolinde"),
        (LP, "en", "slides", 388_000, "ayto-castrolinde"),
        (LP, "es", "toolkit", 1_460_000, "ayto-castrolinde"),
        (LP, "es", "handout", 680_000, "ayto-castrolinde"),
        (RT, "nb", "toolkit", 1_300_000, "elvtind-klynge"),
        (RT, "nb", "feedback-form", 31_000, "elvtind-klynge")]
VIEWPORTS = [(1280, 800), (390, 844)]
SITE_LANGUAGES = {"en": "English", "nb": "Norsk bokmål", "es": "Español"}


@pytest.fixture(scope="module")
def samples():
    """Return the sample project (workshops and partners.yml) as the loader reads it."""
    return load_project(ROOT)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Build the samples' site beside stand-in artifacts of the project and its partners.

    Serve it.
    """
    folder = tmp_path_factory.mktemp("site-partners")
    fabricate_artifacts(folder, FAKE)
    build_site(ROOT, folder)
    with serve(folder) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium for this module."""
    with chromium() as instance:
        yield instance


def open_page(browser, base: str, width: int = 1280, height: int = 900):
    """Return a page of the given size that records console errors and requests to other hosts."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: (msg.type == "error"
                                   and tab.problems.append(f"console: {msg.text}")))
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    tab.on("request", lambda req: (req.url.startswith((base, "data:"))
                                   or tab.problems.append(req.url)))
    return tab


@pytest.fixture
def page(browser, base):
    """Return a fresh desktop page.

    The page fails the test on console errors or requests to other hosts.
    """
    tab = open_page(browser, base)
    yield tab
    problems = tab.problems
    tab.context.close()
    assert problems == []


def words(locator) -> str:
    """Return an element's visible text with its white space collapsed."""
    return " ".join(locator.inner_text().split())


def partner_names(samples, slug: str, lang: str) -> list[str]:
    """Return the names of the partners FAKE gives a toolkit of a workshop in a language, sorted."""
    having = {item[4] for item in FAKE if item[:3] == (slug, lang, "toolkit") and len(item) == 5}
    return sorted((p.name for p in samples.partners if p.slug in having), key=str.casefold)


# ---- The workshop page: the toolkit first, then the separate files, then partners' editions ----

@pytest.mark.parametrize("width, height", VIEWPORTS)
def test_toolkit_button_is_above_the_fold_and_above_the_separate_files(browser, base, width,
                                                                        height):
    tab = open_page(browser, base, width, height)
    tab.goto(f"{base}{RT}/")
    button = tab.locator(".ktw-get__button")
    assert button.count() == 1 and button.is_visible()
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, (box, "below the fold")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    files = tab.locator(".ktw-downloads").bounding_box()
    assert box["y"] + box["height"] <= files["y"]
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"site-toolkit-button-{width}.png"))
    problems = tab.problems
    tab.context.close()
    assert problems == []


def test_toolkit_button_points_at_the_project_s_zip_of_the_page_s_language(page, base):
    page.goto(f"{base}{RT}/")
    button = page.locator(".ktw-get__button")
    assert button.get_attribute("href").endswith(f"downloads/{RT}/en/{RT}-en-toolkit.zip")
    assert button.get_attribute("download") is not None
    assert words(button) == "Download the toolkit ZIP · 1.4 MB · English"
    page.goto(f"{base}nb/{RT}/")
    assert page.locator(".ktw-get__button").get_attribute("href").endswith(
        f"downloads/{RT}/nb/{RT}-nb-toolkit.zip")
    assert (words(page.locator(".ktw-get__button"))
            == "Last ned verktøykassen ZIP · 2,0 MB · Norsk bokmål")


def test_separate_files_list_only_the_project_s_own_documents(page, base):
    page.goto(f"{base}{RT}/")
    rows = [" ".join(r.split()) for r in page.locator(".ktw-download").all_inner_texts()]
    assert rows == ["Slides PPTX · 312 KB", "Participant handout PDF · 677 KB"]
    hrefs = page.locator(".ktw-downloads__list a").evaluate_all("links => links.map(a => a.href)")
    assert all("-toolkit" not in h and "castrolinde" not in h and "hohenlauter" not in h
               for h in hrefs)
    assert page.locator(".ktw-downloads h2").first.inner_text() == "Separate files"


def test_partner_editions_link_each_partner_page_and_its_zip(page, base, samples):
    page.goto(f"{base}{RT}/")
    editions = page.locator(".ktw-edition")
    assert (editions.locator(".ktw-edition__partner").all_inner_texts()
            == partner_names(samples, RT, "en"))
    bz = page.locator('.ktw-edition[data-partner="bz-hohenlauter"]')
    assert bz.locator(".ktw-edition__get").get_attribute("href").endswith(
        f"downloads/{RT}/en/{RT}-en-bz-hohenlauter-toolkit.zip")
    assert words(bz.locator(".ktw-edition__get")).endswith("ZIP · 1.5 MB")
    bz.locator(".ktw-edition__partner").click()
    page.wait_for_url(f"{base}partners/bz-hohenlauter/")
    assert page.locator("h1").inner_text() == "Bildungszentrum Hohenlauter"
    page.goto(f"{base}nb/{RT}/")
    links = page.locator(".ktw-edition__partner")
    assert links.all_inner_texts() == partner_names(samples, RT, "nb")
    assert links.get_attribute("href") == "../partners/elvtind-klynge/"


# ---- Partner pages and the partners index ----

def test_partner_page_shows_logo_contact_and_every_local_session(page, base, samples):
    for partner in samples.partners:
        page.goto(f"{base}partners/{partner.slug}/")
        assert page.locator("h1").inner_text() == partner.name
        logo = page.locator(".ktw-partner__logo")
        assert logo.get_attribute("src").endswith(f"assets/partners/{partner.slug}/logo.svg")
        assert page.evaluate("img => img.naturalWidth > 0", logo.element_handle())
        assert (page.locator(".ktw-fact--contact a").get_attribute("href")
                == f"mailto:{partner.contact_email}")
        assert partner.contact_name in page.locator(".ktw-fact--contact").inner_text()
        sessions = page.locator(".ktw-session")
        assert sessions.count() == len(partner.sessions)
        for session in partner.sessions:
            shown = page.locator(f'.ktw-session[data-workshop="{session.workshop}"]')
            assert human_date(session.date, "en") in shown.inner_text()
            assert session.start in shown.locator("time").inner_text()
            assert shown.locator(".ktw-session__venue").inner_text() == session.venue
            assert all(name in shown.inner_text() for name in session.facilitators)
            register = shown.locator(".ktw-session__register")
            assert register.count() == (1 if session.registration else 0)
            if session.registration:
                assert register.get_attribute("href") == session.registration


def test_a_session_links_its_workshop_page_in_the_session_s_language(page, base, samples):
    partner = next(p for p in samples.partners if p.slug == "ayto-castrolinde")
    session = partner.sessions[0]
    lang = session.language or ("en" if "en" in partner.languages else partner.languages[0])
    page.goto(f"{base}partners/{partner.slug}/")
    page.locator(f'.ktw-session[data-workshop="{session.workshop}"] h3 a').click()
    page.wait_for_url(f"{base}{'' if lang == 'en' else lang + '/'}{session.workshop}/")
    shown = samples.workshops[session.workshop].get(lang) or samples.original(session.workshop)
    assert page.locator("h1").first.inner_text() == shown.meta.title


def test_partner_page_lists_its_toolkits_with_sizes_and_their_separate_files(page, base,
                                                                             samples):
    slug = "ayto-castrolinde"
    partner = next(p for p in samples.partners if p.slug == slug)
    built = {(item[0], item[1]) for item in FAKE if item[4:] == (slug,)}
    expected = [(w, lang) for w in sorted(samples.workshops) for lang in SITE_LANGUAGES
                if lang in samples.workshops[w] and partner.runs(w, lang) and (w, lang) in built]
    assert (LP, "es") in expected or (RT, "en") in expected, "FAKE misses the partner's toolkits"
    page.goto(f"{base}partners/{slug}/")
    kits = page.locator(".ktw-kit")
    shown = kits.evaluate_all("kits => kits.map(k => k.dataset.workshop + '/' + k.dataset.lang)")
    assert shown == [f"{w}/{lang}" for w, lang in expected]
    w, lang = (LP, "es") if (LP, "es") in expected else (RT, "en")
    kit = page.locator(f'.ktw-kit[data-workshop="{w}"][data-lang="{lang}"]')
    assert kit.locator(".ktw-get__button").get_attribute("href").endswith(
        f"downloads/{w}/{lang}/{w}-{lang}-{slug}-toolkit.zip")
    assert (words(kit.locator(".ktw-get__button"))
            == f"Download the toolkit ZIP · 1.5 MB · {SITE_LANGUAGES[lang]}")
    assert [" ".join(r.split()) for r in kit.locator(".ktw-download").all_inner_texts()] == \
        ["Participant handout PDF · 680 KB"]
    assert kit.locator(".ktw-download a").get_attribute("href").endswith(
        f"{w}-{lang}-{slug}-handout.pdf")


def test_norwegian_partner_page_speaks_norwegian(page, base, samples):
    partner = next(p for p in samples.partners if p.slug == "elvtind-klynge")
    page.goto(f"{base}nb/partners/{partner.slug}/")
    assert page.locator("html").get_attribute("lang") == "nb"
    session = partner.sessions[0]
    when = f"{human_date(session.date, 'nb')} kl. {session.start}"
    assert page.locator(".ktw-session time").inner_text() == when
    assert page.locator("#ktw-kits").inner_text() == "Verktøykasser"
    assert (words(page.locator(".ktw-get__button"))
            == "Last ned verktøykassen ZIP · 1,3 MB · Norsk bokmål")
    assert page.locator(".ktw-session h3").inner_text() == samples.workshops[RT]["nb"].meta.title


def test_partners_index_links_each_partner_and_is_reached_from_home_and_navigation(page, base,
                                                                                    samples):
    page.goto(base)
    page.locator(".ktw-hero__link").click()
    page.wait_for_url(f"{base}partners/")
    names = sorted((p.name for p in samples.partners), key=str.casefold)
    assert page.locator(".ktw-partner-card h2").all_inner_texts() == names
    for partner in samples.partners:
        card = page.locator(f'.ktw-partner-card[data-partner="{partner.slug}"]')
        assert card.locator("a").get_attribute("href") == f"{partner.slug}/"
        assert (card.locator("img").get_attribute("src")
                == f"../assets/partners/{partner.slug}/logo.svg")
    page.goto(f"{base}{RT}/")
    assert page.locator('.md-nav--primary a.md-nav__link[href="../partners/"]').count() == 1
    page.goto(f"{base}nb/")
    page.locator(".ktw-hero__link").click()
    page.wait_for_url(f"{base}nb/partners/")
    assert page.locator("h1").inner_text() == "Partnere"


# ---- The catalogue's language filter ----

def shown_slugs(page) -> list[str]:
    """Return the slugs of the catalogue cards now visible."""
    cards = page.locator(".ktw-card:visible")
    return sorted(cards.evaluate_all("cards => cards.map(c => c.dataset.slug)"))


def test_language_filter_hides_workshops_without_that_language(page, base, samples):
    page.goto(base)
    translated = sorted(slug for slug, langs in samples.workshops.items() if "nb" in langs)
    assert 0 < len(translated) < len(samples.workshops)
    page.get_by_role("button", name="Norsk bokmål", exact=True).click()
    assert shown_slugs(page) == translated
    assert (page.locator(".ktw-count").inner_text()
            == f"{len(translated)} of {len(samples.workshops)} workshops")
    assert "lang=nb" in page.url
    page.get_by_role("button", name="labour market", exact=True).click()
    both = sorted(s for s in translated if "labour market" in samples.original(s).meta.tags)
    assert shown_slugs(page) == both
    page.get_by_role("button", name="All languages", exact=True).click()
    assert shown_slugs(page) == sorted(s for s in samples.workshops
                                       if "labour market" in samples.original(s).meta.tags)
    page.goto(f"{base}?lang=nb")
    assert shown_slugs(page) == translated
    norwegian = page.get_by_role("button", name="Norsk bokmål", exact=True)
    assert norwegian.get_attribute("aria-pressed") == "true"


# ---- Accessibility, screenshots and escaping ----

@pytest.mark.parametrize("path, width", [("", 390), ("partners/", 1280),
                                         ("partners/ayto-castrolinde/", 1280),
                                         ("partners/ayto-castrolinde/", 390),
                                         ("nb/partners/elvtind-klynge/", 1280),
                                         (f"nb/{RT}/", 390)])
def test_axe_finds_no_serious_or_critical_violation_on_partner_pages(page, base, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_partner_pages_do_not_scroll_sideways(browser, base, width):
    ARTIFACTS.mkdir(exist_ok=True)
    tab = open_page(browser, base, width, 900)
    for path, name in (("partners/", "partners"), ("partners/ayto-castrolinde/", "partner"),
                       ("nb/partners/elvtind-klynge/", "partner-nb")):
        tab.goto(base + path)
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} scrolls sideways"
        tab.screenshot(path=str(ARTIFACTS / f"site-{name}-{width}.png"), full_page=True)
    problems = tab.problems
    tab.context.close()
    assert problems == []


EVIL = "Acme <script>alert(1)</script> & Sons"
PARTNERS_YML = f"""acme:
  name: "{EVIL}"
  theme: default
  languages: [en]
  contact: {{name: "<b>Bold</b>", email: "x@acme.example"}}
  sessions:
    - workshop: constructs
      date: 2027-05-01
      venue: "<img src=x onerror=alert(1)>"
"""


def test_partner_values_are_escaped_on_every_page(tmp_path):
    root = make_project(tmp_path, "constructs", files={"partners.yml": PARTNERS_YML})
    assert [p.name for p in load_project(root).partners] == [EVIL]
    staging = tmp_path / "staging"
    staging.mkdir()
    fabricate_artifacts(staging, [("constructs", "en", "toolkit", 2_000),
                                  ("constructs", "en", "toolkit", 2_000, "acme")])
    build_site(root, staging)
    for page in ("partners/acme/index.html", "partners/index.html", "constructs/index.html",
                 "nb/partners/acme/index.html"):
        html = (staging / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert "<b>Bold" not in html, page
        assert "Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons" in html, page


def test_a_project_without_partners_has_no_partner_pages(tmp_path):
    root = make_project(tmp_path, "constructs")
    staging = tmp_path / "staging"
    staging.mkdir()
    fabricate_artifacts(staging, [("constructs", "en", "toolkit", 2_000)])
    build_site(root, staging)
    assert not (staging / "partners").exists()
    assert "ktw-hero__link" not in (staging / "index.html").read_text(encoding="utf-8")
    html = (staging / "constructs/index.html").read_text(encoding="utf-8")
    assert html.count("ktw-get__button") == 1
