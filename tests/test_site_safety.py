"""Issue 16: hostile sources. Front matter escaped, raw HTML sanitised, unsafe URLs stop check.

One workshop carries a script, an event handler, an iframe, a javascript: link and a data: image
in its body, and HTML in its title, summary, tags and facilitators.
"""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from conftest import ROOT, make_project, run_cli
from site_helpers import chromium, serve

from toolkit_builder.config import load_settings
from toolkit_builder.reader import html_of, make_markdown
from toolkit_builder.sanitise import clean, html_findings, is_video_address, removed

HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>"
FRONT = f"""---
title: 'T {HOSTILE.replace("'", "''")}'
summary: 'S {HOSTILE.replace("'", "''")}'
duration: 30
tags: ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']
facilitators: ['<script>alert(1)</script>']
video: 'https://vimeo.com/1"><script>alert(1)</script>'
---
"""
BODY = """
Intro <img src="pic.png" alt="a picture" onerror=alert(1)> text.

## First section

Watch the video.

<script>alert(1)</script>

<iframe src="https://evil.example"></iframe>

Click <a href="javascript:alert(1)">here</a>.

![x](data:image/png;base64,iVBORw0KGgo=)
"""
PICTURE = ROOT / "workshops" / "responsive-training" / "images" / "dual-system.png"


def _project(tmp_path: Path, text: str) -> Path:
    """Return a project holding the hostile workshop (with its picture)."""
    root = make_project(tmp_path, files={"workshops/hostile/index.md": text})
    shutil.copy(PICTURE, root / "workshops" / "hostile" / "pic.png")
    return root


def _safe(text: str) -> str:
    """Return the hostile workshop without what check calls an error (raw HTML stays)."""
    text = text.replace('https://vimeo.com/1"><script>alert(1)</script>', "https://vimeo.com/1")
    return (text.replace('Click <a href="javascript:alert(1)">here</a>.\n', "")
            .replace("![x](data:image/png;base64,iVBORw0KGgo=)\n", ""))


def test_check_locates_unsafe_urls_and_the_raw_html_the_site_removes(tmp_path):
    result = run_cli(_project(tmp_path, FRONT + BODY), "check")
    out = result.stdout
    assert result.returncode == 1, out
    where = "workshops/hostile/index.md"
    assert (f"{where}:7: error: video must be an https:// address on YouTube or Vimeo, not "
            "'https://vimeo.com/1\"><script>alert(1)</script>'") in out
    assert (f"{where}:20: error: link 'javascript:alert(1)' uses the javascript: scheme") in out
    assert f"{where}:22: error: image 'data:image/png;base64,iVBORw0KGgo=' uses the data:" in out
    assert f"{where}:10: warning: the site removes this raw HTML: onerror= on <img>" in out
    assert f"{where}:16: warning: the site removes this raw HTML: <script>" in out
    assert f"{where}:18: warning: the site removes this raw HTML: <iframe>" in out
    assert "is remote" not in out


def test_video_addresses_are_https_on_youtube_or_vimeo():
    assert is_video_address("https://vimeo.com/76979871")
    assert is_video_address("https://www.youtube.com/watch?v=abcdefghijk")
    for bad in ("http://vimeo.com/1", "https://evilvimeo.com/1", "https://vimeo.com.evil/1",
                "https://vimeo.com/1\"><script>", "javascript:alert(1)", "https://u@vimeo.com/1"):
        assert not is_video_address(bad), bad


def test_the_cleaner_keeps_what_markdown_writes():
    html = ('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
            '<details class="notes"><summary>N</summary><p>x</p></details>'
            '<table><tr><th style="text-align: left;">h</th></tr></table>'
            '<a class="ktw-zoom" href="i.png" style="width: 50%">'
            '<img alt="i" src="i.png" width="100%"></a>')
    assert removed(html) == []
    assert 'style="text-align:left"' in clean(html) and 'style="width:50%"' in clean(html)
    render = partial(html_of, make_markdown(load_settings(ROOT)))  # the site's own settings
    assert html_findings("Text with `<script>` and <https://example.org>.\n", 1, render) == []


def _hostile_in(html: str) -> list[str]:
    """Return the scripts that alert, the event handler attributes and iframes of a page."""
    found = []
    for el in lxml.html.fromstring(html).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "script" and "alert" in (el.text or ""):
            found.append("script")
        if el.tag == "iframe":
            found.append("iframe")
        found += [f"{el.tag} {name}" for name in el.attrib if name.startswith("on")]
    return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """Return the site built from the hostile workshop once check's errors are fixed."""
    root = _project(tmp_path_factory.mktemp("hostile"), _safe(FRONT + BODY))
    assert run_cli(root, "check").returncode == 0
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_no_built_page_carries_a_script_handler_or_iframe(hostile_site):
    pages = [p for p in hostile_site.rglob("*.html") if "downloads" not in p.parts]
    assert any(p.parts[-2:] == ("hostile", "index.html") for p in pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert _hostile_in(text) == [], page
        assert "<script>alert" not in text, page
    assert "<script>alert" not in (hostile_site / "sitemap.xml").read_text(encoding="utf-8")


def test_no_dialog_and_no_request_to_another_host(hostile_site):
    dialogs, requests = [], []
    with serve(hostile_site) as base, chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        for path in ("hostile/", "", "404.html", "nb/", "translations/"):
            page.goto(base + path, wait_until="networkidle")
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert dialogs == []
    assert hosts == {"127.0.0.1"}
