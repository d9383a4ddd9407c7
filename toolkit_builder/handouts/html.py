"""Model blocks → HTML fragments for the handouts; pure, escaped, no Markdown involved."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup, escape

from ..errors import UnhandledBlockError
from ..model import (
    Activity,
    Block,
    Code,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Material,
    Notes,
    Only,
    Paragraph,
    Quote,
    Run,
    Runs,
    Table,
)
from .locations import workshop_url

# How many ruled lines a worksheet offers for writing; enough for a few sentences per step.
WORKSHEET_LINES = 9
# The fewest ruled lines a worksheet keeps on a page when the page ends among them.
MIN_LINES = 6
# Tables of at most this many rows never split across pages.
SHORT_TABLE_ROWS = 6
# A number and the unit after it stay on one line: the space between becomes a no-break space.
UNIT_SPACE_RE = re.compile(r"(?<=\d) (?=%|(?:min|minutes?|minutt(?:er)?|minutos?|h|hours?|timer?"
                           r"|horas?|mm|cm|m|km)\b)")
NBSP = "\u00a0"


@dataclass(frozen=True)
class Options:
    """How blocks are written for one document."""

    audience: str                 # "handout" or "guide": which Only and Notes blocks are kept
    folder: Path = Path(".")      # the workshop folder, against which image addresses are made
    page_url: str = ""            # absolute address of the workshop page, for relative links
    footnotes: bool = True        # print link targets as footnotes (paper cannot click)
    worksheet_label: str = "Activity"
    notes_label: str = "Your notes"
    minutes_label: str = "min"
    material_label: str = "Activity material"
    notes_title: str = "Facilitator notes"
    forms: dict = field(default_factory=dict)   # material forms (card, …) in its language
    cuts: dict = field(default_factory=dict)    # worksheets cut at a page end (cut_worksheets)


def link_target(href: str, page_url: str) -> str:
    """Return an address a reader can type.

    Absolute links stay as they are; relative ones point at the site.
    """
    if "://" in href or href.startswith("mailto:"):
        return href
    return urljoin(page_url, href) if page_url.startswith(("http://", "https://")) else href


def keep_units(words: str) -> str:
    """Return text with a no-break space between each number and the unit after it."""
    return UNIT_SPACE_RE.sub(NBSP, words)


def run_html(run: Run, opts: Options) -> Markup:
    """Return one inline run as HTML (a number and its unit kept on one line)."""
    out = escape(keep_units(run.text))
    if run.code:
        out = Markup("<code>%s</code>") % out
    if run.emphasis:
        out = Markup("<em>%s</em>") % out
    if run.strong:
        out = Markup("<strong>%s</strong>") % out
    if run.href:
        target = link_target(run.href, opts.page_url)
        out = Markup('<a href="%s">%s</a>') % (target, out) if "://" in target else out
        if opts.footnotes and target.rstrip("/") != run.text.rstrip("/"):
            out += Markup('<span class="url-note">%s</span>') % target
    return out


def runs_html(runs: Runs, opts: Options) -> Markup:
    """Return inline runs as HTML."""
    return Markup("").join(run_html(run, opts) for run in runs)


def list_html(items: tuple[ListItem, ...], opts: Options) -> Markup:
    """Return a flattened list (items with levels) as nested <ul>/<ol> elements."""
    parts: list[str] = []
    open_tags: list[str] = []
    for item in items:
        while len(open_tags) > item.level + 1:
            parts.append(f"</li></{open_tags.pop()}>")
        if len(open_tags) == item.level + 1:
            parts.append("</li>")
        while len(open_tags) < item.level + 1:
            tag = "ol" if item.ordered else "ul"
            if len(open_tags) < item.level:  # a skipped level still needs an item to hold it
                parts.append(f"<{tag}><li>")
            else:
                parts.append(f"<{tag}>")
            open_tags.append(tag)
        parts.append(f"<li>{runs_html(item.runs, opts)}")
    while open_tags:
        parts.append(f"</li></{open_tags.pop()}>")
    return Markup("".join(parts))


def table_html(table: Table, opts: Options) -> Markup:
    """Return a table whose header row repeats on every page it spans."""
    def cell(tag: str, runs: Runs, index: int) -> str:
        align = table.align[index] if index < len(table.align) else ""
        style = f' style="text-align: {align}"' if align in ("left", "center", "right") else ""
        return f"<{tag}{style}>{runs_html(runs, opts)}</{tag}>"

    head = "".join(cell("th", runs, i) for i, runs in enumerate(table.header))
    body = "".join("<tr>" + "".join(cell("td", runs, i) for i, runs in enumerate(row)) + "</tr>"
                   for row in table.rows)
    short = " short" if len(table.rows) <= SHORT_TABLE_ROWS else ""
    return Markup(f'<table class="content{short}"><thead><tr>{head}</tr></thead>'
                  f'<tbody>{body}</tbody></table>')


def image_html(image: Image, opts: Options) -> Markup:
    """Return a figure; the alt text is kept for the tagged PDF, the title becomes a caption."""
    if image.path is None:
        return Markup("")
    width = escape(image.width) if image.width else "auto"
    caption = Markup("<figcaption>%s</figcaption>") % image.title if image.title else Markup("")
    return Markup('<figure><img src="%s" alt="%s" style="width: %s">%s</figure>') % (
        workshop_url(opts.folder, image.path), image.alt, width, caption)


def ruled_lines(count: int, ids: str = "") -> Markup:
    """Return ruled lines to write on (ids `<ids>-<n>` if given), hidden from screen readers."""
    lines = Markup("").join(Markup('<span class="line" id="%s-%d"></span>') % (ids, n) if ids
                            else Markup('<span class="line"></span>') for n in range(count))
    return Markup('<div class="ruled" aria-hidden="true">%s</div>') % lines


def worksheet_id(activity: Activity) -> str:
    """Return the id of an activity's worksheet: from its source line, stable between drafts."""
    return f"ktw-worksheet-{activity.pos.line}"


