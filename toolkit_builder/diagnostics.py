"""Findings with a place and a code, collected by a Reporter and printed by the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import SourcePos

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding: level, place, message and a short code naming its kind."""

    pos: SourcePos
    level: str
    message: str
    code: str = ""

    def format(self) -> str:
        """Return the finding as `path:line: level: message`."""
        return f"{self.pos}: {self.level}: {self.message}"


@dataclass
class Reporter:
    """Collects findings, drops duplicates and counts them."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, level: str, pos: SourcePos, message: str, code: str = "") -> None:
        """Record a finding unless the same one is already recorded."""
        diagnostic = Diagnostic(pos, level, message, code)
        if diagnostic not in self.items:
            self.items.append(diagnostic)

    def error(self, pos: SourcePos, message: str, code: str = "") -> None:
        """Record an error."""
        self.add(ERROR, pos, message, code)

    def warning(self, pos: SourcePos, message: str, code: str = "") -> None:
        """Record a warning."""
        self.add(WARNING, pos, message, code)

    def extend(self, other: Reporter) -> None:
        """Add every finding of another reporter."""
        for item in other.items:
            self.add(item.level, item.pos, item.message, item.code)

    @property
    def errors(self) -> list[Diagnostic]:
        """Return the errors."""
        return [d for d in self.items if d.level == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Return the warnings."""
        return [d for d in self.items if d.level == WARNING]

    def failed(self, strict: bool = False) -> bool:
        """Return whether the findings fail a run (with `strict`, warnings count too)."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        """Return the findings ordered by file and line."""
        return sorted(self.items, key=lambda d: (d.pos.path, d.pos.line, d.level, d.message))


def plural(count: int, word: str) -> str:
    """Return `1 error`, `2 errors`."""
    return f"{count} {word}{'' if count == 1 else 's'}"
