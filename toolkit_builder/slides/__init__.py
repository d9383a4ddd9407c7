"""Slide decks: plan (pure, measured) then emit (python-pptx)."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model import Workshop
from ..writers import Context, Rendered


def render(workshop: Workshop, context: Context) -> Rendered:
    """Return a workshop's deck as .pptx bytes, with the planner's warnings."""
    from .emit import emit_deck
    from .plan import plan_deck

    deck = plan_deck(workshop, context)
    return Rendered(emit_deck(deck, workshop, context), tuple(deck.diagnostics))


def check(workshop: Workshop, context: Context) -> list[Diagnostic]:
    """Return what planning the deck reports (content split over slides), without writing it."""
    from .plan import plan_deck

    return plan_deck(workshop, context).diagnostics
