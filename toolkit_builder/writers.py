"""What every writer shares: the context it renders in and what it returns.

Which writer makes which kind is the registry's business (`kinds.py`); this module only holds the
writers' inputs and outputs, so that writers depend on it and never on each other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .model import Workshop
from .outline import Outline
from .partners import Partner, Session
from .theme import Theme


@dataclass(frozen=True)
class Context:
    """Everything a writer needs besides the workshop; picklable for worker processes."""

    theme: Theme
    site_url: str
    default_language: str
    languages: dict = field(default_factory=dict)
    partner: Partner | None = None
    brand: Theme | None = None        # the project's own theme when `theme` is a partner's
    outline: Outline | None = None    # the deck's slide numbers, for writers that print them
    site_names: dict = field(default_factory=dict)   # the project's name in each language
    markdown: str = ""                # the Markdown settings the models were read with (cache key)

    def project_name(self, lang: str) -> str:
        """Return the project's name in a language (the site's name), else its theme's name."""
        brand = self.brand or self.theme
        return self.site_names.get(lang) or brand.name

    def page_url(self, workshop: Workshop) -> str:
        """Return the absolute address of a workshop's page on the site."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else ""
        prefix = "" if workshop.lang == self.default_language else f"{workshop.lang}/"
        return f"{base}{prefix}{workshop.slug}/"

    def session(self, workshop: Workshop) -> Session | None:
        """Return the partner's local session of this workshop, if any."""
        return self.partner.session(workshop.slug, workshop.lang) if self.partner else None

    def fallback_note(self, workshop: Workshop) -> str:
        """Return why a partner's documents are not in its language, or '' when they are."""
        from .i18n import text

        partner = self.partner
        if partner is None or not partner.is_fallback(workshop.slug, workshop.lang):
            return ""
        names = ", ".join(self.languages.get(code, code) for code in partner.languages)
        return text(workshop.lang,
                    "Not yet translated into {languages}: this toolkit is in {language}.",
                    languages=names, language=self.languages.get(workshop.lang, workshop.lang))

    def start(self, workshop: Workshop) -> str | None:
        """Return when the session starts: the local session's start, else the workshop's."""
        session = self.session(workshop)
        return (session.start if session else None) or workshop.meta.start

    def facilitators(self, workshop: Workshop) -> tuple[str, ...]:
        """Return who facilitates: the local session's facilitators, else the workshop's."""
        session = self.session(workshop)
        return (session.facilitators if session else ()) or workshop.meta.facilitators


@dataclass(frozen=True)
class Rendered:
    """A writer's output: the file's bytes and what it noticed on the way."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


def load(dotted: str) -> Callable:
    """Return the function named by `module:function`."""
    module, name = dotted.split(":")
    return getattr(importlib.import_module(module), name)
