"""Pages the hooks add or enrich: the generated pages, and the views the templates receive.

The generated pages are the home page (the catalogue), the partner pages and the translations page.
"""

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
from . import social
from .cards import Card
from .partner_views import PartnersIndex, PartnerView, logo_path, partner_view, partners_index
from .state import SiteState
from .toolkits import editions, shelf
from .translation_views import TranslationsView, translations_view
from .views import Catalogue, Version, WorkshopView, card, catalogue, workshop_view
from .words import words

HOME_SRC = "index.md"
PARTNERS = "partners"
TRANSLATIONS = "translations"
PRINTED_META = ("title", "description", "author")  # in <title>, <meta> and the navigation


def _generated(config: MkDocsConfig, path: str, lang: str, default: str, front: dict) -> File:
    """Return a page the hooks write (no source file) at `path`/index.html of a language's build."""
    stem = f"{path}/index" if path else "index"
    src = f"{stem}.md" if lang == default else f"{stem}.{lang}.md"
    dest = f"{stem}.html" if lang == default else f"{lang}/{stem}.html"
    file = File(src, src_dir=None, dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls, dest_uri=dest)
    file.content_string = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n"
    # mkdocs-static-i18n reads these on every page: this page is its language's own version.
    file.locale, file.localization, file.locale_alternate_of = lang, None, lang
    file.alternates = {lang: file}
    return file


def home_file(config: MkDocsConfig, lang: str, default: str) -> File:
    """Return the generated catalogue page of a language: / for the default one, /<lang>/ else."""
    front = {"title": text(lang, "Workshops"), "hide": ["navigation", "toc"],
             "search": {"exclude": True}}
    return _generated(config, "", lang, default, front)


def _in_every_language(config: MkDocsConfig, path: str, lang: str, languages: list[str],
                       front: Callable[[str], dict]) -> File:
    """Return this build's generated page at `path`, its other languages' versions as alternates.

    Only this language's file is built now; the others give the language switcher their addresses.
    """
    default = languages[0]
    versions = {code: _generated(config, path, code, default, front(code)) for code in languages}
    versions[lang].alternates = versions
    return versions[lang]


def site_languages(state: SiteState) -> list[str]:
    """Return the site's languages, the default one first."""
    default = state.default_language
    return [default, *(code for code in state.settings.languages if code != default)]


def partner_files(config: MkDocsConfig, state: SiteState, lang: str) -> list[File]:
    """Return the partners index and one page per partner, in a language; none without partners."""
    partners = state.project.partners
    if not partners:
        return []
    languages = site_languages(state)
    index = _in_every_language(config, PARTNERS, lang, languages,
                               lambda code: {"title": text(code, "Partners"), "hide": ["toc"]})
    pages = [_in_every_language(config, f"{PARTNERS}/{p.slug}", lang, languages,
                                lambda code, p=p: {"title": p.name, "hide": ["toc"]})
             for p in partners]
    return [index, *pages]


def translations_file(config: MkDocsConfig, state: SiteState, lang: str) -> File:
    """Return the translations page of a language: which workshop exists in which language."""
    return _in_every_language(config, TRANSLATIONS, lang, site_languages(state),
                              lambda code: {"title": text(code, "Translations"), "hide": ["toc"]})


def logo_files(state: SiteState) -> dict[str, Path]:
    """Return each partner's logo by its address in the site."""
    found = {logo_path(p): state.partner_logo(p) for p in state.project.partners}
    return {uri: path for uri, path in found.items() if path}


def is_home(file: File) -> bool:
    """Return whether a page is a generated catalogue page."""
    uri = file.src_uri
    return file.src_dir is None and uri.startswith("index") and uri.endswith(".md")


def partner_page(file: File) -> str | None:
    """Return the slug of a generated partner page, '' for the partners index, None for others."""
    parts = file.src_uri.split("/")
    if file.src_dir is not None or parts[0] != PARTNERS:
        return None
    return parts[1] if len(parts) == 3 else ""


