"""Pages the hooks add or enrich: the generated home and partner pages, and the views the templates receive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import yaml
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..artifacts import Artifact
from ..i18n import text
from ..model import Workshop
from .partner_views import PartnersIndex, PartnerView, logo_path, partner_view, partners_index
from .state import SiteState
from .toolkits import editions, shelf
from .views import Catalogue, Version, WorkshopView, card, catalogue, workshop_view

HOME_SRC = "index.md"
PARTNERS = "partners"
PRINTED_META = ("title", "description", "author")  # in <title>, <meta> and the navigation


def _generated(config: MkDocsConfig, path: str, lang: str, default: str, front: dict) -> File:
    """Return a page the hooks write (no source file) at `path`/index.html of a language's build."""
    stem = f"{path}/index" if path else "index"
    src = f"{stem}.md" if lang == default else f"{stem}.{lang}.md"
    dest = f"{stem}.html" if lang == default else f"{lang}/{stem}.html"
    file = File(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                dest_uri=dest)
    file.content_string = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n"
    # mkdocs-static-i18n reads these on every page: this page is its language's own version.
    file.locale, file.localization, file.locale_alternate_of = lang, None, lang
    file.alternates = {lang: file}
    return file


def home_file(config: MkDocsConfig, lang: str, default: str) -> File:
    """Return the generated catalogue page of a language: / for the default one, /<lang>/ otherwise."""
    front = {"title": text(lang, "Workshops"), "hide": ["navigation", "toc"], "search": {"exclude": True}}
    return _generated(config, "", lang, default, front)


def _in_every_language(config: MkDocsConfig, path: str, lang: str, languages: list[str],
                       front: Callable[[str], dict]) -> File:
    """Return this build's generated page at `path`, its versions in the other languages as its alternates.

    Only this language's file is built now; the others give the language switcher their addresses.
    """
    default = languages[0]
    versions = {code: _generated(config, path, code, default, front(code)) for code in languages}
    versions[lang].alternates = versions
    return versions[lang]


def partner_files(config: MkDocsConfig, state: SiteState, lang: str) -> list[File]:
    """Return the partners index and one page per partner, in a language; none when there are no partners."""
    partners = state.project.partners
    if not partners:
        return []
    languages = [state.default_language, *(c for c in state.settings.languages if c != state.default_language)]
    index = _in_every_language(config, PARTNERS, lang, languages,
                               lambda code: {"title": text(code, "Partners"), "hide": ["toc"]})
    pages = [_in_every_language(config, f"{PARTNERS}/{p.slug}", lang, languages,
                                lambda code, p=p: {"title": p.name, "hide": ["toc"]}) for p in partners]
    return [index, *pages]


def logo_files(state: SiteState) -> dict[str, Path]:
    """Return each partner's logo by its address in the site."""
    found = {logo_path(p): state.partner_logo(p) for p in state.project.partners}
    return {uri: path for uri, path in found.items() if path}


def is_home(file: File) -> bool:
    """Return whether a page is a generated catalogue page."""
    return file.src_dir is None and file.src_uri.startswith("index") and file.src_uri.endswith(".md")


def partner_page(file: File) -> str | None:
    """Return the slug of a generated partner page, '' for the partners index, None for any other page."""
    parts = file.src_uri.split("/")
    if file.src_dir is not None or parts[0] != PARTNERS:
        return None
    return parts[1] if len(parts) == 3 else ""


def flatten(item):
    """Return a navigation item, a section that holds a single page being replaced by that page."""
    children = getattr(item, "children", None)
    if children and len(children) == 1 and not getattr(children[0], "children", None):
        page = children[0]
        page.parent = None
        return page
    return item


def _partner_pages(item) -> list:
    """Return the generated partner pages a navigation item is or holds."""
    children = getattr(item, "children", None)
    if children:
        return [page for child in children for page in _partner_pages(child)]
    file = getattr(item, "file", None)
    return [item] if file is not None and partner_page(file) is not None else []


