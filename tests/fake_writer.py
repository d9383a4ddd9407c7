"""A writer for a kind that exists only in tests.

It proves that the registry is the one place kinds live.
"""

from toolkit_builder.writers import Rendered


def render_poster(workshop, context):
    """Return a tiny stand-in document naming the workshop."""
    return Rendered(f"%PDF-poster {workshop.slug} {workshop.lang}".encode())
