"""Partners: the organisations that run a workshop at home.

They run it in their own theme, with their own local sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import SourcePos


@dataclass(frozen=True)
class Session:
    """A partner's local session of one workshop: when, where and who facilitates."""

    workshop: str
    date: str
    pos: SourcePos
    start: str | None = None
    venue: str = ""
    facilitators: tuple[str, ...] = ()
    registration: str = ""
    language: str = ""  # the language it is held in; empty: every language the partner runs


@dataclass(frozen=True)
class Partner:
    """A partner organisation as declared in the project settings."""

    slug: str
    name: str
    theme: str
    languages: tuple[str, ...]
    pos: SourcePos
    contact_name: str = ""
    contact_email: str = ""
    sessions: tuple[Session, ...] = ()
    workshops: tuple[str, ...] = ()   # the workshops it runs; empty: all of them
    theme_pos: SourcePos | None = None  # where its theme is named, for messages about the theme
    # Workshops it holds a session of that exist in none of its languages: it gets them in this
    # language (the site's default) instead, and the documents say so.
    fallback: tuple[tuple[str, str], ...] = ()

    def languages_for(self, slug: str) -> tuple[str, ...]:
        """Return the languages the partner runs a workshop in (its own, or a fallback)."""
        return tuple(lang for s, lang in self.fallback if s == slug) or self.languages

    def runs(self, slug: str, lang: str) -> bool:
        """Return whether the partner runs a workshop in a language."""
        return lang in self.languages_for(slug) and (not self.workshops or slug in self.workshops)

    def session(self, slug: str, lang: str) -> Session | None:
        """Return the partner's local session of a workshop in a language, if it has one."""
        if lang not in self.languages_for(slug):
            return None
        fallen = any(s == slug for s, _ in self.fallback)
        return next((s for s in self.sessions
                     if s.workshop == slug and (fallen or s.language in ("", lang))), None)

    def is_fallback(self, slug: str, lang: str) -> bool:
        """Return whether the partner gets a workshop in a language it does not work in."""
        return (slug, lang) in self.fallback
