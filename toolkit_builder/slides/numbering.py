"""The deck's outline, read off its planned slides: where each section and activity lands."""

from __future__ import annotations

from ..outline import Outline, SlideRange
from ..resolve import Slot
from .specs import ActivitySlide, DividerSlide, SlideSpec


def outline_of(slides: list[SlideSpec], slots: tuple[Slot, ...]) -> Outline:
    """Return the outline of planned slides, numbered from 1, for the agenda on the clock."""
    sections = section_ranges(slides)
    return Outline(len(slides), sections, activity_slides(slides), agenda_ranges(slots, sections))


def section_ranges(slides: list[SlideSpec]) -> dict[str, SlideRange]:
    """Return each section's first and last slide number, its divider left out."""
    ranges: dict[str, SlideRange] = {}
    for number, spec in enumerate(slides, 1):
        if spec.section and not isinstance(spec, DividerSlide):
            first, _ = ranges.get(spec.section, (number, number))
            ranges[spec.section] = (first, number)
    return ranges


def activity_slides(slides: list[SlideSpec]) -> dict[int, int]:
    """Return the number of each activity's (first) slide, by the activity's source line."""
    numbers: dict[int, int] = {}
    for number, spec in enumerate(slides, 1):
        if isinstance(spec, ActivitySlide) and spec.pos is not None:
            numbers.setdefault(spec.pos.line, number)
    return numbers


def agenda_ranges(slots: tuple[Slot, ...],
                  sections: dict[str, SlideRange]) -> dict[int, SlideRange]:
    """Return, by agenda item index, the slides of the sections its slot covers (breaks: none)."""
    ranges: dict[int, SlideRange] = {}
    for index, slot in enumerate(slots):
        covered = [sections[s.anchor] for s in slot.sections if s.anchor in sections]
        if covered:
            ranges[index] = (min(r[0] for r in covered), max(r[1] for r in covered))
    return ranges
