"""The entry cache: entries whose file is unchanged come back from it, with the digests the plan needs."""
from __future__ import annotations

import shutil
from pathlib import Path

from mawjaz.errors import Problems
from mawjaz.incremental import entry_cache
from mawjaz.incremental.fingerprints import EntryDigests
from mawjaz.incremental.inputs import entry_digests as file_digests
from mawjaz.registries import load_registries

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "site_content"


def load(entries_dir: Path, cache_file: Path):
    problems = Problems()
    registries = load_registries(CONTENT, problems)
    entries, update = entry_cache.load_entries(entries_dir, registries, problems, cache_file, "salt",
                                               file_digests(entries_dir))
    return entries, update


def test_cached_entries_bring_the_digests_worked_out_afresh(tmp_path, monkeypatch):
    entries_dir, cache_file = tmp_path / "entries", tmp_path / "cache.pickle"
    shutil.copytree(CONTENT / "entries", entries_dir)
    first, update = load(entries_dir, cache_file)
    assert not cache_file.exists()                  # written when the build has a moment: by the caller
    update.write()
    edited = entries_dir / sorted(p.name for p in entries_dir.glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة أضافها المحرر.\n", encoding="utf-8")
    parsed, parse = [], entry_cache._parse_file
    monkeypatch.setattr(entry_cache, "_parse_file", lambda name, *rest: parsed.append(name) or parse(name, *rest))
    again, update = load(entries_dir, cache_file)
    assert parsed == [edited.name]                  # the others come from the cache
    assert [e.id for e in again] == [e.id for e in first] and again[1:] == first[1:] and again[0] != first[0]
    known = update.known_digests()
    fresh = EntryDigests(again)
    assert {i: (card, whole) for i, (_, card, whole) in known.items()} == \
        {i: (fresh.card[i], fresh.whole[i]) for i in known}
    assert known[again[0].id][2] != EntryDigests(first).whole[again[0].id]
    with_known = EntryDigests(again, known)
    assert (with_known.card, with_known.whole) == (fresh.card, fresh.whole)


def test_a_known_digest_of_another_entry_with_the_same_id_is_not_taken(tmp_path):
    entries_dir = tmp_path / "entries"
    shutil.copytree(CONTENT / "entries", entries_dir)
    entries, update = load(entries_dir, tmp_path / "cache.pickle")
    known = {entry_id: (object(), "card", "whole") for entry_id in update.known_digests()}
    assert (EntryDigests(entries, known).card, EntryDigests(entries, known).whole) == \
        (EntryDigests(entries).card, EntryDigests(entries).whole)
