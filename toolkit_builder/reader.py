"""Read a workshop source into the document model: the only module that parses Markdown."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import lxml.html
import markdown
from markdown.extensions.toc import slugify

from .blocks import Converter, Locator
from .config import Settings
from .diagnostics import Reporter
from .frontmatter import parse_meta, split_front_matter
from .limits import (
    MAX_HEADING_CHARS,
    MAX_LINE_CHARS,
    MAX_LIST_DEPTH,
    MAX_PARAGRAPH_WORDS,
    MAX_QUOTE_DEPTH,
    MAX_SECTIONS,
    MAX_SLIDES_PER_SECTION,
    MAX_WORDS,
    cut,
)
from .model import Block, Section, Slide, SourcePos, Workshop
from .sources import SourceFile, read_text

FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
SECTION_RE = re.compile(r"^##(?!#)\s+(?P<title>.+?)\s*#*\s*$")
ATTRS_RE = re.compile(r"\s*\{\s*(?P<attrs>[^}]*)\}\s*$")
BREAK_RE = re.compile(r"^-{3,}\s*$")
H1_RE = re.compile(r"^#(?!#)\s+\S")
QUOTE_RE = re.compile(r"^(?:\s*>)+")
ITEM_RE = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s")

Lines = list[tuple[int, str]]


@dataclass
class RawSection:
    """A section's title line and its slides' source lines, before Markdown parsing."""

    title: str
    line: int
    chunks: list[Lines] = field(default_factory=lambda: [[]])


def make_markdown(settings: Settings) -> markdown.Markdown:
    """Return a Markdown parser with exactly the extensions mkdocs.yml gives the site."""
    return markdown.Markdown(extensions=list(settings.extensions),
                             extension_configs=settings.extension_configs)


_MARKDOWN: dict[str, markdown.Markdown] = {}


def markdown_for(settings: Settings) -> markdown.Markdown:
    """Return this process's Markdown parser for a project's settings (made once: it is slow)."""
    key = repr((settings.extensions, settings.extension_configs))
    if key not in _MARKDOWN:
        _MARKDOWN[key] = make_markdown(settings)
    return _MARKDOWN[key]


def html_of(md: markdown.Markdown, text: str) -> str:
    """Return a Markdown text as HTML with a parser's settings (reset for each text)."""
    md.reset()
    return md.convert(text)


def split_body(body: str, first_line: int, path: str,
               reporter: Reporter) -> tuple[Lines, list[RawSection]]:
    """Return the introduction's lines and the sections, cutting at `##` and `---` outside code."""
    intro: Lines = []
    sections: list[RawSection] = []
    fence = None
    for offset, text in enumerate(body.split("\n")):
        number = first_line + offset
        target = sections[-1].chunks[-1] if sections else intro
        match = FENCE_RE.match(text)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            target.append((number, text))
            continue
        if match:
            fence = match.group(1)
        elif (heading := SECTION_RE.match(text)):
            sections.append(RawSection(heading["title"], number))
            continue
        elif BREAK_RE.match(text) and sections:
            sections[-1].chunks.append([])
            continue
        elif H1_RE.match(text):
            reporter.warning(SourcePos(path, number), "a '#' heading is not a section: use '##' "
                             "(the page title comes from 'title')", "body.h1")
        target.append((number, text))
    return intro, sections


def body_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """Return the line and problem of each limit the body's text breaks, before parsing it."""
    problems: dict[str, tuple[int, str]] = {}
    total, paragraph, start, fence = 0, 0, first_line, None
    for number, text in enumerate(body.split("\n"), first_line):
        if len(text) > MAX_LINE_CHARS:
            problems.setdefault("line", (number, f"line is {len(text):,} characters long; lines "
                                         f"may have at most {MAX_LINE_CHARS:,}"))
        words = len(text.split())
        total += words
        if not words:
            paragraph, start = 0, number + 1
        elif ITEM_RE.match(text) or text.lstrip().startswith(("|", "#")):
            paragraph, start = 0, number  # a list item, a table row or a heading starts anew
        paragraph += words
        if total > MAX_WORDS:
            problems.setdefault("words", (number, f"the workshop passes {MAX_WORDS:,} words "
                                          "here; split it into two workshops"))
        if paragraph > MAX_PARAGRAPH_WORDS:
            problems.setdefault(f"p{start}", (start, f"paragraph has more than "
                                              f"{MAX_PARAGRAPH_WORDS:,} words; split it"))
        match = FENCE_RE.match(text)
        if fence or match:
            ends = fence and match and match.group(1)[0] == fence[0]
            fence = None if ends else (fence or match.group(1))
            continue
        quotes = QUOTE_RE.match(text)
        depth = quotes.group(0).count(">") if quotes else 0
        if depth > MAX_QUOTE_DEPTH:
            problems.setdefault("quote", (number, f"block quote is nested {depth} deep; quotes "
                                          f"may nest at most {MAX_QUOTE_DEPTH} levels"))
        item = ITEM_RE.match(text)
        level = len(item["indent"].expandtabs(4)) // 4 + 1 if item else 0
        if level > MAX_LIST_DEPTH:
            problems.setdefault("list", (number, f"list item is nested {level} levels deep "
                                         f"(indented {len(item['indent'])}); lists may nest at "
                                         f"most {MAX_LIST_DEPTH} levels"))
    return sorted(problems.values())


