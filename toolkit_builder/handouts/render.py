"""HTML → PDF with WeasyPrint: the only module that imports it. Sandboxed loading, reused caches."""

from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.logger import LOGGER
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .locations import local_path

# Shared by every document a process renders: fonts are registered once, images decoded once
# per workshop (the cache is emptied when the next workshop's documents come: decoded images
# take ~30 MB a workshop, and a worker of a large project would otherwise keep them all).
FONT_CONFIG = FontConfiguration()
IMAGE_CACHE: dict = {}
_STAMPS: dict[str, tuple[int, int]] = {}
_FOLDERS: list[tuple] = [()]
# Parsed stylesheets by their text and the folders their addresses name: the same few sheets
# serve every document of a kind and language, and parsing one (with its @font-face rules) costs
# more than laying out a short form.
_SHEETS: dict[tuple, tuple[CSS, list[str]]] = {}
MAX_SHEETS = 64
STYLE_RE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
# How many times a draft is laid out again with the writer's revisions (write_revised) at most.
MAX_REVISIONS = 8
# Tagged PDF for screen readers; WeasyPrint's closest variant to an accessible handout.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True, "dpi": 300,
               "optimize_images": True}


class SandboxFetcher(URLFetcher):
    """Loads files of the workshop and the theme, and data: URIs; refuses everything else."""

    def __init__(self, allowed: dict[str, Path]):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self.allowed = allowed

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        """Return the resource, or raise if it is not a file of the workshop or the theme."""
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = local_path(url, self.allowed)
        if path is None:
            raise ValueError(f"refused to load {url}: "
                             "only files of the workshop and the theme may be used")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


class Collect(logging.Handler):
    """Keeps WeasyPrint's warnings so that the writer can report them as diagnostics."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Record one message."""
        self.messages.append(record.getMessage())


@contextmanager
def collected():
    """Yield the list WeasyPrint's warnings go to while rendering, instead of stderr."""
    handler = Collect()
    LOGGER.addHandler(handler)
    propagate, LOGGER.propagate = LOGGER.propagate, False
    try:
        yield handler.messages
    finally:
        LOGGER.removeHandler(handler)
        LOGGER.propagate = propagate


def _parsed(html: str, allowed: dict[str, Path], fetcher: URLFetcher,
            messages: list[str]) -> tuple[str, list[CSS]]:
    """Return a document without its <style> block and that block as a parsed, shared stylesheet
    (what parsing it warned about goes to `messages` each time, as if it had been parsed again).

    The block is the document's only stylesheet, so as the one stylesheet given beside it, it
    cascades exactly as it did inside.
    """
    match = STYLE_RE.search(html)
    if match is None:
        return html, []
    key = (match.group(1), tuple(sorted((name, str(path)) for name, path in allowed.items())))
    if key not in _SHEETS:
        if len(_SHEETS) >= MAX_SHEETS:
            _SHEETS.clear()
        before = len(messages)
        sheet = CSS(string=match.group(1), url_fetcher=fetcher, font_config=FONT_CONFIG)
        _SHEETS[key] = sheet, messages[before:]
        del messages[before:]
    sheet, warned = _SHEETS[key]
    messages.extend(warned)
    return html[:match.start()] + html[match.end():], [sheet]


def _document(html: str, allowed: dict[str, Path], options: dict, messages: list[str]):
    """Return the laid-out document of an HTML text."""
    fetcher = SandboxFetcher(allowed)
    text, sheets = _parsed(html, allowed, fetcher, messages)
    return HTML(string=text, url_fetcher=fetcher).render(font_config=FONT_CONFIG,
                                                         stylesheets=sheets, **options)


def _stamp(url: str, allowed: dict[str, Path]) -> tuple[int, int] | None:
    """Return the size and modification time of the file behind an address."""
    path = local_path(url, allowed)
    if path is None:
        return None
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _drop_stale(allowed: dict[str, Path]) -> None:
    """Empty the image cache for another workshop, or if a file behind a cached address changed
    since it was decoded."""
    folders = tuple(sorted((name, str(path)) for name, path in allowed.items()))
    if folders != _FOLDERS[0]:
        _FOLDERS[0] = folders
        IMAGE_CACHE.clear()
        _STAMPS.clear()
    # WeasyPrint also caches decoded data under keys derived from the address, so all of it goes.
    if any(_stamp(url, allowed) != stamp
           for url, stamp in _STAMPS.items() if local_path(url, allowed)):
        IMAGE_CACHE.clear()
        _STAMPS.clear()


def _remember(allowed: dict[str, Path]) -> None:
    """Note the files behind newly cached images."""
    for url in IMAGE_CACHE:
        if url.startswith("ktw://") and url not in _STAMPS:
            _STAMPS[url] = _stamp(url, allowed)


def write_pdf(html: str, allowed: dict[str, Path], forms: bool = False) -> tuple[bytes, list[str]]:
    """Return the PDF of a final HTML document (its inputs as fillable fields if `forms`) and
    WeasyPrint's warnings."""
    return write_fitting([html], allowed, "", forms)


def starts_last_page(pages: list, anchor: str) -> bool:
    """Return whether the element `anchor` starts on the last page (each page it spans lists it)."""
    return anchor in pages[-1].anchors and (len(pages) < 2 or anchor not in pages[-2].anchors)


def write_fitting(htmls: Iterable[str], allowed: dict[str, Path], anchor: str,
                  forms: bool = False) -> tuple[bytes, list[str]]:
    """Return the PDF and warnings of the first HTML with `anchor` on its last page, or the last."""
    return write_first(htmls, allowed, lambda pages: starts_last_page(pages, anchor), forms)


def at_most(count: int) -> Callable[[list], bool]:
    """Return a test that a laid-out document has no more than `count` pages."""
    return lambda pages: len(pages) <= count


def write_first(htmls: Iterable[str], allowed: dict[str, Path], fits: Callable[[list], bool],
                forms: bool = False) -> tuple[bytes, list[str]]:
    """Return the PDF and warnings of the first HTML whose pages pass `fits`, or of the last."""
    _drop_stale(allowed)
    options = {**PDF_OPTIONS, "cache": IMAGE_CACHE, "pdf_forms": forms}
    with collected() as messages:
        for html in htmls:
            del messages[:]
            document = _document(html, allowed, options, messages)
            if fits(document.pages):
                break
        data = document.write_pdf(**options)
    _remember(allowed)
    return data, messages


def write_revised(drafts: Iterable[Callable[[dict], str]], allowed: dict[str, Path],
                  fits: Callable[[list], bool], revise: Callable[[list, dict], dict | None],
                  ) -> tuple[bytes, list[str]]:
    """Return the PDF and warnings of the first draft that fits once revised until it settles."""
    _drop_stale(allowed)
    options = {**PDF_OPTIONS, "cache": IMAGE_CACHE, "pdf_forms": False}
    changes: dict = {}
    with collected() as messages:
        for draft in drafts:
            for _ in range(MAX_REVISIONS):
                del messages[:]
                document = _document(draft(changes), allowed, options, messages)
                revised = revise([set(page.anchors) for page in document.pages], changes)
                if revised is None:
                    break
                changes = revised
            if fits(document.pages):
                break
        data = document.write_pdf(**options)
    _remember(allowed)
    return data, messages