def generated_path(file: File) -> str | None:
    """Return a generated page's path without language ('' home, 'partners', …), None for others."""
    if is_home(file):
        return ""
    partner = partner_page(file)
    if partner is not None:
        return f"{PARTNERS}/{partner}" if partner else PARTNERS
    return TRANSLATIONS if is_translations(file) else None


def is_translations(file: File) -> bool:
    """Return whether a page is a generated translations page."""
    parts = file.src_uri.split("/")
    return file.src_dir is None and len(parts) == 2 and parts[0] == TRANSLATIONS


def flatten(item):
    """Return a navigation item, a section that holds a single page being replaced by that page."""
    children = getattr(item, "children", None)
    if children and len(children) == 1 and not getattr(children[0], "children", None):
        page = children[0]
        page.parent = None
        return page
    return item


def _is_generated(file) -> bool:
    """Return whether a page is a generated partner or translations page."""
    return file is not None and (partner_page(file) is not None or is_translations(file))


def _generated_pages(item) -> list:
    """Return the generated partner and translations pages a navigation item is or holds."""
    children = getattr(item, "children", None)
    if children:
        return [page for child in children for page in _generated_pages(child)]
    return [item] if _is_generated(getattr(item, "file", None)) else []


def generated_last(items: list) -> list:
    """Return the navigation: the workshops, then the partners index, then the translations page.

    The partner pages are reached from their index; listing each would crowd out the workshops.
    """
    found = [page for item in items for page in _generated_pages(item)]
    last = ([page for page in found if partner_page(page.file) == ""]
            + [page for page in found if is_translations(page.file)])
    for page in last:
        page.parent = None
    return [item for item in items if not _generated_pages(item)] + last


def escape_meta(meta: dict) -> None:
    """Escape the front matter values material's templates print as they are.

    Those are the title, description and author. Markup, not a plain escaped string: where
    material escapes (`| e`), Jinja leaves Markup as it is.
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


def home_address(state: SiteState, lang: str) -> str:
    """Return the address of a language's catalogue (the `url` filter makes it relative)."""
    return "./" if lang == state.default_language else f"{lang}/"


def address(state: SiteState, config: MkDocsConfig, path: str, lang: str) -> str:
    """Return the address of the page at `path` (a folder, e.g. a workshop's slug) in a language."""
    prefix = "" if lang == state.default_language else f"{lang}/"
    return f"{prefix}{path}/" if config.use_directory_urls else f"{prefix}{path}/index.html"


def version_url(state: SiteState, config: MkDocsConfig, slug: str, lang: str) -> str:
    """Return the address of a workshop's page in a language."""
    return address(state, config, slug, lang)


def versions(state: SiteState, config: MkDocsConfig, workshop: Workshop) -> tuple[Version, ...]:
    """Return the languages a workshop exists in, in the site's language order."""
    langs = state.translations(workshop.slug)
    return tuple(Version(lang, name, version_url(state, config, workshop.slug, lang),
                         lang == workshop.lang)
                 for lang, name in state.settings.languages.items() if lang in langs)


def for_workshop(state: SiteState, config: MkDocsConfig, workshop: Workshop, ui_lang: str,
                 artifacts: list[Artifact]) -> WorkshopView:
    """Return the view of a workshop page: the project's own toolkit and files, partners' editions.

    A workshop shown in another language than its own carries the badge by its toolkit too.
    """
    slug, lang, partners = workshop.slug, workshop.lang, state.project.partners
    offer = shelf(artifacts, slug, lang, state.settings.languages.get(lang, lang), ui_lang)
    urls = {p.slug: address(state, config, f"{PARTNERS}/{p.slug}", ui_lang) for p in partners}
    view = workshop_view(workshop, ui_lang, versions(state, config, workshop), offer)
    offer = replace(offer, editions=editions(artifacts, partners, urls, slug, lang, ui_lang),
                    badge=view.badge)
    poster = social.poster_path(workshop) if view.video else ""
    return replace(view, shelf=offer, home=home_address(state, ui_lang), poster=poster)


