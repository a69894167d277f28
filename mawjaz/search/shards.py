"""The search index's shards: which entries are indexed together, and the order the browser merges them in.

Each year of published entries is one shard, a Pagefind bundle of its own (mawjaz/search/index.py), and
entries without a date make one more. The search page merges them newest year first, "undated" last.
Drafts are never indexed, so a year of drafts only makes no shard, even in a build that shows drafts.
No I/O.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..entry_dates import year_of
from ..model import Entry

UNDATED = "undated"


def shard_of(entry: Entry) -> str:
    """The entry's year ("2025"), or "undated"."""
    return year_of(entry.date) if entry.date else UNDATED


def in_merge_order(shards: Iterable[str]) -> list[str]:
    """Shard names without repeats, newest year first and "undated" last."""
    names = set(shards)
    return sorted(names - {UNDATED}, reverse=True) + ([UNDATED] if UNDATED in names else [])


def published_shards(entries: Iterable[Entry]) -> list[str]:
    """The shards of the published entries, in merge order."""
    return in_merge_order(shard_of(entry) for entry in entries if entry.status == "published")