def section_problems(sections: list[RawSection]) -> list[tuple[int, str]]:
    """Return the line and problem of each section that breaks a limit on sections."""
    problems = []
    if len(sections) > MAX_SECTIONS:
        problems.append((sections[MAX_SECTIONS].line, f"section {MAX_SECTIONS + 1}: a workshop "
                         f"may have at most {MAX_SECTIONS} sections ('##' headings)"))
    for raw in sections:
        if len(raw.title) > MAX_HEADING_CHARS:
            problems.append((raw.line, f"section title is {len(raw.title):,} characters long; "
                             f"it may have at most {MAX_HEADING_CHARS}"))
        if len(raw.chunks) > MAX_SLIDES_PER_SECTION:
            problems.append((raw.line, f"section '{cut(raw.title)}' has {len(raw.chunks)} slides "
                             f"('---' breaks); a section may have at most "
                             f"{MAX_SLIDES_PER_SECTION}"))
    return problems


# A heading of words and plain punctuation that no enabled Markdown extension changes (no
# emphasis, code, links, entities, symbols such as (c) or 1/2): read without a Markdown pass.
PLAIN_TITLE_RE = re.compile(r"[^\W_][^\W_ ,.?!;:'’–—-]*(?:[ ,.?!;:'’–—-]+[^\W_]+)*[.?!:]?")
LIST_START_RE = re.compile(r"\d+[.)]\s")


def _title_and_anchor(raw: str, md: markdown.Markdown) -> tuple[str, str]:
    """Return a heading's plain title and the anchor the site's table of contents gives it."""
    anchor = ""
    attrs = ATTRS_RE.search(raw)
    if attrs:
        raw = raw[: attrs.start()]
        ident = re.search(r"#([\w-]+)", attrs["attrs"])
        anchor = ident.group(1) if ident else ""
    plain = raw.strip()
    if PLAIN_TITLE_RE.fullmatch(plain) and "--" not in plain and not LIST_START_RE.match(plain):
        return plain, anchor or slugify(plain, "-")  # Markdown would leave it as it is
    md.reset()
    html = md.convert(plain)
    if html:
        title = lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip()
    else:
        title = ""
    return title, anchor or slugify(title, "-")


def _parse_lines(lines: Lines, conv: Converter, md: markdown.Markdown) -> tuple[Block, ...]:
    """Return the blocks of some source lines."""
    text = "\n".join(line for _, line in lines)
    if not text.strip():
        return ()
    md.reset()
    conv.locator = Locator(lines, conv.locator.path)
    try:
        return conv.convert(md.convert(text))
    except RecursionError:
        conv.reporter.error(SourcePos(conv.locator.path, lines[0][0]), "this part is nested too "
                            "deeply to read: flatten its lists, quotes or HTML", "body.limit")
        return ()


def read_workshop(source: SourceFile, settings: Settings, reporter: Reporter,
                  md: markdown.Markdown | None = None) -> Workshop | None:
    """Return one workshop file as the document model, or None if it cannot be read."""
    text = read_text(source.path, source.rel, reporter)
    if text is None:
        return None
    split = split_front_matter(text)
    meta = parse_meta(split, source.rel, source.lang, settings.default_language, reporter)
    if meta is None:
        return None
    intro_lines, raw_sections = split_body(split.body, split.body_line, source.rel, reporter)
    problems = (body_problems(split.body, split.body_line) or section_problems(raw_sections))
    for line, problem in problems:
        reporter.error(SourcePos(source.rel, line), problem, "body.limit")
    if problems:
        return None
    md = md or make_markdown(settings)
    conv = Converter(Locator([], source.rel), source.path.parent, reporter)
    intro = _parse_lines(intro_lines, conv, md)
    sections = []
    for raw in raw_sections:
        title, anchor = _title_and_anchor(raw.title, md)
        slides = []
        for chunk in raw.chunks:
            blocks = _parse_lines(chunk, conv, md)
            if blocks:
                slides.append(Slide(blocks, blocks[0].pos))
        sections.append(Section(title, anchor, tuple(slides), SourcePos(source.rel, raw.line)))
    return Workshop(
        slug=source.slug, lang=meta.language, source=SourcePos(source.rel, 1),
        folder=source.path.parent, meta=meta, intro=intro, sections=tuple(sections),
        links=tuple(conv.links), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
