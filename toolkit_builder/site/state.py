"""What one site build knows: the project (loaded once per change), the theme, the build
language."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings, load_settings
from ..errors import ToolkitError
from ..model import Workshop
from ..partners import Partner
from ..project import Project, load_project
from ..theme import Theme, load_theme

_CACHE: dict[tuple, Project] = {}
log = logging.getLogger("mkdocs.plugins.toolkit")


@dataclass
class Mode:
    """How MkDocs runs, kept here because the hooks module may be loaded afresh per config."""

    serving: bool = False   # `serve`: the pages show the sources' findings


MODE = Mode()


def sources_key(settings: Settings) -> tuple:
    """Return a key that changes whenever a workshop source changes."""
    stamps = []
    for path in sorted(settings.docs_dir.glob("*/index*.md")):
        stat = path.stat()
        stamps.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return (settings.root.as_posix(), tuple(stamps))


def hand_over(project: Project) -> None:
    """Give the hooks the project the pipeline has read, so that a build reads it only once."""
    _CACHE.clear()
    _CACHE[sources_key(project.settings)] = project


def cached_project(settings: Settings) -> Project:
    """Return the project, read again only when a source changed (each language build reuses it)."""
    key = sources_key(settings)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_project(settings.root)
    return _CACHE[key]


@dataclass
class SiteState:
    """The project, theme and settings of the site being built."""

    settings: Settings
    project: Project
    theme: Theme
    logos: dict[str, Path | None] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        """Return the site's default language."""
        return self.settings.default_language

    def workshop_for(self, abs_src_path: str | None) -> Workshop | None:
        """Return the workshop read from a page's source file, or None for other pages."""
        if not abs_src_path:
            return None
        try:
            rel = Path(abs_src_path).resolve().relative_to(self.settings.root).as_posix()
        except ValueError:
            return None
        return next((w for w in self.project.all() if w.source.path == rel), None)

    def translations(self, slug: str) -> dict[str, Workshop]:
        """Return a workshop's versions by language."""
        return self.project.workshops.get(slug, {})

    def partner(self, slug: str) -> Partner | None:
        """Return a partner by its slug, or None."""
        return next((p for p in self.project.partners if p.slug == slug), None)

    def partner_logo(self, partner: Partner) -> Path | None:
        """Return the SVG logo of a partner's theme, or None (a broken theme was reported when the
        project loaded)."""
        if partner.slug not in self.logos:
            try:
                logo = load_theme(self.settings.themes_dir, partner.theme).logo
            except ToolkitError:
                logo = None
            self.logos[partner.slug] = logo if logo and logo.suffix.lower() == ".svg" else None
        return self.logos[partner.slug]


def load_state(config_file: str) -> SiteState:
    """Return the state of the project whose mkdocs.yml is `config_file`."""
    try:
        settings = load_settings(Path(config_file).resolve().parent)
        project = cached_project(settings)
        theme = load_theme(settings.themes_dir, settings.theme)
    except ToolkitError as exc:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(exc)) from None
    if project.reporter.errors:
        # `build.py build` stops on errors; a plain `mkdocs serve` shows the pages, and says why
        # some look bare.
        log.warning(f"{len(project.reporter.errors)} error(s) in the workshop sources: "
                    "run './build.py check'")
    return SiteState(settings, project, theme)
