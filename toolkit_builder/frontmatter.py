"""Front matter: split it from the body, parse it keeping line numbers, validate it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .diagnostics import Reporter
from .limits import (
    CORE_PROPERTY_CHARS,
    JOINED_KEYS,
    MAX_AGENDA_ITEMS,
    MAX_FIELD_CHARS,
    MAX_HEADING_CHARS,
    MAX_ITEM_CHARS,
    MAX_ITEMS,
    cut,
    shown,
    yaml_limit,
)
from .model import AgendaItem, Meta, Origin, SourcePos
from .sanitise import is_video_address
from .suggest import did_you_mean

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
CLOCK_RE = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")
DURATION_RE = re.compile(
    r"^(?:(?P<h>\d+)\s*h(?:ours?)?)?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)?)?$", re.IGNORECASE
)
ORIGIN_KEYS = ("event", "place", "date")


@dataclass(frozen=True)
class Split:
    """A source file cut into its front matter and its body."""

    front: str | None
    front_line: int
    body: str
    body_line: int


class TextDatesLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text.

    An impossible date (2013-13-45) is then a message, not a crash.
    """


TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                lambda loader, node: loader.construct_scalar(node))

# libyaml parses ten times faster than pure Python (a project's check reads thousands of front
# matters); the pure-Python loader only runs again to word an error, so messages never change.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """Return the YAML node tree of a text (raising the pure-Python parser's error if invalid)."""
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=TextDatesLoader)


def construct(node: yaml.Node | None) -> Any:
    """Return the Python value of a node tree, with dates kept as text."""
    if node is None:
        return None
    return TextDatesLoader("").construct_document(node)



def yaml_problem(exc: yaml.YAMLError) -> tuple[int, str]:
    """Return a YAML error's line (0-based, within the parsed text) and what is wrong.

    The context mark is where the broken construct opened (an unclosed bracket, say); the problem
    mark is where the parser gave up, often a line later. Editors need the first.
    """
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return (mark.line if mark else 0), problem


def split_front_matter(text: str) -> Split:
    """Return the front matter (lines between the opening and closing `---`) and the body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Split(None, 0, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Split("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2)
    return Split("\n".join(lines[1:]), 2, "", len(lines) + 1)


AGENDA_KEYS = ("minutes", "lead")


def parse_duration(value: Any) -> int | None:
    """Return minutes from `180`, `"3h"`, `"2h30"` or `"90 min"`; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if not isinstance(value, str):
        return None
    match = DURATION_RE.match(value.strip())
    if not match or not (match["h"] or match["m"]):
        return None
    minutes = int(match["h"] or 0) * 60 + int(match["m"] or 0)
    return minutes or None


