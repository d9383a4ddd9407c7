"""The deck's outline: which slide each section, activity and agenda item lands on.

Computed once per workshop and theme from the slide planner, before the writers run, and handed
to every writer that prints slide numbers (the facilitator guide), so that no writer imports
another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SlideRange = tuple[int, int]


@dataclass(frozen=True)
class Outline:
    """Slide numbers (1-based, inclusive ranges) of a planned deck."""

    slides: int = 0
    sections: dict[str, SlideRange] = field(default_factory=dict)  # by section anchor
    activities: dict[int, int] = field(default_factory=dict)  # by the activity's source line
    agenda: dict[int, SlideRange] = field(default_factory=dict)  # by agenda item index

    def label(self, ranges: list[SlideRange]) -> str:
        """Return '5–7' (or '5') for the slides the ranges cover together; '' for none."""
        if not ranges:
            return ""
        first, last = min(r[0] for r in ranges), max(r[1] for r in ranges)
        return f"{first}–{last}" if last > first else str(first)
