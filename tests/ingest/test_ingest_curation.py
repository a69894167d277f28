"""Curation is never lost: re-runs, edits, rejections and corrected seeds."""
from __future__ import annotations

import shutil

from conftest import run_build
from ingest_helpers import FIXTURE_REGISTRIES, SEEDS

SEED_000 = "000_757ce41b5e3eb3a1.txt"


def setup(tmp_path):
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURE_REGISTRIES, content)
    shutil.copytree(SEEDS, seeds)
    return content, seeds


def ingest(content, seeds):
    return run_build("ingest", "--content", str(content), "--seeds", str(seeds), "--quiet")


def snapshot(content) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((content / "entries").glob("*.md"))}


def test_first_ingest_writes_one_entry_per_story(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    assert len(snapshot(content)) == 8


def test_running_ingest_again_changes_nothing(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    before = snapshot(content)
    ingest(content, seeds)
    assert snapshot(content) == before


def test_an_edited_entry_is_never_overwritten(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    path = sorted((content / "entries").glob("*.md"))[0]
    edited = path.read_text(encoding="utf-8").replace("title: ", "title: عنوان حرره المحرر — ", 1)
    path.write_text(edited, encoding="utf-8")
    ingest(content, seeds)
    assert path.read_text(encoding="utf-8") == edited
    assert len(snapshot(content)) == 8


def test_a_rejected_story_is_never_reingested(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    path = sorted((content / "entries").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    status = next(line for line in text.splitlines() if line.startswith("status:"))
    path.write_text(text.replace(status, "status: rejected"), encoding="utf-8")
    ingest(content, seeds)
    assert len(snapshot(content)) == 8
    assert "status: rejected" in path.read_text(encoding="utf-8")


def test_a_seed_corrected_by_a_few_characters_keeps_its_entry_and_says_so(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    before = snapshot(content)
    seed = seeds / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8").replace("سبل الدفع يالعملية", "سبل الدفع بالعملية"),
                    encoding="utf-8")
    result = run_build("ingest", "--content", str(content), "--seeds", str(seeds))
    assert snapshot(content) == before
    assert f"seeds/{SEED_000}:1: warning: seed changed, entry kept" in result.stderr.replace(str(tmp_path) + "/", "")


def test_a_story_copied_into_a_second_seed_is_written_once(tmp_path):
    content, seeds = setup(tmp_path)
    shutil.copy(seeds / SEED_000, seeds / "999_copy.txt")
    ingest(content, seeds)
    assert len(snapshot(content)) == 8


def test_a_year_written_as_a_bare_number_is_read_as_a_date(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    path = next(p for p in sorted((content / "entries").glob("*.md")) if "date: null" in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("date: null", "date: 2018")
                    .replace("status: draft", "status: published"), encoding="utf-8")
    run_build("check", "--content", str(content), "--seeds", str(seeds), "--quiet")


def test_the_repository_content_ingests_and_checks_without_a_warning():
    result = run_build("check", "--strict", check=False)
    assert result.returncode == 0, result.stderr


def test_a_proposed_actor_is_one_warning_at_its_seed_line_then_at_its_entry_line_until_reviewed(tmp_path):
    content, seeds = setup(tmp_path)
    warning = ("warning: proposed actor 'ميشيل سيسون' (person, مساعدة وزير الخارجية الأمريكية لشؤون المنظمات "
               "الدولية السفيرة) is not reviewed: no actor in content/actors.yaml has the name — run 'python build.py "
               "proposals accept \"ميشيل سيسون\" --name-en \"…\"' to add it to the registry, or 'python build.py "
               "proposals reject \"ميشيل سيسون\"' if it is not an actor")
    checked = run_build("check", "--content", str(content), "--seeds", str(seeds)).stderr.replace(str(tmp_path) + "/", "")
    assert f"seeds/{SEED_000}:3: {warning}" in checked
    ingested = run_build("ingest", "--content", str(content), "--seeds", str(seeds)).stderr
    ingested = ingested.replace(str(tmp_path) + "/", "")
    assert f"content/entries/undated-stephanie-khoury-us-state-department.md:10: {warning}" in ingested
    assert ingested.count("ميشيل سيسون' (") == 1
    assert run_build("check", "--strict", "--content", str(content), "--seeds", str(seeds),
                     check=False).returncode == 1
    run_build("proposals", "reject", "ميشيل سيسون", "--content", str(content))
    result = run_build("check", "--content", str(content), "--seeds", str(seeds))
    assert "ميشيل سيسون" not in result.stderr


def test_a_corrected_seed_keeps_an_entry_whose_body_the_maintainer_rewrote(tmp_path):
    content, seeds = setup(tmp_path)
    ingest(content, seeds)
    entry = next(p for p in (content / "entries").glob("*.md") if f"seed: {SEED_000}" in p.read_text("utf-8")
                 and "seed_lines: [1, 9]" in p.read_text("utf-8"))
    front, _ = entry.read_text(encoding="utf-8").rsplit("---\n", 1)
    entry.write_text(front + "---\nنص أعاد المحرر كتابته بالكامل.\n", encoding="utf-8")
    seed = seeds / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8").replace("يالعملية", "بالعملية"), encoding="utf-8")
    before = snapshot(content)
    result = run_build("ingest", "--content", str(content), "--seeds", str(seeds))
    assert snapshot(content) == before and "seed changed, entry kept" in result.stderr
