"""How the slide planner takes each block class of the model: as slide text, notes, or laid out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..errors import UnhandledBlockError
from ..model import (
    Activity,
    Block,
    Code,
    Heading,
    Image,
    ListBlock,
    Material,
    Notes,
    Only,
    Paragraph,
    Quote,
    Run,
    Table,
    plain,
)
from .layout import Para
from .measure import CONTROLS


@dataclass(frozen=True)
class BlockHandler:
    """How the planner takes one block class."""

    text: Callable[[Any], list[Para]]     # the block's own text as slide paragraphs
    notes: Callable[[Any], list[Para]]    # what it adds to the speaker notes
    shown: Callable[[Any], list[Block]]   # the blocks a slide shows for it


# A short prompt to the room: "Quick poll: who has …?" (a label of up to three words, a question).
PROMPT = re.compile(r"([^\W\d][\w'’-]*(?: [\w'’-]+){0,2}):\s+(\S.*\?)\s*", re.DOTALL)


# A label the author set in bold: "**Round of names:** your name, …".
LABEL = re.compile(r"[^\W\d][\w'’-]*(?: [\w'’-]+){0,3}:")
UNIT = re.compile(r"(\d) (min|h|%)(?=\W|$)")   # "5 min": the number keeps its unit on its line


def _paragraph_paras(block: Paragraph) -> list[Para]:
    """Return a paragraph as a slide paragraph; a short prompt to the room gets its own style."""
    runs = glued(block.runs)
    first = runs[0] if runs else None
    if first is not None and first.strong and len(runs) > 1 and LABEL.fullmatch(first.text.strip()):
        return [Para(runs, style="prompt")]
    found = PROMPT.fullmatch(first.text) if len(runs) == 1 and not first.code else None
    if found is None:
        return [Para(runs)]
    label = Run(f"{found.group(1)}:", strong=True)
    return [Para((label, replace(first, text=f" {found.group(2)}")), style="prompt")]


def glued(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Return runs with a no-break space between a number and its unit ("5\u00a0min")."""
    return tuple(replace(run, text=UNIT.sub("\\1\u00a0\\2", CONTROLS.sub(" ", run.text)))
                 if not run.code else run for run in runs)


def _list_paras(block: ListBlock) -> list[Para]:
    """Return a list's items as paragraphs, numbered per level."""
    out, counters = [], {}
    for item in block.items:
        counters[item.level] = counters.get(item.level, 0) + 1
        for deeper in [level for level in counters if level > item.level]:
            del counters[deeper]
        style = "numbered" if item.ordered else "bullet"
        out.append(Para(glued(item.runs), item.level, style, counters[item.level]))
    return out


def _none(block: Any) -> list:
    """Return nothing: the block has no part in this (laid out on its own, or not on slides)."""
    return []


def _itself(block: Block) -> list[Block]:
    """Return the block, which slides show as it is."""
    return [block]


def _only_for_slides(block: Only) -> list[Block]:
    """Return the blocks a slides-only block shows; none of a handout-only one."""
    return for_slides(block.blocks) if block.target == "slides" else []


# Every block class of the model, and how it reaches a deck: tables, images and activities are laid
# out by the Planner, notes go to the notes pane; a class missing here raises UnhandledBlockError.
BLOCK_HANDLERS: dict[type, BlockHandler] = {
    Paragraph: BlockHandler(_paragraph_paras, _none, _itself),
    Heading: BlockHandler(lambda b: [Para(b.runs, style="heading")], _none, _itself),
    ListBlock: BlockHandler(_list_paras, _none, _itself),
    Quote: BlockHandler(lambda b: [Para(p, style="quote") for p in b.paragraphs], _none, _itself),
    Code: BlockHandler(lambda b: [Para((Run(line or " ", code=True),), style="code")
                                  for line in b.text.split("\n")], _none, _itself),
    Table: BlockHandler(_none, _none, _itself),
    Image: BlockHandler(_none, _none, _itself),
    Activity: BlockHandler(_none, _none, _itself),
    # Cards and worksheets are printed (the activity materials PDF), not projected; the activity's
    # slide lists them among its materials.
    Material: BlockHandler(_none, _none, _none),
    Notes: BlockHandler(_none, lambda b: paras_of(b.blocks), _none),
    Only: BlockHandler(_none, _none, _only_for_slides),
}


def handler(block: Block) -> BlockHandler:
    """Return the planner's handler for a block; raise UnhandledBlockError for an unknown class."""
    found = BLOCK_HANDLERS.get(type(block))
    if found is None:
        raise UnhandledBlockError("slide planner", block)
    return found


def paras_of(blocks: tuple[Block, ...] | list[Block]) -> list[Para]:
    """Return the slide paragraphs of the text blocks among some blocks."""
    return [para for block in blocks for para in handler(block).text(block)]


def notes_text(blocks: tuple[Block, ...]) -> str:
    """Return the facilitator notes among some blocks as plain text for the notes pane."""
    lines = []
    for para in (para for block in blocks for para in handler(block).notes(block)):
        bullet = {"bullet": "• ", "numbered": f"{para.number}. "}.get(para.style, "")
        lines.append("    " * para.level + bullet + plain(para.runs))
    return "\n".join(lines)


def for_slides(blocks: tuple[Block, ...]) -> list[Block]:
    """Return blocks as the slides see them: slides-only content in, handout-only and notes out."""
    return [shown for block in blocks for shown in handler(block).shown(block)]
