"""Read every workshop and translation of a project and check them as a whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from .checks import check_translation, check_workshop
from .config import Settings, load_settings
from .diagnostics import Reporter
from .glyphs import check_glyphs, glyph_fonts
from .model import SourcePos, Workshop
from .modelcache import Entry, ModelCache, collector_paused
from .partners import Partner
from .partners_file import load_partners
from .processes import map_in_workers
from .reader import html_of, markdown_for, read_workshop
from .sources import SourceFile, check_slugs, discover, read_text
from .theme import Theme, check_theme, theme_names
from .translations import check_catalogues, check_stale, last_changes


@dataclass
class Project:
    """Every workshop of a project, by slug and language, with the findings of reading them."""

    settings: Settings
    workshops: dict[str, dict[str, Workshop]] = field(default_factory=dict)
    reporter: Reporter = field(default_factory=Reporter)
    files: int = 0
    theme: Theme | None = None
    partners: tuple[Partner, ...] = ()

    def all(self) -> list[Workshop]:
        """Return every workshop file in slug and language order (default language first)."""
        out = []
        default = self.settings.default_language
        for slug in sorted(self.workshops):
            langs = self.workshops[slug]
            order = sorted(langs, key=lambda lang: (lang != default, lang))
            out.extend(langs[lang] for lang in order)
        return out

    def original(self, slug: str) -> Workshop | None:
        """Return a workshop in the default language, or its first language."""
        langs = self.workshops.get(slug, {})
        return langs.get(self.settings.default_language) or next(iter(langs.values()), None)


def load_project(root: Path, only: set[str] | None = None, cached: bool = True,
                 after: After | None = None) -> Project:
    """Return the project in `root` with every workshop read (or taken from .cache/models/ when
    unchanged) and checked (`after`: more work on each model read afresh)."""
    settings = load_settings(root)
    project = Project(settings)
    reporter = project.reporter
    project.theme, found = check_theme(settings.themes_dir, settings.theme, settings.root)
    for item in found:
        reporter.add(item.level, item.pos, item.message, item.code)
    if not settings.docs_dir.is_dir():
        reporter.error(SourcePos("mkdocs.yml"),
                       f"docs_dir '{settings.docs_dir.name}' does not exist", "config.docs")
        return project
    check_slugs(settings.docs_dir, root, reporter)
    models = ModelCache(settings.root / ".cache" / "models" if cached else None)
    sources = [s for s in discover(settings.docs_dir, settings.root)
               if not only or s.slug in only]
    project.files = len(sources)
    originals: dict[str, Workshop] = {}
    for source, (workshop, findings) in zip(sources, read_all(sources, settings, project.theme,
                                                              models, after), strict=True):
        for item in findings:
            reporter.add(item.level, item.pos, item.message, item.code)
        if workshop is None:
            continue
        langs = project.workshops.setdefault(source.slug, {})
        if workshop.lang in langs:
            reporter.error(workshop.source, f"language '{workshop.lang}' of '{source.slug}' "
                           f"is already given by {langs[workshop.lang].source.path}",
                           "source.duplicate-language")
            continue
        langs[workshop.lang] = workshop
        if source.lang is None:
            originals[source.slug] = workshop
    changes = last_changes([w.source.path for langs in project.workshops.values()
                            for w in langs.values()], settings.root)
    for slug, langs in project.workshops.items():
        original = originals.get(slug)
        if original is None:
            for workshop in langs.values():
                folder = Path(workshop.source.path).parent.as_posix()
                reporter.error(workshop.source, f"a translation without its original: add "
                               f"{folder}/index.md (the original says its language with "
                               f"`language:`), or rename this file index.md if it is the original",
                               "source.no-original")
        for workshop in langs.values():
            if original is not None and workshop is not original:
                check_translation(original, workshop, reporter)
                check_stale(original, workshop, changes, reporter)
    check_catalogues(settings.languages, settings.root, reporter)
    project.partners = tuple(with_fallbacks(p, project, reporter)
                             for p in read_partners(settings, reporter))
    return project


# Run on each model read afresh, in the process that read it, with the settings and theme
# (`check` runs the writers' checks there, so that they too use every core).
After = Callable[[Workshop, Settings, "Theme | None"], None]


def read_file(source: SourceFile, settings: Settings, theme: Theme | None,
              after: After | None = None) -> Entry:
    """Return a workshop file's model and every finding that needs only the file and its folder:
    reading it, its images and links, its HTML, its characters against the theme's fonts."""
    md = markdown_for(settings)
    found = Reporter()
    workshop = read_workshop(source, settings, found, md)
    if workshop is not None:
        text = read_text(source.path, source.rel, Reporter()) if theme else None
        if text:
            check_glyphs(text, source.rel, theme, found)
        check_workshop(workshop, found, partial(html_of, md))
        if after is not None:
            after(workshop, settings, theme)
    return workshop, list(found.items)


def read_all(sources: list[SourceFile], settings: Settings, theme: Theme | None,
             models: ModelCache, after: After | None = None) -> list[Entry]:
    """Return the model and findings of every file: from the cache, else read (in parallel worker
    processes when there are many: a cold check of a large project then uses every core)."""
    extra = glyph_fonts(theme)
    keys = [models.key(source, settings, extra) for source in sources]
    with collector_paused():
        entries = [models.get(key) for key in keys]
    todo = [i for i, entry in enumerate(entries) if entry is None]
    read = partial(read_file, settings=settings, theme=theme, after=after)
    with collector_paused():
        fresh = map_in_workers(read, [sources[i] for i in todo])
    for i, entry in zip(todo, fresh, strict=True):
        models.put(keys[i], entry)
        entries[i] = entry
    return entries


def with_fallbacks(partner: Partner, project: Project, reporter: Reporter) -> Partner:
    """Return the partner with fallback languages for its sessions.

    A session of a workshop in none of the partner's languages falls back to the default
    language (or the workshop's first).
    """
    default, fallback = project.settings.default_language, []
    for session in partner.sessions:
        langs = project.workshops.get(session.workshop, {})
        if not langs or any(lang in langs for lang in partner.languages):
            continue
        lang = default if default in langs else sorted(langs)[0]
        fallback.append((session.workshop, lang))
        reporter.warning(session.pos, f"'{session.workshop}' exists in none of {partner.slug}'s "
                         f"languages ({', '.join(partner.languages)}): "
                         f"its toolkit is made in '{lang}' and says so", "partners.fallback")
    return replace(partner, fallback=tuple(fallback)) if fallback else partner


def read_partners(settings: Settings, reporter: Reporter) -> tuple[Partner, ...]:
    """Return the project's partners.

    The problems of partners.yml and of the partners' themes are reported.
    """
    themes = settings.themes_dir
    known = {"workshops": sorted({s.slug for s in discover(settings.docs_dir, settings.root)}),
             "themes": theme_names(themes),
             "languages": sorted(settings.languages)}
    partners = load_partners(settings.root, known, reporter)
    for partner in partners:
        theme, found = check_theme(themes, partner.theme, settings.root)
        for item in found:
            reporter.add(item.level, item.pos, item.message, item.code)
        if theme is not None and not (theme.logo and theme.logo.is_relative_to(theme.folder)):
            reporter.error(partner.theme_pos,
                           f"partner theme '{partner.theme}' has no logo of its own: "
                           f"add one to themes/{partner.theme}/ "
                           "and name it in its theme.yml (`logo:`)", "partners.logo")
    return partners
