"""Template variables of the facilitator guide: run-of-show, checklist, notes, timed activities."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import text
from ..model import Activity, ListBlock, Section, Workshop, plain
from ..outline import Outline
from ..preparation import checklist
from ..resolve import Slot, clock
from ..writers import Context
from .common import base, options
from .html import Options, blocks_html, runs_html

# A step that says how long it takes, e.g. "Read your page to the table. (7 min)".
STEP_MINUTES_RE = re.compile(r"\((\d+)\s*min\.?\)\s*\.?\s*$")


@dataclass(frozen=True)
class Step:
    """A step of an activity with the clock time it should start."""

    time: str
    html: Markup


@dataclass(frozen=True)
class ActivityView:
    """An activity as the facilitator runs it."""

    title: str
    minutes: int
    start: str
    end: str
    intro: Markup
    steps: tuple[Step, ...]
    materials: tuple[str, ...]
    debrief: int  # minutes left in the agenda slot after the activity


@dataclass(frozen=True)
class SectionView:
    """A section as the guide prints it."""

    anchor: str
    title: str
    slot: Slot | None
    slides: str
    notes: Markup
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True)
class Row:
    """A line of the run-of-show."""

    start: str
    end: str
    title: str
    minutes: int
    is_break: bool
    slides: str
    materials: str


def minutes_of(time: str) -> int:
    """Return the minutes since midnight of an HH:MM clock time."""
    hours, mins = time.split(":")
    return int(hours) * 60 + int(mins)


def slot_of(slots: list[Slot]) -> dict[str, Slot]:
    """Return the agenda slot that covers each section, by anchor."""
    return {section.anchor: slot for slot in slots for section in slot.sections}


def activity_window(activity: Activity, section: Section, slot: Slot | None) -> tuple[str, str]:
    """Return when an activity runs.

    It starts with the slot if it opens the slot, else it ends with the slot.
    """
    if slot is None:
        return "", ""
    opens_slot = (slot.sections and slot.sections[0] is section
                  and activity in section.slides[0].blocks)
    slot_minutes = minutes_of(slot.end) - minutes_of(slot.start)
    if opens_slot or activity.minutes >= slot_minutes:
        return slot.start, clock(slot.start, activity.minutes)
    return clock(slot.end, -activity.minutes), slot.end


def step_offsets(steps: tuple, minutes: int) -> list[int]:
    """Return each step's start in minutes.

    The minutes come from '(3 min)' at the end of every step, or else are shared evenly.
    """
    written = [STEP_MINUTES_RE.search(plain(step.runs)) for step in steps]
    if steps and all(written):
        ends = list(itertools.accumulate(int(m.group(1)) for m in written))
        return [0] + ends[:-1]
    return [minutes * i // len(steps) for i in range(len(steps))]


def activity_view(activity: Activity, section: Section, slot: Slot | None,
                  opts: Options) -> ActivityView:
    """Return an activity with a suggested clock time for each step."""
    start, end = activity_window(activity, section, slot)
    steps = activity.steps
    offsets = step_offsets(steps, activity.minutes)
    timed = tuple(Step(clock(start, offset) if start else "", runs_html(step.runs, opts))
                  for offset, step in zip(offsets, steps, strict=True))
    rest = tuple(b for b in activity.blocks if not (isinstance(b, ListBlock) and b.ordered))
    debrief = minutes_of(slot.end) - minutes_of(end) if slot and end else 0
    return ActivityView(activity.title, activity.minutes, start, end, blocks_html(rest, opts),
                        timed, activity.materials, max(debrief, 0))


def section_views(workshop: Workshop, context: Context, slots: list[Slot],
                  outline: Outline | None) -> list[SectionView]:
    """Return each section with its time, slides, facilitator notes and timed activities."""
    opts = options(workshop, context, "guide")
    covering = slot_of(slots)
    views = []
    for section in workshop.sections:
        slot = covering.get(section.anchor)
        notes = Markup("").join(blocks_html(n.blocks, opts) for n in section.notes)
        acts = tuple(activity_view(a, section, slot, opts) for a in section.activities)
        span = outline.label([outline.sections[section.anchor]]) \
            if outline and section.anchor in outline.sections else ""
        views.append(SectionView(section.anchor, section.title, slot, span, notes, acts))
    return views


def run_of_show(slots: list[Slot], outline: Outline | None) -> list[Row]:
    """Return the run-of-show: clock times, items, durations, slides and materials."""
    rows = []
    for slot in slots:
        ranges = [outline.sections[s.anchor] for s in slot.sections
                  if outline and s.anchor in outline.sections]
        materials = [m for s in slot.sections for a in s.activities for m in a.materials]
        rows.append(Row(slot.start, slot.end, slot.item.title, slot.item.minutes, slot.is_break,
                        outline.label(ranges) if outline else "",
                        ", ".join(dict.fromkeys(materials))))
    return rows


def facilitator_guide(workshop: Workshop, context: Context) -> dict:
    """Return the facilitator guide's template variables."""
    values = base(workshop, context, "facilitator-guide")
    outline = context.outline
    slots = values["agenda"]
    values.update(
        run_of_show=run_of_show(slots, outline), has_slides=outline is not None,
        checklist=checklist(workshop), sections=section_views(workshop, context, slots, outline),
        end=clock(context.start(workshop), sum(i.minutes for i in workshop.meta.agenda)),
        start=context.start(workshop) or "09:00", minutes_word=text(workshop.lang, "min"),
    )
    return values
