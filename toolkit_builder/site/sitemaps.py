"""Languages for browsers and crawlers: hreflang links, a sitemap and a 404 page per language.

mkdocs-material reads every `<link rel=alternate hreflang>` of a page as the root of a language and
fetches `sitemap.xml` in it (to keep a visitor on the same page when they switch languages).
mkdocs-static-i18n writes those links per page and one merged sitemap at the site's root, so
material asked for `/nb/sitemap.xml` or `/nb/<page>/sitemap.xml`, which did not exist. Here a
page's head names the language roots, each root has its own sitemap, and the sitemaps carry each
page's versions in every language (where crawlers read them). The language menu keeps its links
to the page's own versions; toolkit.js keeps material from rerouting links between languages.

MkDocs writes one 404.html per build into the same folder, so the last language's won; the hooks
keep each language's and write them as /404.html and /<lang>/404.html.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from markupsafe import escape

ALTERNATE_RE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
HEAD_END = "</head>"
XMLNS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
         'xmlns:xhtml="http://www.w3.org/1999/xhtml"')


def base_path(site_url: str) -> str:
    """Return the path the site is served under ('/' unless site_url has a folder)."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else f"{path}/"


def prefix(lang: str, default: str) -> str:
    """Return the folder of a language's pages ('' for the default language)."""
    return "" if lang == default else f"{lang}/"


def root_links(languages: list[str], default: str, site_url: str) -> str:
    """Return the head's hreflang links: each language's root (material fetches its sitemap)."""
    base = base_path(site_url)
    return "".join(f'    <link rel="alternate" href="{escape(base + prefix(lang, default))}" '
                   f'hreflang="{escape(lang)}">\n' for lang in languages)


def with_root_links(html: str, languages: list[str], default: str, site_url: str) -> str:
    """Return a page whose head's hreflang links name the language roots, one per language."""
    html = ALTERNATE_RE.sub("", html)
    links = root_links(languages, default, site_url)
    return html.replace(HEAD_END, links + HEAD_END, 1) if HEAD_END in html else html


def unprefixed(url: str, languages: list[str], default: str) -> tuple[str, str]:
    """Return a page address's language and its address without the language folder."""
    for lang in languages:
        folder = prefix(lang, default)
        if folder and url.startswith(folder):
            return lang, url.removeprefix(folder)
    return default, url


def _absolute(site_url: str, url: str) -> str:
    """Return a site address as a full URL."""
    return f"{(site_url or '/').rstrip('/')}/{'' if url in ('', './', '.') else url}"


def _entry(site_url: str, path: str, lang: str, pages: dict[str, set[str]], default: str,
           date: str) -> str:
    """Return a sitemap's <url> for a page in a language, with its versions in every language."""
    versions = [(code, prefix(code, default) + path) for code in pages
                if prefix(code, default) + path in pages[code]]
    links = [(code, _absolute(site_url, url)) for code, url in versions]
    if any(code == default for code, _ in versions):
        links.append(("x-default", _absolute(site_url, path)))
    alternates = "".join(f"\n    <xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} "
                         f"href={quoteattr(href)}/>" for code, href in links)
    lastmod = f"\n    <lastmod>{date}</lastmod>" if date else ""
    loc = _absolute(site_url, prefix(lang, default) + path)
    return f"  <url>\n    <loc>{escape(loc)}</loc>{lastmod}{alternates}\n  </url>\n"


def sitemap(site_url: str, langs: list[str], pages: dict[str, set[str]], default: str,
            date: str) -> str:
    """Return a sitemap of the pages of some languages, each with all its language versions."""
    languages = list(pages)
    entries = []
    for lang in langs:
        for url in sorted(pages.get(lang, ())):
            _, path = unprefixed(url, languages, default)
            entries.append(_entry(site_url, path, lang, pages, default, date))
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {XMLNS}>\n'
    return f'{head}{"".join(entries)}</urlset>\n'


def write_sitemaps(site_dir: Path, site_url: str, pages: dict[str, set[str]], default: str,
                   date: str) -> None:
    """Write /sitemap.xml (every page) and /<lang>/sitemap.xml (that language's pages)."""
    languages = list(pages)
    for lang in languages:
        folder = site_dir / prefix(lang, default)
        only = languages if lang == default else [lang]
        text = sitemap(site_url, only, pages, default, date)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    root = (site_dir / "sitemap.xml").read_bytes()
    with (site_dir / "sitemap.xml.gz").open("wb") as out:
        with gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=out, mtime=0) as packed:
            packed.write(root)


def write_not_found(site_dir: Path, pages: dict[str, str], default: str) -> None:
    """Write each language's 404 page: /404.html for the default language, /<lang>/404.html."""
    for lang, html in pages.items():
        target = site_dir / prefix(lang, default) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