def worksheet_box(anchor: str, kicker: str, title: str, inner: Markup, lines: int,
                  opts: Options, classes: str = "worksheet") -> Markup:
    """Return one worksheet frame: kicker, title, instructions, then `lines` ruled lines."""
    room = Markup('<p class="write-label">%s</p>%s') % (
        opts.notes_label, ruled_lines(lines, anchor)) if lines else Markup("")
    return Markup(
        '<section class="%s" id="%s"><div class="worksheet-start"><p class="kicker">%s</p>'
        '<h3 class="worksheet-title">%s</h3>%s</div>%s</section>') % (
        classes, anchor, kicker, title, inner, room)


def worksheet_html(activity: Activity, opts: Options) -> Markup:
    """Return an activity as a worksheet: what to do, then ruled space to write.

    The instructions stay together. Where a draft put the page end among the ruled lines, the
    writer cuts the worksheet (opts.cuts): its lines that fit if they are enough, else its
    instructions and then, in a new frame under its title (…), the room to write.
    """
    anchor = worksheet_id(activity)
    kicker = f"{opts.worksheet_label} · {activity.minutes}\u00a0{opts.minutes_label}"
    inner = blocks_html(activity.blocks, opts)
    fit = opts.cuts.get(anchor)
    if fit is None or fit >= MIN_LINES:
        return worksheet_box(anchor, kicker, activity.title, inner, fit or WORKSHEET_LINES, opts)
    return worksheet_box(anchor, kicker, activity.title, inner, 0, opts) + worksheet_box(
        f"{anchor}-on", kicker, f"{activity.title} (…)", Markup(""), WORKSHEET_LINES, opts,
        "worksheet continued")


def cut_worksheets(pages: list[set[str]], cuts: dict) -> dict | None:
    """Return the cuts and the first worksheet whose ruled lines run over a page, or None."""
    # pages: the anchors on each page; a cut: how many lines fit on the page the worksheet starts.
    def page_of(anchor: str) -> int | None:
        """Return the index of the first page that holds an anchor."""
        return next((index for index, page in enumerate(pages) if anchor in page), None)

    starts = sorted({(page_of(a), a) for page in pages for a in page
                     if a.startswith("ktw-worksheet-") and a.count("-") == 2 and a not in cuts})
    for start, anchor in starts:
        lines = [page_of(f"{anchor}-{n}") for n in range(WORKSHEET_LINES)]
        if None not in lines and lines[-1] != start:
            return {**cuts, anchor: lines.count(start)}
    return None


def material_html(material: Material, opts: Options) -> Markup:
    """Return a line naming a material for the facilitator (the materials PDF prints it whole)."""
    if opts.audience != "guide":
        return Markup("")
    form = opts.forms.get(material.form, material.form)
    detail = ", ".join(x for x in (f"{material.paper} {form}", material.quantity) if x)
    return Markup('<p class="material-ref"><strong>%s:</strong> %s (%s)</p>') % (
        opts.material_label, material.title, detail)


def paragraph_html(block: Paragraph, opts: Options) -> Markup:
    """Return a paragraph."""
    return Markup("<p>%s</p>") % runs_html(block.runs, opts)


def heading_html(block: Heading, opts: Options) -> Markup:
    """Return a heading, kept between levels 3 and 6 (the document owns 1 and 2)."""
    level = min(max(block.level, 3), 6)
    return Markup(f"<h{level}>%s</h{level}>") % runs_html(block.runs, opts)


def list_block_html(block: ListBlock, opts: Options) -> Markup:
    """Return a list block as nested lists."""
    return list_html(block.items, opts)


def code_html(block: Code, opts: Options) -> Markup:
    """Return a verbatim code block."""
    return Markup("<pre><code>%s</code></pre>") % block.text.rstrip("\n")


def quote_html(block: Quote, opts: Options) -> Markup:
    """Return a block quote."""
    inner = Markup("").join(Markup("<p>%s</p>") % runs_html(p, opts) for p in block.paragraphs)
    return Markup("<blockquote>%s</blockquote>") % inner


def notes_html(block: Notes, opts: Options) -> Markup:
    """Return facilitator notes for the guide; nothing for participants."""
    if opts.audience != "guide":
        return Markup("")
    return Markup('<aside class="notes"><span class="notes-label">%s</span>%s</aside>') % (
        opts.notes_title, blocks_html(block.blocks, opts))


def only_html(block: Only, opts: Options) -> Markup:
    """Return handout-only content; nothing for slides-only content."""
    return blocks_html(block.blocks, opts) if block.target == "handout" else Markup("")


# Every class of the model's Block union and how a handout writes it (tests/test_exhaustive.py).
BLOCK_HANDLERS: dict[type, Callable[[Any, Options], Markup]] = {
    Paragraph: paragraph_html, Heading: heading_html, ListBlock: list_block_html,
    Table: table_html, Image: image_html, Code: code_html, Quote: quote_html, Notes: notes_html,
    Activity: worksheet_html, Only: only_html, Material: material_html,
}


def block_html(block: Block, opts: Options) -> Markup:
    """Return one block as HTML for the document's audience (empty if it is not for it)."""
    handler = BLOCK_HANDLERS.get(type(block))
    if handler is None:
        raise UnhandledBlockError("handout", block)
    return handler(block, opts)


def blocks_html(blocks: tuple[Block, ...], opts: Options) -> Markup:
    """Return a sequence of blocks as HTML."""
    return Markup("").join(block_html(block, opts) for block in blocks)
