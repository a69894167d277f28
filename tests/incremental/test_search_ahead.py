"""Shards indexed ahead, from the loaded entries, give what indexing them from the grouped site gives."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from site_files import snapshot

from mawjaz.config import load_config
from mawjaz.entries import load_entries
from mawjaz.errors import Problems
from mawjaz.incremental.fingerprints import EntryDigests, shard_digests
from mawjaz.incremental.manifest import Manifest
from mawjaz.incremental.search_ahead import search_source, start_search_ahead
from mawjaz.registries import load_registries
from mawjaz.search import SearchSource, bundle_made, place_bundle, prepare_search, shard_path
from mawjaz.search.index import build_shard
from mawjaz.site import group_site

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tests" / "fixtures" / "search_content"
EVERYTHING = "the inputs of this test"


def loaded(shard_entries: int = 1):
    """Config, registries and entries of the fixture content; each year a shard of its own by default."""
    problems = Problems()
    config = replace(load_config(ROOT / "config.yaml", problems).with_overrides(content=CONTENT),
                     search_shard_entries=shard_entries)
    registries = load_registries(CONTENT, problems)
    entries = load_entries(CONTENT / "entries", registries, problems)
    assert problems.items == []
    return config, registries, entries


@pytest.mark.parametrize("drafts", [False, True])
def test_the_source_made_before_grouping_equals_the_grouped_sites(drafts):
    config, registries, entries = loaded(shard_entries=3)
    site = group_site(config, registries, entries, drafts=drafts)
    assert search_source(config, registries, entries) == SearchSource.of_site(site)


def previous_with_every_shard_but(config, registries, entries, *changed: str) -> Manifest:
    digests = shard_digests(search_source(config, registries, entries), EVERYTHING, EntryDigests(entries))
    return Manifest(inputs="", outputs={shard_path(shard): (digest if shard not in changed else "old", -1)
                                        for shard, digest in digests.items()})


def start(config, registries, entries, previous, staging: Path, most: int = 2):
    ahead, entry_digests = start_search_ahead(config, registries, entries, {}, EVERYTHING, previous, staging, most)
    expected = EntryDigests(entries)
    assert (entry_digests.card, entry_digests.whole) == (expected.card, expected.whole)
    return ahead


def test_a_changed_shard_is_indexed_ahead_into_the_bytes_the_usual_way_gives(tmp_path):
    config, registries, entries = loaded()
    staging, usual = tmp_path / "staging", tmp_path / "usual"
    staging.mkdir()
    usual.mkdir()
    ahead = start(config, registries, entries, previous_with_every_shard_but(config, registries, entries, "2024"),
                  staging)
    assert ahead is not None and list(ahead.digests) == [shard_path("2024")]
    bundles = ahead.finish()
    assert list(bundles) == ["pagefind/2024/"] and bundle_made(bundles["pagefind/2024/"].outcome)
    place_bundle(Path(bundles["pagefind/2024/"].work), staging / "pagefind/2024")
    site = group_site(config, registries, entries)
    assert build_shard(config, usual, "2024", prepare_search(site, ["2024"]).shards["2024"]) == ""
    assert snapshot(staging / "pagefind") == snapshot(usual / "pagefind")


def test_nothing_is_indexed_ahead_when_no_shard_changed_or_more_than_the_cores_did(tmp_path):
    config, registries, entries = loaded()
    unchanged = previous_with_every_shard_but(config, registries, entries)
    assert start(config, registries, entries, unchanged, tmp_path) is None
    three_changed = previous_with_every_shard_but(config, registries, entries, "2023", "2024", "2025")
    assert start(config, registries, entries, three_changed, tmp_path, most=2) is None
    assert list(tmp_path.iterdir()) == []                                           # nothing was begun
    assert start(config, registries, entries, None, tmp_path, most=2) is None       # a full build: six shards
    assert start(replace(config, search_enabled=False), registries, entries, None, tmp_path, most=10) is None


def test_a_process_that_cannot_index_reports_no_bundle_so_the_shard_is_made_the_usual_way(tmp_path):
    config, registries, entries = loaded()
    previous = previous_with_every_shard_but(config, registries, entries, "2025")
    ahead = start(config, registries, entries, previous, tmp_path / "no-such-folder")
    assert ahead is not None and ahead.finish() == {}


def test_a_stopped_process_leaves_nothing_running(tmp_path):
    config, registries, entries = loaded()
    ahead = start(config, registries, entries, previous_with_every_shard_but(config, registries, entries, "2025"),
                  tmp_path)
    ahead.stop()
    assert ahead.finish() == {}
