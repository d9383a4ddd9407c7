"""The agenda's part of a deck: the agenda table, breaks, dividers and progress markers."""

from __future__ import annotations

from dataclasses import replace

from ..i18n import N_, text
from ..model import Activity, Run, Section, Table, Workshop, walk
from ..resolve import Slot
from .layout import TABLE_SIZES, TablePart, table_parts
from .specs import AgendaSlide, BreakSlide, Deck, DividerSlide, SlideSpec
from .template import Geometry

AGENDA_ROWS = 14          # an agenda of up to this many items stays on one slide
AGENDA_GAP = 24.0         # between the two halves of an agenda set in two columns
AGENDA_REACH = 16.0       # how far below the body an agenda may run (still above the footer)


class AgendaSlides:
    """The slides a planner makes from the agenda on the clock (mixed into the Planner)."""

    workshop: Workshop
    lang: str
    geo: Geometry
    slots: tuple[Slot, ...]
    deck: Deck

    def add(self, spec: SlideSpec) -> None:
        """Add a slide to the deck."""
        self.deck.slides.append(spec)

    def sequence(self) -> list[Section | Slot]:
        """Return sections in order, with breaks and the dividers of long blocks where they fall."""
        before: dict[int, list[Slot]] = {}
        pending: list[Slot] = []
        for slot in self.slots:
            if slot.sections:
                first = self.workshop.sections.index(slot.sections[0])
                divider = [slot] if self.divides(slot) else []
                before.setdefault(first, []).extend(pending + divider)
                pending = []
            elif slot.is_break:
                pending.append(slot)
        out: list[Section | Slot] = []
        for index, section in enumerate(self.workshop.sections):
            out.extend(before.get(index, []))
            out.append(section)
        return out + pending

    def divides(self, slot: Slot) -> bool:
        """Return whether an agenda block opens with a divider: only one of several sections."""
        return len(slot.sections) > 1

    def add_agenda(self) -> None:
        """Add the agenda as a table with clock times: on one slide up to AGENDA_ROWS items."""
        minutes = text(self.lang, "min")
        rows = tuple((slot.start, slot.item.title, f"{slot.item.minutes} {minutes}")
                     for slot in self.slots)
        columns = (N_("Time"), N_("Item"), N_("Duration"))
        header = tuple((Run(text(self.lang, word)),) for word in columns)
        table = Table(header, tuple(tuple((Run(c),) for c in row) for row in rows),
                      ("left", "left", "right"), self.workshop.meta.agenda[0].pos)
        area = self.geo.body
        columns = self.agenda_columns(table) if len(rows) <= AGENDA_ROWS else None
        notes = self.agenda_notes()
        if columns is not None:
            self.add(AgendaSlide(title=text(self.lang, "Agenda"), tables=columns, notes=notes,
                                 pos=table.pos))
            return
        parts = table_parts(table, area.width, area.height, area.height, self.metrics)
        for number, part in enumerate(parts, 1):
            title = self.numbered(text(self.lang, "Agenda"), number, len(parts))
            self.add(AgendaSlide(title=title, tables=(part,), notes=notes, pos=table.pos))

    def agenda_columns(self, table: Table) -> tuple[TablePart, ...] | None:
        """Return a short agenda laid out on one slide: one table at a readable size, else two
        side by side, else one at a smaller size; None if it cannot stay on one slide."""
        body = self.geo.body
        area = replace(body, height=body.height + AGENDA_REACH)
        half = (area.width - AGENDA_GAP) / 2
        middle = -(-len(table.rows) // 2)
        halves = (replace(table, rows=table.rows[:middle]),
                  replace(table, rows=table.rows[middle:]))
        whole = [table_parts(table, area.width, area.height, area.height, self.metrics, (size,))
                 for size in TABLE_SIZES]
        for parts in whole[:-1]:  # one table at a readable size
            if len(parts) == 1:
                return tuple(parts)
        for size in TABLE_SIZES[:-1]:  # two tables side by side
            both = [table_parts(t, half, area.height, area.height, self.metrics, (size,))
                    for t in halves]
            if all(len(parts) == 1 for parts in both):
                return (both[0][0], both[1][0])
        if len(whole[-1]) == 1:  # one table at the smallest size
            return tuple(whole[-1])
        return None

    def agenda_notes(self) -> str:
        """Return the agenda slide's notes: who leads each item, where the agenda names leads."""
        leads = [f"{slot.start} {slot.item.title}: {slot.item.lead}" for slot in self.slots
                 if slot.item.lead]
        return "\n".join(leads)

    def add_slot(self, slot: Slot) -> None:
        """Add a divider for an agenda block of several sections, or a break slide."""
        minutes = f"{slot.item.minutes} {text(self.lang, 'min')}"
        if slot.is_break:
            back = text(self.lang, "Back at {time}", time=slot.end)
            self.add(BreakSlide(title=slot.item.title, subtitle=(f"{minutes} · {back}",),
                                notes=f"{slot.start}–{slot.end} · {minutes}", pos=slot.item.pos))
            return
        blocks = [s for s in self.slots if s.sections]
        counter = f"{blocks.index(slot) + 1:02d} / {len(blocks):02d}"
        self.add(DividerSlide(title=slot.item.title, section=slot.sections[0].anchor,
                              subtitle=(f"{slot.start}–{slot.end} · {minutes}", counter),
                              notes=self.slot_notes(slot), pos=slot.item.pos))

    def slot_notes(self, slot: Slot) -> str:
        """Return an agenda block's notes: its time, who leads it and its activities."""
        minutes = text(self.lang, "min")
        lines = [f"{slot.start}–{slot.end} · {slot.item.minutes} {minutes}"]
        if slot.item.lead:
            lines.append(f"{text(self.lang, 'Lead')}: {slot.item.lead}")
        for section in slot.sections:
            for block in walk(section.blocks):
                if isinstance(block, Activity):
                    lines.append(f"{text(self.lang, 'Activity')}: {block.title} "
                                 f"({block.minutes} {minutes})")
        return "\n".join(lines)

    def marker(self, section: Section) -> str:
        """Return the progress marker of a section's first slide ("03 / 11 · 09:40"), if its
        agenda block has no divider."""
        blocks = [s for s in self.slots if s.sections]
        for number, slot in enumerate(blocks, 1):
            if slot.sections[0] is section and not self.divides(slot):
                return f"{number:02d} / {len(blocks):02d}\n{slot.start}–{slot.end}"
        return ""

    @staticmethod
    def numbered(title: str, number: int, total: int) -> str:
        """Return a title with `(2/3)` when content runs over several slides."""
        return title if total == 1 else f"{title} ({number}/{total})"
