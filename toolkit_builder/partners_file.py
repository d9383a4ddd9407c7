"""partners.yml: the partners of a project.

It is read and validated with a file and line for every problem.

```yaml
elvtind-klynge:                      # the partner's slug: its files are named with it
  name: Elvtind Industriklynge
  theme: elvtind-klynge              # themes/<theme>/, which extends the default theme
  languages: [nb]                    # the languages it runs workshops in
  contact: {name: Ingrid Berg, email: ingrid.berg@elvtind.example}
  workshops: [cluster-membership]    # optional: the workshops it runs (default: all)
  sessions:                          # optional: its local sessions
    - workshop: cluster-membership
      date: 2027-03-11
      start: "09:00"
      venue: Elvtind næringshage, Kongsberg
      facilitators: [Ingrid Berg]
      registration: https://elvtind.example/pamelding
```
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Reporter
from .frontmatter import CLOCK_RE, TextDatesLoader, yaml_problem
from .model import SourcePos
from .partners import Partner, Session
from .sources import SLUG_RE
from .suggest import did_you_mean

FILE = "partners.yml"
PARTNER_KEYS = ("name", "theme", "languages", "contact", "workshops", "sessions")
CONTACT_KEYS = ("name", "email")
SESSION_KEYS = ("workshop", "date", "start", "venue", "facilitators", "registration", "language")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Path_ = tuple[Any, ...]


def _lines(node: yaml.Node, prefix: Path_ = (), twice: list | None = None) -> dict[Path_, int]:
    """Return the 1-based line of every mapping key and list item, by its path.

    Keys given twice are noted in `twice`.
    """
    lines: dict[Path_, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, key.value)
            if path in lines and twice is not None:
                twice.append((path, key.start_mark.line + 1))
            lines[path] = key.start_mark.line + 1
            lines.update(_lines(value, path, twice))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*prefix, index)] = item.start_mark.line + 1
            lines.update(_lines(item, (*prefix, index), twice))
    return lines


class _Checker:
    """Reports problems of partners.yml at the line of the key they concern."""

    def __init__(self, reporter: Reporter, lines: dict[Path_, int], known: dict[str, Any]):
        self.reporter, self.lines, self.known = reporter, lines, known

    def pos(self, path: Path_) -> SourcePos:
        """Return the place of a key path (or its nearest parent)."""
        while path and path not in self.lines:
            path = path[:-1]
        return SourcePos(FILE, self.lines.get(path, 1))

    def fail(self, path: Path_, message: str, code: str) -> None:
        """Report an error at a key path."""
        self.reporter.error(self.pos(path), message, f"partners.{code}")

    def keys(self, data: Any, path: Path_, allowed: tuple[str, ...], what: str) -> dict:
        """Return a mapping, reporting it if it is not one and every key it should not have."""
        if not isinstance(data, dict):
            self.fail(path, f"{what} must be a mapping of 'key: value' lines", "type")
            return {}
        for key in data:
            if key not in allowed:
                self.fail((*path, key),
                          f"unknown key '{key}' in {what}{did_you_mean(str(key), allowed)}",
                          "unknown-key")
        return data

    def text(self, data: dict, path: Path_, key: str, required: bool = False) -> str:
        """Return a text value ('' if missing).

        A missing required value or a value that is not text is reported.
        """
        value = data.get(key)
        if value is None:
            if required:
                self.fail(path, f"'{key}' is required", "missing")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail((*path, key), f"'{key}' must be text", "type")
            return ""
        return str(value).strip()

    def texts(self, data: dict, path: Path_, key: str) -> tuple[str, ...]:
        """Return a list of texts (a single text counts as a list of one)."""
        value = data.get(key)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            self.fail((*path, key), f"'{key}' must be a list of texts", "type")
            return ()
        return tuple(i.strip() for i in items)

    def choice(self, value: str, path: Path_, choices, what: str, code: str) -> bool:
        """Return whether a value is one of the choices, reporting it with a hint if not."""
        if value in choices:
            return True
        self.fail(path, f"no {what} '{value}'{did_you_mean(value, choices)}; "
                  f"known: {', '.join(sorted(choices)) or 'none'}", code)
        return False


def _date(checker: _Checker, value: Any, path: Path_) -> str:
    """Return a session date as YYYY-MM-DD, reporting an invalid one."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value or "").strip()
    try:
        if DATE_RE.match(text):
            return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    checker.fail(path, f"'date' must be a date written YYYY-MM-DD, not '{text[:40]}'", "date")
    return ""


