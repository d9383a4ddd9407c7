"""The deck's outline, read off its planned slides: where each section and activity lands."""

from __future__ import annotations

from ..outline import Outline, SlideRange
from ..resolve import Slot
from .specs import ActivitySlide, BreakSlide, DividerSlide, SlideSpec


def outline_of(slides: list[SlideSpec], slots: tuple[Slot, ...]) -> Outline:
    """Return the outline of planned slides, numbered from 1, for the agenda on the clock."""
    sections = section_ranges(slides)
    return Outline(len(slides), sections, activity_slides(slides),
                   agenda_ranges(slides, slots, sections))


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


def agenda_ranges(slides: list[SlideSpec], slots: tuple[Slot, ...],
                  sections: dict[str, SlideRange]) -> dict[int, SlideRange]:
    """Return, by agenda item index, the slides shown during it: together they cover the whole
    deck, so the first item opens on slide 1 (title, agenda), a block on its divider, a break on
    its break slide, and the last item runs to the closing slide."""
    breaks = iter(n for n, spec in enumerate(slides, 1) if isinstance(spec, BreakSlide))
    dividers = {spec.section: n for n, spec in enumerate(slides, 1)
                if isinstance(spec, DividerSlide)}
    starts: list[tuple[int, int]] = []
    for index, slot in enumerate(slots):
        covered = [sections[s.anchor][0] for s in slot.sections if s.anchor in sections]
        if covered:
            opening = dividers.get(slot.sections[0].anchor)
            starts.append((min(covered + ([opening] if opening else [])), index))
        elif slot.is_break:
            number = next(breaks, None)
            if number is not None:
                starts.append((number, index))
    starts.sort()
    ranges: dict[int, SlideRange] = {}
    for k, (first, index) in enumerate(starts):
        last = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(slides)
        ranges[index] = (1 if k == 0 else first, last)
    return ranges