def partners_last(items: list) -> list:
    """Return the navigation with the partners' folder replaced by its index page, at the end.

    The partner pages are reached from the index; listing each in the navigation would crowd out the workshops.
    """
    found = [page for item in items for page in _partner_pages(item)]
    index = next((page for page in found if partner_page(page.file) == ""), None)
    if index is None:
        return items
    index.parent = None
    return [item for item in items if not _partner_pages(item)] + [index]


def escape_meta(meta: dict) -> None:
    """Escape the front matter values material's templates print as they are (title, description, author).

    Markup, not a plain escaped string: where material does escape (`| e`), Jinja leaves Markup as it is.
    """
    for key in PRINTED_META:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])


def escapes(template: str | None) -> bool:
    """Return whether a template escapes what it prints: the toolkit's own templates do."""
    return bool(template) and template.startswith("toolkit/")


def page_url(files: Files, slug: str) -> str:
    """Return the address, in this language build, of a workshop's page."""
    for file in files.documentation_pages():
        if file.src_uri.split("/")[0] == slug:
            return file.url
    return f"{slug}/"


def address(state: SiteState, config: MkDocsConfig, path: str, lang: str) -> str:
    """Return the address in the site of the page at `path` (a folder, e.g. a workshop's slug) in a language."""
    prefix = "" if lang == state.default_language else f"{lang}/"
    return f"{prefix}{path}/" if config.use_directory_urls else f"{prefix}{path}/index.html"


def version_url(state: SiteState, config: MkDocsConfig, slug: str, lang: str) -> str:
    """Return the address of a workshop's page in a language."""
    return address(state, config, slug, lang)


def versions(state: SiteState, config: MkDocsConfig, workshop: Workshop) -> tuple[Version, ...]:
    """Return the languages a workshop exists in, in the site's language order."""
    langs = state.translations(workshop.slug)
    return tuple(Version(lang, name, version_url(state, config, workshop.slug, lang), lang == workshop.lang)
                 for lang, name in state.settings.languages.items() if lang in langs)


def for_workshop(state: SiteState, config: MkDocsConfig, workshop: Workshop, ui_lang: str,
                 artifacts: list[Artifact]) -> WorkshopView:
    """Return the view of a workshop page: the project's own toolkit and files, then partners' editions."""
    slug, lang, partners = workshop.slug, workshop.lang, state.project.partners
    offer = shelf(artifacts, slug, lang, state.settings.languages.get(lang, lang), ui_lang)
    urls = {p.slug: address(state, config, f"{PARTNERS}/{p.slug}", ui_lang) for p in partners}
    offer = replace(offer, editions=editions(artifacts, partners, urls, slug, lang, ui_lang))
    return workshop_view(workshop, ui_lang, versions(state, config, workshop), offer)


def for_home(state: SiteState, config: MkDocsConfig, files: Files, ui_lang: str) -> Catalogue:
    """Return the catalogue of a language: each workshop in that language, or in its original one."""
    cards = []
    names = state.settings.languages
    for slug in sorted(state.project.workshops):
        langs = state.translations(slug)
        shown = langs.get(ui_lang) or state.project.original(slug)
        if shown is None:
            continue
        available = {lang: names.get(lang, lang) for lang in names if lang in langs}
        cards.append(card(shown, page_url(files, slug), available, ui_lang))
    partners = address(state, config, PARTNERS, ui_lang) if state.project.partners else ""
    return catalogue(cards, ui_lang, names, partners)


def for_partner(state: SiteState, config: MkDocsConfig, slug: str, ui_lang: str,
                artifacts: list[Artifact]) -> PartnerView | None:
    """Return the view of a partner's page, or None for a partner the project no longer has."""
    partner = state.partner(slug)
    return partner_view(state, partner, artifacts, partial(address, state, config), ui_lang) if partner else None


def for_partners(state: SiteState, config: MkDocsConfig, ui_lang: str) -> PartnersIndex:
    """Return the view of the partners index."""
    return partners_index(state, partial(address, state, config), ui_lang)
