"""Pages the hooks add or enrich: the generated home page and the views the templates receive."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..artifacts import Artifact
from ..i18n import text
from ..model import Workshop
from .state import SiteState
from .views import Catalogue, Version, WorkshopView, card, catalogue, workshop_view

HOME_SRC = "index.md"


def home_file(config: MkDocsConfig, lang: str, default: str) -> File:
    """Return the generated catalogue page of a language: / for the default one, /<lang>/ otherwise."""
    src = HOME_SRC if lang == default else f"index.{lang}.md"
    dest = "index.html" if lang == default else f"{lang}/index.html"
    file = File(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                dest_uri=dest)
    title = text(lang, "workshops").replace('"', "'")
    file.content_string = f'---\ntitle: "{title}"\nhide: [navigation, toc]\nsearch:\n  exclude: true\n---\n'
    # mkdocs-static-i18n reads these on every page: this page is its language's own home.
    file.locale, file.localization, file.locale_alternate_of = lang, None, lang
    file.alternates = {lang: file}
    return file


def is_home(file: File) -> bool:
    """Return whether a page is a generated catalogue page."""
    return file.src_dir is None and file.src_uri.startswith("index") and file.src_uri.endswith(".md")


def flatten(item):
    """Return a navigation item, a section that holds a single page being replaced by that page."""
    children = getattr(item, "children", None)
    if children and len(children) == 1 and not getattr(children[0], "children", None):
        page = children[0]
        page.parent = None
        return page
    return item


def page_url(files: Files, slug: str) -> str:
    """Return the address, in this language build, of a workshop's page."""
    for file in files.documentation_pages():
        if file.src_uri.split("/")[0] == slug:
            return file.url
    return f"{slug}/"


def version_url(state: SiteState, config: MkDocsConfig, slug: str, lang: str) -> str:
    """Return the address of a workshop's page in a language."""
    prefix = "" if lang == state.default_language else f"{lang}/"
    return f"{prefix}{slug}/" if config.use_directory_urls else f"{prefix}{slug}/index.html"


def versions(state: SiteState, config: MkDocsConfig, workshop: Workshop) -> tuple[Version, ...]:
    """Return the languages a workshop exists in, in the site's language order."""
    langs = state.translations(workshop.slug)
    return tuple(Version(lang, name, version_url(state, config, workshop.slug, lang), lang == workshop.lang)
                 for lang, name in state.settings.languages.items() if lang in langs)


def for_workshop(state: SiteState, config: MkDocsConfig, workshop: Workshop, ui_lang: str,
                 artifacts: list[Artifact]) -> WorkshopView:
    """Return the view of a workshop page."""
    return workshop_view(workshop, ui_lang, versions(state, config, workshop), artifacts)


def for_home(state: SiteState, files: Files, ui_lang: str) -> Catalogue:
    """Return the catalogue of a language: each workshop in that language, or in its original one."""
    cards = []
    names = state.settings.languages
    for slug in sorted(state.project.workshops):
        langs = state.translations(slug)
        shown = langs.get(ui_lang) or state.project.original(slug)
        if shown is None:
            continue
        available = tuple(names.get(lang, lang) for lang in names if lang in langs)
        cards.append(card(shown, page_url(files, slug), available, ui_lang))
    return catalogue(cards, ui_lang)
