"""Work spread over forked processes gives what the build's own process gives, in the same order."""
from __future__ import annotations

import os
from pathlib import Path

from mawjaz.errors import Problems
from mawjaz.incremental.entry_cache import _parse_file
from mawjaz.incremental.workers import map_in_workers, worker_count
from mawjaz.registries import load_registries

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "site_content"


def process_and_square(number: int, offset: int) -> tuple[int, int]:
    return os.getpid(), number * number + offset


def test_items_are_mapped_in_other_processes_and_come_back_in_order(monkeypatch):
    monkeypatch.setenv("MAWJAZ_WORKERS", "2")
    results = map_in_workers(process_and_square, list(range(40)), 1)
    assert [value for _, value in results] == [n * n + 1 for n in range(40)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_one_worker_maps_in_the_build_s_own_process(monkeypatch):
    monkeypatch.setenv("MAWJAZ_WORKERS", "1")
    assert worker_count() == 1
    assert {pid for pid, _ in map_in_workers(process_and_square, [1, 2, 3], 0)} == {os.getpid()}


def test_entries_parsed_in_workers_equal_entries_parsed_here_with_their_problems(monkeypatch):
    registries = load_registries(CONTENT, Problems())
    names = sorted(path.name for path in (CONTENT / "entries").glob("*.md"))
    here = [_parse_file(name, CONTENT / "entries", registries, None) for name in names]
    monkeypatch.setenv("MAWJAZ_WORKERS", "2")
    assert map_in_workers(_parse_file, names, CONTENT / "entries", registries, None) == here
    assert all(entry is not None for entry, _, _ in here)
