"""Builds that take turns and stop cleanly: one build of a project at a time (a lock the kernel
frees when a build dies) and SIGTERM handled as Ctrl-C. The worker processes are processes.py's.
"""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, Terminated

LOCK_FILE = "build.lock"     # in .cache/: holds the pid and start time of the running build


def holder(handle: int, tries: int = 20) -> str:
    """Return the message naming the build that holds the lock (from the pid and time it wrote)."""
    for _ in range(tries):  # a build that has just taken the lock may not have written them yet
        try:
            pid, started = os.pread(handle, 100, 0).decode("ascii").split()[:2]
            at = time.strftime("%H:%M:%S", time.localtime(float(started)))
            return f"waiting for the build that started at {at} (pid {int(pid)}) to finish…"
        except (OSError, ValueError, UnicodeDecodeError):
            time.sleep(0.05)
    return "waiting for another build of this project to finish…"


@contextmanager
def build_lock(cache_dir: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the project's build lock, calling `waiting` with a message first if a build has it."""
    path = cache_dir / LOCK_FILE
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"{cache_dir.name}/{LOCK_FILE}: error: could not take the build lock: "
                          f"{exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(holder(handle))
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            mine = f"{os.getpid()} {time.time():.0f}\n".encode("ascii")
            os.ftruncate(handle, os.pwrite(handle, mine, 0))  # never empty for a waiting build
        except OSError:
            pass  # the lock holds all the same; a waiting build just cannot say whose it is
        yield
    finally:
        os.close(handle)  # closing frees the lock, as the kernel does when a build dies


def _terminate(signum, frame) -> None:
    """Raise Terminated: SIGTERM stops a build the way Ctrl-C does."""
    raise Terminated()


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Handle SIGTERM as Ctrl-C while the block runs (only the main thread can handle signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
