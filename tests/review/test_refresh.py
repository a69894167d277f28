"""build.py refresh: entries brought up to date with today's ingest, a maintainer's edits kept.

Every test works on a temporary copy: the repository's seeds and registries, ingested into an empty
content folder, then made to look like older or edited entries by changing their text.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_build

from mawjaz.entries import parse_entry, read_entry
from mawjaz.errors import Problems
from mawjaz.entries.ingested import INGESTED_COMMENT, INGESTED_FIELDS, digest, field_digests

REGISTRY_FILES = ("actors.yaml", "themes.yaml", "sources.yaml", "places.yaml", "not_actors.yaml")
KHOURY_SEED = "000_757ce41b5e3eb3a1.txt"     # its first story (lines 1-9) has statements
EDITED_TITLE = "خوري تبحث في واشنطن العملية السياسية"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """Seeds and registries in a temporary project, ingested once."""
    project = tmp_path_factory.mktemp("ingested")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    (project / "content").mkdir()
    for name in REGISTRY_FILES:
        shutil.copy(ROOT / "content" / name, project / "content" / name)
    run_build("ingest", *folders(project), "--quiet")
    return project


@pytest.fixture
def project(ingested, tmp_path) -> Path:
    shutil.copytree(ingested, tmp_path / "project")
    return tmp_path / "project"


def folders(project: Path) -> list[str]:
    return ["--content", str(project / "content"), "--seeds", str(project / "seeds")]


def refresh(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run_build("refresh", *args, *folders(project), "--quiet", check=False)


def entry_of(project: Path, seed: str, first_line: int) -> Path:
    for path in sorted((project / "content/entries").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if f"seed: {seed}\n" in text and re.search(rf"^seed_lines: \[{first_line}, ", text, re.M):
            return path
    raise AssertionError(f"no entry from {seed} line {first_line}")


def without_statements(text: str) -> str:
    return re.sub(r"^statements:\n(?:  .*\n)+", "", text, flags=re.M)


def without_digests(text: str) -> str:
    return text.replace(INGESTED_COMMENT + "\n", "").replace(re.search(r"^ingested: .*\n", text, re.M).group(0), "")


def as_before_statements(text: str) -> str:
    """The entry as an ingest that did not yet find statements wrote it: no statements, and a digest
    saying the field was empty."""
    old = re.search(r"statements: ([0-9a-f]+)", text).group(1)
    return without_statements(text).replace(f"statements: {old}", f"statements: {digest(None)}")


def front_matter(text: str):
    entry_id = re.search(r"^id: (.*)$", text, re.M).group(1)
    entry = parse_entry(Path(f"{entry_id}.md"), text, Problems())
    assert entry is not None
    return entry


def test_ingest_records_a_digest_of_every_field_it_wrote(project):
    for path in sorted((project / "content/entries").glob("*.md")):
        entry = read_entry(path, Problems())
        assert dict(entry.ingested) == field_digests(entry), path.name
        assert tuple(dict(entry.ingested)) == INGESTED_FIELDS


def test_an_edited_title_is_kept_while_statements_are_added(project):
    path = entry_of(project, KHOURY_SEED, 1)
    fresh = path.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", fresh, re.M).group(1)
    edited = as_before_statements(fresh).replace(f"title: {title}", f"title: {EDITED_TITLE}")
    path.write_text(edited, encoding="utf-8")

    shown = refresh(project, path.stem)
    assert shown.returncode == 0, shown.stderr
    assert "title: kept (edited)" in shown.stdout and "statements: added" in shown.stdout
    assert path.read_text(encoding="utf-8") == edited          # the dry run writes nothing

    applied = refresh(project, "--apply", path.stem)
    assert applied.returncode == 0, applied.stderr
    after = path.read_text(encoding="utf-8")
    entry = front_matter(after)
    assert entry.title == EDITED_TITLE
    assert dict(entry.extra)["statements"] == dict(front_matter(fresh).extra)["statements"]
    assert dict(entry.ingested)["title"] == dict(front_matter(fresh).ingested)["title"]   # still seen as edited
    assert "title: kept (edited)" in refresh(project, path.stem).stdout


def test_an_entry_older_than_digests_gets_missing_fields_and_keeps_fields_no_one_can_vouch_for(project):
    path = entry_of(project, KHOURY_SEED, 1)
    fresh = path.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", fresh, re.M).group(1)
    old = without_digests(without_statements(fresh)).replace(f"title: {title}", f"title: {EDITED_TITLE}")
    path.write_text(old, encoding="utf-8")

    assert refresh(project, "--apply").returncode == 0
    entry = front_matter(path.read_text(encoding="utf-8"))
    assert entry.title == EDITED_TITLE and "statements" in dict(entry.extra)
    assert "title" not in dict(entry.ingested) and "statements" in dict(entry.ingested)
    again = refresh(project, path.stem)
    assert "title: kept (cannot tell whether edited) — --take title" in again.stdout

    assert refresh(project, "--apply", "--take", "title", path.stem).returncode == 0
    assert path.read_text(encoding="utf-8") == fresh           # today's title, and its digest recorded


def test_take_names_only_fields_that_ingest_writes(project):
    result = refresh(project, "--take", "status")
    assert result.returncode == 2 and "invalid choice: 'status'" in result.stderr


def test_a_rejected_entry_is_never_touched(project):
    path = entry_of(project, KHOURY_SEED, 1)
    rejected = without_digests(without_statements(path.read_text(encoding="utf-8"))).replace(
        "status: draft", "status: rejected").replace("status: published", "status: rejected")
    path.write_text(rejected, encoding="utf-8")
    result = refresh(project, "--apply", "--take", "title", "--take", "summary")
    assert result.returncode == 0, result.stderr
    assert f"{path.stem}: rejected: never refreshed" in result.stdout
    assert path.read_text(encoding="utf-8") == rejected


def test_an_entry_whose_seed_is_gone_is_kept_with_a_warning(project):
    path = entry_of(project, KHOURY_SEED, 1)
    before = without_statements(without_digests(path.read_text(encoding="utf-8")))
    path.write_text(before, encoding="utf-8")
    (project / "seeds" / KHOURY_SEED).unlink()
    result = refresh(project, "--apply")
    assert result.returncode == 0, result.stderr
    assert f"{path.name}: warning: seed '{KHOURY_SEED}' is not in the seeds folder: the entry is kept as it is" \
        in result.stderr
    assert path.read_text(encoding="utf-8") == before
    assert refresh(project, "--strict").returncode == 1


def test_an_entry_whose_seed_changed_is_shown_and_applied_only_when_asked(project):
    path = entry_of(project, KHOURY_SEED, 1)
    fresh = path.read_text(encoding="utf-8")
    seed = project / "seeds" / KHOURY_SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("عدة لقاءات", "لقاءات عدة", 1), encoding="utf-8")

    shown = refresh(project, "--apply", path.stem)
    assert shown.returncode == 0, shown.stderr
    assert "seed changed since the entry: the story is now on lines 1–9" in shown.stdout
    assert "not applied (--changed-seeds applies it)" in shown.stdout
    assert "+ " in shown.stdout and "لقاءات عدة" in shown.stdout     # the diff is shown
    assert path.read_text(encoding="utf-8") == fresh

    assert refresh(project, "--apply", "--changed-seeds", path.stem).returncode == 0
    entry = front_matter(path.read_text(encoding="utf-8"))
    assert "لقاءات عدة" in entry.body and entry.story_sha256 != front_matter(fresh).story_sha256
    assert "up to date" in refresh(project, path.stem).stdout        # the new hash is the story's


def test_a_second_apply_changes_nothing(project):
    for path in (project / "content/entries").glob("*.md"):
        path.write_text(without_digests(without_statements(path.read_text(encoding="utf-8"))), encoding="utf-8")
    first = refresh(project, "--apply")
    assert first.returncode == 0, first.stderr
    texts = {path.name: path.read_bytes() for path in (project / "content/entries").glob("*.md")}
    second = refresh(project, "--apply")
    assert " 0 refreshed; fields 0 added, 0 changed" in second.stdout
    assert texts == {path.name: path.read_bytes() for path in (project / "content/entries").glob("*.md")}


def test_comment_lines_and_key_order_are_kept(project):
    path = entry_of(project, KHOURY_SEED, 1)
    lines = without_digests(without_statements(path.read_text(encoding="utf-8"))).split("\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    moved = [lines[0], "# reviewed by hand: the summary comes first here", lines[summary],
             *[line for i, line in enumerate(lines[1:], 1) if i != summary]]
    path.write_text("\n".join(moved), encoding="utf-8")

    assert refresh(project, "--apply").returncode == 0
    after = path.read_text(encoding="utf-8")
    assert "statements:\n  - actor:" in after
    assert without_digests(without_statements(after)) == "\n".join(moved)
    keys = re.findall(r"^([a-z_0-9]+):", after.split("\n---\n")[0], re.M)
    assert keys[:2] == ["summary", "id"] and keys[-3:] == ["story_sha256", "statements", "ingested"]


# ---------------------------------------------------------------- killed mid-run

COPIES = 30
KILLS = 6


def many_old_entries(project: Path) -> None:
    """COPIES copies of every seed and of its entries, as an ingest before statements wrote them."""
    entries = sorted((project / "content/entries").glob("*.md"))
    for number in range(COPIES):
        for seed in sorted((project / "seeds").glob("[0-9]*.txt")):
            shutil.copy(seed, project / "seeds" / f"c{number:02d}_{seed.name}")
        for path in entries:
            text = without_digests(without_statements(path.read_text(encoding="utf-8")))
            entry_id = f"{path.stem}-c{number:02d}"
            text = text.replace(f"id: {path.stem}\n", f"id: {entry_id}\n").replace("\nseed: ", f"\nseed: c{number:02d}_")
            (project / "content/entries" / f"{entry_id}.md").write_text(text, encoding="utf-8")
    for path in entries:
        path.unlink()


def start_refresh(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "refresh", "--apply", *folders(project),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})


def wait_for_first_write(project: Path, name: str, text: str, process: subprocess.Popen) -> None:
    """Until the run has written its first entry (the moment writing begins), or has ended."""
    path = project / "content/entries" / name
    while process.poll() is None and path.read_text(encoding="utf-8") == text:
        time.sleep(0.001)


def entry_texts(project: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in (project / "content/entries").glob("*.md")}


def test_a_killed_refresh_leaves_every_entry_old_or_new_never_half_written(project, tmp_path):
    many_old_entries(project)
    old = entry_texts(project)
    done = tmp_path / "done"
    shutil.copytree(project, done)
    assert start_refresh(done).wait() == 0
    new = entry_texts(done)
    first = min(old)              # entries are refreshed in the order of their file names
    assert sum(old[name] != new[name] for name in old) == len(old)

    rng, mixed = random.Random(17), 0
    for kill in range(KILLS):
        if kill < KILLS - 1:         # the last kill falls on a run that an earlier kill interrupted
            for name, text in old.items():
                (project / "content/entries" / name).write_text(text, encoding="utf-8")
        process = start_refresh(project)
        wait_for_first_write(project, first, old[first], process)
        time.sleep(rng.uniform(0, 0.08))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        now = entry_texts(project)
        mixed += 0 < sum(now[name] == new[name] for name in now) < len(now)
        assert set(now) == set(old)
        for name, text in now.items():
            assert text in (old[name], new[name]), name
            assert read_entry(project / "content/entries" / name, Problems()) is not None, name
    assert mixed, "no kill fell while entries were being written"
    assert start_refresh(project).wait() == 0
    assert entry_texts(project) == new
    assert not list((project / "content/entries").glob(".writing-*"))


def test_a_damaged_ingested_line_is_an_error_on_its_line(project):
    path = entry_of(project, KHOURY_SEED, 1)
    text = re.sub(r"^ingested: \{title: [0-9a-f]+", "ingested: {title: edited-by-hand", path.read_text(encoding="utf-8"),
                  flags=re.M)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith("ingested:"))) + 1
    result = refresh(project)
    assert result.returncode == 1
    assert f"{path.name}:{line}: the 'ingested' line is not as ingest writes it — it is generated: delete the line" \
        in result.stderr
