"""Entries parsed by an earlier build, reused while their file is unchanged.

Parsing and checking 10,000 entries takes seconds; reading them and comparing digests takes a tenth of
that, so a rebuild after one edit parses one file. Each entry keeps the digests of its front matter and
body beside it (mawjaz.incremental.fingerprints), worked out again only when it is parsed again. An
entry is reused only if it parsed without errors (an error can depend on other files, such as an id
taken twice, so it is always checked afresh), and only under the same code, registries and folders:
anything else starts an empty cache.

The cache is a pickle, read with an unpickler that builds only the few classes an entry is made of, so a
planted cache file cannot run code.
"""
from __future__ import annotations

import io
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from ..entries import check_event_links, read_entry
from ..errors import Problem, Problems
from ..model import Entry, Evidence, ProposedActor, Registries
from ..yamlio import LineDict, LineList
from .fingerprints import entry_digests
from .manifest import write_cache_file
from .workers import map_in_workers

FORMAT = 4
ALLOWED = {("mawjaz.model", "Entry"): Entry, ("mawjaz.model", "Evidence"): Evidence,
           ("mawjaz.model", "ProposedActor"): ProposedActor,
           ("mawjaz.yamlio", "LineDict"): LineDict, ("mawjaz.yamlio", "LineList"): LineList,
           ("mawjaz.errors", "Problem"): Problem}


class _EntriesOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in ALLOWED:
            return ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"{module}.{name} is not part of an entry")


@dataclass(frozen=True)
class CacheUpdate:
    """The cache as this run leaves it; written when the caller has a moment (0.13 s at 10,000 entries,
    which a build spends while its search shards are indexing rather than before)."""
    cache_file: Path
    salt: str
    entries: dict           # file name → (file digest, entry, problems, card digest, whole digest)

    def write(self) -> None:
        _write(self.cache_file, self.salt, self.entries)

    def known_digests(self) -> dict[str, tuple[Entry, str, str]]:
        """Entry id → (entry, card, whole) for the entries the cache holds (fingerprints.EntryDigests)."""
        return {entry.id: (entry, card, whole) for _, entry, _, card, whole in self.entries.values()}


def load_entries(entries_dir: Path, registries: Registries | None, problems: Problems, cache_file: Path,
                 salt: str, digests: dict[str, str]) -> tuple[list[Entry], CacheUpdate]:
    """entries.load_entries, with the entries whose file is unchanged taken from `cache_file`, and the
    cache to write in its place; `digests` are the files' digests as the run read them at its start
    (mawjaz.incremental.inputs.entry_digests)."""
    cached = _read(cache_file, salt)
    names, links = _entry_files(entries_dir)
    unchanged = {name for name in names
                 if name not in links and name in cached and digests.get(name) == cached[name][0]}
    missed = [name for name in names if name not in unchanged]
    parsed = dict(zip(missed, parse_files(entries_dir, missed, registries, problems.root)))
    fresh: dict[str, tuple] = {}
    entries = []
    for name in names:
        if name in unchanged:
            fresh[name] = cached[name]
            entry, found = cached[name][1:3]
        else:
            entry, found, entry_digest_pair = parsed[name]
            if entry is not None and name not in links and digests.get(name) is not None \
                    and not any(p.severity == "error" for p in found):
                fresh[name] = (digests[name], entry, found, *entry_digest_pair)
        for problem in found:
            problems.add(problem)
        if entry is not None:
            entries.append(entry)
    check_event_links(entries, problems)
    return entries, CacheUpdate(cache_file, salt, fresh)


def _entry_files(entries_dir: Path) -> tuple[list[str], set[str]]:
    """The .md names in order, and those that are symbolic links (checked by the loader every time)."""
    try:
        listing = list(os.scandir(entries_dir))
    except (FileNotFoundError, NotADirectoryError):
        return [], set()
    names = sorted(item.name for item in listing if item.name.endswith(".md"))
    return names, {item.name for item in listing if item.name.endswith(".md") and item.is_symlink()}


PARALLEL_FROM = 1000      # files to parse before worker processes pay for their start and for sending entries back


def parse_files(entries_dir: Path, names: list[str], registries: Registries | None,
                root: Path | None) -> list[tuple[Entry | None, tuple[Problem, ...], tuple[str, str] | None]]:
    """Each file read and checked on its own, with the problems it has; side by side in worker processes
    when there are many (a full build of 10,000 entries spent 2.3 s here in one process)."""
    if len(names) < PARALLEL_FROM:
        return [_parse_file(name, entries_dir, registries, root) for name in names]
    return map_in_workers(_parse_file, names, entries_dir, registries, root)


def _parse_file(name: str, entries_dir: Path, registries: Registries | None, root: Path | None):
    """The entry (or None), its problems, and its card and whole digests (worked out beside the parsing)."""
    own = Problems(root)
    entry = read_entry(entries_dir / name, own, registries)
    return entry, tuple(own.items), entry_digests(entry) if entry is not None else None


def _read(cache_file: Path, salt: str) -> dict:
    try:
        with open(cache_file, "rb") as handle:
            data = _EntriesOnly(io.BytesIO(handle.read())).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, IndexError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("salt") != salt:
        return {}
    return data.get("entries") or {}


def _write(cache_file: Path, salt: str, entries: dict) -> None:
    write_cache_file(cache_file, pickle.dumps({"format": FORMAT, "salt": salt, "entries": entries},
                                              protocol=pickle.HIGHEST_PROTOCOL))