def for_home(state: SiteState, config: MkDocsConfig, files: Files, ui_lang: str) -> Catalogue:
    """Return the catalogue of a language: each workshop in that language, or in its original one.

    A card in its original language shows its own tags with the badge; they are not filters.
    """
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
    return catalogue(cards, ui_lang, names, partners,
                     address(state, config, TRANSLATIONS, ui_lang), home_address(state, ui_lang))


def for_partner(state: SiteState, config: MkDocsConfig, slug: str, ui_lang: str,
                artifacts: list[Artifact]) -> PartnerView | None:
    """Return the view of a partner's page, or None for a partner the project no longer has."""
    partner = state.partner(slug)
    if partner is None:
        return None
    return partner_view(state, partner, artifacts, partial(address, state, config), ui_lang)


def for_partners(state: SiteState, config: MkDocsConfig, ui_lang: str) -> PartnersIndex:
    """Return the view of the partners index."""
    return partners_index(state, partial(address, state, config), ui_lang)


def for_translations(state: SiteState, config: MkDocsConfig, ui_lang: str) -> TranslationsView:
    """Return the view of the translations page."""
    return translations_view(state, partial(address, state, config), ui_lang)


def shown_workshops(state: SiteState, lang: str) -> list[Workshop]:
    """Return the workshop each page of a language shows: its translation, else its original."""
    found = (state.translations(slug).get(lang) or state.project.original(slug)
             for slug in sorted(state.project.workshops))
    return [workshop for workshop in found if workshop is not None]


def page_title(state: SiteState, path: str, lang: str, site_name: str) -> tuple[str, str]:
    """Return a generated page's section label and title in a language."""
    if path == PARTNERS:
        return text(lang, "Partners"), text(lang, "Partners")
    if path.startswith(f"{PARTNERS}/"):
        partner = state.partner(path.split("/", 1)[1])
        return text(lang, "Partners"), partner.name if partner else path
    if path == TRANSLATIONS:
        return text(lang, "Translations"), text(lang, "Translations")
    return text(lang, "Workshops"), site_name


def cards(state: SiteState, lang: str, site_name: str, paths: list[str]) -> dict[str, Card]:
    """Return the cards of a language's generated pages and workshops, and its videos' posters."""
    names = state.settings.site_names
    found = {social.page_card_path(path, lang): social.page_card(*page_title(state, path, lang,
                                                                              site_name), site_name)
             for path in paths}
    for workshop in shown_workshops(state, lang):
        own = names.get(workshop.lang, site_name)
        found[social.workshop_card_path(workshop)] = social.workshop_card(workshop, own)
        if workshop.meta.video:
            found[social.poster_path(workshop)] = social.poster(workshop)
    return found


def for_social(state: SiteState, config: MkDocsConfig, file: File, page_url: str, lang: str,
               workshop: Workshop | None) -> social.Social | None:
    """Return the sharing tags of a workshop or generated page, None for any other page."""
    site_name, site_url = config.site_name, config.site_url or ""
    description = config.site_description or ""
    languages = site_languages(state)
    if workshop is not None:
        meta = workshop.meta
        return social.social(meta.title, meta.summary or meta.subtitle or description, page_url,
                             social.workshop_card_path(workshop), lang, languages, site_name,
                             site_url, "article")
    path = generated_path(file)
    if path is None:
        return None
    ui = words(lang)
    intros = {PARTNERS: ui["partners_intro"], TRANSLATIONS: ui["translations_intro"]}
    _, title = page_title(state, path, lang, site_name)
    return social.social(title, intros.get(path.split("/")[0], description), page_url,
                         social.page_card_path(path, lang), lang, languages, site_name, site_url)
