"""How many processes a build spreads its work over, and a map over forked processes for the stages that
parse or render many files.

Workers are forked, so they start with everything the build has loaded (nothing is sent to them but their
share of the items) and import nothing again.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence

_SHARED: tuple | None = None        # (function, arguments), inherited by the forked workers


def worker_count() -> int:
    """One process per core; MAWJAZ_WORKERS sets another number (1: everything in the build's own process)."""
    asked = os.environ.get("MAWJAZ_WORKERS", "")
    return max(1, int(asked)) if asked.isdigit() else (os.cpu_count() or 1)


def map_in_workers(function: Callable, items: Sequence, *arguments, chunks_per_worker: int = 4) -> list:
    """[function(item, *arguments) for item in items], in forked worker processes when there is more than
    one; the results come back pickled, in the items' order."""
    workers = min(worker_count(), len(items))
    if workers < 2:
        return [function(item, *arguments) for item in items]
    global _SHARED
    _SHARED = (function, arguments)
    size = -(-len(items) // (workers * chunks_per_worker))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done = pool.map(_run_chunk, [items[start:start + size] for start in range(0, len(items), size)])
    finally:
        _SHARED = None
    return [result for chunk in done for result in chunk]


def _run_chunk(chunk: Sequence) -> list:
    function, arguments = _SHARED
    return [function(item, *arguments) for item in chunk]