def format_minutes(minutes: int) -> str:
    """Return `2h30`, `3h` or `45 min` for a number of minutes."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


class _Fields:
    """Validators for the front matter keys.

    Each returns a clean value, or reports the problem and returns None.
    """

    def __init__(self, reporter: Reporter, path: str, lines: dict, first_line: int):
        self.reporter = reporter
        self.path = path
        self.lines = lines
        self.first_line = first_line

    def pos(self, key: str, index: int | None = None) -> SourcePos:
        """Return the position of a key, or of one item of a list value."""
        line = self.lines.get((key, index)) or self.lines.get((key, None)) or self.first_line
        return SourcePos(self.path, line)

    def fail(self, key: str, message: str, index: int | None = None) -> None:
        """Report an error about one key."""
        self.reporter.error(self.pos(key, index), message, "meta.type")

    def text(self, key: str, value: Any) -> str | None:
        """Return a text value; numbers are accepted as text."""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return self.short(key, str(value).strip(), MAX_FIELD_CHARS.get(key))
        self.fail(key, f"'{key}' must be text, not {_kind(value)}")
        return None

    def short(self, key: str, text: str, limit: int | None, index: int | None = None,
              what: str = "") -> str | None:
        """Return text if it has at most `limit` characters, else report it and return None."""
        if limit is None or len(text) <= limit:
            return text
        self.fail(key, f"{what or repr(key)} is {len(text):,} characters long; "
                  f"it may have at most {limit}", index)
        return None

    def texts(self, key: str, value: Any) -> tuple[str, ...] | None:
        """Return a list of texts; a single text counts as a list of one."""
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(key, f"'{key}' must be a list of text, not {_kind(value)}")
            return None
        limit = MAX_ITEMS.get(key)
        if limit is not None and len(value) > limit:
            self.fail(key, f"'{key}' has {len(value)} items; it may have at most {limit}")
            return None
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                self.fail(key, f"item {index + 1} of '{key}' must be text, not {_kind(item)}",
                          index)
                return None
            text = self.short(key, str(item).strip(), MAX_ITEM_CHARS.get(key), index,
                              f"item {index + 1} of '{key}'")
            if text is None:
                return None
            out.append(text)
        joined = ", ".join(out)
        if key in JOINED_KEYS and len(joined) > CORE_PROPERTY_CHARS:
            self.fail(key, f"'{key}' together are {len(joined)} characters long; the slide deck's "
                      f"'{JOINED_KEYS[key]}' property holds at most {CORE_PROPERTY_CHARS}")
            return None
        return tuple(out)

    def duration(self, key: str, value: Any) -> int | None:
        """Return a duration in minutes."""
        minutes = parse_duration(value)
        if minutes is None:
            self.fail(key, f"'{key}' must be minutes (180) or hours and minutes (3h, 2h30), "
                      f"not {shown(value)}")
        return minutes

    def clock(self, key: str, value: Any) -> str | None:
        """Return a clock time as HH:MM."""
        match = CLOCK_RE.match(str(value).strip())
        if not match:
            self.fail(key, f"'{key}' must be a clock time such as \"09:30\", not {shown(value)}")
            return None
        return f"{int(match[1]):02d}:{match[2]}"

    def language(self, key: str, value: Any) -> str | None:
        """Return a language code."""
        if isinstance(value, str) and LANGUAGE_RE.match(value):
            return value
        self.fail(key, f"'{key}' must be a language code such as en or nb, not {shown(value)}")
        return None

    def url(self, key: str, value: Any) -> str | None:
        """Return a video's https:// address on YouTube or Vimeo (sanitise.VIDEO_HOSTS)."""
        if isinstance(value, str) and is_video_address(value.strip()):
            return value.strip()
        self.fail(key, f"{key} must be an https:// address on YouTube or Vimeo, not "
                  f"'{cut(value, 80)}'")
        return None

    def origin(self, key: str, value: Any) -> Origin | None:
        """Return the origin mapping: event, place, date."""
        if not isinstance(value, dict):
            self.fail(key, f"'{key}' must be a mapping with {', '.join(ORIGIN_KEYS)}, "
                      f"not {_kind(value)}")
            return None
        for name in value:
            if name not in ORIGIN_KEYS:
                self.fail(key, f"unknown key '{cut(name)}' in '{key}'"
                          f"{_hint(str(name)[:100], ORIGIN_KEYS)}")
                return None
        clean = {name: _date_text(item) for name, item in value.items() if item is not None}
        if clean.get("date") and not _valid_date(clean["date"]):
            self.fail(key, f"'{key}.date' must be a year, month or day written 2013, 2013-10 or "
                      f"2013-10-24, not '{cut(clean['date'], 40)}'")
            return None
        return Origin(**clean)

    def agenda(self, key: str, value: Any) -> tuple[AgendaItem, ...] | None:
        """Return the agenda: a list of one-key mappings `item: minutes`."""
        if not isinstance(value, list):
            self.fail(key, f"'{key}' must be a list of '- item: minutes' lines, not {_kind(value)}")
            return None
        if len(value) > MAX_AGENDA_ITEMS:
            self.fail(key, f"'{key}' has {len(value)} items; it may have at most "
                      f"{MAX_AGENDA_ITEMS} (as many as sections)")
            return None
        items = []
        for index, entry in enumerate(value):
            if not (isinstance(entry, dict) and len(entry) == 1):
                self.fail(key, f"agenda item {index + 1} must be one '- item: minutes' pair, "
                          f"not {shown(entry)}", index)
                return None
            (title, minutes_value), = entry.items()
            if not isinstance(title, (str, int, float)) or isinstance(title, bool):
                self.fail(key, f"agenda item {index + 1} must be named by text, "
                          f"not {_kind(title)}", index)
                return None
            if self.short(key, str(title).strip(), MAX_HEADING_CHARS, index,
                          f"agenda item {index + 1}") is None:
                return None
            minutes_value, lead = self.agenda_details(key, index, title, minutes_value)
            minutes = parse_duration(minutes_value)
            if minutes is None:
                self.fail(key, f"agenda item '{cut(title)}' needs a number of minutes, "
                          f"not {shown(minutes_value)}", index)
                return None
            items.append(AgendaItem(str(title).strip(), minutes, self.pos(key, index), lead))
        return tuple(items)

    def agenda_details(self, key: str, index: int, title: Any, value: Any) -> tuple[Any, str]:
        """Return an agenda item's minutes and who leads it: `15` or `{minutes: 15, lead: Ana}`."""
        if not isinstance(value, dict):
            return value, ""
        for name in value:
            if name not in AGENDA_KEYS:
                self.fail(key, f"unknown key '{cut(name)}' in agenda item '{cut(title)}'"
                          f"{_hint(str(name)[:100], AGENDA_KEYS)}", index)
        lead = value.get("lead")
        return value.get("minutes"), cut(lead, MAX_ITEM_CHARS["facilitators"]).strip() \
            if lead is not None else ""


SCHEMA: dict[str, Callable[[_Fields, str, Any], Any]] = {
    "title": _Fields.text,
    "subtitle": _Fields.text,
    "summary": _Fields.text,
    "language": _Fields.language,
    "duration": _Fields.duration,
    "start": _Fields.clock,
    "audience": _Fields.text,
    "objectives": _Fields.texts,
    "agenda": _Fields.agenda,
    "origin": _Fields.origin,
    "video": _Fields.url,
    "tags": _Fields.texts,
    "facilitators": _Fields.texts,
    "licence": _Fields.text,
    "takeaways": _Fields.texts,
}


