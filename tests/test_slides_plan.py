"""The slide planner: every block class and slide kind handled, and the outline it gives."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import get_args

import pytest
from conftest import ROOT

from toolkit_builder.model import Block, Notes, Only, SourcePos
from toolkit_builder.pipeline import make_context
from toolkit_builder.project import load_project
from toolkit_builder.resolve import normalise
from toolkit_builder.slides.emit import WRITERS, Emitter, UnhandledSpecError
from toolkit_builder.slides.plan import BLOCK_HANDLERS, UnhandledBlockError, deck_outline, plan_deck
from toolkit_builder.slides.specs import (
    ActivitySlide,
    BreakSlide,
    DividerSlide,
    SlideBase,
    SlideSpec,
)


@dataclass(frozen=True)
class Mystery:
    """A block class the model does not have (yet)."""

    text: str
    pos: SourcePos


@pytest.fixture(scope="module")
def sample():
    """The responsive-training workshop in English and a build context."""
    project = load_project(ROOT)
    return project.workshops["responsive-training"]["en"], make_context(project)


def with_block(workshop, block):
    """Return a workshop whose first section's first slide ends with one more block."""
    section = workshop.sections[0]
    first = replace(section.slides[0], blocks=section.slides[0].blocks + (block,))
    section = replace(section, slides=(first,) + section.slides[1:])
    return replace(workshop, sections=(section,) + workshop.sections[1:])


@pytest.mark.parametrize("cls", get_args(Block), ids=lambda cls: cls.__name__)
def test_every_block_class_has_a_handler(cls):
    assert cls in BLOCK_HANDLERS


def test_an_unknown_block_class_stops_the_planner_naming_it(sample):
    workshop, context = sample
    pos = SourcePos("workshops/responsive-training/index.md", 42)
    for block in (Mystery("?", pos), Notes((Mystery("?", pos),), pos),
                  Only("slides", (Mystery("?", pos),), pos)):
        with pytest.raises(UnhandledBlockError, match=r"index\.md:42: .*Mystery") as raised:
            plan_deck(with_block(workshop, block), context)
        assert isinstance(raised.value, TypeError)


def test_every_slide_kind_has_a_writer_and_an_unknown_one_is_refused(sample):
    assert set(WRITERS) == set(get_args(SlideSpec))
    assert len({cls.kind for cls in get_args(SlideSpec)}) == len(get_args(SlideSpec))

    @dataclass(frozen=True, kw_only=True)
    class Odd(SlideBase):
        kind = "odd"

    with pytest.raises(UnhandledSpecError, match="Odd"):
        Emitter(*sample).write(Odd(title="?"))


def test_spec_types_carry_only_their_own_fields():
    names = {cls: {f.name for f in fields(cls)} for cls in get_args(SlideSpec)}
    assert "minutes" not in names[BreakSlide] and "paras" not in names[DividerSlide]
    assert {"minutes", "materials", "paras"} <= names[ActivitySlide]


def test_outline_agrees_with_the_planned_deck(sample):
    workshop, context = sample
    slides = plan_deck(workshop, context).slides
    outline = deck_outline(workshop, context)
    assert outline.slides == len(slides)
    for section in workshop.sections:
        first, last = outline.sections[section.anchor]
        inside = [s for s in slides[first - 1:last] if not isinstance(s, DividerSlide)]
        assert inside and all(s.section == section.anchor for s in inside)
        assert all(s.section != section.anchor or isinstance(s, DividerSlide)
                   for s in slides[:first - 1] + slides[last:])
    assert sorted(outline.activities) == sorted(a.pos.line for a in workshop.activities)
    for activity in workshop.activities:
        spec = slides[outline.activities[activity.pos.line] - 1]
        assert isinstance(spec, ActivitySlide) and spec.title in (activity.title,
                                                                  f"{activity.title} (1/2)",
                                                                  f"{activity.title} (1/3)")


def test_outline_gives_each_agenda_item_the_slides_of_its_sections(sample):
    workshop, context = sample
    slides = plan_deck(workshop, context).slides
    outline = deck_outline(workshop, context)
    assert set(outline.agenda) == set(range(len(workshop.meta.agenda)))
    # The run of show covers every slide once: 09:30 opens on slide 1, the last item closes.
    spans = sorted(outline.agenda.values())
    assert spans[0][0] == 1 and spans[-1][1] == len(slides)
    assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for index, (first, last) in outline.agenda.items():
        item = workshop.meta.agenda[index]
        shown = slides[first - 1:last]
        if item.title == "Break":
            assert [s.kind for s in shown] == ["break"]
            continue
        covered = {s.section for s in shown if s.section}
        named = [s for s in workshop.sections if s.anchor in covered]
        assert named and normalise(named[0].title) == normalise(item.title), item.title
