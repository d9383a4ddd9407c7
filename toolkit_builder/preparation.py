"""The preparation checklist, derived from the workshop's activities and notes.

Both the facilitator guide and the bundle's README print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import text
from .model import Activity, ListBlock, Paragraph, Workshop, plain, walk
from .vocabulary import words

COUNT_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<count>[^()]*)\)\s*$")


@dataclass(frozen=True)
class Item:
    """One line of the checklist: what, how many, and what it is for."""

    name: str
    count: str = ""
    used_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """A titled group of checklist items."""

    title: str
    items: tuple[Item, ...]


def split_count(material: str) -> tuple[str, str]:
    """Return a material's name and its count: 'pens (1 per table)' → ('pens', '1 per table')."""
    match = COUNT_RE.match(material.strip())
    if match:
        return match.group("name").strip(), match.group("count").strip()
    return material.strip(), ""


def fold(name: str) -> str:
    """Return a material name folded for de-duplication."""
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def activity_materials(activities: tuple[Activity, ...], skip: set[str]) -> tuple[Item, ...]:
    """Return every material of the activities once.

    Each comes with its counts and the activities that need it.
    """
    merged: dict[str, Item] = {}
    for activity in activities:
        for material in activity.materials:
            name, count = split_count(material)
            key = fold(name)
            if not key or key in skip:
                continue
            old = merged.get(key, Item(name))
            counts = old.count if not count or count in old.count.split("; ") else "; ".join(
                c for c in (old.count, count) if c)
            used = old.used_in if activity.title in old.used_in else old.used_in + (activity.title,)
            merged[key] = Item(old.name, counts, used)
    return tuple(merged.values())


def mentions(workshop: Workshop, words: tuple[str, ...]) -> bool:
    """Return whether any activity material or facilitator note mentions one of the words."""
    haystack = [m for a in workshop.activities for m in a.materials]
    for section in workshop.sections:
        for block in walk(section.notes):
            if isinstance(block, Paragraph):
                haystack.append(plain(block.runs))
            elif isinstance(block, ListBlock):
                haystack.extend(plain(item.runs) for item in block.items)
    lowered = " ".join(haystack).casefold()
    return any(word in lowered for word in words)


def printouts(lang: str) -> tuple[Item, ...]:
    """Return the generated documents to print before the session."""
    return (Item(text(lang, "Participant handout"), text(lang, "1 per participant")),
            Item(text(lang, "Feedback form"), text(lang, "1 per participant")),
            Item(text(lang, "Facilitator guide"), text(lang, "1 per facilitator")))


def equipment(workshop: Workshop) -> tuple[Item, ...]:
    """Return the room and equipment the session needs."""
    lang = workshop.lang
    items = [Item(text(lang, "Projector, screen and a laptop with the slide deck")),
             Item(text(lang, "Name badges and a list of participants"))]
    if workshop.meta.video:
        items.append(Item(text(lang, "Sound and an internet connection to show the video")))
    if mentions(workshop, tuple(words("flipchart"))):
        items.append(Item(text(lang, "Flipchart stand with paper and marker pens")))
    if workshop.activities:
        items.append(Item(text(lang, "Tables arranged for group work")))
    return tuple(items)


def checklist(workshop: Workshop) -> tuple[Group, ...]:
    """Return the preparation checklist.

    It lists the documents to print, the activity materials, the room and the equipment.
    """
    lang = workshop.lang
    printed = printouts(lang)
    skip = {fold(item.name) for item in printed}
    groups = [Group(text(lang, "Documents to print"), printed),
              Group(text(lang, "Materials for the activities"),
                    activity_materials(workshop.activities, skip)),
              Group(text(lang, "Room and equipment"), equipment(workshop))]
    return tuple(group for group in groups if group.items)

