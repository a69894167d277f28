"""Entries → SiteModel: what is published, in which order, and what is listed beside what. No I/O.

The pages' URLs are in mawjaz.urls, built from ids only.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from ..config import Config
from ..entry_dates import year_of
from ..model import Entry, Registries, SiteModel, Statement, tag_counts
from ..search import published_shards
from ..wording import padded_date
from .memo import MEMO_ERRORS, GroupMemo
from .network import network_from_plain, network_to_plain, network_views
from .same_event import same_event_links

RELATED_COUNT = 5
CO_ACTOR_COUNT = 10
MAIN_COUNT = 10
SAID_COUNT = 10


# ------------------------------------------------------------------ grouping

def sort_key(entry: Entry) -> tuple[str, str, str]:
    """Partial dates sort at the start of their period (2025-09 as 2025-09-01), then by id."""
    return (padded_date(entry.date), entry.date or "", entry.id)


def group_site(config: Config, registries: Registries, entries: list[Entry], drafts: bool = False,
               memo: GroupMemo | None = None) -> SiteModel:
    """The site's model; `memo` holds what an earlier build worked out (mawjaz.site.memo), and gets this one's."""
    memo = GroupMemo() if memo is None else memo
    shown = [e for e in entries if e.status == "published" or (drafts and e.status == "draft")]
    shown.sort(key=sort_key, reverse=True)
    by_actor = index_by(shown, lambda e: e.actors)
    by_theme = index_by(shown, lambda e: e.themes)
    older, newer = neighbours(shown)
    statements = {e.id: entry_statements(e, registries.actor_by_id) for e in shown}
    return SiteModel(
        config, registries, tuple(shown), by_actor=by_actor, by_theme=by_theme,
        by_source=index_by(shown, lambda e: (e.source,) if e.source else ()),
        by_year=index_by(shown, lambda e: (year_of(e.date),) if e.date else ()),
        older=older, newer=newer, **tallies(config, registries, shown, by_actor, by_theme, memo),
        statements=statements, said=said_by_actor(shown, statements), same_event=same_event_links(shown, memo),
        search_shards=tuple(published_shards(shown, config.search_shard_entries)),
    )


def tallies(config: Config, registries: Registries, shown: list[Entry], by_actor: dict, by_theme: dict,
            memo: GroupMemo) -> dict:
    """The related entries, the counts beside each actor and theme, the most active, and the networks:
    worked out from the shown entries' order, dates, actors and themes and the registries' names and
    kinds alone, so an edit that changes none of those takes them from `memo`."""
    key = tallies_key(config, registries, shown)
    kept = memo.part("tallies", key)
    try:
        if kept is not None:
            found = tallies_from_plain(kept, shown, registries)
            memo.keep("tallies", key, kept)
            memo.layouts.used.update(memo.layouts.earlier)     # the networks' layouts stay for a later build
            return found
    except MEMO_ERRORS:
        pass
    recent = recent_entries(shown, config.home_months)
    found = {
        "related": related_entries(shown, by_actor, by_theme),
        "co_actors": {a: ranked(co_counts(a, group), registries.actor_by_id, CO_ACTOR_COUNT)
                      for a, group in by_actor.items()},
        "actor_themes": {a: ranked(tag_counts(group, lambda e: e.themes), registries.theme_by_id, MAIN_COUNT)
                         for a, group in by_actor.items()},
        "theme_actors": {t: ranked(tag_counts(group, lambda e: e.actors), registries.actor_by_id, MAIN_COUNT)
                         for t, group in by_theme.items()},
        "active_actors": ranked(tag_counts(recent, lambda e: e.actors), registries.actor_by_id, MAIN_COUNT),
        "active_themes": ranked(tag_counts(recent, lambda e: e.themes), registries.theme_by_id, MAIN_COUNT),
        "networks": network_views(shown, registries.actor_by_id, memo.layouts),
    }
    memo.keep("tallies", key, tallies_to_plain(found))
    return found


def tallies_key(config: Config, registries: Registries, shown: list[Entry]) -> str:
    made_from = (config.home_months, [(a.id, a.name, a.kind) for a in registries.actors],
                 [(t.id, t.name) for t in registries.themes], [(e.id, e.date, e.actors, e.themes) for e in shown])
    return hashlib.sha256(repr(made_from).encode("utf-8")).hexdigest()


def tallies_to_plain(found: dict) -> dict:
    def counted(pairs) -> list:
        return [[item.id, count] for item, count in pairs]
    return {
        "related": {entry_id: [e.id for e in group] for entry_id, group in found["related"].items()},
        **{name: {key: counted(pairs) for key, pairs in found[name].items()}
           for name in ("co_actors", "actor_themes", "theme_actors")},
        "active_actors": counted(found["active_actors"]), "active_themes": counted(found["active_themes"]),
        "networks": {slug: network_to_plain(network) for slug, network in found["networks"].items()},
    }


def tallies_from_plain(plain: dict, shown: list[Entry], registries: Registries) -> dict:
    """The tallies again, made of this build's entries and registry items."""
    by_id = {e.id: e for e in shown}
    actors, themes = registries.actor_by_id, registries.theme_by_id

    def counted(pairs, registry: dict) -> tuple:
        return tuple((registry[item_id], int(count)) for item_id, count in pairs)
    related = plain["related"]
    return {
        "related": {e.id: tuple(by_id[i] for i in related[e.id]) for e in shown},
        "co_actors": {key: counted(pairs, actors) for key, pairs in plain["co_actors"].items()},
        "actor_themes": {key: counted(pairs, themes) for key, pairs in plain["actor_themes"].items()},
        "theme_actors": {key: counted(pairs, actors) for key, pairs in plain["theme_actors"].items()},
        "active_actors": counted(plain["active_actors"], actors),
        "active_themes": counted(plain["active_themes"], themes),
        "networks": {slug: network_from_plain(slug, network, actors) for slug, network in plain["networks"].items()},
    }


