"""Worker processes that die with their build and leave Ctrl-C to it: the pools that render
artifacts and read a large project's files in parallel."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
PR_SET_PDEATHSIG = 1         # prctl option: the signal a process gets when its parent dies
# Items a worker process takes at least: below that, starting the workers costs more.
PARALLEL_ITEMS = 24


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


def map_in_workers(function: Callable[[T], R], items: list[T]) -> list[R]:
    """Return `function` of each item, in order: in worker processes (one per core) when there
    are at least PARALLEL_ITEMS for each, else in this process."""
    workers = min(os.cpu_count() or 1, len(items) // PARALLEL_ITEMS)
    if workers < 2:
        return [function(item) for item in items]
    with worker_pool(workers) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))))
