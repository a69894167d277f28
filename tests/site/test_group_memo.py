"""Grouping with what an earlier build worked out (mawjaz.site.memo) gives the model of grouping afresh.

A rebuild after an edit to one entry's text takes the related entries, counts and networks from the
memo, and looks for same-event pairs only of the edited entry; anything else works everything out again.
"""
from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz.model import Actor, Entry, Registries, Theme
from mawjaz.site import GroupMemo, group_site
from mawjaz.site import group as group_module
from mawjaz.site import network as network_module
from mawjaz.site import same_event as same_event_module
from mawjaz.site.same_event import detected_again, detected_pairs
from test_group import config

ACTORS = [Actor(i, f"اسم {i}", i, kind) for i, kind in
          (("a", "person"), ("b", "person"), ("c", "state"), ("d", "state"), ("e", "organization"))]
THEMES = [Theme(i, f"موضوع {i}", i) for i in ("x", "y", "z")]
REGISTRIES = Registries.of(ACTORS, THEMES, [])
WORDS = ("أكدت الولايات المتحدة خلال اجتماع على هامش الجمعية العامة أهمية توحيد المؤسسة العسكرية "
         "ودعم خريطة الطريق التي أعلنتها البعثة في طرابلس وبنغازي وسرت").split()


def entry(number: int, day: int, actors: str, themes: str, source: str | None, words: int, body_start: int = 0) -> Entry:
    body = " ".join(WORDS[(body_start + i) % len(WORDS)] for i in range(words)) + "\n"
    return Entry(f"e{number:02d}", f"خبر {number}", f"2025-09-{day:02d}", "published", source, None,
                 tuple(actors), tuple(themes), "", body)


def corpus() -> list[Entry]:
    """Entries days apart from several outlets, some telling one story: same-event pairs among them."""
    sources = ("lana", "alwasat", None)
    return [entry(n, 1 + n % 9, "abcde"[n % 5] + "abcde"[(n * 3 + 1) % 5], "xyz"[n % 3], sources[n % 3],
                  12 + n % 7, n % 2) for n in range(30)]


def versions(entries: list[Entry]) -> dict[str, str]:
    return {e.id: repr(e) for e in entries}


def through_a_file(memo: GroupMemo) -> dict:
    """The memo as the next build reads it: JSON, with layouts' places as tuples."""
    parts = json.loads(json.dumps(memo.plain(), ensure_ascii=False))
    parts["layouts"] = {key: {a: tuple(place) for a, place in places.items()} for key, places in parts["layouts"].items()}
    return parts


def grouped(entries: list[Entry], memo: GroupMemo | None = None):
    return group_site(config(), REGISTRIES, entries, memo=memo)


def same_model(first, second) -> None:
    for field in dataclasses.fields(first):
        assert getattr(first, field.name) == getattr(second, field.name), field.name
    assert repr(first.networks) == repr(second.networks)       # the page digests read the networks' repr


def test_the_memo_of_an_earlier_build_gives_the_same_model_without_working_it_out(monkeypatch):
    entries = corpus()
    first_memo = GroupMemo(versions=versions(entries))
    first = grouped(entries, first_memo)
    assert first.same_event and first.networks and any(first.related.values())
    for name in ("related_entries", "network_views", "co_counts"):
        monkeypatch.setattr(group_module, name, lambda *_: pytest.fail(f"{name} worked out again"))
    monkeypatch.setattr(same_event_module, "detected_pairs", lambda *_: pytest.fail("pairs looked for"))
    again = GroupMemo(through_a_file(first_memo), versions(entries))
    same_model(grouped(entries, again), first)
    assert json.dumps(again.plain(), sort_keys=True) == json.dumps(first_memo.plain(), sort_keys=True)


def test_an_edited_text_looks_for_the_pairs_of_that_entry_only(monkeypatch):
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    grouped(entries, memo)
    edited = [dataclasses.replace(e, body=WORDS[0] + " " + e.body) if e.id == "e07" else e for e in entries]
    looked_for = []
    real = detected_pairs
    monkeypatch.setattr(same_event_module, "detected_pairs",
                        lambda entries, among=None: looked_for.append(among) or real(entries, among))
    monkeypatch.setattr(group_module, "related_entries", lambda *_: pytest.fail("related worked out again"))
    rebuilt = grouped(edited, GroupMemo(through_a_file(memo), versions(edited)))
    assert looked_for == [{"e07"}]
    monkeypatch.undo()
    same_model(rebuilt, grouped(edited))


@pytest.mark.parametrize("change", [
    lambda e: dataclasses.replace(e, actors=("a", "e")) if e.id == "e03" else e,
    lambda e: dataclasses.replace(e, themes=()) if e.id == "e04" else e,
    lambda e: dataclasses.replace(e, date="2025-09-28") if e.id == "e05" else e,
    lambda e: dataclasses.replace(e, source="lana") if e.id == "e06" else e,
    lambda e: dataclasses.replace(e, status="draft") if e.id == "e08" else e,
], ids=["actors", "themes", "date", "source", "unpublished"])
def test_an_edit_to_what_the_tallies_are_made_of_works_them_out_again(change):
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    grouped(entries, memo)
    edited = [change(e) for e in entries]
    same_model(grouped(edited, GroupMemo(through_a_file(memo), versions(edited))), grouped(edited))


def test_renamed_actors_in_the_registry_are_not_taken_from_the_memo():
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    grouped(entries, memo)
    renamed = Registries.of([dataclasses.replace(a, name="اسم آخر") if a.id == "c" else a for a in ACTORS], THEMES, [])
    again = group_site(config(), renamed, entries, memo=GroupMemo(through_a_file(memo), versions(entries)))
    same_model(again, group_site(config(), renamed, entries))


def test_a_memo_changed_by_hand_is_worked_out_again():
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    grouped(entries, memo)
    planted = through_a_file(memo)
    planted["tallies"]["value"]["related"] = {"e01": ["nobody"]}
    planted["same_event"]["value"] = {"versions": 3, "pairs": None}
    same_model(grouped(entries, GroupMemo(planted, versions(entries))), grouped(entries))


def test_entries_without_versions_are_grouped_afresh():
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    grouped(entries, memo)
    same_model(grouped(entries, GroupMemo(through_a_file(memo))), grouped(entries))


edits = st.lists(st.tuples(st.integers(0, 29), st.sampled_from(["body", "day", "actors", "source", "gone"])),
                 max_size=6)


@settings(max_examples=60, deadline=None)
@given(edits)
def test_pairs_found_again_are_the_pairs_found_afresh(changes):
    entries = corpus()
    memo = GroupMemo(versions=versions(entries))
    detected_again(entries, memo)
    edited = {e.id: e for e in entries}
    for number, what in changes:
        key = f"e{number:02d}"
        if key not in edited:
            continue
        old = edited[key]
        if what == "gone":
            del edited[key]
        elif what == "body":
            edited[key] = dataclasses.replace(old, body=" ".join(WORDS[number % 5:number % 5 + 15]))
        elif what == "day":
            edited[key] = dataclasses.replace(old, date=f"2025-09-{1 + (number * 7) % 9:02d}")
        elif what == "actors":
            edited[key] = dataclasses.replace(old, actors=old.actors[:1])
        else:
            edited[key] = dataclasses.replace(old, source=None if old.source else "lana")
    after = list(edited.values())
    assert detected_again(after, GroupMemo(memo.plain(), versions(after))) == detected_pairs(after)
