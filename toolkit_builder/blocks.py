"""Turn the HTML that Python-Markdown produced for one slide into model blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

import lxml.html

from .diagnostics import Reporter
from .model import (
    Activity,
    Block,
    Code,
    Heading,
    Image,
    Link,
    ListBlock,
    ListItem,
    Material,
    Notes,
    Only,
    Paragraph,
    Quote,
    Run,
    Runs,
    SourcePos,
    Table,
    plain,
)
from .vocabulary import words

INLINE_STYLE = {"strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis",
                "code": "code"}
BLOCK_TAGS = {"ul", "ol", "table", "pre", "blockquote", "div", "details", "p", "img",
              "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
DURATION_TITLE_RE = re.compile(r"^(?P<title>.*?)\s*[(\[]\s*(?P<minutes>\d+)"
                               r"\s*(?:min\w*|m)?\.?\s*[)\]]\s*$")
ONLY_KINDS = {"slides", "handout"}
# A material's title ends with its paper, form and quantity: "Case card (A5 card, 1 per group)".
MATERIAL_TITLE_RE = re.compile(
    r"^(?P<title>.*?)\s*\(\s*(?P<paper>A[345])\s+(?P<form>card|worksheet|canvas)"
    r"\s*(?:,\s*(?P<quantity>[^()]*?))?\s*\)\s*$", re.IGNORECASE)


@dataclass
class Locator:
    """Finds the source line of each block by scanning forward through a slide's lines."""

    lines: list[tuple[int, str]]
    path: str
    cursor: int = 0

    def find(self, needle: str | re.Pattern, advance: bool = True) -> SourcePos:
        """Return the position of the next line holding `needle`, moving past it if `advance`."""
        for index in range(self.cursor, len(self.lines)):
            number, text = self.lines[index]
            hit = (needle.search(text) if isinstance(needle, re.Pattern)
                   else (needle and needle in text))
            if hit:
                if advance:
                    self.cursor = index + 1
                return SourcePos(self.path, number)
        index = min(self.cursor, len(self.lines) - 1)
        return SourcePos(self.path, self.lines[index][0] if self.lines else 0)

    def line_of(self, needle: str, from_line: int) -> SourcePos:
        """Return the first line at or after `from_line` that holds `needle`."""
        for number, text in self.lines:
            if number >= from_line and needle in text:
                return SourcePos(self.path, number)
        return SourcePos(self.path, from_line)


