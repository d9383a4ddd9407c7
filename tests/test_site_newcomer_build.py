"""The website's newcomer fixes as the build makes them (issue 14), without a browser.

The footer's date in every clone, the interface words in every site language, escaping of the
sources in the sharing tags, the pictures drawn at build time, slide breaks and images in the
body, and the findings banner that only `serve` shows.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import lxml.html
from conftest import make_project
from site_helpers import ROOT

from toolkit_builder.config import load_settings
from toolkit_builder.diagnostics import Diagnostic
from toolkit_builder.model import SourcePos
from toolkit_builder.site import cards, footer
from toolkit_builder.site.content import drop_slide_breaks, split_intro, zoomable_images
from toolkit_builder.site.problems import banner
from toolkit_builder.site.words import SITE, SITE_LANGUAGES, words
from toolkit_builder.theme import load_theme

PLACEHOLDER_RE = re.compile(r"{\w+}")


# ---- The footer's date: the same in every clone ----

def git(folder: Path, *args: str, date: str = "2025-03-04T12:00:00+00:00") -> str:
    """Run git in a folder with a fixed author and date; return its output."""
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def test_the_footer_date_is_the_commit_s_in_every_clone_whatever_the_file_times(tmp_path,
                                                                                 monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    date_of = footer.sources_date.__wrapped__
    origin = tmp_path / "origin"
    origin.mkdir()
    assert date_of(origin) == ""  # outside git: no date rather than a wrong one
    git(origin, "init", "-q")
    (origin / "workshops").mkdir()
    (origin / "workshops/a.md").write_text("one", encoding="utf-8")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "one", date="2024-01-02T10:00:00+00:00")
    (origin / "workshops/a.md").write_text("two", encoding="utf-8")
    git(origin, "commit", "-q", "-am", "two", date="2025-03-04T12:00:00+00:00")
    assert date_of(origin) == "2025-03-04"
    full, shallow = tmp_path / "full", tmp_path / "shallow"
    git(tmp_path, "clone", "-q", str(origin), str(full))
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow))
    os.utime(shallow / "workshops/a.md", (1e9, 1e9))  # a checkout sets the files' times
    assert date_of(full) == date_of(shallow) == "2025-03-04"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert date_of(shallow) == "2023-11-14"


def test_the_licence_is_a_link_to_its_text():
    assert footer.licence_name("CC-BY-SA-4.0") == "CC BY-SA 4.0"
    assert footer.licence_url("CC-BY-4.0") == "https://creativecommons.org/licenses/by/4.0/"
    assert footer.licence_url("MIT") == "https://spdx.org/licenses/MIT.html"
    assert footer.licence_url("all rights reserved") == ""
    assert footer.common_licence(["CC-BY-4.0", "CC-BY-4.0 "]) == "CC-BY-4.0"
    assert footer.common_licence(["CC-BY-4.0", "MIT"]) == ""
    shown = footer.footer("en", "P", "./", {"contact": "x@y", "sources": "javascript:alert(1)"})
    assert shown.contact == "" and shown.sources == ""  # only an e-mail address, only http(s)


# ---- Words ----

def test_every_new_word_is_given_in_every_site_language_with_its_placeholders():
    site_languages = load_settings(ROOT).languages
    assert set(site_languages) <= set(SITE_LANGUAGES)
    for key, given in SITE.items():
        assert set(given) == set(SITE_LANGUAGES), key
        english = set(PLACEHOLDER_RE.findall(given["en"]))
        assert all(set(PLACEHOLDER_RE.findall(text)) == english for text in given.values()), key
    assert words("nb")["not_found"] == "Fant ikke siden"
    assert words("de")["not_found"] == "Page not found"  # English until a catalogue has it


# ---- The body: slide breaks, images, introduction ----

def fragment(html: str):
    """Return a fragment's parent element."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_slide_breaks_leave_no_rule_and_a_cut_list_is_one_list_again():
    root = fragment("<ul><li>a</li></ul>\n<hr>\n<ul><li>b</li></ul><hr><p>c</p>"
                    "<ol><li>1</li></ol><hr><ol><li>1</li></ol>")
    drop_slide_breaks(root)
    assert not root.findall(".//hr")
    assert [len(ul) for ul in root.findall("ul")] == [2]
    assert len(root.findall("ol")) == 2  # a numbered list after a break starts again at 1


def test_an_image_becomes_a_link_to_itself_keeping_its_share_of_the_column():
    root = fragment('<p><img src="images/a.png" alt="A" width="70%"> after</p>'
                    '<p><a href="x"><img src="b.png" alt=""></a></p>')
    zoomable_images(root)
    link = root.find_class("ktw-zoom")
    assert len(link) == 1 and link[0].get("href") == "images/a.png"
    assert link[0].get("style") == "width: 70%" and link[0][0].get("width") == "100%"
    assert link[0].tail == " after"


