"""Checks a facilitator trips over: materials with nothing to print, activities that overrun their
agenda item, a video nobody shows."""

from __future__ import annotations

from .diagnostics import Reporter
from .model import Workshop
from .preparation import matches, mentions_video, split_count
from .resolve import normalise, schedule
from .vocabulary import words


def check_consistency(workshop: Workshop, reporter: Reporter) -> None:
    """Report every inconsistency of one workshop."""
    check_materials(workshop, reporter)
    check_activity_minutes(workshop, reporter)
    check_video(workshop, reporter)


def is_printed(entry: str) -> bool:
    """Return whether a materials entry names something printed (a card, worksheet, canvas)."""
    folded = f" {normalise(entry)} "
    return any(f" {normalise(word)} " in folded for word in words("material_forms"))


def check_materials(workshop: Workshop, reporter: Reporter) -> None:
    """Warn about materials entries that name a card or worksheet no `!!! material` gives."""
    titles = [m.title for m in workshop.materials]
    for activity in workshop.activities:
        for entry in activity.materials:
            name = split_count(entry)[0]
            if is_printed(name) and not any(matches(name, title) for title in titles):
                reporter.warning(activity.pos, f"activity '{activity.title}' needs '{name}', but "
                                 f'no `!!! material "{name} (A4 worksheet, …)"` gives it: write '
                                 "it, so that the activity materials PDF prints it",
                                 "materials.missing")


def check_activity_minutes(workshop: Workshop, reporter: Reporter) -> None:
    """Warn when an activity's minutes differ from those of the agenda item named after it, or when
    the activities of an agenda item need more time than it has."""
    for slot in schedule(workshop):
        activities = [a for s in slot.sections for a in s.activities]
        total = sum(a.minutes for a in activities)
        for activity in activities:
            own = matches(activity.title, slot.item.title)
            if (own and activity.minutes != slot.item.minutes) or total > slot.item.minutes:
                reporter.warning(activity.pos, f"activity '{activity.title}' takes "
                                 f"{activity.minutes} min but its agenda item '{slot.item.title}' "
                                 f"has {slot.item.minutes} min", "activity.minutes")


def check_video(workshop: Workshop, reporter: Reporter) -> None:
    """Warn about a workshop with a video that no agenda item or note shows."""
    if workshop.meta.video and not mentions_video(workshop):
        reporter.warning(workshop.source, "the workshop has a video but no agenda item, section or "
                         "facilitator note shows it: say when to play it (or drop `video:`)",
                         "video.unused")