def _kind(value: Any) -> str:
    """Return a reader's name for a YAML value's type."""
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
             float: "a number", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


_hint = did_you_mean


def _valid_date(text: str) -> bool:
    """Return whether text is YYYY, YYYY-MM or YYYY-MM-DD and a real date."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not match:
        return False
    try:
        datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return False
    return True


def _date_text(value: Any) -> str:
    """Return a YAML date or text as text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return str(value).strip()


def _line_map(node: yaml.Node, first_line: int) -> tuple[dict, dict]:
    """Return the line of every top-level key and list item, and each key's raw scalar text."""
    lines: dict = {}
    raw: dict = {}
    if not isinstance(node, yaml.MappingNode):
        return lines, raw
    for key_node, value_node in node.value:
        key = key_node.value
        lines[(key, None)] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.ScalarNode):
            raw[key] = value_node.value
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[(key, index)] = first_line + item.start_mark.line
    return lines, raw


def _duplicate_key(node: yaml.Node) -> yaml.Node | None:
    """Return the node of the first key that appears twice in a mapping."""
    seen = set()
    for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
        if key_node.value in seen:
            return key_node
        seen.add(key_node.value)
    return None


def parse_meta(split: Split, path: str, file_lang: str | None, default_lang: str,
               reporter: Reporter) -> Meta | None:
    """Return validated metadata, reporting every problem of the front matter."""
    if split.front is None:
        reporter.error(SourcePos(path, 1), "no front matter: start the file with a '---' line, "
                       "YAML metadata (at least 'title: ...') and another '---' line",
                       "meta.missing")
        return None
    first = split.front_line
    try:
        limit = yaml_limit(split.front)
        if limit is not None:
            reporter.error(SourcePos(path, first + limit[0]), limit[1], "meta.limit")
            return None
        node = compose(split.front)
        data = construct(node)
    except yaml.YAMLError as exc:
        offset, problem = yaml_problem(exc)
        reporter.error(SourcePos(path, first + offset), f"invalid YAML in front matter: {problem}",
                       "meta.yaml")
        return None
    if not isinstance(data, dict):
        reporter.error(SourcePos(path, first), "front matter must be a mapping of "
                       f"'key: value' lines, not {_kind(data)}", "meta.mapping")
        return None
    duplicate = _duplicate_key(node)
    if duplicate is not None:
        reporter.error(SourcePos(path, first + duplicate.start_mark.line),
                       f"key '{cut(duplicate.value)}' appears twice", "meta.duplicate")
    lines, raw = _line_map(node, first)
    return _validate(data, raw, _Fields(reporter, path, lines, first), file_lang, default_lang)


def _validate(data: dict, raw: dict, fields: _Fields, file_lang: str | None,
              default_lang: str) -> Meta:
    """Return Meta from a parsed mapping, reporting unknown keys and bad values."""
    clean: dict = {}
    for key, value in data.items():
        key = str(key)
        if key not in SCHEMA:
            fields.reporter.error(fields.pos(key), f"unknown key '{cut(key)}'"
                                  f"{_hint(key[:100], SCHEMA)}", "meta.unknown")
            continue
        if value is None:
            continue
        if key == "start" and isinstance(value, int):
            value = raw.get(key, value)  # YAML 1.1 reads an unquoted 09:30 as a number
        result = SCHEMA[key](fields, key, value)
        if result is not None:
            clean[key] = result
    if "title" not in clean and "title" not in map(str, data):
        fields.reporter.error(fields.pos("title"), "missing required key 'title'", "meta.title")
    _check_language(clean, fields, file_lang)
    _check_agenda_total(clean, fields)
    clean.setdefault("title", "")
    clean.setdefault("language", file_lang or default_lang)
    if "duration" not in clean and clean.get("agenda"):
        clean["duration"] = sum(item.minutes for item in clean["agenda"])
    return Meta(**clean)


def _check_language(clean: dict, fields: _Fields, file_lang: str | None) -> None:
    """Report a `language` key that contradicts the file's suffix."""
    if file_lang and clean.get("language") not in (None, file_lang):
        fields.fail("language", f"language is '{cut(clean['language'])}' "
                    f"but the file name says '{file_lang}'")


def _check_agenda_total(clean: dict, fields: _Fields) -> None:
    """Report an agenda whose minutes do not add up to the duration."""
    agenda, duration = clean.get("agenda"), clean.get("duration")
    if not agenda or duration is None:
        return
    total = sum(item.minutes for item in agenda)
    if total != duration:
        fields.reporter.error(fields.pos("agenda"), f"agenda adds up to {total} min "
                              f"({format_minutes(total)}) but duration is {duration} min "
                              f"({format_minutes(duration)})", "meta.agenda-total")
