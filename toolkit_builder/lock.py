"""Builds that take turns and stop cleanly: one build of a project at a time (a lock the kernel
frees when a build dies), SIGTERM handled as Ctrl-C, and worker processes that die with their build.
"""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, Terminated

LOCK_FILE = "build.lock"     # in .cache/: holds the pid and start time of the running build
PR_SET_PDEATHSIG = 1         # prctl option: the signal a process gets when its parent dies


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


def worker_init(parent: int) -> None:
    """Set up a worker process: it dies with its build, and leaves Ctrl-C to its build."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the pool's own checks notice the build's death, if later
    if os.getppid() != parent:  # the build died before the worker asked to die with it
        os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel a pool's pending jobs and end its workers now, not after their current job."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(1)


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Return a process pool whose workers die with the build and stop at once if it fails."""
    pool = ProcessPoolExecutor(workers, initializer=worker_init, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()
