"""Template variables of the facilitator guide.

Run-of-show, cue card, checklist, preparation timeline, notes and timed activities.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..formatting import weekday_date
from ..i18n import text
from ..model import Activity, ListBlock, Section, Workshop, plain
from ..outline import Outline
from ..preparation import Group, Item, checklist, fold
from ..resolve import Slot, clock
from ..writers import Context
from .common import base, options
from .html import Options, blocks_html, runs_html
from .timeline import timeline

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
    groups: str = ""
    room: str = ""


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
    lead: str = ""
    activity: bool = False  # the item runs an activity (the cue card marks it)


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
                        timed, activity.materials, max(debrief, 0), activity.groups, activity.room)


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
        views.append(SectionView(section.anchor, section.title, slot,
                                 section_slides(outline, slots, section), notes, acts))
    return views


def section_slides(outline: Outline | None, slots: list[Slot], section: Section) -> str:
    """Return a section's slides, from its agenda item's first if it opens it (as run-of-show)."""
    if outline is None or section.anchor not in outline.sections:
        return ""
    first, last = outline.sections[section.anchor]
    for index, slot in enumerate(slots):
        if slot.sections and slot.sections[0] is section and index in outline.agenda:
            first = min(first, outline.agenda[index][0])
    return outline.label([(first, last)])


def agenda_slides(outline: Outline | None, index: int) -> str:
    """Return the slides the deck's outline gives an agenda item ('' without any)."""
    span = outline.agenda.get(index) if outline else None
    return outline.label([span]) if outline and span else ""


def run_of_show(slots: list[Slot], outline: Outline | None) -> list[Row]:
    """Return the run-of-show: clock times, items, durations, slides, materials and leads."""
    rows = []
    for index, slot in enumerate(slots):
        activities = [a for s in slot.sections for a in s.activities]
        materials = [m for a in activities for m in a.materials]
        rows.append(Row(slot.start, slot.end, slot.item.title, slot.item.minutes, slot.is_break,
                        agenda_slides(outline, index), ", ".join(dict.fromkeys(materials)),
                        slot.item.lead, bool(activities)))
    return rows


def room_items(workshop: Workshop) -> tuple[Item, ...]:
    """Return one checklist line per room layout the activities ask for, with who needs it."""
    merged: dict[str, Item] = {}
    for activity in workshop.activities:
        if activity.room:
            old = merged.get(fold(activity.room), Item(activity.room))
            merged[fold(activity.room)] = Item(old.name, used_in=old.used_in + (activity.title,))
    return tuple(merged.values())


def checklist_view(workshop: Workshop) -> tuple[Group, ...]:
    """Return the preparation checklist with the activities' room layouts under the room."""
    groups, rooms = checklist(workshop), room_items(workshop)
    title = text(workshop.lang, "Room and equipment")
    if not rooms:
        return groups
    if not any(group.title == title for group in groups):
        return groups + (Group(title, rooms),)
    return tuple(Group(g.title, g.items + rooms) if g.title == title else g for g in groups)


def cue_date(workshop: Workshop, context: Context) -> str:
    """Return the local session's date with its weekday, or '' without a session."""
    session = context.session(workshop)
    return weekday_date(session.date, workshop.lang) if session else ""


def facilitator_guide(workshop: Workshop, context: Context) -> dict:
    """Return the facilitator guide's template variables."""
    values = base(workshop, context, "facilitator-guide")
    values["css"] = Markup(f"@page cue {{ size: {context.theme.page_size} landscape; }}\n") \
        + values["css"]
    outline, slots, groups = context.outline, values["agenda"], checklist_view(workshop)
    rows = run_of_show(slots, outline)
    values.update(
        run_of_show=rows, has_slides=outline is not None,
        few_materials=sum(1 for row in rows if row.materials) * 2 <= len(rows),
        has_leads=any(item.lead for item in workshop.meta.agenda), checklist=groups,
        timeline=timeline(workshop, context, groups),
        cue_date=cue_date(workshop, context),
        sections=section_views(workshop, context, slots, outline),
        end=clock(context.start(workshop), sum(i.minutes for i in workshop.meta.agenda)),
        start=context.start(workshop) or "09:00", minutes_word=text(workshop.lang, "min"),
    )
    return values