def _session(checker: _Checker, data: Any, path: Path_,
             partner_langs: tuple[str, ...]) -> Session | None:
    """Return one local session, or None after reporting what is wrong with it."""
    errors = len(checker.reporter.errors)
    data = checker.keys(data, path, SESSION_KEYS, "a session")
    workshop = checker.text(data, path, "workshop", required=True)
    if workshop:
        checker.choice(workshop, (*path, "workshop"), checker.known["workshops"], "workshop",
                       "workshop")
    date = _date(checker, data.get("date"), (*path, "date")) if "date" in data else ""
    if "date" not in data:
        checker.fail(path, "'date' is required", "missing")
    start = checker.text(data, path, "start")
    match = CLOCK_RE.match(start) if start else None
    if start and not match:
        checker.fail((*path, "start"),
                     f"'start' must be a clock time like 09:30, not '{start[:20]}'", "time")
    language = checker.text(data, path, "language")
    if language:
        checker.choice(language, (*path, "language"), partner_langs, "language of this partner",
                       "language")
    registration = checker.text(data, path, "registration")
    if registration and not registration.startswith("https://"):
        checker.fail((*path, "registration"), "'registration' must be an https:// address", "url")
    if len(checker.reporter.errors) > errors:
        return None
    clock = f"{int(match[1]):02d}:{match[2]}" if match else None
    return Session(workshop, date, checker.pos(path), clock,
                   checker.text(data, path, "venue"), checker.texts(data, path, "facilitators"),
                   registration, language)


def _partner(checker: _Checker, slug: Any, data: Any) -> Partner | None:
    """Return one partner, or None after reporting what is wrong with it."""
    path: Path_ = (slug,)
    errors = len(checker.reporter.errors)
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        checker.fail(path, f"partner slug '{slug}' must be lowercase letters, digits and hyphens",
                     "slug")
    data = checker.keys(data, path, PARTNER_KEYS, f"partner '{slug}'")
    name = checker.text(data, path, "name", required=True)
    theme = checker.text(data, path, "theme", required=True)
    if theme:
        checker.choice(theme, (*path, "theme"), checker.known["themes"], "theme", "theme")
    languages = checker.texts(data, path, "languages")
    if not languages:
        checker.fail(path, "'languages' must list at least one language", "missing")
    for index, lang in enumerate(languages):
        checker.choice(lang, (*path, "languages", index), checker.known["languages"],
                       "site language", "language")
    contact = checker.keys(data.get("contact") or {}, (*path, "contact"), CONTACT_KEYS, "contact")
    email = checker.text(contact, (*path, "contact"), "email")
    if email and not EMAIL_RE.match(email):
        checker.fail((*path, "contact", "email"), f"'{email[:40]}' is not an e-mail address",
                     "email")
    workshops = checker.texts(data, path, "workshops")
    for index, workshop in enumerate(workshops):
        checker.choice(workshop, (*path, "workshops", index), checker.known["workshops"],
                       "workshop", "workshop")
    items = data.get("sessions") or []
    if not isinstance(items, list):
        checker.fail((*path, "sessions"), "'sessions' must be a list", "type")
        items = []
    sessions = [_session(checker, item, (*path, "sessions", i), languages)
                for i, item in enumerate(items)]
    if len(checker.reporter.errors) > errors:
        return None
    return Partner(slug, name, theme, languages, checker.pos(path),
                   checker.text(contact, path, "name"), email, tuple(s for s in sessions if s),
                   workshops, checker.pos((*path, "theme")))


def _parse(text: str, reporter: Reporter) -> tuple[Any, dict[Path_, int]] | None:
    """Return the file's data and key lines, or None after reporting why it is unreadable."""
    try:
        node = yaml.compose(text, Loader=TextDatesLoader)
        data = yaml.load(text, Loader=TextDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        offset, problem = yaml_problem(exc)
        reporter.error(SourcePos(FILE, offset + 1), f"invalid YAML: {problem}", "partners.yaml")
        return None
    twice: list = []
    lines = _lines(node, (), twice) if node is not None else {}
    for path, line in twice:
        reporter.error(SourcePos(FILE, line),
                       f"'{path[-1]}' is given twice; the first one would be lost",
                       "partners.duplicate")
    return data, lines


def load_partners(root: Path, known: dict[str, Any], reporter: Reporter) -> tuple[Partner, ...]:
    """Return the valid partners of partners.yml (none if the file is missing).

    Every problem is reported.

    `known` gives the names a partner may refer to: `workshops`, `themes`, `languages`.
    """
    path = root / FILE
    if not path.is_file():
        return ()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        reporter.error(SourcePos(FILE, exc.object[:exc.start].count(b"\n") + 1), "not valid UTF-8",
                       "partners.encoding")
        return ()
    parsed = _parse(text, reporter)
    if parsed is None or parsed[0] is None:
        return ()
    data, lines = parsed
    checker = _Checker(reporter, lines, known)
    if not isinstance(data, dict):
        checker.fail((), "partners.yml must map each partner's slug to its settings", "type")
        return ()
    found = [_partner(checker, slug, value) for slug, value in data.items()]
    return tuple(p for p in found if p)
