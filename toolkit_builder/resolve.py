"""Facts derived from a workshop before any writer runs: clock times, agenda ↔ sections."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import AgendaItem, Section, Workshop
from .vocabulary import words


@dataclass(frozen=True)
class Slot:
    """An agenda item placed on the clock, with the sections it covers."""

    item: AgendaItem
    start: str
    end: str
    sections: tuple[Section, ...]

    @property
    def is_break(self) -> bool:
        """Return whether the item is a break, which needs no section."""
        return is_break(self.item.title)


def normalise(title: str) -> str:
    """Return a title folded for matching: case, accents, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKD", title.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", folded).strip()


def is_break(title: str) -> bool:
    """Return whether an agenda item is a break."""
    return normalise(title) in {normalise(word) for word in words("breaks")}


def clock(start: str | None, minutes: int) -> str:
    """Return the clock time `minutes` after `start` (09:00 if unset), as HH:MM."""
    hours, mins = (int(part) for part in (start or "09:00").split(":"))
    total = (hours * 60 + mins + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def section_for(item: AgendaItem, sections: tuple[Section, ...]) -> int | None:
    """Return the index of the section an agenda item names, or None."""
    wanted = normalise(item.title)
    for index, section in enumerate(sections):
        if normalise(section.title) == wanted:
            return index
    return None


def schedule(workshop: Workshop, start: str | None = None) -> tuple[Slot, ...]:
    """Return the agenda on the clock from `start` (the workshop's own if unset); each item covers
    sections up to the next named one."""
    agenda, start = workshop.meta.agenda, start or workshop.meta.start
    starts = [section_for(item, workshop.sections) for item in agenda]
    slots, elapsed = [], 0
    for index, item in enumerate(agenda):
        begin = starts[index]
        later = [s for s in starts[index + 1:] if s is not None and begin is not None and s > begin]
        end = later[0] if later else len(workshop.sections)
        covered = workshop.sections[begin:end] if begin is not None else ()
        slots.append(Slot(item, clock(start, elapsed), clock(start, elapsed + item.minutes),
                          tuple(covered)))
        elapsed += item.minutes
    return tuple(slots)


def image_files(workshop: Workshop) -> list[Path]:
    """Return the workshop's image files, each followed by its editable source if one sits beside
    it (diagram.svg beside diagram.png), so that a translator gets the words to change."""
    out: dict[Path, None] = {}
    for image in workshop.images:
        if image.path is None or not image.path.is_file():
            continue
        out[image.path] = None
        source = image.path.with_suffix(".svg")
        if source != image.path and source.is_file() and not source.is_symlink():
            out[source] = None
    return list(out)
