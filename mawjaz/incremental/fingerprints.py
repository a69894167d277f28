"""What each output of the site is made from, as one digest per output.

A rebuild rewrites an output only when its digest differs from the one the last build recorded
(mawjaz.incremental.manifest), so the digest of an output must cover everything its template or writer reads:

- the *global* digest (mawjaz.incremental.inputs.RunInputs.everything) covers what any page may read: the code and the libraries' versions, the templates,
  the static files, config and the registries. When it changes, everything is rebuilt;
- an entry's *card* covers its front matter (what lists, counts and charts show); its *whole* adds the body;
- each output then adds the cards or wholes of the entries it shows, and any derived data it shows
  (related entries, networks, statements) by value.

A template that starts to read something new must be matched here: tests/test_incremental.py builds
after many kinds of edit and compares every byte with a clean build, to catch a miss.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..config import Config
from ..model import Entry, SiteModel
from ..search import SearchSource, ShardFinder
from ..urls import actor_path, theme_path
from .inputs import digest


# ---------------------------------------------------------------- per entry


def entry_card(entry: Entry) -> str:
    """The front matter: what an entry contributes to lists, counts, charts and other entries' pages."""
    return digest(repr((entry.id, entry.title, entry.date, entry.status, entry.source, entry.place, entry.actors,
                        entry.themes, entry.summary, entry.seed, entry.seed_lines, entry.story_sha256,
                        entry.date_note, entry.extra)))


def entry_digests(entry: Entry) -> tuple[str, str]:
    """The entry's card, and its whole: the card with the body."""
    card = entry_card(entry)
    return card, digest(card, entry.body)


class EntryDigests:
    """Cards and wholes of the shown entries, each computed once; `known` holds some worked out before,
    as id → (that very entry, card, whole): the entry cache keeps them (mawjaz.incremental.entry_cache)."""

    def __init__(self, entries: Iterable[Entry], known: dict[str, tuple[Entry, str, str]] | None = None):
        known = known or {}
        self.card, self.whole = {}, {}
        for entry in entries:
            same = known.get(entry.id)
            card, whole = same[1:] if same is not None and same[0] is entry else entry_digests(entry)
            self.card[entry.id], self.whole[entry.id] = card, whole

    def cards(self, entries: Iterable[Entry | None]) -> str:
        return digest(*(self.card[e.id] if e is not None else "-" for e in entries))

    def wholes(self, entries: Iterable[Entry]) -> str:
        return digest(*(self.whole[e.id] for e in entries))


# ---------------------------------------------------------------- per output


def page_digests(site: SiteModel, page_list: list[tuple[str, str, dict]], everything: str,
                 entries: EntryDigests) -> dict[str, str]:
    """Output path → digest, for every HTML page of `page_list` (render.page_list)."""
    every_card = entries.cards(site.entries)          # pages about the whole site: home, indexes, search
    network_slugs = repr(list(site.networks))
    year_list = repr(list(site.by_year))
    result = {}
    for output, template, context in page_list:
        if "entry" in context:
            entry = context["entry"]
            shown = digest(entries.whole[entry.id], entries.cards(site.related[entry.id]),
                           entries.cards((site.older[entry.id], site.newer[entry.id])),
                           entries.cards(site.same_event.get(entry.id, ())), repr(site.statements[entry.id]))
        elif "actor" in context:
            actor_id = context["actor"].id
            parent = context["actor"].affiliation
            shown = digest(entries.cards(site.by_actor[actor_id]), repr([(statement, said_in.id, entries.card[said_in.id])
                                 for statement, said_in in site.said.get(actor_id, ())]),
                           repr([(a.id, len(site.by_actor[a.id])) for a in site.affiliates(actor_id)]),
                           f"parent-shown={parent in site.by_actor}")
        elif "theme" in context:
            shown = entries.cards(site.by_theme[context["theme"].id])
        elif "source" in context:
            shown = entries.cards(site.by_source[context["source"].id])
        elif "year" in context:
            shown = digest(entries.cards(site.by_year[context["year"]]), year_list)
        elif "network" in context:
            shown = digest(repr(context["network"]), network_slugs)
        else:
            shown = every_card
        result[output] = digest(everything, output, template, shown)
    return result


def feed_digests(config: Config, site: SiteModel, everything: str, entries: EntryDigests,
                 page_outputs: Iterable[str]) -> dict[str, str]:
    """Atom feeds (their newest entries, whole), the sitemap, robots.txt and the data files."""
    def newest(found) -> list[Entry]:
        return [e for e in found if e.date][:config.feed_entries]

    result = {"feed.xml": digest(everything, "feed", entries.wholes(newest(site.entries)))}
    for actor_id, found in site.by_actor.items():
        result[actor_path(actor_id) + "feed.xml"] = digest(everything, "feed", actor_id, entries.wholes(newest(found)))
    for theme_id, found in site.by_theme.items():
        result[theme_path(theme_id) + "feed.xml"] = digest(everything, "feed", theme_id, entries.wholes(newest(found)))
    every_card = entries.cards(site.entries)
    result["sitemap.xml"] = digest(everything, "sitemap", every_card, *sorted(page_outputs))
    result["robots.txt"] = digest(everything, "robots")
    result["data/entries.json"] = digest(everything, "data", entries.wholes(site.entries),
                                         repr([site.statements[e.id] for e in site.entries]))
    result["data/entries.csv"] = digest(everything, "data-csv", every_card)
    result["data/actors.json"] = digest(everything, "data-actors", every_card)
    result["data/themes.json"] = digest(everything, "data-themes", every_card)
    return result


def shard_digest(everything: str, shard: str, published: Iterable[Entry], entries: EntryDigests) -> str:
    """A search shard is made from its entries, whole (with their statements, via the front matter)."""
    return digest(everything, "search", shard, entries.wholes(published))


def shard_digests(source: SearchSource, everything: str, entries: EntryDigests) -> dict[str, str]:
    """Shard → the digest of its output (pagefind/<shard>/), for every shard holding a published entry."""
    by_shard: dict[str, list[Entry]] = {}
    finder = ShardFinder(source.shards)
    for entry in source.published:
        by_shard.setdefault(finder.shard_of(entry), []).append(entry)
    return {shard: shard_digest(everything, shard, found, entries) for shard, found in by_shard.items()}
