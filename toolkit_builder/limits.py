"""The limits `check` enforces on a workshop, in one place, each with the reason for its number.

The samples in workshops/ set the scale: the largest is 30 KB, 4,911 words, 11 sections of at
most 3 slides, lines of at most 413 characters, titles of at most 117, lists 3 levels deep and
SVG diagrams of at most 7 KB and 46 elements. Each limit leaves 5-10x headroom over that, and
keeps every input far from the sizes that made the builds take minutes or crash (issue 16).
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterator

import yaml

# Source files
# A sample is at most 30 KB; 512 KiB is 17x that. A 1.9 MB body took 204 s and 891 MB to build.
MAX_SOURCE_BYTES = 512 * 1024
# Words in a file's body: the largest sample has 4,911; 40,000 is a 100-page handout.
MAX_WORDS = 40_000
# A line: samples stay under 420 characters; 4,000 is ten times that (a long one-line paragraph).
MAX_LINE_CHARS = 4_000
# A paragraph (lines between blank lines): samples have at most 413 words; 2,000 fill a PDF page
# twice and no slide can hold them.
MAX_PARAGRAPH_WORDS = 2_000
# `##` sections: samples have 11; 60 is a five-day course (and the agenda items follow them).
MAX_SECTIONS = 60
# Slides (`---` chunks) in one section: samples have at most 3; 40 is a lecture, not a workshop.
MAX_SLIDES_PER_SECTION = 40
# A section or heading title is a slide title: at most 200 characters, as the workshop's title.
MAX_HEADING_CHARS = 200
# Nested list levels: samples use 3; the handout's list renderer recursed to a crash at 100.
MAX_LIST_DEPTH = 6
# Nested block quotes: samples use 1.
MAX_QUOTE_DEPTH = 4

# Front matter
# Nesting of the YAML: the deepest sample is 4 (agenda > item > {minutes, lead}); the YAML
# composer recursed to a crash at 500.
MAX_YAML_DEPTH = 10
# Values after expanding aliases: samples have under 100; an alias bomb of 433 bytes expanded
# to hundreds of megabytes. 2,000 is 20x the samples.
MAX_YAML_NODES = 2_000
# The deck's core properties (title, subject, author, keywords) hold at most 255 characters:
# python-pptx refused longer ones after 53 s of writing slides. Titles in samples: at most 117.
MAX_TITLE_CHARS = 200
CORE_PROPERTY_CHARS = 255
# Characters of each text key; samples: summary 288, audience under 300.
MAX_FIELD_CHARS = {
    "title": MAX_TITLE_CHARS,
    "subtitle": MAX_TITLE_CHARS,
    "summary": 1_500,
    "audience": 1_000,
    "licence": 200,
    "video": 500,
}
# Characters of each item of a list key; samples: objectives and take-aways at most 132.
MAX_ITEM_CHARS = {"objectives": 400, "takeaways": 400, "tags": 60, "facilitators": 80}
# Items of a list key; samples have 5 objectives, 5 take-aways, 3 tags, 2 facilitators.
MAX_ITEMS = {"objectives": 20, "takeaways": 20, "tags": 20, "facilitators": 12}
# Agenda items: samples have 12; each names a section, so as many as the sections.
MAX_AGENDA_ITEMS = MAX_SECTIONS
# Keys joined with ", " into one core property of the deck (author, keywords).
JOINED_KEYS = {"facilitators": "author", "tags": "keywords"}

# Images
# A picture file: photos from a phone are under 10 MiB.
MAX_IMAGE_BYTES = 20 * 1024 * 1024
# Decoded pixels: 60 megapixels hold a poster; decoding takes 240 MB.
MAX_IMAGE_PIXELS = 60_000_000
# An SVG diagram: samples are at most 7 KB and 46 elements, at most 5 levels deep, with no <use>.
MAX_SVG_BYTES = 1024 * 1024
MAX_SVG_ELEMENTS = 5_000
MAX_SVG_DEPTH = 32
MAX_SVG_USES = 500
# Elements a renderer draws once every <use> is expanded: a 1.9 KB file fanned out to 10^7.
MAX_SVG_DRAWN = 20_000

# Messages
# Values shown in a message are cut to this many characters (a 312 MB error line, issue 16).
MAX_SHOWN_CHARS = 60


def cut(text: object, limit: int = MAX_SHOWN_CHARS) -> str:
    """Return text shortened to `limit` characters with an ellipsis, for a message."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object) -> str:
    """Return a bounded repr of a value for a message, whatever its size or sharing."""
    brief = reprlib.Repr()
    brief.maxlevel, brief.maxlist, brief.maxdict = 2, 4, 4
    brief.maxstring = brief.maxother = MAX_SHOWN_CHARS
    return cut(brief.repr(value))


def _events(text: str) -> Iterator[yaml.Event]:
    """Yield the YAML events of a text, parsed by libyaml when it is there.

    On an error the pure-Python parser runs again, so that messages read the same everywhere.
    """
    try:
        found = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        found = yaml.parse(text, Loader=yaml.SafeLoader)
    yield from found


def yaml_limit(text: str) -> tuple[int, str] | None:
    """Return the line (0-based) and problem of YAML nested too deep or expanding too far.

    Reads the event stream, which neither recurses nor expands aliases: an alias counts as many
    values as the value it names.
    """
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, int]] = []
    total = 0
    for event in _events(text):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            open_.append((event.anchor, total))
            total += 1
            if len(open_) > MAX_YAML_DEPTH:
                return event.start_mark.line, (f"front matter is nested more than "
                                               f"{MAX_YAML_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent) and open_:
            anchor, start = open_.pop()
            if anchor:
                sizes[anchor] = total - start
        elif isinstance(event, yaml.ScalarEvent):
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes and any(a == event.anchor for a, _ in open_):
                return event.start_mark.line, (f"alias '*{cut(event.anchor)}' is inside the "
                                               "value it names")
            total += sizes.get(event.anchor, 1)
        if total > MAX_YAML_NODES:
            return event.start_mark.line, (f"front matter holds more than {MAX_YAML_NODES:,} "
                                           "values once its aliases (*name) are expanded; "
                                           "write the values out")
    return None
