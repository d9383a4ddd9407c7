"""What the site lets through: the HTML allow-list (nh3), unsafe URL schemes and video addresses.

The site cleans every page body with `clean`; `check` runs the same cleaner over each Markdown
chunk of a source file and reports what it would remove (`html_findings`), so an editor learns of
it before the page silently loses it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import nh3

from .limits import cut

VIDEO_HOSTS = frozenset({"youtube.com", "www.youtube.com", "youtu.be", "youtube-nocookie.com",
                         "vimeo.com", "player.vimeo.com"})
BAD_SCHEMES = ("javascript", "data", "file")
URL_SCHEMES = {"http", "https", "mailto", "tel"}

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}
# What the Markdown extensions and the site's own shaping (site/content.py) write into a body:
# classes and ids everywhere (admonitions, highlighting, permalinks, footnotes, tabs), table cell
# alignment, the activity boxes' minutes and a zoomable image's width.
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name", "style"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan", "align"},
    "th": {"style", "colspan", "rowspan", "align"},
    "col": {"span", "style"},
    "details": {"open", "data-minutes"},
    "div": {"data-minutes"},
    "input": {"type", "name", "checked", "disabled"},
    "label": {"for"},
    "ol": {"start", "type"},
    "li": {"value"},
}
STYLES = {"text-align", "width"}
URL_RE = re.compile(r"https://[A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]+")  # RFC 3986 but quotes
FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
RAW_RE = re.compile(r"[<{&]")       # raw HTML, attribute lists, entities: only a render tells
TARGET_RE = re.compile(r"\]\s*\(([^)]*)|^\s*\[[^\]]*\]:(.*)$", re.MULTILINE)
CONTROL_RE = re.compile(r"[\x00-\x20]+")


@dataclass(frozen=True)
class Finding:
    """Something of a source chunk the site drops: an error for a bad scheme, else a warning."""

    line: int
    message: str
    code: str
    error: bool = False


def clean(html: str) -> str:
    """Return a page body's HTML with only the allowed elements, attributes and URL schemes."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, link_rel=None,
                     url_schemes=URL_SCHEMES, filter_style_properties=STYLES)


def is_video_address(url: str) -> bool:
    """Return whether a video address is https:// on YouTube or Vimeo."""
    if not URL_RE.fullmatch(url):
        return False
    try:
        parts = urlsplit(url)
        return (parts.hostname or "") in VIDEO_HOSTS and parts.port in (None, 443) \
            and not parts.username and not parts.password
    except ValueError:
        return False


def bad_scheme(url: str) -> str:
    """Return the unsafe scheme (javascript, data, file) a URL uses as a browser reads it, or ''."""
    plain = CONTROL_RE.sub("", url).lower()
    return next((scheme for scheme in BAD_SCHEMES if plain.startswith(scheme + ":")), "")


def _parts(html: str) -> tuple[Counter, Counter, list]:
    """Return a fragment's tag counts, (tag, attribute) counts but unsafe URLs, and elements."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    elements = [el for el in root.iterdescendants() if isinstance(el.tag, str)]
    tags = Counter(el.tag for el in elements)
    attributes = Counter((el.tag, name) for el in elements for name, value in el.attrib.items()
                         if not (name in ("href", "src") and bad_scheme(value)))
    return tags, attributes, elements


def removed(html: str) -> list[str]:
    """Return what `clean` drops from a fragment: `<tag>` and `attribute on <tag>`, once each."""
    if not html.strip():
        return []
    tags, attributes, _ = _parts(html)
    kept_tags, kept_attributes, _ = _parts(clean(html))
    out = [f"<{tag}>" for tag in tags if tag not in kept_tags]
    gone = attributes - kept_attributes
    return out + sorted({f"{name}= on <{tag}>" for (tag, name) in gone
                         if tag in kept_tags or name.startswith("on")})


def chunks(body: str, first_line: int) -> list[tuple[int, list[str]]]:
    """Return a body's top-level blocks: cut at blank lines, not in fences or indented parts."""
    found: list[tuple[int, list[str]]] = []
    fence, blank = None, False
    for offset, text in enumerate(body.split("\n")):
        match = FENCE_RE.match(text)
        if fence is None and text.strip() and (blank or not found) and not text[0].isspace():
            found.append((first_line + offset, []))
        if found:
            found[-1][1].append(text)
        blank = fence is None and not text.strip() and bool(found)
        if match and fence is None:
            fence = match.group(1)
        elif match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
            fence = None
    return found


def _line_of(lines: list[str], first: int, needle: str) -> int:
    """Return the first line of a chunk holding `needle` (any case), else the chunk's first."""
    lowered = needle.lower()
    return next((first + i for i, text in enumerate(lines) if lowered in text.lower()), first)


def _url_findings(elements: list, lines: list[str], first: int) -> list[Finding]:
    """Return an error for each link or image source with a javascript:, data: or file: scheme."""
    out = []
    for el in elements:
        for name in ("href", "src"):
            value = el.get(name)
            scheme = bad_scheme(value or "")
            if not scheme:
                continue
            what = "image" if el.tag == "img" else "link"
            fix = ("put the image file in the workshop folder" if what == "image" else
                   "link to an https:// address or a file in the workshop folder")
            line = _line_of(lines, first, value[:30].strip())
            out.append(Finding(line, f"{what} '{cut(value, 60)}' uses the {scheme}: scheme, which "
                               f"the site does not allow: {fix}", f"{what}.scheme", True))
    return out


def worth_rendering(text: str) -> bool:
    """Return whether a chunk may hold something the site drops: raw HTML, attributes, entities,
    or a link or image whose target (as a browser reads it) has an unsafe scheme."""
    if RAW_RE.search(text):
        return True
    return any(bad_scheme((inline or defined).strip().lstrip("<"))
               for inline, defined in TARGET_RE.findall(text))


def html_findings(body: str, first_line: int, render: Callable[[str], str]) -> list[Finding]:
    """Return what the site would drop from a Markdown body, by line: bad schemes, raw HTML
    (`render` turns a chunk into HTML with the site's own Markdown settings)."""
    out: list[Finding] = []
    for first, lines in chunks(body, first_line):
        text = "\n".join(lines)
        if not worth_rendering(text):
            continue
        html = render(text)
        if not html.strip():
            continue
        out.extend(_url_findings(_parts(html)[2], lines, first))
        by_line: dict[int, list[str]] = {}
        for name in removed(html):
            needle = name.split("=")[0] + "=" if "=" in name else name[:-1]
            by_line.setdefault(_line_of(lines, first, needle), []).append(name)
        for line, names in sorted(by_line.items()):
            out.append(Finding(line, f"the site removes this raw HTML: {', '.join(names)} (pages "
                               "keep only safe HTML and load nothing from other hosts)",
                               "body.unsafe-html"))
    return out