@dataclass
class Converter:
    """Converts one slide's HTML into blocks, collecting links and reporting odd constructs."""

    locator: Locator
    folder: Path
    reporter: Reporter
    links: list[Link] = field(default_factory=list)

    def convert(self, html: str) -> tuple[Block, ...]:
        """Return the blocks of a fragment of HTML."""
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        return tuple(self.blocks_of(root))

    def blocks_of(self, parent) -> list[Block]:
        """Return the blocks of an element's children."""
        out: list[Block] = []
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            out.extend(self.block(child))
        return out

    def block(self, el) -> list[Block]:
        """Return the blocks one element stands for."""
        tag, classes = el.tag, (el.get("class") or "").split()
        if tag == "p":
            return self.paragraph(el)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            runs = self.runs(el)
            return [Heading(int(tag[1]), runs, self.locator.find(_needle(runs)))]
        if tag in ("ul", "ol"):
            items = tuple(list_items(el, 0, self))
            return [ListBlock(items, self.locator.find(_needle(items[0].runs if items else ())))]
        if tag == "table":
            return [self.table(el)]
        if tag == "blockquote":
            return [self.quote(el)]
        if tag == "pre" or (tag == "div" and "highlight" in classes):
            return [self.code(el)]
        if tag == "details" or (tag == "div" and "admonition" in classes):
            return self.admonition(el, classes)
        if tag == "img":
            return [self.image(el)]
        if tag == "hr":
            return []
        if _loose_text(el):
            self.reporter.warning(self.locator.find(re.compile(rf"<{tag}\b"), advance=False),
                                  f"raw HTML is shown on the site only; the PDF and slides leave "
                                  f"out the text of this <{tag}>: write it in Markdown (or "
                                  f"<{tag} markdown>)", "body.raw-html")
        return self.blocks_of(el)

    def runs(self, el) -> Runs:
        """Return the tidied inline runs of an element."""
        return tidy(inline_runs(el))

    def record_links(self, runs: Runs, pos: SourcePos) -> None:
        """Remember every link of a block with the line where it is written."""
        for run in runs:
            if run.href and not (self.links and self.links[-1].href == run.href
                                 and self.links[-1].pos.line >= pos.line):
                self.links.append(Link(run.href, self.locator.line_of(run.href, pos.line)))

    def paragraph(self, el) -> list[Block]:
        """Return a paragraph, and the images it holds as blocks of their own."""
        runs = self.runs(el)
        images = [img for img in el.iter("img")]
        out: list[Block] = []
        if plain(runs).strip():
            pos = self.locator.find(_needle(runs))
            self.record_links(runs, pos)
            out.append(Paragraph(runs, pos))
        out.extend(self.image(img) for img in images)
        return out

    def image(self, el) -> Image:
        """Return an image block with its source resolved inside the workshop folder."""
        src = el.get("src") or ""
        pos = self.locator.find(src)
        return Image(src=src, alt=(el.get("alt") or "").strip(), pos=pos,
                     path=inside(self.folder, src), width=el.get("width"), title=el.get("title"))

    def table(self, el) -> Table:
        """Return a table with its header row, body rows and column alignment."""
        rows = [tr for tr in el.iter("tr")]
        header_cells = rows[0].findall("th") if rows and rows[0].findall("th") else []
        body = rows[1:] if header_cells else rows
        header = tuple(self.runs(cell) for cell in header_cells)
        first_row = header_cells or (body[0].findall("td") if body else [])
        align = tuple(_align(cell) for cell in first_row)
        pos = self.locator.find(_needle(header[0] if header else ()))
        cells = tuple(tuple(self.runs(td) for td in tr.findall("td")) for tr in body)
        for row in cells:
            for cell in row:
                self.record_links(cell, pos)
        return Table(header, cells, align, pos)

    def quote(self, el) -> Quote:
        """Return a block quote as paragraphs of runs."""
        pos = self.locator.find(re.compile(r"^\s*>"))
        paragraphs = [self.runs(p) for p in el.iter("p")] or [self.runs(el)]
        return Quote(tuple(p for p in paragraphs if p), pos)

    def code(self, el) -> Code:
        """Return a code block with its language."""
        pos = self.locator.find(re.compile(r"^\s*(`{3,}|~{3,})"))
        code_el = el.find(".//code") if el.find(".//code") is not None else el
        language = ""
        for node in (el, code_el):
            match = re.search(r"language-([\w+-]+)", node.get("class") or "")
            language = language or (match.group(1) if match else "")
        text = code_el.text_content().rstrip("\n")
        self.locator.cursor = _skip_fence(self.locator)
        return Code(text, language, pos)

    def admonition(self, el, classes: list[str]) -> list[Block]:
        """Return notes, an activity or slides/handout-only content for an admonition."""
        kinds = [c for c in classes if c not in ("admonition", "open")]
        kind = kinds[0] if kinds else "note"
        title_el = (el.find("summary") if el.tag == "details"
                    else el.find("p[@class='admonition-title']"))
        title = plain(self.runs(title_el)) if title_el is not None else ""
        pos = self.locator.find(re.compile(r"^\s*(!!!|\?\?\?\+?)\s*" + re.escape(kind)))
        if title_el is not None:
            el.remove(title_el)
        inner = tuple(self.blocks_of(el))
        if kind == "notes":
            return [Notes(inner, pos)]
        if kind in ONLY_KINDS:
            return [Only(kind, inner, pos)]
        if kind == "activity":
            return [self.activity(title, inner, pos)]
        if kind == "material":
            return [self.material(title, inner, pos)]
        self.reporter.warning(pos, f"admonition type '{kind}' is not a toolkit construct; "
                              "use notes, activity, material, slides or handout "
                              "(its content is kept as plain text)", "body.admonition")
        return list(inner)

    def activity(self, title: str, inner: tuple[Block, ...], pos: SourcePos) -> Activity:
        """Return an activity, its minutes read from the title and its materials from its body."""
        match = DURATION_TITLE_RE.match(title)
        if not match:
            self.reporter.error(pos, "activity needs a duration at the end of its title, "
                                'e.g. !!! activity "Mapping employers (20 min)"',
                                "body.activity-duration")
        name = match["title"] if match else title
        materials, rest = split_materials(inner)
        groups, rest = split_labelled(rest, "groups")
        room, rest = split_labelled(rest, "room")
        minutes = int(match["minutes"]) if match else 0
        return Activity(name.strip() or "Activity", minutes, rest, materials, pos,
                        groups=groups, room=room)

    def material(self, title: str, inner: tuple[Block, ...], pos: SourcePos) -> Material:
        """Return an activity material, its paper, form and quantity read from its title."""
        match = MATERIAL_TITLE_RE.match(title)
        if not match:
            _material_error(self.reporter, pos, title)
            return Material(title.strip(), "A4", "worksheet", "", inner, pos)
        return Material(match["title"].strip(), match["paper"].upper(), match["form"].lower(),
                        (match["quantity"] or "").strip(), inner, pos)


def _material_error(reporter, pos: SourcePos, title: str) -> None:
    """Report a material title without its paper, form and quantity."""
    reporter.error(pos, f"material '{title[:60]}' needs its paper size, form and quantity at the "
                   'end of its title, e.g. !!! material "Case card: carpenter (A5 card, 1 per '
                   'group)" (paper A3, A4 or A5; form card, worksheet or canvas)', "body.material")


