"""The preparation checklist, derived from the workshop's activities and notes.

Both the facilitator guide and the bundle's README print it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .i18n import text
from .model import Activity, ListBlock, Paragraph, Workshop, plain, walk
from .resolve import normalise
from .vocabulary import words

# How alike a materials entry and a material's title must read to be the same thing.
SIMILAR = 0.6
STEM = 4          # letters two forms of a word share at least (card, cards; Karte, Karten)
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


def notes_texts(workshop: Workshop) -> list[str]:
    """Return the text of every paragraph and list item of the facilitator notes."""
    texts = []
    for section in workshop.sections:
        for block in walk(section.notes):
            if isinstance(block, Paragraph):
                texts.append(plain(block.runs))
            elif isinstance(block, ListBlock):
                texts.extend(plain(item.runs) for item in block.items)
    return texts


def mentions(workshop: Workshop, words: tuple[str, ...]) -> bool:
    """Return whether any activity material or facilitator note mentions one of the words."""
    haystack = [m for a in workshop.activities for m in a.materials] + notes_texts(workshop)
    lowered = " ".join(haystack).casefold()
    return any(word in lowered for word in words)


def mentions_video(workshop: Workshop) -> bool:
    """Return whether an agenda item, a section title or a facilitator note shows the video."""
    pattern = re.compile("|".join(re.escape(w) for w in words("video")), re.IGNORECASE)
    texts = [item.title for item in workshop.meta.agenda] + [s.title for s in workshop.sections]
    return any(pattern.search(text) for text in texts + notes_texts(workshop))


def matches(entry: str, title: str) -> bool:
    """Return whether a materials entry names a material: one contains the other, they read alike,
    or every longer word of the entry starts like a word of the title ("case cards" names
    "Case card: the carpenter")."""
    a, b = normalise(entry), normalise(title)
    if a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR:
        return True
    stems = {word[:STEM] for word in b.split()}
    longer = [word for word in a.split() if len(word) >= STEM]
    return bool(longer) and all(word[:STEM] in stems for word in longer)


def printouts(lang: str) -> tuple[Item, ...]:
    """Return the generated documents to print before the session, and how many."""
    each, one = text(lang, "1 per participant"), text(lang, "1 copy")
    return (Item(text(lang, "Participant handout"), each),
            Item(text(lang, "Feedback form"), each),
            Item(text(lang, "Facilitator guide"), text(lang, "1 per facilitator")),
            Item(text(lang, "Sign-in sheet"), one),
            Item(text(lang, "Name badges and table tents"), each),
            Item(text(lang, "Certificate of attendance"), each))


def printed_materials(workshop: Workshop) -> tuple[Item, ...]:
    """Return the activity materials to print (from the activity materials PDF), with quantities."""
    return tuple(Item(f"{m.title} ({m.paper})", m.quantity,
                      tuple(a.title for a in owners(workshop, m)))
                 for m in workshop.materials)


def owners(workshop: Workshop, material) -> tuple[Activity, ...]:
    """Return the activity a material belongs to: the last one before it in its section."""
    for section in workshop.sections:
        last = None
        for block in walk(section.blocks):
            if isinstance(block, Activity):
                last = block
            elif block is material:
                return (last,) if last else ()
    return ()


def equipment(workshop: Workshop) -> tuple[Item, ...]:
    """Return the room and equipment the session needs."""
    lang = workshop.lang
    items = [Item(text(lang, "Projector, screen and a laptop with the slide deck")),
             Item(text(lang, "Name badges and a list of participants"))]
    if workshop.meta.video and mentions_video(workshop):  # sound and a connection only if shown
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
    titles = [m.title for m in workshop.materials]
    others = tuple(item for item in activity_materials(workshop.activities, skip)
                   if not any(matches(item.name, title) for title in titles))
    groups = [Group(text(lang, "Documents to print"), printed),
              Group(text(lang, "Activity materials to print"), printed_materials(workshop)),
              Group(text(lang, "Materials for the activities"), others),
              Group(text(lang, "Room and equipment"), equipment(workshop))]
    return tuple(group for group in groups if group.items)

