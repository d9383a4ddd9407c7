"""Template variables of materials documents (being written)."""

from __future__ import annotations

from ..model import Workshop
from ..writers import Context
from .common import base


def activity_materials(workshop: Workshop, context: Context) -> dict:
    """Return the template variables of the activity materials."""
    return base(workshop, context, "activity-materials")
