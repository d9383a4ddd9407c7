"""Publishing site/: a staging folder beside it, world-readable files, an atomic swap, clear
messages when the file system refuses, and cleaning up after builds that were stopped or killed.

A site/ that is a symbolic link is honoured: the build goes beside the link's target and the target
is replaced; the link stays as it is.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .artifacts import Registry
from .config import load_settings
from .diagnostics import Reporter
from .errors import OutputError
from .model import SourcePos

STAGING = ".site-"      # the prefix of a build's staging folder (and MkDocs' own) beside site/
RENAME_EXCHANGE = 2     # renameat2 flag: swap two paths in one step


def shown(path: Path, root: Path) -> str:
    """Return a path as messages show it: relative to the project when inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def reason(exc: OSError) -> str:
    """Return an OS error's reason, with the file it concerns when it names one."""
    text = exc.strerror or str(exc)
    return f"{text}: {exc.filename}" if exc.filename else text


def published(site_dir: Path) -> Path:
    """Return the folder a build replaces: site/ itself, or the target of a site/ link."""
    return site_dir.resolve() if site_dir.is_symlink() else site_dir


def make_readable(folder: Path) -> None:
    """Let everyone read a folder to publish (mkdtemp and a strict umask make it owner-only)."""
    folder.chmod(0o755)
    for base, folders, files in os.walk(folder):
        paths = [Path(base, name) for name in folders + files]
        for path in (p for p in paths if not p.is_symlink()):  # a link's target is not ours
            path.chmod(0o755 if path.is_dir() else path.stat().st_mode & 0o777 | 0o644)


def write_staging(run, plan, staging: Path) -> Reporter:
    """Write a run's artifacts (unless the run wrote them there as they finished) and the manifest
    into the staging folder; return their findings."""
    written = run.registry is not None and run.registry.site_dir == staging
    registry, found = (run.registry if written else Registry(staging)), Reporter()
    for job in plan.jobs:
        rendered = run.results.get(job.path)
        if rendered is None:
            continue
        if not written:
            registry.write(job.workshop.slug, job.workshop.lang, job.kind.name, job.path,
                           rendered.data, job.partner_slug)
        for item in rendered.diagnostics:
            found.add(item.level, item.pos, item.message, item.code)
    registry.write_manifest()
    return found


@contextmanager
def staged(site_dir: Path, root: Path) -> Iterator[Path]:
    """Return a fresh staging folder beside the folder to publish; OS errors become messages."""
    name = f"{shown(site_dir, root)}/"
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=published(site_dir).parent))
    except OSError as exc:
        raise OutputError(f"{name}: error: could not make a folder beside it for the new site: "
                          f"{reason(exc)}") from None
    try:
        yield staging
    except OSError as exc:
        raise OutputError(f"{name}: error: could not write the new site: {reason(exc)}; "
                          f"the previous {name} is untouched") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(new: Path, target: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); return False where that is not possible."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        done = libc.renameat2(-100, os.fsencode(new), -100, os.fsencode(target), RENAME_EXCHANGE)
    except (OSError, AttributeError):
        return False
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot
        return False
    raise OSError(code, os.strerror(code), str(target))


def _remove(path: Path) -> list[str]:
    """Delete a folder as far as possible; return why parts of it could not be deleted."""
    problems: list[str] = []

    def note(function, failed, error) -> None:
        """Remember why one part could not be deleted."""
        error = error[1] if isinstance(error, tuple) else error
        problems.append(reason(error) if isinstance(error, OSError) else str(error))

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=note)
    else:
        shutil.rmtree(path, onerror=note)
    return problems[:1]


def swap_into_place(new: Path, target: Path, name: str = "") -> list[str]:
    """Replace folder `target` by `new` in one step, or raise OutputError leaving it as it was."""
    name = name or f"{target.name}/"
    old = target.with_name(f".{target.name}.old")
    try:
        if not target.exists():
            new.rename(target)
            return []
        if _exchange(new, target):
            old = new
        else:
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            target.rename(old)
            try:
                new.rename(target)
            except OSError:
                old.rename(target)
                raise
    except OSError as exc:
        raise OutputError(f"{name}: error: could not replace it: {reason(exc)}; "
                          f"the previous {name} is untouched") from None
    problems = _remove(old)
    return [f"could not delete the previous site, left in {old.name}/: {problems[0]}"
            ] if problems else []


def leftovers(site_dir: Path) -> list[Path]:
    """Return what stopped builds left beside site/ (and beside the target of a site/ link)."""
    found = []
    for folder in dict.fromkeys((site_dir, published(site_dir))):
        found += [*folder.parent.glob(f"{STAGING}*"), folder.with_name(f".{folder.name}.old")]
    return [path for path in dict.fromkeys(found) if path.is_dir() and not path.is_symlink()]


def clean_leftovers(site_dir: Path, root: Path) -> Reporter:
    """Delete what stopped builds left (holding the build lock); warn of what stays."""
    found, target = Reporter(), published(site_dir)
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.is_dir() and not old.is_symlink():  # lost between 2 renames
        try:
            old.rename(target)
        except OSError:
            pass
    for path in leftovers(site_dir):
        for problem in _remove(path):
            found.warning(SourcePos(f"{shown(path, root)}/"),
                          f"could not delete what a stopped build left: {problem}", "leftover")
    return found


def clean(root: Path, everything: bool = False,
          waiting: Callable[[str], None] = lambda message: None) -> list[Path]:
    """Delete the cache, what stopped builds left (and with `everything` site/), holding the
    build lock so that no build loses its cache midway; return what was deleted."""
    from .lock import LOCK_FILE, build_lock

    settings = load_settings(root)
    cache = settings.root / ".cache"
    removed = []
    with build_lock(cache, waiting):
        parts = [p for p in cache.iterdir() if p.name != LOCK_FILE]
        for path in parts:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        if parts:
            removed.append(cache)
        gone = [*leftovers(settings.site_dir)] + ([settings.site_dir] if everything else [])
        for path in gone:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed
