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
from functools import lru_cache

from ..entry_dates import day_of as day_of_date
from ..model import Entry

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


def detected_pairs(entries: list[Entry]) -> set[tuple[str, str]]:
    """Pairs of ids (in id order) that the rules above find, comparing only entries days apart.

    The cheap tests come first; an entry's text is read only once a pair of it passes them."""
    dated = sorted(((day.toordinal(), e.id, e, frozenset(e.actors)) for e in entries if (day := day_of(e))),
                   key=lambda item: item[:2])
    last_with_id = {e.id: e for _, _, e, _ in dated}
    texts: dict[str, tuple[set, set]] = {}

    def text_of(entry_id: str) -> tuple[set, set]:
        if entry_id not in texts:
            texts[entry_id] = text_sets(last_with_id[entry_id])
        return texts[entry_id]

    pairs, start = set(), 0
    for index, (day, entry_id, entry, actors) in enumerate(dated):
        while day - dated[start][0] > MAX_DAYS:
            start += 1
        for _, other_id, other, other_actors in dated[start:index]:
            if other.source and entry.source and other.source == entry.source:
                continue
            if _actors_overlap(actors, other_actors) and same_text(text_of(entry_id), text_of(other_id)):
                pairs.add(tuple(sorted((entry_id, other_id))))
    return pairs


def maintainer_pairs(entries: list[Entry], key: str) -> set[tuple[str, str]]:
    known = {e.id for e in entries}
    return {tuple(sorted((e.id, other))) for e in entries for other in dict(e.extra).get(key) or []
            if other in known and other != e.id}


def same_event_links(entries: list[Entry]) -> dict[str, tuple[Entry, ...]]:
    """Entry id → the other entries that report its event, oldest first (only entries that have some)."""
    pairs = (detected_pairs(entries) | maintainer_pairs(entries, "same_event")) - \
        maintainer_pairs(entries, "not_same_event")
    by_id = {e.id: e for e in entries}
    links: dict[str, list[Entry]] = {}
    for a, b in sorted(pairs):
        links.setdefault(a, []).append(by_id[b])
        links.setdefault(b, []).append(by_id[a])
    return {key: tuple(sorted(found, key=lambda e: (e.date or "", e.id))) for key, found in sorted(links.items())}

