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
from .model import Block, Section, Slide, SourcePos, Workshop
from .sources import SourceFile, read_text

FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
SECTION_RE = re.compile(r"^##(?!#)\s+(?P<title>.+?)\s*#*\s*$")
ATTRS_RE = re.compile(r"\s*\{\s*(?P<attrs>[^}]*)\}\s*$")
BREAK_RE = re.compile(r"^-{3,}\s*$")
H1_RE = re.compile(r"^#(?!#)\s+\S")

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


def _title_and_anchor(raw: str, md: markdown.Markdown) -> tuple[str, str]:
    """Return a heading's plain title and the anchor the site's table of contents gives it."""
    anchor = ""
    attrs = ATTRS_RE.search(raw)
    if attrs:
        raw = raw[: attrs.start()]
        ident = re.search(r"#([\w-]+)", attrs["attrs"])
        anchor = ident.group(1) if ident else ""
    md.reset()
    html = md.convert(raw.strip())
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
    return conv.convert(md.convert(text))


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
    md = md or make_markdown(settings)
    conv = Converter(Locator([], source.rel), source.path.parent, reporter)
    intro_lines, raw_sections = split_body(split.body, split.body_line, source.rel, reporter)
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
