"""The artifact writers, by kind: each is `render(workshop, context) -> Rendered`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

from .diagnostics import Diagnostic
from .model import Workshop
from .theme import Theme

# kind -> "module:function". Each function is pure: the same workshop and context give the same bytes.
WRITERS: dict[str, str] = {
    "slides": "toolkit_builder.slides:render",
    "handout": "toolkit_builder.handouts:render_handout",
    "facilitator-guide": "toolkit_builder.handouts:render_facilitator_guide",
    "feedback-form": "toolkit_builder.handouts:render_feedback_form",
}

# Checks a writer can make without writing anything (e.g. slides that must be split); run by `check`.
CHECKERS: dict[str, str] = {
    "slides": "toolkit_builder.slides:check",
}


@dataclass(frozen=True)
class Context:
    """Everything a writer needs besides the workshop; picklable for worker processes."""

    theme: Theme
    site_url: str
    default_language: str
    languages: dict = field(default_factory=dict)
    partner: str = ""
    translations: tuple[str, ...] = ()

    def page_url(self, workshop: Workshop) -> str:
        """Return the absolute address of a workshop's page on the site."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else ""
        prefix = "" if workshop.lang == self.default_language else f"{workshop.lang}/"
        return f"{base}{prefix}{workshop.slug}/"


@dataclass(frozen=True)
class Rendered:
    """A writer's output: the file's bytes and what it noticed on the way."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


def load(dotted: str) -> Callable:
    """Return the function named by `module:function`."""
    module, name = dotted.split(":")
    return getattr(importlib.import_module(module), name)