def entry_statements(entry: Entry, actor_by_id: dict) -> tuple[Statement, ...]:
    """The statements of an entry's front matter; a speaker the registry does not know counts as none."""
    written = dict(entry.extra).get("statements")
    items = [s for s in written if isinstance(s, dict) and s.get("text")] if isinstance(written, list) else []
    return tuple(Statement(s.get("actor") if s.get("actor") in actor_by_id else None, str(s["text"]).strip(),
                           s.get("kind") or "reported") for s in items)


def said_by_actor(newest_first: list[Entry], statements: dict) -> dict[str, tuple]:
    """Actor id → (statement, entry) pairs, newest entry first, at most SAID_COUNT."""
    said: dict[str, list] = defaultdict(list)
    for entry in newest_first:
        for statement in statements[entry.id]:
            if statement.actor and len(said[statement.actor]) < SAID_COUNT:
                said[statement.actor].append((statement, entry))
    return {actor: tuple(pairs) for actor, pairs in said.items()}


def index_by(entries: list[Entry], keys_of) -> dict[str, tuple[Entry, ...]]:
    """Group entries under each of their keys, keys in descending order (so years run newest first);
    order within a group stays that of `entries`."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for key in dict.fromkeys(keys_of(entry)):
            groups[key].append(entry)
    return {key: tuple(found) for key, found in sorted(groups.items(), reverse=True)}


def neighbours(newest_first: list[Entry]) -> tuple[dict, dict]:
    older = {e.id: (newest_first[i + 1] if i + 1 < len(newest_first) else None) for i, e in enumerate(newest_first)}
    newer = {e.id: (newest_first[i - 1] if i > 0 else None) for i, e in enumerate(newest_first)}
    return older, newer


def recent_entries(newest_first: list[Entry], months: int) -> list[Entry]:
    """Entries of the last `months` months, counted back from the newest entry (never the clock)."""
    dated = [e for e in newest_first if e.date]
    if not dated:
        return []
    newest = month_number(dated[0].date)
    return [e for e in dated if month_number(e.date) > newest - months]


def month_number(date: str) -> int:
    padded = padded_date(date)
    return int(padded[:4]) * 12 + int(padded[5:7])


def related_entries(newest_first: list[Entry], by_actor: dict, by_theme: dict) -> dict[str, tuple[Entry, ...]]:
    """For each entry, those sharing most actors and themes; the newer wins a tie.

    Each actor and theme is a bit mask over the entries (bit 0 = newest). Adding an entry's masks
    into a binary counter held in bit planes scores every other entry at once, and the lowest set
    bits of a score level are its newest entries: linear in the tags, not in the entries they share.
    """
    position = {e.id: i for i, e in enumerate(newest_first)}
    masks = {("actor", key): bit_mask(group, position) for key, group in by_actor.items()}
    masks.update({("theme", key): bit_mask(group, position) for key, group in by_theme.items()})
    related = {}
    for index, entry in enumerate(newest_first):
        tags = [("actor", a) for a in set(entry.actors)] + [("theme", t) for t in set(entry.themes)]
        planes = score_planes(masks[tag] for tag in tags)
        related[entry.id] = tuple(newest_first[i] for i in best_positions(planes, index, RELATED_COUNT))
    return related


def bit_mask(entries, position: dict) -> int:
    mask = 0
    for entry in entries:
        mask |= 1 << position[entry.id]
    return mask


def score_planes(masks) -> list[int]:
    """Add bit masks into a binary counter: plane b holds bit b of each entry's score."""
    planes: list[int] = []
    for carry in masks:
        for level, plane in enumerate(planes):
            planes[level], carry = plane ^ carry, plane & carry
        if carry:
            planes.append(carry)
    return planes


def best_positions(planes: list[int], own: int, limit: int) -> list[int]:
    """Positions with the highest scores, newest first within a score, leaving out `own`.

    The scores are read as a tree of their bits, highest plane first and the 1 branch before the 0
    branch, so the leaves come in falling score; a branch no position reaches is dropped at once
    instead of being worked out for every score under it."""
    chosen: list[int] = []
    branches = [(len(planes), ~(1 << own), False)] if planes else []   # (planes left, positions, any bit set)
    while branches and len(chosen) < limit:
        left, positions, scored = branches.pop()
        if left == 0:
            while positions and len(chosen) < limit:
                lowest = positions & -positions
                chosen.append(lowest.bit_length() - 1)
                positions ^= lowest
            continue
        plane = planes[left - 1]
        below = positions & ~plane
        if below and (scored or left > 1):              # the all-zero leaf is score 0: never related
            branches.append((left - 1, below, scored))
        above = positions & plane
        if above:
            branches.append((left - 1, above, True))
    return chosen


def co_counts(actor_id: str, entries: tuple[Entry, ...]) -> Counter:
    counts: Counter = Counter()
    for entry in entries:
        counts.update(other for other in set(entry.actors) if other != actor_id)
    return counts


def ranked(counts: Counter, registry: dict, limit: int) -> tuple:
    """((item, count), …): most first, then by Arabic name, at most `limit`."""
    items = [(registry[key], count) for key, count in counts.items() if key in registry]
    items.sort(key=lambda pair: (-pair[1], pair[0].name, pair[0].id))
    return tuple(items[:limit])
