"""`build.py proposals`: list, accept and reject, on a temporary copy of the fixture content."""
from __future__ import annotations

import shutil

import pytest
from conftest import run_build
from ingest_helpers import FIXTURE_REGISTRIES


ENTRY = """---
id: 2024-05-02-egypt
title: خبر
date: 2024-05-02
status: published
source: null
place: null
actors: [egypt]
proposed_actors:
  - {name: ماركو فيراري, kind: person, role: السفير الإيطالي لدى ليبيا}
  - {name: منظمة العدالة الدولية, kind: organization, role: null}
themes: []
# evidence (words that matched; delete these lines once reviewed):
#   egypt: «مصر» (paragraph 1)
summary: ملخص
---
قال السفير الإيطالي لدى ليبيا ماركو فيراري إن بلاده تدعم الحوار مع مصر.
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_REGISTRIES, folder)
    (folder / "actors.yaml").write_text("# the registry\n\n" + (folder / "actors.yaml").read_text("utf-8"), "utf-8")
    (folder / "not_actors.yaml").write_text("# reviewed names\n[]\n", encoding="utf-8")
    (folder / "entries").mkdir()
    (folder / "entries" / "2024-05-02-egypt.md").write_text(ENTRY, encoding="utf-8")
    second = ENTRY.replace("2024-05-02-egypt", "2024-06-01-egypt").replace("actors: [egypt]", "actors:\n  - egypt")
    (folder / "entries" / "2024-06-01-egypt.md").write_text(second, encoding="utf-8")
    return folder


def proposals(content, *words: str, check: bool = True):
    return run_build("proposals", *words, "--content", str(content), check=check)


def entry(content, name: str = "2024-05-02-egypt") -> str:
    return (content / "entries" / f"{name}.md").read_text(encoding="utf-8")


def test_the_list_names_each_proposal_with_its_kind_role_count_and_entries(content):
    listed = proposals(content).stdout
    assert "ماركو فيراري · person · السفير الإيطالي لدى ليبيا · 2: 2024-05-02-egypt, 2024-06-01-egypt" in listed
    assert "منظمة العدالة الدولية · organization · — · 2: 2024-05-02-egypt, 2024-06-01-egypt" in listed


def test_accepting_appends_the_actor_and_replaces_the_proposal_by_its_id_in_every_entry(content):
    before = (content / "actors.yaml").read_text(encoding="utf-8")
    result = proposals(content, "accept", "ماركو فيراري", "--name-en", "Marco Ferrari")
    assert "Added actor 'marco-ferrari'" in result.stdout
    after = (content / "actors.yaml").read_text(encoding="utf-8")
    assert after == before + ("- id: marco-ferrari\n  name: ماركو فيراري\n  name_en: Marco Ferrari\n  kind: person\n"
                              "  role: السفير الإيطالي لدى ليبيا\n")
    assert entry(content) == ENTRY.replace("actors: [egypt]", "actors: [egypt, marco-ferrari]").replace(
        "  - {name: ماركو فيراري, kind: person, role: السفير الإيطالي لدى ليبيا}\n", "")
    assert "actors: [egypt, marco-ferrari]\nproposed_actors:" in entry(content, "2024-06-01-egypt")   # one line
    assert "# evidence" in entry(content, "2024-06-01-egypt")
    assert "ماركو فيراري" not in proposals(content).stdout
    run_build("check", "--content", str(content), "--seeds", str(content / "entries"))


def test_accepting_takes_an_id_and_refuses_one_that_is_taken_or_not_ascii(content):
    before = {p.name: p.read_text("utf-8") for p in content.rglob("*") if p.is_file()}
    taken = proposals(content, "accept", "ماركو فيراري", "--name-en", "Marco", "--id", "egypt", check=False)
    assert taken.returncode == 1 and "id 'egypt' is taken by" in taken.stderr
    arabic = proposals(content, "accept", "ماركو فيراري", "--name-en", "فيراري", check=False)
    assert arabic.returncode == 1 and "may use only a-z, 0-9 and single hyphens" in arabic.stderr
    assert {p.name: p.read_text("utf-8") for p in content.rglob("*") if p.is_file()} == before
    proposals(content, "accept", "منظمة العدالة الدولية", "--name-en", "Justice Org", "--id", "justice-org")
    assert "- id: justice-org\n  name: منظمة العدالة الدولية\n  name_en: Justice Org\n  kind: organization\n" \
        in (content / "actors.yaml").read_text("utf-8")


def test_accepting_needs_an_english_name_and_a_proposed_name(content):
    assert proposals(content, "accept", "ماركو فيراري", check=False).returncode == 2
    missing = proposals(content, "accept", "فلان", "--name-en", "X", check=False)
    assert missing.returncode == 1 and "no entry proposes an actor named 'فلان'" in missing.stderr


def test_rejecting_lists_the_name_in_not_actors_and_removes_the_proposal(content):
    result = proposals(content, "reject", "منظمة العدالة الدولية")
    assert "removed the proposal from 2 entries" in result.stdout
    assert (content / "not_actors.yaml").read_text("utf-8") == "# reviewed names\n- منظمة العدالة الدولية\n"
    assert "منظمة العدالة" not in entry(content) and "ماركو فيراري" in entry(content)
    proposals(content, "reject", "ماركو فيراري")
    assert "proposed_actors" not in entry(content)
    assert proposals(content).stdout.startswith("No proposed actors")


def test_unreviewed_proposals_fail_check_strict_with_their_entry_line(content):
    result = run_build("check", "--strict", "--content", str(content), "--seeds", str(content / "entries"),
                       check=False)
    assert result.returncode == 1
    assert "2024-05-02-egypt.md:10: warning: proposed actor 'ماركو فيراري'" in result.stderr


def test_a_proposal_already_in_the_registry_says_which_id_to_use(content):
    (content / "entries" / "2024-05-02-egypt.md").write_text(ENTRY.replace("ماركو فيراري", "ستيفاني وليامز"),
                                                             encoding="utf-8")
    result = run_build("check", "--content", str(content), "--seeds", str(content / "entries"))
    assert "proposed actor 'ستيفاني وليامز' is already actor 'stephanie-williams'" in result.stderr


def test_a_malformed_proposal_is_an_error_on_its_line(content):
    (content / "entries" / "2024-05-02-egypt.md").write_text(ENTRY.replace("kind: person", "kind: human"),
                                                             encoding="utf-8")
    result = run_build("check", "--content", str(content), "--seeds", str(content / "entries"), check=False)
    assert result.returncode == 1
    assert "2024-05-02-egypt.md:10: 'proposed_actors[1].kind' is 'human', which is not allowed" in result.stderr


def test_accepting_adds_the_actors_key_when_the_entry_has_none(content):
    path = content / "entries" / "2024-05-02-egypt.md"
    path.write_text(ENTRY.replace("actors: [egypt]\n", ""), encoding="utf-8")
    proposals(content, "accept", "ماركو فيراري", "--name-en", "Marco Ferrari")
    assert "actors: [marco-ferrari]\n" in entry(content)
    assert "proposed_actors:\n  - {name: منظمة العدالة الدولية, kind: organization, role: null}\n" in entry(content)


def test_the_site_never_shows_a_proposal(content, tmp_path):
    run_build("build", "--content", str(content), "--out", str(tmp_path / "site"), "--quiet")
    texts = [p.read_text("utf-8") for p in (tmp_path / "site").rglob("*") if p.suffix in (".html", ".json", ".xml")]
    assert any("2024-05-02-egypt" in text for text in texts)
    assert not any("منظمة العدالة الدولية" in text or "proposed_actors" in text for text in texts)