def _loose_text(el) -> bool:
    """Return whether an element holds text outside its block children (which is dropped)."""
    if (el.text or "").strip():
        return True
    return any((child.tail or "").strip() or (isinstance(child.tag, str)
                                              and child.tag not in BLOCK_TAGS | {"br"})
               for child in el)


def _skip_fence(locator: Locator) -> int:
    """Return the index after the closing fence of the code block the cursor just entered."""
    for index in range(locator.cursor, len(locator.lines)):
        if re.match(r"^\s*(`{3,}|~{3,})\s*$", locator.lines[index][1]):
            return index + 1
    return locator.cursor


def _needle(runs: Runs) -> str:
    """Return a distinctive word of some runs to find their source line."""
    words = re.findall(r"\w+", plain(runs))[:6]
    return max(words, key=len) if words else ""


def _align(cell) -> str:
    """Return a table cell's alignment: left, center, right or empty."""
    style = (cell.get("style") or "") + " " + (cell.get("align") or "")
    match = re.search(r"(left|center|right)", style)
    return match.group(1) if match else ""


def inline_runs(el, style: Run | None = None) -> list[Run]:
    """Return the runs of an element's inline content, skipping nested block elements.

    `style` is the formatting of the content around the element; none means plain text.
    """
    if style is None:
        style = Run("")
    out: list[Run] = []
    if el.text:
        out.append(replace(style, text=el.text))
    for child in el:
        if (isinstance(child.tag, str) and child.tag not in BLOCK_TAGS
                and "headerlink" not in (child.get("class") or "")):
            if child.tag == "br":
                out.append(replace(style, text="\n"))
            else:
                out.extend(inline_runs(child, _styled(child, style)))
        if child.tail:
            out.append(replace(style, text=child.tail))
    return out


def _styled(el, style: Run) -> Run:
    """Return the style of an inline element's content."""
    attr = INLINE_STYLE.get(el.tag)
    if attr:
        return replace(style, **{attr: True})
    if el.tag == "a" and el.get("href"):
        return replace(style, href=el.get("href"))
    return style


def tidy(runs: list[Run]) -> Runs:
    """Return runs with whitespace collapsed, ends trimmed and equal neighbours merged."""
    merged: list[Run] = []
    for run in runs:
        if run.code:
            text = run.text
        elif run.text != "\n":
            text = re.sub(r"[ \t\n]+", " ", run.text)
        else:
            text = "\n"
        if not text:
            continue
        if (merged and replace(merged[-1], text="") == replace(run, text="")
                and text != "\n" and merged[-1].text != "\n"):
            merged[-1] = replace(merged[-1], text=merged[-1].text + text)
        else:
            merged.append(replace(run, text=text))
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return tuple(run for run in merged if run.text)


def list_items(el, level: int, conv: Converter):
    """Yield the items of a list and its nested lists, flattened with their levels."""
    ordered = el.tag == "ol"
    for li in el:
        if li.tag != "li":
            continue
        pieces = inline_runs(li)
        for child in li:
            if child.tag == "p":
                if pieces and plain(tuple(pieces)).strip():
                    pieces.append(Run("\n"))
                pieces.extend(inline_runs(child))
        runs = tidy(pieces)
        conv.record_links(runs, conv.locator.find(_needle(runs), advance=False))
        yield ListItem(runs, level, ordered)
        for child in li:
            if child.tag in ("ul", "ol"):
                yield from list_items(child, level + 1, conv)


def split_labelled(blocks: tuple[Block, ...], label: str) -> tuple[str, tuple[Block, ...]]:
    """Return the text of a `**Label:** text` paragraph (its label one of the vocabulary's words
    of that kind, in any language) and the other blocks."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.runs and block.runs[0].strong:
            written = block.runs[0].text.strip().rstrip(":").strip().casefold()
            if written in words(label):
                rest = plain(block.runs[1:]).strip().lstrip(":").strip()
                return rest, blocks[:index] + blocks[index + 1:]
    return "", blocks


def split_materials(blocks: tuple[Block, ...]) -> tuple[tuple[str, ...], tuple[Block, ...]]:
    """Return the items of a `**Materials:** a, b` paragraph and the other blocks."""
    text, rest = split_labelled(blocks, "materials")
    return (tuple(_split_list(text)), rest) if text else ((), blocks)


def _split_list(text: str) -> list[str]:
    """Return the comma- or semicolon-separated items of a text, respecting brackets."""
    items, depth, current = [], 0, ""
    for char in text:
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip().rstrip(".") for item in items if item.strip()]


def inside(folder: Path, src: str) -> Path | None:
    """Return the file a relative reference points at if it stays inside `folder`."""
    if not src or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith(("/", "#", "\\")):
        return None
    target = src.split("#")[0].split("?")[0]
    if not target:
        return None
    path = (folder / unquote(target)).resolve()
    try:
        path.relative_to(folder.resolve())
    except ValueError:
        return None
    return path
