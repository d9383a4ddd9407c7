"""Translation status: which workshop exists in which language, stale translations, catalogue
gaps."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Reporter
from .i18n import LOCALES, base_language
from .model import SourcePos, Workshop


@dataclass(frozen=True)
class Changed:
    """When a source file last changed, and how that was learnt ('git' or 'file date')."""

    seconds: float
    how: str


def _git(root: Path, *args: str) -> list[str] | None:
    """Return the lines git prints for a command in `root`, or None if it fails."""
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root,
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.splitlines() if done.returncode == 0 else None


def last_changes(paths: list[str], root: Path) -> dict[str, Changed]:
    """Return when each file (relative to `root`) last changed: its last commit if the project is a
    git repository and the file is committed unchanged, else its modification time (git is asked
    three times in all, not twice per file)."""
    commits: dict[str, float] = {}
    dirty: set[str] = set(paths)
    if paths:
        log = _git(root, "log", "--format=@%ct", "--name-only", "--relative", "--", *paths)
        changed = _git(root, "diff", "--name-only", "--relative", "HEAD", "--", *paths)
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", *paths)
        if log is not None and changed is not None and untracked is not None:
            dirty = set(changed) | set(untracked)
            stamp = 0.0
            for line in log:
                if line.startswith("@"):
                    stamp = float(line[1:])
                elif line:
                    commits.setdefault(line, stamp)  # newest first: the first is the last change
    return {path: Changed(commits[path], "git") if path in commits and path not in dirty
            else Changed((root / path).stat().st_mtime, "file date") for path in paths}


def check_stale(original: Workshop, translation: Workshop, changes: dict[str, Changed],
                reporter: Reporter) -> None:
    """Warn when the original changed after its translation was last touched (`changes`: from
    `last_changes`)."""
    first, second = changes[original.source.path], changes[translation.source.path]
    if first.seconds > second.seconds:
        how = first.how if first.how == second.how else f"{first.how} / {second.how}"
        reporter.warning(translation.source, f"translation may be out of date: "
                         f"{original.source.path} changed after it (by {how})",
                         "translation.stale")


def catalogue_ids(path: Path) -> set[str]:
    """Return the translated messages of a catalogue (or of the template: every message)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        catalogue = read_po(source)
    template = path.suffix == ".pot"
    return {m.id for m in catalogue if m.id and (template or (m.string and not m.fuzzy))}


def check_catalogues(languages, root: Path, reporter: Reporter) -> None:
    """Warn about each site language whose catalogue lacks messages the code uses."""
    template = LOCALES / "toolkit.pot"
    if not template.is_file():
        return
    wanted = catalogue_ids(template)
    for lang in sorted(languages):
        po = LOCALES / base_language(lang) / "LC_MESSAGES" / "toolkit.po"
        shown = _shown(po, root)
        if not po.is_file():
            reporter.warning(SourcePos(shown), f"no interface catalogue for '{lang}': its "
                             "documents show English words (sh tools/i18n.sh init " + lang + ")",
                             "translation.catalogue")
            continue
        missing = sorted(wanted - catalogue_ids(po))
        if missing:
            reporter.warning(SourcePos(shown), f"{len(missing)} interface message(s) untranslated, "
                             f"e.g. '{missing[0][:60]}': they show in English",
                             "translation.catalogue")


def _shown(path: Path, root: Path) -> str:
    """Return a path relative to the project if it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def table(workshops: dict[str, dict[str, Workshop]], languages: list[str]) -> list[list[str]]:
    """Return the status table: a row per workshop, a column per language
    ('original', 'yes', '—')."""
    rows = [["workshop", *languages]]
    for slug in sorted(workshops):
        langs = workshops[slug]
        originals = {lang for lang, w in langs.items() if "." not in Path(w.source.path).stem}
        rows.append([slug, *("original" if lang in originals else "yes" if lang in langs else "—"
                            for lang in languages)])
    return rows
