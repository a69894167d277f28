"""Entries → which of them report the same event from different outlets. No I/O.

Two entries are taken to report one event when all of these hold (precision first: a missed pair
costs a link, a wrong one misleads):
- both are dated to the day, at most MAX_DAYS apart;
- they come from different outlets (or one outlet is unknown);
- they name the same actors: at least one shared, and half of all the actors either names;
- their text is near the same: the Jaccard index of their three-word shingles (title and body,
  normalised) reaches SHINGLE_JACCARD, or that of their word sets reaches WORD_JACCARD.
Maintainers decide in the front matter: `same_event: [id]` joins a pair, `not_same_event: [id]`
splits one; either entry may say it, and a split wins. Entries are only linked, never merged.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..entry_dates import day_of as day_of_date
from ..model import Entry
from .memo import MEMO_ERRORS, GroupMemo

MAX_DAYS = 3
SHINGLE_JACCARD = 0.25
WORD_JACCARD = 0.5
ACTOR_OVERLAP = 0.5
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
NOT_WORD = re.compile(r"[^\w]+")
MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def words_of(text: str) -> list[str]:
    """Normalised words: letters folded, diacritics and tatweel gone, a leading و dropped.

    Worked out piece by piece between white space (no step reaches across it), each piece remembered."""
    return [word for piece in text.split() for word in _piece_words(piece)]


@lru_cache(maxsize=1 << 17)
def _piece_words(piece: str) -> tuple[str, ...]:
    words = NOT_WORD.sub(" ", MARKS.sub("", piece.translate(FOLD))).split()
    return tuple(w[1:] if w.startswith("و") and len(w) > 3 else w for w in words)


def shingles(words: list[str], size: int = 3) -> set[str]:
    """The runs of `size` words, each as one string: words hold no spaces, so joining them with one
    keeps every run distinct, and strings are cheaper to hash and keep than tuples."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(run) for run in zip(*(words[i:] for i in range(size)))}


def jaccard(a: set, b: set) -> float:
    shared = len(a & b)    # the union's size without building the union
    return shared / (len(a) + len(b) - shared) if a or b else 0.0


def day_of(entry: Entry) -> datetime.date | None:
    """The entry's day when it is a certain single day: a span or an uncertain day says too little."""
    return day_of_date(entry.date)


def same_actors(a: Entry, b: Entry) -> bool:
    return _actors_overlap(frozenset(a.actors), frozenset(b.actors))


def _actors_overlap(first: frozenset, second: frozenset) -> bool:
    return bool(first & second) and jaccard(first, second) >= ACTOR_OVERLAP


def text_sets(entry: Entry) -> tuple[set, set]:
    """The entry's three-word shingles and its word set, worked out once per entry."""
    words = words_of(entry.title + "\n" + entry.body)
    return shingles(words), set(words)


def same_text(a: tuple[set, set], b: tuple[set, set]) -> bool:
    return jaccard(a[0], b[0]) >= SHINGLE_JACCARD or jaccard(a[1], b[1]) >= WORD_JACCARD


def detected_pairs(entries: list[Entry], among: set[str] | None = None) -> set[tuple[str, str]]:
    """Pairs of ids (in id order) that the rules above find, comparing only entries days apart; with
    `among`, only the pairs that hold at least one of those ids.

    The cheap tests come first; an entry's text is read only once a pair of it passes them."""
    dated = sorted(((day.toordinal(), e.id, e, frozenset(e.actors)) for e in entries if (day := day_of(e))),
                   key=lambda item: item[:2])
    last_with_id = {e.id: e for _, _, e, _ in dated}
    texts: dict[str, tuple[set, set]] = {}

    def text_of(entry_id: str) -> tuple[set, set]:
        if entry_id not in texts:
            texts[entry_id] = text_sets(last_with_id[entry_id])
        return texts[entry_id]

    def reports_one_event(item, other) -> bool:
        entry, other_entry = item[2], other[2]
        if other_entry.source and entry.source and other_entry.source == entry.source:
            return False
        return _actors_overlap(item[3], other[3]) and same_text(text_of(item[1]), text_of(other[1]))

    pairs = set()
    if among is None:
        start = 0
        for index, item in enumerate(dated):
            while item[0] - dated[start][0] > MAX_DAYS:
                start += 1
            pairs.update(tuple(sorted((item[1], other[1]))) for other in dated[start:index]
                         if reports_one_event(item, other))
        return pairs
    days = [item[0] for item in dated]
    for index, item in enumerate(dated):
        if item[1] in among:
            nearby = range(bisect_left(days, item[0] - MAX_DAYS), bisect_right(days, item[0] + MAX_DAYS))
            pairs.update(tuple(sorted((item[1], dated[i][1]))) for i in nearby
                         if i != index and reports_one_event(item, dated[i]))
    return pairs


def detected_again(entries: list[Entry], memo: GroupMemo | None) -> set[tuple[str, str]]:
    """detected_pairs(entries), taking from `memo` the pairs of entries that are as they were then:
    whether two entries report one event depends on those two alone."""
    versions = {e.id: memo.versions.get(e.id) for e in entries} if memo is not None else {}
    if memo is None or len(versions) != len(entries) or None in versions.values():
        return detected_pairs(entries)       # no versions to compare, or an id taken twice
    earlier = memo.earlier_value("same_event") or {}
    try:
        earlier_versions = earlier["versions"]
        unchanged = {i for i, version in versions.items() if earlier_versions.get(i) == version}
        kept = {(a, b) for a, b in earlier["pairs"] if a in unchanged and b in unchanged}
    except MEMO_ERRORS:
        unchanged, kept = set(), set()
    changed = set(versions) - unchanged
    if len(changed) * 4 < len(versions):
        found = kept | (detected_pairs(entries, changed) if changed else set())
    else:
        found = detected_pairs(entries)
    memo.keep("same_event", "", {"versions": versions, "pairs": sorted(found)})
    return found


def maintainer_pairs(entries: list[Entry], key: str) -> set[tuple[str, str]]:
    known = {e.id for e in entries}
    return {tuple(sorted((e.id, other))) for e in entries for other in dict(e.extra).get(key) or []
            if other in known and other != e.id}


def same_event_links(entries: list[Entry], memo: GroupMemo | None = None) -> dict[str, tuple[Entry, ...]]:
    """Entry id → the other entries that report its event, oldest first (only entries that have some);
    `memo` holds the pairs an earlier build found (mawjaz.site.memo)."""
    pairs = (detected_again(entries, memo) | maintainer_pairs(entries, "same_event")) - \
        maintainer_pairs(entries, "not_same_event")
    by_id = {e.id: e for e in entries}
    links: dict[str, list[Entry]] = {}
    for a, b in sorted(pairs):
        links.setdefault(a, []).append(by_id[b])
        links.setdefault(b, []).append(by_id[a])
    return {key: tuple(sorted(found, key=lambda e: (e.date or "", e.id))) for key, found in sorted(links.items())}