def test_the_introduction_is_what_comes_before_the_first_section():
    assert split_intro("<p>i</p><h2>A</h2><p>a</p>") == ("<p>i</p>", "<h2>A</h2><p>a</p>")
    assert split_intro("<h2>A</h2>") == ("", "<h2>A</h2>")
    assert split_intro("<p>only</p>") == ("<p>only</p>", "")


# ---- Pictures drawn at build time ----

def test_a_card_is_drawn_the_same_every_time_and_kept_in_the_cache(tmp_path):
    from io import BytesIO

    from PIL import Image

    theme = load_theme(ROOT / "themes", "default")
    card = cards.Card("Workshop", "A title long enough to wrap over more than one line " * 3,
                      "Site")
    first = cards.cached_png(card, theme, tmp_path)
    assert first == cards.png(card, theme) == cards.cached_png(card, theme, tmp_path)
    assert len(list((tmp_path / cards.CACHE_DIR).glob("*.png"))) == 1
    assert Image.open(BytesIO(first)).size == cards.CARD_SIZE
    poster = cards.png(cards.Card("Video", "T", play=True), theme)
    assert Image.open(BytesIO(poster)).size == cards.POSTER_SIZE
    other = load_theme(ROOT / "themes", "bz-hohenlauter")
    assert cards.png(card, other) != first


# ---- Escaping: what the sources say never becomes markup ----

EVIL = '<b>Bold</b> & "quoted" <script>alert(1)</script>'


def test_sources_are_escaped_in_the_sharing_tags_the_footer_and_the_tags(tmp_path):
    from test_site import build_plain

    root = make_project(tmp_path, "constructs")
    source = root / "workshops/constructs/index.md"
    text = source.read_text(encoding="utf-8").replace(
        "title: Every construct", f"title: '{EVIL}'\nsummary: '{EVIL}'\ntags: ['{EVIL}']")
    source.write_text(text, encoding="utf-8")
    build_plain(root)
    html = (root / "site/constructs/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "<b>Bold</b>" not in html
    tree = lxml.html.fromstring(html)
    assert tree.xpath('string(//meta[@property="og:title"]/@content)') == EVIL
    assert tree.xpath('string(//meta[@name="twitter:description"]/@content)') == EVIL
    assert tree.xpath('string(//a[@class="ktw-tag__link"])') == EVIL
    assert (root / "site/assets/toolkit/cards/constructs-en.png").is_file()


def test_a_plain_build_writes_a_404_page_and_a_sitemap_per_language(tmp_path):
    from test_site import build_plain

    root = make_project(tmp_path, "constructs")
    build_plain(root)
    for folder, lang in (("", "en"), ("nb/", "nb"), ("es/", "es")):
        page = (root / f"site/{folder}404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page and "ktw-not-found" in page
        assert (root / f"site/{folder}sitemap.xml").is_file()
        assert 'class="ktw-problems"' not in page  # only serve shows the findings


# ---- serve: the findings of the sources in the page ----

def test_the_banner_lists_findings_by_file_and_line_escaped():
    found = [Diagnostic(SourcePos("workshops/a/index.md", 3), "warning", "late <i>"),
             Diagnostic(SourcePos("workshops/b/index.md", 7), "error", "<script>x</script>")]
    shown = banner(found, "nb")
    assert shown.index("workshops/b/index.md:7") < shown.index("workshops/a/index.md:3")
    assert "&lt;script&gt;x&lt;/script&gt;" in shown and "<script>" not in shown
    assert SITE["problems"]["nb"] in shown and banner([], "en") == ""
    many = banner(found * 1 + [Diagnostic(SourcePos(f"f{i}.md", i), "error", "m")
                               for i in range(20)], "en")
    assert "and 10 more" in many


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


def test_serve_shows_the_sources_findings_in_the_page_and_drops_them_once_fixed(tmp_path):
    root = make_project(tmp_path, "constructs", "materials")
    source = root / "workshops/constructs/index.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("title: Every construct\n",
                                   "title: Every construct\n<b>bold</b>: 1\n"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, cwd=root)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "ktw-problems" in fetch(f"{base}materials/"))
        page = fetch(f"{base}materials/")
        assert "workshops/constructs/index.md:3" in page
        assert "unknown key &#39;&lt;b&gt;bold&lt;/b&gt;&#39;" in page and "<b>bold</b>" not in page
        source.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "Every construct" in fetch(f"{base}constructs/")
                        and "ktw-problems" not in fetch(f"{base}constructs/"))
    finally:
        server.terminate()
        server.wait(timeout=10)
