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


def last_changed(path: Path, root: Path) -> Changed:
    """Return when a file last changed: its last commit if the project is a git repository and the
    file is committed unchanged, else its modification time."""
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=root,
                               capture_output=True, text=True, timeout=10)
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=root,
                               capture_output=True, text=True, timeout=10)
        if dirty.returncode == 0 and not dirty.stdout.strip() and stamp.stdout.strip():
            return Changed(float(stamp.stdout.strip()), "git")
    except (OSError, subprocess.SubprocessError):
        pass
    return Changed(path.stat().st_mtime, "file date")


def check_stale(original: Workshop, translation: Workshop, root: Path, reporter: Reporter) -> None:
    """Warn when the original changed after its translation was last touched."""
    first = last_changed(root / original.source.path, root)
    second = last_changed(root / translation.source.path, root)
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
