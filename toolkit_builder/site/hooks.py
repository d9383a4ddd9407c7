"""MkDocs hooks (mkdocs.yml `hooks:`): the thin layer between MkDocs and the toolkit builder.

Events used, in build order: startup (is this `serve`?), config (state, templates, branding),
pre_build (keep the artifacts a clean build would wipe), files (home, partner and translations
pages, branding, logos, cards and artifact files), nav (one entry per workshop, then the partners
index and the translations page), env (escaping), page_markdown (page description), template_context
and post_template (the 404 page of each language), page_content (notes, activities, slides-/handout-
only boxes, slide breaks, images, then the HTML sanitiser), page_context (the views the templates
show), post_page (language roots, search per language, the serve banner), post_build (split the
search index; sitemaps and 404 pages), serve (watch themes/ too). mkdocs-static-i18n runs a whole
build per language, so every event but startup and serve runs once per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from toolkit_builder.artifacts import Artifact
from toolkit_builder.model import Workshop
from toolkit_builder.sanitise import clean
from toolkit_builder.site import (
    branding,
    cards,
    downloads,
    footer,
    pages,
    problems,
    search,
    sitemaps,
)
from toolkit_builder.site.content import finish_body, split_intro
from toolkit_builder.site.state import MODE, SiteState, load_state
from toolkit_builder.site.words import words

OVERRIDES = Path(__file__).resolve().parent / "overrides"


@dataclass
class _Build:
    """What the hooks remember between events (MkDocs loads this module afresh with each config)."""

    state: SiteState | None = None
    # A stack: mkdocs-static-i18n runs each further language's build inside the first one's
    # post_build.
    languages: list[str] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    artifacts_dir: Path | None = None
    copy_artifacts: bool = False
    files: Files | None = None
    pages: dict[str, set[str]] = field(default_factory=dict)    # each language's page addresses
    not_found: dict[str, str] = field(default_factory=dict)     # each language's 404 page


BUILD = _Build()
NOT_FOUND = "404.html"


def language(config: MkDocsConfig) -> str:
    """Return the language being built (mkdocs-static-i18n sets the theme's language per build)."""
    return str(config.theme.get("language") or "en")


def check_languages(config: MkDocsConfig, state: SiteState) -> None:
    """Fail when the i18n plugin's languages differ from extra.toolkit.languages."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return
    built = {lang.locale: lang.default for lang in plugin.config.languages if lang.build}
    wanted = set(state.settings.languages)
    if set(built) != wanted or not built.get(state.default_language):
        raise PluginError(f"mkdocs.yml: the i18n plugin builds {sorted(built)} but "
                          f"extra.toolkit.languages lists {sorted(wanted)} (default "
                          f"{state.default_language}): list each language in both")


def add_branding(config: MkDocsConfig, state: SiteState) -> None:
    """Point the theme at the toolkit's templates, CSS, scripts, logo and favicon."""
    dirs = [str(folder / "overrides") for folder in state.theme.folders
            if (folder / "overrides").is_dir()]
    for folder in reversed([*dirs, str(OVERRIDES)]):
        if folder not in config.theme.dirs:
            config.theme.dirs.insert(0, folder)
    for name in (f"{branding.ASSETS}/{name}" for name in ("theme.css", *branding.STYLES)):
        if name not in config.extra_css:
            config.extra_css.append(name)
    script = f"{branding.ASSETS}/toolkit.js"
    if script not in [str(item) for item in config.extra_javascript]:
        config.extra_javascript.append(script)
    if state.theme.logo:
        config.theme["logo"] = f"{branding.ASSETS}/{state.theme.logo.name}"
    if state.theme.favicon:
        config.theme["favicon"] = f"{branding.ASSETS}/{state.theme.favicon.name}"


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `serve`: only its pages show the sources' findings."""
    MODE.serving = command == "serve"


@event_priority(-110)  # after mkdocs-static-i18n has set this build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the project and theme; install templates and branding."""
    if BUILD.state is None or not BUILD.languages:
        BUILD.state = load_state(config.config_file_path)
        check_languages(config, BUILD.state)
        BUILD.pages, BUILD.not_found = {}, {}
    BUILD.languages.append(language(config))
    add_branding(config, BUILD.state)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Find the artifacts to list; keep them aside when this build is about to wipe site/."""
    if len(BUILD.languages) > 1:
        return
    given = (config.extra.get("toolkit") or {}).get("manifest")
    if given:
        BUILD.artifacts_dir, BUILD.copy_artifacts = Path(given).parent, False
        BUILD.artifacts = downloads.existing(Path(given).parent, Path(given))
        return
    real = BUILD.state.settings.site_dir
    folder = real
    if Path(config.site_dir).resolve() == real.resolve():
        folder = downloads.keep(real, BUILD.state.settings.root / downloads.KEEP_DIR)
    BUILD.artifacts_dir, BUILD.copy_artifacts = folder, True
    BUILD.artifacts = downloads.existing(folder)


def _from_path(config: MkDocsConfig, uri: str, path: Path) -> File:
    """Return a file copied as it is from an absolute path outside docs_dir to `uri` in the site."""
    return File.generated(config, uri, abs_src_path=str(path))


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, branding files, logos, cards and (for plain mkdocs) artifacts."""
    lang, state = BUILD.languages[-1], BUILD.state
    generated = [pages.home_file(config, lang, state.default_language),
                 *pages.partner_files(config, state, lang),
                 pages.translations_file(config, state, lang)]
    for file in generated:
        files.append(file)
    for uri, path in {**branding.files(state.theme), **pages.logo_files(state)}.items():
        files.append(_from_path(config, uri, path))
    files.append(File.generated(config, f"{branding.ASSETS}/theme.css",
                                content=branding.theme_css(state.theme)))
    paths = [pages.generated_path(file) for file in generated]
    for uri, card in pages.cards(state, lang, config.site_name, paths).items():
        data = cards.cached_png(card, state.theme, state.settings.root)
        files.append(File.generated(config, uri, content=data))
    if BUILD.copy_artifacts and lang == state.default_language and BUILD.artifacts:
        files.append(_from_path(config, "manifest.json", BUILD.artifacts_dir / "manifest.json"))
        for artifact in BUILD.artifacts:
            files.append(_from_path(config, artifact.path, BUILD.artifacts_dir / artifact.path))
    BUILD.files = files
    BUILD.pages[lang] = {file.url.removeprefix("./") for file in files.documentation_pages()}
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """List the workshops by title, then the partners index and the translations page.

    A folder holding one page becomes that page.
    """
    nav.items = pages.generated_last([pages.flatten(item) for item in nav.items])
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    """Escape every value the toolkit's own templates print (material's print HTML as it is)."""
    env.autoescape = pages.escapes
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Describe the page by its summary; keep the subtitle out of the navigation.

    Also escape what material prints.
    """
    summary = page.meta.pop("subtitle", None) and page.meta.get("summary")
    if summary and "description" not in page.meta:
        page.meta["description"] = " ".join(str(summary).split())
    pages.escape_meta(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Shape a workshop's boxes, slide breaks and images; keep only safe HTML (sanitise.clean)."""
    workshop = BUILD.state.workshop_for(page.file.abs_src_path)
    return clean(finish_body(html, workshop) if workshop else html)


def page_footer(config: MkDocsConfig, lang: str, home: str, workshop: Workshop | None = None):
    """Return the footer of a page in a language: a workshop's licence, else the one all share."""
    state = BUILD.state
    theme = state.theme
    licence = workshop.meta.licence if workshop else footer.common_licence(
        [w.meta.licence for w in state.project.all()])
    logo = f"{branding.ASSETS}/{theme.funder_logo.name}" if theme.funder_logo else ""
    return footer.footer(lang, config.site_name, home, config.extra.get("toolkit") or {}, licence,
                         (theme.funder_text(lang), logo), footer.sources_date(state.settings.root))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Give the templates the page's view (workshop, catalogue, generated page), footer, sharing."""
    lang, state, artifacts = BUILD.languages[-1], BUILD.state, BUILD.artifacts
    workshop = state.workshop_for(page.file.abs_src_path)
    partner = pages.partner_page(page.file)
    if workshop is not None:
        view = pages.for_workshop(state, config, workshop, lang, artifacts)
        intro, body = split_intro(page.content or "")
        context["toolkit_workshop"] = replace(view, intro=intro, body=body)
    elif pages.is_home(page.file):
        context["toolkit_catalogue"] = pages.for_home(state, config, BUILD.files, lang)
    elif pages.is_translations(page.file):
        context["toolkit_translations"] = pages.for_translations(state, config, lang)
    elif partner == "":
        context["toolkit_partners"] = pages.for_partners(state, config, lang)
    elif partner:
        context["toolkit_partner"] = pages.for_partner(state, config, partner, lang, artifacts)
    context["toolkit_footer"] = page_footer(config, lang, pages.home_address(state, lang), workshop)
    context["toolkit_social"] = pages.for_social(state, config, page.file, page.url, lang,
                                                 workshop)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Give a language's 404 page its words, its footer and a language menu of the homes."""
    if template_name != NOT_FOUND or BUILD.state is None or not BUILD.languages:
        return context
    lang, default = BUILD.languages[-1], BUILD.state.default_language
    base = sitemaps.base_path(config.site_url)
    home = base + sitemaps.prefix(lang, default)
    context["toolkit_not_found"] = {"ui": words(lang), "home": home}
    context["toolkit_footer"] = page_footer(config, lang, home)
    # mkdocs-static-i18n sets the language menu per page as an attribute (which wins over the item)
    shown = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    homes = [{**alt, "link": base + sitemaps.prefix(alt.get("lang"), default)} for alt in shown]
    config.extra["alternate"] = homes
    config.extra.alternate = homes
    return context


def finish_page(html: str, config: MkDocsConfig, lang: str) -> str:
    """Return a page with the language roots in its head, its language's search and the banner."""
    state = BUILD.state
    html = sitemaps.with_root_links(html, pages.site_languages(state), state.default_language,
                                    config.site_url)
    if lang != state.default_language:
        html = search.point_search_at(html, lang)
    if MODE.serving:
        html = problems.with_banner(html, state.project.reporter.sorted(), lang)
    return html


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep this language's 404 page (each language build writes the same 404.html)."""
    if template_name != NOT_FOUND or BUILD.state is None or not BUILD.languages:
        return output
    lang = BUILD.languages[-1]
    BUILD.not_found[lang] = finish_page(output, config, lang)
    return BUILD.not_found[lang]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Name the language roots in the head; point a non-default language's search at its index."""
    return finish_page(output, config, BUILD.languages[-1])


@event_priority(-200)  # after the search plugin and mkdocs-static-i18n have written the index
def on_post_build(config: MkDocsConfig) -> None:
    """Split the search index by language; after the last build, write sitemaps and 404 pages."""
    lang = BUILD.languages.pop()
    state = BUILD.state
    env = config.theme.get_env()
    site = Path(config.site_dir)
    if lang != state.default_language:
        search.split_language(site, lang, search.search_settings(env, lang))
    elif not BUILD.languages:
        others = [code for code in state.settings.languages if code != lang]
        search.keep_default(site, others, search.search_settings(env, lang))
        every = {code: BUILD.pages.get(code, set()) for code in pages.site_languages(state)}
        sitemaps.write_sitemaps(site, config.site_url, every, lang,
                                footer.sources_date(state.settings.root))
        sitemaps.write_not_found(site, BUILD.not_found, lang)


def on_serve(server, config: MkDocsConfig, builder):
    """Also rebuild when a theme file or one of the site's templates changes."""
    server.watch(str(BUILD.state.settings.themes_dir))
    # the site's own templates and assets (not its Python code)
    for folder in (OVERRIDES, branding.STATIC):
        server.watch(str(folder))
    return server
