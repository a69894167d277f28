"""The co-occurrence network and its layout: counted right, and drawn the same way on every build."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz.model import Actor, Entry
from mawjaz.site import network as network_module
from mawjaz.site.network import HEIGHT, WIDTH, Layouts, build_network, network_views

ACTORS = {a.id: a for a in [Actor("libya-a", "فاعل أ", "A", "person"), Actor("libya-b", "فاعل ب", "B", "person"),
                            Actor("state-c", "دولة ج", "C", "state"), Actor("org-d", "منظمة د", "D", "organization"),
                            Actor("state-e", "دولة هـ", "E", "state")]}


def entry(entry_id: str, date: str, actors) -> Entry:
    return Entry(entry_id, "عنوان", date, "published", None, None, tuple(actors), (), "", "نص\n")


ENTRIES = [entry("e1", "2025-01-02", ["libya-a", "state-c"]), entry("e2", "2025-02-02", ["libya-a", "state-c", "org-d"]),
           entry("e3", "2024-05-01", ["libya-b", "org-d"]), entry("e4", "2024-06-01", ["libya-a", "unknown-id"]),
           entry("e5", "2024-07-01", ["state-e"])]


def test_edges_count_the_entries_two_actors_share_strongest_first():
    network = build_network("", ENTRIES, ACTORS)
    assert [(e.source, e.target, e.shared) for e in network.edges] == [
        ("libya-a", "state-c", 2), ("libya-a", "org-d", 1), ("libya-b", "org-d", 1), ("org-d", "state-c", 1)]
    assert {n.actor.id: n.entries for n in network.nodes} == {"libya-a": 3, "state-c": 2, "org-d": 2, "libya-b": 1}
    assert network.pairs[0] == (ACTORS["libya-a"], ACTORS["state-c"], 2)


def test_an_actor_without_a_shared_entry_is_left_out_of_the_drawing():
    assert "state-e" not in {n.actor.id for n in build_network("", ENTRIES, ACTORS).nodes}


def test_the_layout_is_the_same_whatever_the_order_of_the_entries():
    first = build_network("", ENTRIES, ACTORS)
    again = build_network("", list(reversed(ENTRIES)), ACTORS)
    assert first == again
    assert all(isinstance(n.x, float) and round(n.x, 1) == n.x for n in first.nodes)


def test_layouts_of_an_earlier_build_give_the_same_networks_without_laying_them_out(monkeypatch):
    first = Layouts()
    views = network_views(ENTRIES, ACTORS, first)
    assert len(first.used) == len({view.nodes for view in views.values()})   # the same nodes share a layout
    monkeypatch.setattr(network_module, "layout", lambda *_: pytest.fail("laid out again"))
    again = Layouts(first.used)
    assert network_views(ENTRIES, ACTORS, again) == views and again.used == first.used


def test_a_layout_whose_nodes_changed_is_made_again():
    earlier = Layouts()
    network_views(ENTRIES, ACTORS, earlier)
    planted = Layouts({key: {"someone-else": (1.0, 2.0)} for key in earlier.used})
    assert network_views(ENTRIES, ACTORS, planted) == network_views(ENTRIES, ACTORS)


def test_nodes_stay_inside_the_drawing_and_apart():
    nodes = build_network("", ENTRIES, ACTORS).nodes
    assert all(0 <= n.x <= WIDTH and 0 <= n.y <= HEIGHT for n in nodes)
    assert len({(n.x, n.y) for n in nodes}) == len(nodes)


def test_views_per_year_and_per_kind_keep_a_kind_and_whom_it_meets():
    views = network_views(ENTRIES, ACTORS)
    assert list(views) == ["", "2025", "2024", "people", "organizations", "states"]
    states = views["states"]
    assert states.kind == "state" and {n.actor.id for n in states.nodes} == {"libya-a", "state-c", "org-d"}
    assert {n.actor.id for n in views["2024"].nodes} == {"libya-b", "org-d"}


def test_no_entries_give_an_empty_network():
    network = build_network("", [], ACTORS)
    assert network.nodes == () and network.edges == () and network.pairs == ()


ids = st.sampled_from(sorted(ACTORS))
stories = st.lists(st.tuples(st.dates(min_value=date(2011, 1, 1), max_value=date(2026, 12, 31)),
                             st.lists(ids, min_size=1, max_size=4)), max_size=25)


@settings(max_examples=40, deadline=None)
@given(stories)
def test_any_entries_give_the_same_network_in_any_order_inside_the_drawing(found):
    entries = [entry(f"e{i}", day.isoformat(), actors) for i, (day, actors) in enumerate(found)]
    network = build_network("", entries, ACTORS)
    assert network == build_network("", list(reversed(entries)), ACTORS)
    assert all(n.radius <= n.x <= WIDTH - n.radius and n.radius <= n.y <= HEIGHT for n in network.nodes)
    linked = {i for e in network.edges for i in (e.source, e.target)}
    assert linked == {n.actor.id for n in network.nodes}
