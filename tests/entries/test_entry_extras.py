"""Front matter that later stages own: statements, same_event and not_same_event, checked with lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SITE_FIXTURE

from mawjaz.entries import load_entries
from mawjaz.errors import Problems
from mawjaz.registries import load_registries

HEAD = '---\nid: {id}\ntitle: عنوان\ndate: "2025-01-02"\nstatus: published\nactors: [turkey]\n'


def write(folder: Path, entry_id: str, extra: str) -> None:
    (folder / f"{entry_id}.md").write_text(HEAD.format(id=entry_id) + extra + "---\nنص\n", encoding="utf-8")


def load(folder: Path) -> tuple[list, list[str]]:
    problems = Problems()
    entries = load_entries(folder, load_registries(SITE_FIXTURE, Problems()), problems)
    return entries, [str(p) for p in problems.errors()]


def test_good_statements_and_event_links_are_kept(tmp_path):
    write(tmp_path, "a", "statements:\n  - actor: turkey\n    text: ندعم وحدة المؤسسة العسكرية\n    kind: quote\n"
                         "  - actor: null\n    text: نص منقول\n    kind: reported\nsame_event: [b]\n")
    write(tmp_path, "b", "not_same_event: []\n")
    entries, errors = load(tmp_path)
    assert errors == []
    assert [s["actor"] for s in dict(entries[0].extra)["statements"]] == ["turkey", None]


def test_a_bad_statement_names_its_line(tmp_path):
    write(tmp_path, "a", "statements:\n  - actor: turkey\n    text: نص\n    kind: quote\n"
                         "  - actor: turkey\n    text: ''\n    kind: said\n")
    write(tmp_path, "b", "statements:\n  - actor: turky\n    text: نص\n    kind: quote\n")
    _, errors = load(tmp_path)
    assert any(e.startswith(f"{tmp_path / 'a.md'}:12: 'statements[2].text' is empty") for e in errors), errors
    assert any("a.md:13: 'statements[2].kind' is 'said', which is not allowed" in e for e in errors), errors
    assert any("b.md:8: unknown actor id 'turky' in a statement" in e and "did you mean 'turkey'" in e
               for e in errors), errors
    assert len(errors) == 3


def test_statements_must_be_a_list_of_mappings(tmp_path):
    write(tmp_path, "a", "statements: قال كلاما\n")
    write(tmp_path, "b", "statements:\n  - نص وحده\n")
    _, errors = load(tmp_path)
    assert any("a.md:7: 'statements' should be a list" in e for e in errors), errors
    assert any("b.md:8: 'statements[1]' should be a section" in e for e in errors), errors


def test_event_links_name_existing_other_entries_and_not_both_ways(tmp_path):
    write(tmp_path, "a", "same_event: [a, missing, b]\nnot_same_event: [b]\n")
    write(tmp_path, "b", "same_event: [a]\n")
    _, errors = load(tmp_path)
    assert any("a.md:7: 'same_event' names the entry itself" in e for e in errors), errors
    assert any("a.md:7: 'same_event' names 'missing', which is not an entry" in e for e in errors), errors
    assert any("a.md:8: 'b' is in both same_event and not_same_event" in e for e in errors), errors
    assert len(errors) == 3


def test_a_proposed_source_is_kept_beside_a_null_source(tmp_path):
    write(tmp_path, "a", "source: null\nproposed_source: {name: قناة المثال}\n")
    entries, errors = load(tmp_path)
    assert errors == [] and dict(entries[0].extra)["proposed_source"] == {"name": "قناة المثال"}


@pytest.mark.parametrize("extra, message", [
    ("proposed_source: {title: قناة المثال}\n", "a.md:7: unknown key 'proposed_source.title'"),
    ("proposed_source: {title: قناة المثال}\n", "a.md:7: missing key 'proposed_source.name'"),
    ("source: lana\nproposed_source:\n  name: قناة المثال\n", "a.md:8: 'proposed_source' is written beside 'source: lana'"),
])
def test_a_proposed_source_needs_a_name_and_a_null_source(tmp_path, extra, message):
    write(tmp_path, "a", extra)
    assert any(message in error for error in load(tmp_path)[1])
