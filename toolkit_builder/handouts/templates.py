"""The theme's Jinja2 templates for the handouts.

A partner theme overrides any of them by file name.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from ..theme import Theme
from .html import keep_units


@functools.lru_cache(maxsize=8)
def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    """Return a Jinja2 environment that looks in each theme folder's handout/ in turn (cached)."""
    loader = jinja2.FileSystemLoader([str(folder / "handout") for folder in folders])
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["units"] = keep_units  # "6 min" never breaks between the number and the unit
    return env


def render_html(theme: Theme, kind: str, values: dict) -> str:
    """Return the final HTML of one document from the theme's `<kind>.html.j2`."""
    env = environment(tuple(theme.folders or (theme.folder,)))
    return env.get_template(f"{kind}.html.j2").render(**values)
