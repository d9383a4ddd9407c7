"""Checks over the resolved model: references, agenda ↔ sections, translations."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .blocks import inside
from .consistency import check_consistency
from .diagnostics import Reporter
from .frontmatter import split_front_matter
from .images import image_problem
from .limits import cut
from .model import Image, SourcePos, Workshop, walk
from .resolve import is_break, section_for
from .sanitise import bad_scheme, html_findings

SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check_workshop(workshop: Workshop, reporter: Reporter,
                   render: Callable[[str], str] | None = None) -> None:
    """Report every problem of one workshop file (`render`: Markdown to HTML, as the site does)."""
    check_images(workshop, reporter)
    check_links(workshop, reporter)
    if render is not None:
        check_html(workshop, reporter, render)
    check_sections(workshop, reporter)
    check_agenda(workshop, reporter)
    check_consistency(workshop, reporter)


def check_images(workshop: Workshop, reporter: Reporter) -> None:
    """Report images that are remote, leave the folder, do not exist or lack alt text."""
    for image in workshop.images:
        if bad_scheme(image.src):
            continue  # check_html reports it
        src = cut(image.src, 120)
        if not image.alt:
            reporter.error(image.pos, f"image '{src}' has no alt text: "
                           f"write ![what it shows]({src})", "image.alt")
        if SCHEME_RE.match(image.src):
            reporter.error(image.pos, f"image '{src}' is remote; put the file in the "
                           "workshop folder (builds never use the network)", "image.remote")
        elif image.path is None:
            reporter.error(image.pos, f"image path '{src}' leaves the workshop folder",
                           "image.outside")
        elif not image.path.is_file():
            reporter.error(image.pos, f"image '{src}' does not exist", "image.missing")
        else:
            problem = image_problem(image.path)
            if problem:
                reporter.error(image.pos, f"image '{src}' {problem}", "image.unreadable")


def check_links(workshop: Workshop, reporter: Reporter) -> None:
    """Report relative links that leave the workshop folder or point at missing files."""
    for link in workshop.links:
        href = link.href
        if SCHEME_RE.match(href) or href.startswith("#"):
            continue
        target, shown = inside(workshop.folder, href), cut(href, 120)
        if target is None:
            reporter.error(link.pos, f"link '{shown}' leaves the workshop folder", "link.outside")
        elif not target.exists():
            reporter.error(link.pos, f"link '{shown}' points at a file that does not exist",
                           "link.missing")


def check_html(workshop: Workshop, reporter: Reporter, render: Callable[[str], str]) -> None:
    """Report links and images with unsafe schemes, and raw HTML the site's sanitiser removes."""
    path = workshop.folder / Path(workshop.source.path).name
    try:
        split = split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return
    for finding in html_findings(split.body, split.body_line, render):
        pos = SourcePos(workshop.source.path, finding.line)
        if finding.error:
            reporter.error(pos, finding.message, finding.code)
        else:
            reporter.warning(pos, finding.message, finding.code)


def check_sections(workshop: Workshop, reporter: Reporter) -> None:
    """Report empty sections and sections whose anchors collide."""
    seen: dict[str, int] = {}
    for section in workshop.sections:
        if not section.slides:
            reporter.warning(section.pos, f"section '{section.title}' is empty", "section.empty")
        if section.anchor in seen:
            reporter.error(section.pos, f"section '{section.title}' has the same anchor "
                           f"'#{section.anchor}' as the section on line {seen[section.anchor]}; "
                           "give it another title", "section.duplicate")
        seen.setdefault(section.anchor, section.pos.line)


def check_agenda(workshop: Workshop, reporter: Reporter) -> None:
    """Report agenda items that name no section, or name them out of order."""
    last = -1
    for item in workshop.meta.agenda:
        if is_break(item.title):
            continue
        index = section_for(item, workshop.sections)
        if index is None:
            reporter.warning(item.pos, f"agenda item '{item.title}' names no section; add "
                             f"'## {item.title}' or rename the item", "agenda.section")
        elif index < last:
            reporter.warning(item.pos, f"agenda item '{item.title}' comes after a later section "
                             "in the agenda than in the body", "agenda.order")
        else:
            last = index


def check_translation(original: Workshop, translation: Workshop, reporter: Reporter) -> None:
    """Report where a translation's agenda or sections differ in structure from the original."""
    where = original.source.path
    agenda_a, agenda_b = original.meta.agenda, translation.meta.agenda
    if len(agenda_a) != len(agenda_b):
        pos = agenda_b[0].pos if agenda_b else translation.source
        reporter.error(pos, f"agenda has {len(agenda_b)} items but {where} has {len(agenda_a)}",
                       "translation.agenda")
    else:
        for a, b in zip(agenda_a, agenda_b, strict=True):
            if a.minutes != b.minutes:
                reporter.error(b.pos, f"agenda item '{b.title}' is {b.minutes} min "
                               f"but the original ({a.pos}) is {a.minutes} min",
                               "translation.agenda")
    sections_a, sections_b = original.sections, translation.sections
    if len(sections_a) != len(sections_b):
        reporter.error(translation.source, f"translation has {len(sections_b)} sections "
                       f"but {where} has {len(sections_a)}", "translation.sections")
        return
    for a, b in zip(sections_a, sections_b, strict=True):
        _compare_sections(a, b, reporter)


def _compare_sections(a, b, reporter: Reporter) -> None:
    """Report a translated section whose slides, activities or images differ from the original's."""
    if len(a.slides) != len(b.slides):
        reporter.error(b.pos, f"section '{b.title}' has {len(b.slides)} slides but the original "
                       f"'{a.title}' ({a.pos}) has {len(a.slides)}", "translation.slides")
    minutes_a = [x.minutes for x in a.activities]
    minutes_b = [x.minutes for x in b.activities]
    if minutes_a != minutes_b:
        reporter.error(b.pos, f"section '{b.title}' has activities of {minutes_b or 'none'} min "
                       f"but the original ({a.pos}) has {minutes_a or 'none'} min",
                       "translation.activities")
    images_a = sum(isinstance(x, Image) for x in walk(a.blocks))
    images_b = sum(isinstance(x, Image) for x in walk(b.blocks))
    if images_a != images_b:
        reporter.error(b.pos, f"section '{b.title}' has {images_b} images "
                       f"but the original ({a.pos}) has {images_a}", "translation.images")
