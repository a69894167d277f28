"""The search index's shards: which entries are indexed together, and the order the browser merges them in.

A shard is a Pagefind bundle of its own (mawjaz/search/index.py) holding whole years of published entries:
the years, oldest first, are taken together until a shard holds at least `min_entries` of them (config.yaml,
search.shard_entries), so a year as big as that is a shard alone ("2025") and small years share one
("2011-2018"). Pagefind's time per entry is about the same in a big shard as in a small one, but each shard
is a run of its own, with its start, its records' preparation and its bundle of files: 1,000 entries in
sixteen shards of a year took 3.2–3.4 s of CPU where two shards took 2.8–3.1 s. Entries without a date
make one more shard, "undated". The search page merges
the shards newest first, "undated" last; the years of a shard never overlap another's, so putting the
shards in that order puts their entries in date order.

Only published entries count, so a year of drafts makes no shard, even in a build that shows drafts. An
edit that keeps an entry's date changes no shard but the entry's own; a new entry can move the boundaries
after its year (in the newest years, where entries are added, there are none to move). No I/O.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..entry_dates import year_of
from ..model import Entry

UNDATED = "undated"
YEARS_JOIN = "-"                 # "2011-2018": the first and last year of a shard that holds several


def in_merge_order(shards: Iterable[str]) -> list[str]:
    """Shard names without repeats, newest years first and "undated" last."""
    names = set(shards)
    return sorted(names - {UNDATED}, reverse=True) + ([UNDATED] if UNDATED in names else [])


def published_shards(entries: Iterable[Entry], min_entries: int) -> list[str]:
    """The shards of the published entries, in merge order."""
    published = [entry for entry in entries if entry.status == "published"]
    per_year = Counter(year_of(entry.date) for entry in published if entry.date)
    shards, years, held = [], [], 0
    for year in sorted(per_year):
        years.append(year)
        held += per_year[year]
        if held >= min_entries:
            shards.append(_shard_name(years))
            years, held = [], 0
    if years:
        shards.append(_shard_name(years))
    if any(not entry.date for entry in published):
        shards.append(UNDATED)
    return in_merge_order(shards)


def _shard_name(years: list[str]) -> str:
    return years[0] if len(years) == 1 else f"{years[0]}{YEARS_JOIN}{years[-1]}"


def shard_years(shard: str) -> tuple[str, str]:
    """'2011-2018' → ('2011', '2018'); '2025' → ('2025', '2025'); "undated" → ('', '')."""
    if shard == UNDATED:
        return "", ""
    first, _, last = shard.partition(YEARS_JOIN)
    return first, last or first


class ShardFinder:
    """Which of `shards` (published_shards) an entry is indexed in."""

    def __init__(self, shards: Sequence[str]):
        self.shards = list(shards)
        self._by_year: dict[str, str] = {}
        for shard in self.shards:
            first, last = shard_years(shard)
            if first:
                self._by_year.update((str(year), shard) for year in range(int(first), int(last) + 1))

    def shard_of(self, entry: Entry) -> str:
        """The shard whose years hold the entry's, or "undated"; a year no shard holds (only drafts in
        it) is named alone."""
        if not entry.date:
            return UNDATED
        year = year_of(entry.date)
        return self._by_year.get(year, year)
