"""The facilitator guide's preparation timeline: two weeks before, the day before, the day, after.

Each step gets its calendar date when the partner holds a local session with a date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..formatting import human_date, parse_date, weekday_date
from ..i18n import text
from ..model import Workshop
from ..preparation import Group
from ..writers import Context

# Days from the session to each step, and to the deadline of the session report.
TWO_WEEKS, DAY_BEFORE, REPORT_DAYS = -14, -1, 14


@dataclass(frozen=True)
class Task:
    """A task of the timeline, with the things it lists (materials, room layouts)."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """A step of the timeline: when, its date ('' without a session) and its tasks."""

    label: str
    date: str
    tasks: tuple[Task, ...]


def session_day(workshop: Workshop, context: Context) -> datetime.date | None:
    """Return the day of the partner's local session, or None without a dated one."""
    session = context.session(workshop)
    parsed = parse_date(session.date) if session else None
    return parsed[0] if parsed and parsed[1] == "day" else None


def shifted(day: datetime.date | None, days: int) -> str:
    """Return a day moved by some days as an ISO date, or '' without a day."""
    return (day + datetime.timedelta(days=days)).isoformat() if day else ""


def step_date(day: datetime.date | None, days: int, lang: str) -> str:
    """Return the date of a step with its weekday, or '' without a session day."""
    return weekday_date(shifted(day, days), lang) if day else ""


def room_lines(workshop: Workshop) -> tuple[str, ...]:
    """Return each activity's room layout: 'An apprentice's week: tables for four'."""
    return tuple(f"{a.title}: {a.room}" for a in workshop.activities if a.room)


def material_lines(groups: tuple[Group, ...], lang: str) -> tuple[str, ...]:
    """Return the activity materials of the checklist with their quantities."""
    skip = {text(lang, "Documents to print"), text(lang, "Room and equipment")}
    return tuple(f"{item.name} ({item.count})" if item.count else item.name
                 for group in groups if group.title not in skip for item in group.items)


def two_weeks_before(workshop: Workshop) -> tuple[Task, ...]:
    """Return what to do two weeks before: invite, book, check the video."""
    lang, video = workshop.lang, workshop.meta.video
    tasks = [Task(text(lang, "Invite the participants and send them the needs questionnaire")),
             Task(text(lang, "Book the room and the equipment (see the preparation checklist)"))]
    if video:
        tasks.append(Task(text(lang, "Check that the video link works: {url}", url=video)))
    return tuple(tasks)


def day_before(workshop: Workshop, groups: tuple[Group, ...]) -> tuple[Task, ...]:
    """Return what to do the day before: print, then test the slides and the video."""
    lang = workshop.lang
    tasks = [Task(text(lang, "Print a participant handout and a feedback form per participant, "
                             "and the sign-in sheet"))]
    materials = material_lines(groups, lang)
    if materials:
        tasks.append(Task(text(lang, "Print and gather the activity materials:"), materials))
    tasks.append(Task(text(lang, "Test the slides on the projector you will use")))
    if workshop.meta.video:
        tasks.append(Task(text(lang, "Play the video once, with sound")))
    return tuple(tasks)


def on_the_day(workshop: Workshop) -> tuple[Task, ...]:
    """Return what to do on the day: set up the room, lay out the sign-in sheet and badges."""
    lang, rooms = workshop.lang, room_lines(workshop)
    setup = (Task(text(lang, "Set up the room for the activities:"), rooms) if rooms
             else Task(text(lang, "Set up the room and arrange the tables for group work"))
             if workshop.activities else Task(text(lang, "Set up the room")))
    return (setup, Task(text(lang, "Lay out the sign-in sheet and the name badges")))


def after(workshop: Workshop) -> tuple[Task, ...]:
    """Return what to do after the session: collect, report."""
    lang = workshop.lang
    return (Task(text(lang, "Collect the feedback forms and the sign-in sheet")),
            Task(text(lang, "Fill in the session report and send it to the project team "
                            "within two weeks")))


def timeline(workshop: Workshop, context: Context, groups: tuple[Group, ...]) -> list[Step]:
    """Return the preparation timeline, dated when the partner has a local session."""
    lang, day = workshop.lang, session_day(workshop, context)
    deadline = text(lang, "by {date}", date=human_date(shifted(day, REPORT_DAYS), lang)) \
        if day else ""
    return [Step(text(lang, "Two weeks before"), step_date(day, TWO_WEEKS, lang),
                 two_weeks_before(workshop)),
            Step(text(lang, "The day before"), step_date(day, DAY_BEFORE, lang),
                 day_before(workshop, groups)),
            Step(text(lang, "On the day"), step_date(day, 0, lang), on_the_day(workshop)),
            Step(text(lang, "After the session"), deadline, after(workshop))]
