"""Helpers for the website tests.

They serve a built site on 127.0.0.1, drive Debian's Chromium and run axe-core.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        """Log nothing."""


class _Server(http.server.ThreadingHTTPServer):
    """A threaded server that ignores browsers hanging up mid-answer.

    Browsers do that when a page is left.
    """

    daemon_threads = True

    def handle_error(self, request, client_address):
        """Stay quiet about connections the browser closed; report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path):
    """Serve a folder on a free port of 127.0.0.1 in a thread; yield the base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    """Yield a headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Return axe-core's violations of the given impacts on the page as it is now."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in impacts]


def fabricate_artifacts(folder: Path, items: list[tuple]) -> list[dict]:
    """Write small stand-in artifacts and a manifest.json listing them.

    Each item is (slug, lang, kind, bytes) for the project's own edition,
    or (slug, lang, kind, bytes, partner).
    """
    import hashlib
    import json

    from toolkit_builder.artifacts import download_path

    entries = []
    for slug, lang, kind, size, *rest in items:
        partner = rest[0] if rest else ""
        path = download_path(slug, lang, kind, partner)
        data = bytes(size)
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
        entries.append({"workshop": slug, "language": lang, "partner": partner, "kind": kind,
                        "path": path, "bytes": size, "sha256": hashlib.sha256(data).hexdigest()})
    manifest = json.dumps({"version": 1, "artifacts": entries})
    (folder / "manifest.json").write_text(manifest, encoding="utf-8")
    return entries


def same_site_links(page, base: str) -> set[str]:
    """Return every address of the site that the page links to or loads.

    That is links, images, scripts and styles.
    """
    urls = page.evaluate("""() => [
        ...[...document.querySelectorAll('a[href]')].map(a => a.href),
        ...[...document.querySelectorAll('img[src], script[src]')].map(e => e.src),
        ...[...document.querySelectorAll('link[href]')].map(l => l.href)]""")
    return {url.split("#")[0] for url in urls if url.startswith(base)}


def watched_page(browser, base: str, width: int = 1280, height: int = 900):
    """Return a new page whose `problems` list gathers console errors and requests elsewhere."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: (msg.type == "error"
                                   and tab.problems.append(f"console: {msg.text} ({tab.url})")))
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    tab.on("request", lambda req: (req.url.startswith((base, "data:"))
                                   or tab.problems.append(f"request: {req.url}")))
    return tab


def site_path(site_url: str, url: str) -> str:
    """Return a full address of the published site as a path inside the built site."""
    return url.removeprefix(site_url.rstrip("/")).lstrip("/")
