"""Grouping entries into the site: order, related entries, neighbours, co-actors, recent activity."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz.config import Config, Paths
from mawjaz.site.group import group_site
from mawjaz.model import Actor, Entry, Registries, Theme

ACTORS = [Actor(i, f"اسم {i}", i, "person") for i in ("a", "b", "c", "d")]
THEMES = [Theme(i, f"موضوع {i}", i) for i in ("x", "y")]
REGISTRIES = Registries.of(ACTORS, THEMES, [])


def config(months: int = 12) -> Config:
    paths = Paths(*(Path("/nonexistent"),) * 5)
    return Config(Path("/nonexistent/config.yaml"), "موجز", "وصف", "https://example.org/", "/", "ar", paths,
                  "published", 20, 12, months, True, 10, 500)


def entry(entry_id: str, date: str | None, actors=(), themes=(), status="published") -> Entry:
    return Entry(entry_id, "عنوان", date, status, None, None, tuple(actors), tuple(themes), "", "نص\n")


def test_entries_are_newest_first_with_partial_dates_at_the_start_of_their_period():
    site = group_site(config(), REGISTRIES, [entry("e1", "2025"), entry("e2", "2025-02-03"), entry("e3", "2024-12")])
    assert [e.id for e in site.entries] == ["e2", "e1", "e3"]


def test_drafts_only_with_the_drafts_option_and_rejected_never():
    entries = [entry("p", "2025"), entry("d", None, status="draft"), entry("r", "2025", status="rejected")]
    assert [e.id for e in group_site(config(), REGISTRIES, entries).entries] == ["p"]
    assert {e.id for e in group_site(config(), REGISTRIES, entries, drafts=True).entries} == {"p", "d"}


def test_related_entries_share_most_actors_and_themes_and_the_newer_wins_a_tie():
    entries = [entry("target", "2025-05-01", ["a", "b"], ["x"]),
               entry("three", "2020-01-01", ["a", "b"], ["x"]),
               entry("one-old", "2021-01-01", ["a"]), entry("one-new", "2024-01-01", ["b"]),
               entry("none", "2025-01-01", ["c"], ["y"])]
    site = group_site(config(), REGISTRIES, entries)
    assert [e.id for e in site.related["target"]] == ["three", "one-new", "one-old"]


def test_previous_and_next_follow_time():
    site = group_site(config(), REGISTRIES, [entry("old", "2020"), entry("mid", "2021"), entry("new", "2022")])
    assert site.older["mid"].id == "old" and site.newer["mid"].id == "new"
    assert site.older["old"] is None and site.newer["new"] is None


def test_co_actors_are_counted_per_shared_entry():
    entries = [entry("1", "2025", ["a", "b"]), entry("2", "2024", ["a", "b", "c"]), entry("3", "2023", ["a", "c", "c"])]
    site = group_site(config(), REGISTRIES, entries)
    assert [(actor.id, count) for actor, count in site.co_actors["a"]] == [("b", 2), ("c", 2)]
    assert len(site.by_actor["c"]) == 2


def test_most_active_are_counted_over_recent_months_from_the_newest_entry():
    entries = [entry("1", "2025-06-10", ["a"]), entry("2", "2025-04", ["a", "b"]), entry("3", "2024-01-01", ["c"])]
    site = group_site(config(months=3), REGISTRIES, entries)
    assert [(actor.id, count) for actor, count in site.active_actors] == [("a", 2), ("b", 1)]


def naive_related(entries: list[Entry], target: Entry, limit: int) -> list[str]:
    """The definition, written plainly: shared actors + shared themes, then the newer, then the id."""
    def score(other: Entry) -> int:
        return len(set(target.actors) & set(other.actors)) + len(set(target.themes) & set(other.themes))
    newest_first = sorted(entries, key=lambda e: (e.date, e.id), reverse=True)
    rank = {e.id: i for i, e in enumerate(newest_first)}
    candidates = [e for e in entries if e.id != target.id and score(e) > 0]
    return [e.id for e in sorted(candidates, key=lambda e: (-score(e), rank[e.id]))[:limit]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(2000, 2030), st.sets(st.sampled_from("abcd")), st.sets(st.sampled_from("xy"))),
                min_size=1, max_size=25))
def test_related_entries_match_their_plain_definition(rows):
    entries = [entry(f"e{i:02d}", str(year), sorted(actors), sorted(themes))
               for i, (year, actors, themes) in enumerate(rows)]
    site = group_site(config(), REGISTRIES, entries)
    for target in entries:
        assert [e.id for e in site.related[target.id]] == naive_related(entries, target, 5)


def test_what_an_actor_said_is_listed_newest_first_and_unknown_speakers_stay_unnamed():
    said = lambda actor, text: {"actor": actor, "text": text, "kind": "reported"}
    older = Entry("old", "عنوان", "2024-01-01", "published", None, None, ("a",), (), "", "نص\n",
                  extra=(("statements", [said("a", "قول قديم"), said("nobody", "قول بلا قائل")]),))
    newer = Entry("new", "عنوان", "2025-01-01", "published", None, None, ("a",), (), "", "نص\n",
                  extra=(("statements", [said("a", "قول جديد")]),))
    site = group_site(config(), REGISTRIES, [older, newer])
    assert [(s.text, e.id) for s, e in site.said["a"]] == [("قول جديد", "new"), ("قول قديم", "old")]
    assert [s.actor for s in site.statements["old"]] == ["a", None]
