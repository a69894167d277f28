"""The search shards a build must index again, started as soon as the entries are loaded.

A shard's records need only the published entries in the site's order, their statements and the
registries, not the grouped site; indexing them is mostly Pagefind's own work, in a process of its own.
So a build that has few shards to index (an edit, a new entry, a small site) forks one process for them
right after loading the entries, and that process makes their bundles inside the staging folder while the
build groups, plans and renders. Making the outputs then only moves the finished bundles into place. At
10,000 entries an edit's one shard (about 650 entries, 1.5 s of Pagefind) used to start only after
grouping and planning, and the build waited for it.

A build with more shards to index than cores (a full build of a big site) leaves them to the pool of
workers (mawjaz.incremental.outputs), which runs them side by side with the pages.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..model import Entry, Registries
from ..search import WORK_PREFIX, SearchSource, make_bundle, published_shards, search_as_indexed, shard_path
from ..site import entry_statements, sort_key
from .fingerprints import EntryDigests, shard_digests
from .manifest import Manifest


@dataclass(frozen=True)
class AheadBundle:
    work: str               # the folder holding the finished bundle (search.index.BUNDLE_NAME)
    outcome: str            # "" or what went wrong, as search.index.report_shard reads it


class SearchAhead:
    """The process indexing shards ahead of the other outputs; `digests` names them: output → digest."""


    def __init__(self, pid: int, reading: int, digests: dict[str, str]):
        self.digests = digests
        self._process: tuple[int, int] | None = (pid, reading)

    def covers(self, output: str, digest: str) -> bool:
        return self.digests.get(output) == digest

    def finish(self) -> dict[str, AheadBundle]:
        """Wait for the process; the bundles it made, by output ({} if it failed: the shards are then made
        as if it had never run)."""
        if self._process is None:
            return {}
        pid, reading = self._process
        self._process = None
        with os.fdopen(reading, encoding="utf-8") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not report:
            return {}
        return {output: AheadBundle(work, outcome) for output, (work, outcome) in json.loads(report).items()}

    def stop(self) -> None:
        """After a failed run: the process is killed (its folders go with the staging folder)."""
        if self._process is not None:
            os.kill(self._process[0], signal.SIGKILL)
            self.finish()


def search_source(config: Config, registries: Registries, entries: list[Entry]) -> SearchSource:
    """The same SearchSource that SearchSource.of_site gives once the entries are grouped."""
    published = sorted((entry for entry in entries if entry.status == "published"), key=sort_key, reverse=True)
    statements = {entry.id: entry_statements(entry, registries.actor_by_id) for entry in published}
    shards = tuple(published_shards(published, config.search_shard_entries))
    return SearchSource(registries, config.locale, tuple(published), statements, shards)


def start_search_ahead(config: Config, registries: Registries, entries: list[Entry], known_digests: dict,
                       everything: str, previous: Manifest | None, staging: Path,
                       most: int) -> tuple[SearchAhead | None, EntryDigests]:
    """Fork the process that indexes the shards whose digest differs from the previous build's, when there
    are at least one and at most `most` of them; and the entries' digests (EntryDigests, with `known_digests`).

    The process is forked before the shards' digests are compared with the previous build's, and
    compares them itself, so that Pagefind starts that much sooner (an entry parsed again has its digests
    worked out there too); this process works out the same shards to index, and stops it if there are
    none or too many."""
    source = search_source(config, registries, entries) if config.search_enabled else None
    if source is None or (previous is None and len(source.shards) > most):
        # a first build of many shards: every one is to index, in the pool
        return None, EntryDigests(entries, known_digests)
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:                        # the indexing process: makes the bundles, reports them, and ends
        code = 1
        try:
            os.close(reading)
            todo = _shards_to_index(source, everything, EntryDigests(entries, known_digests), previous, most)
            made = _make_bundles(source, list(todo), staging) if todo else {}
            with os.fdopen(writing, "w", encoding="utf-8") as pipe:
                pipe.write(json.dumps(made))
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    entry_digests = EntryDigests(entries, known_digests)
    ahead = SearchAhead(pid, reading, {shard_path(shard): digest for shard, digest in
                                       _shards_to_index(source, everything, entry_digests, previous, most).items()})
    if not ahead.digests:
        ahead.stop()
        return None, entry_digests
    return ahead, entry_digests


def _shards_to_index(source: SearchSource, everything: str, entry_digests: EntryDigests, previous: Manifest | None,
                     most: int) -> dict[str, str]:
    """Shard → digest, for the shards whose digest differs from the previous build's; {} if more than `most`."""
    recorded = previous.outputs if previous is not None else {}
    todo = {shard: digest for shard, digest in shard_digests(source, everything, entry_digests).items()
            if recorded.get(shard_path(shard), ("",))[0] != digest}
    return todo if len(todo) <= most else {}


def _make_bundles(source: SearchSource, shards: list[str], staging: Path) -> dict[str, list[str]]:
    search = search_as_indexed(source, shards)

    def make(shard: str) -> tuple[str, list[str]]:
        work = tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{shard}-", dir=staging)
        return shard_path(shard), [work, make_bundle(Path(work), shard, search.shards[shard])]

    with ThreadPoolExecutor(max_workers=len(shards)) as pool:    # each waits on a Pagefind process of its own
        return dict(pool.map(make, shards))


def remove_work_folders(bundles: dict[str, AheadBundle]) -> None:
    """Once the bundles are placed (or not wanted after all): their folders go, so none is published."""
    for bundle in bundles.values():
        shutil.rmtree(bundle.work, ignore_errors=True)
