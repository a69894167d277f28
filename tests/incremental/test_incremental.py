"""Rebuilds make only what changed, and give exactly the bytes of a clean build.

Each case builds the fixture site, makes one kind of edit a maintainer makes, rebuilds in place, and compares
the result with a clean build of the edited content, file by file. A miss in mawjaz/incremental/fingerprints.py (an output
whose digest does not cover something it shows) makes the rebuilt site keep an old page, and fails here.
"""
from __future__ import annotations

import os
import pickle
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SITE_FIXTURE, run_build
from site_files import snapshot

from mawjaz.incremental.manifest import cache_path, manifest_path

ENTRIES = "content/entries"


def make_work(tmp_path: Path) -> Path:
    """The fixture content with the repository's templates and static files, as one project folder, in
    search shards of at least SHARD_ENTRIES entries: 2019-2021, 2022-2024 and 2025, whose boundaries
    move when an entry changes year, comes or goes."""
    work = tmp_path / "work"
    shutil.copytree(SITE_FIXTURE, work / "content")
    for folder in ("templates", "static"):
        shutil.copytree(ROOT / folder, work / folder)
    shutil.copy(ROOT / "config.yaml", work / "config.yaml")
    edit(work / "config.yaml", "shard_entries: 500", f"shard_entries: {SHARD_ENTRIES}")
    return work


def build(work: Path, out: str = "site", *options: str):
    return run_build("build", "--config", str(work / "config.yaml"), "--content", str(work / "content"),
                     "--out", str(work / out), *options, cwd=work)


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def entry(work: Path, entry_id: str) -> Path:
    return work / ENTRIES / f"{entry_id}.md"


UNSMIL = "2025-09-23-unsmil-briefing"
SHARD_ENTRIES = 3
TRIPOLI = "2019-04-04-tripoli-offensive"
EDITS = {
    "body": lambda w: edit(entry(w, UNSMIL), "\n---\n", "\n---\nفقرة أضافها المحرر بعد النشر.\n\n"),
    "title": lambda w: edit(entry(w, TRIPOLI), 'title: "', 'title: "عاجل: '),
    "summary": lambda w: edit(entry(w, TRIPOLI), 'summary: "', 'summary: "تحديث: '),
    "date moves to another year": lambda w: edit(entry(w, TRIPOLI), 'date: "2019-04-04"', 'date: "2024-07-01"'),
    "actor added": lambda w: edit(entry(w, TRIPOLI), "actors: [united-nations, turkey]",
                                  "actors: [united-nations, turkey, italy]"),
    "theme removed": lambda w: edit(entry(w, TRIPOLI), "themes: [security-unification]", "themes: []"),
    "published to draft": lambda w: edit(entry(w, TRIPOLI), 'status: "published"', 'status: "draft"'),
    "statement added": lambda w: edit(entry(w, TRIPOLI), "seed: 001_fixture.txt",
                                      'statements:\n  - actor: united-nations\n    text: "ندعو إلى وقف التصعيد"\n'
                                      "    kind: quote\nseed: 001_fixture.txt"),
    "entry added": lambda w: entry(w, "2019-04-05-tripoli-follow-up").write_text(
        entry(w, TRIPOLI).read_text(encoding="utf-8").replace(TRIPOLI, "2019-04-05-tripoli-follow-up"),
        encoding="utf-8"),
    "entry removed": lambda w: entry(w, TRIPOLI).unlink(),
    "registry name": lambda w: edit(w / "content/actors.yaml", "name: الأمم المتحدة", "name: منظمة الأمم المتحدة"),
    "template": lambda w: edit(w / "templates/base.html", "</footer>", "<!-- edited --></footer>"),
    "static file": lambda w: (w / "static/style.css").write_text(
        (w / "static/style.css").read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_rebuild_after_an_edit_equals_a_clean_build(name, tmp_path):
    work = make_work(tmp_path)
    build(work)
    EDITS[name](work)
    build(work)                               # in place, from the previous site
    build(work, "clean")                      # from nothing
    rebuilt, clean = snapshot(work / "site"), snapshot(work / "clean")
    assert rebuilt.keys() == clean.keys()
    assert [path for path in rebuilt if rebuilt[path] != clean[path]] == []


def test_a_body_edit_rewrites_only_the_outputs_that_show_the_body(tmp_path):
    work = make_work(tmp_path)
    build(work)
    before, old_bytes = inodes(work / "site"), snapshot(work / "site")
    EDITS["body"](work)
    result = build(work)
    after = inodes(work / "site")
    # The entry's search shard is indexed again as a whole (Pagefind has no incremental mode), and no other
    # shard; every other file that was rewritten did change, and every change was written.
    shard = f"pagefind/{UNSMIL[:4]}/"
    assert {path.split("/")[1] for path in after if path.startswith("pagefind/")} == {"2019-2021", "2022-2024", "2025"}
    assert {path[:len(shard)] for path in after if path.startswith("pagefind/") and after[path] != before.get(path)} \
        == {shard}
    rewritten = sorted(path for path in after if after[path] != before.get(path) and not path.startswith(shard))
    changed = sorted(path for path, data in snapshot(work / "site").items()
                     if old_bytes.get(path) != data and not path.startswith(shard))
    assert rewritten == changed
    assert set(changed) == {f"entries/{UNSMIL}/index.html", "data/entries.json", "feed.xml",
                     *(f"{kind}/{tag}/feed.xml" for kind, tag in feeds_of(work, UNSMIL))}
    assert re.search(r"\d+ pages written \(\d+ unchanged\)", result.stderr)
    assert "2025-09-30-draft-entry.md:4: warning: this draft has no date yet" in result.stderr   # a cached entry's


def test_a_project_checked_out_elsewhere_reuses_the_build_restored_beside_it(tmp_path):
    """What the deploy workflow does: a new checkout at another path, with the last site and its cache
    restored, rebuilds only what the push changed, and gives the bytes of a clean build."""
    work = make_work(tmp_path)
    build(work)
    moved = tmp_path / "elsewhere" / "checkout"
    moved.parent.mkdir()
    shutil.move(work, moved)
    EDITS["body"](moved)
    assert_small_rebuild_equals_a_clean_build(moved, build(moved))


def assert_small_rebuild_equals_a_clean_build(work: Path, result) -> None:
    """The rebuild kept far more pages than it wrote, and gave the bytes of a clean build."""
    written, kept = map(int, re.search(r"(\d+) pages written \((\d+) unchanged\)", result.stderr).groups())
    assert kept > 5 * written
    assert_equals_a_clean_build(work)


def assert_equals_a_clean_build(work: Path) -> None:
    build(work, "clean")
    assert snapshot(work / "site") == snapshot(work / "clean")


class Planted:
    def __reduce__(self):
        return (os.system, ("touch planted-code-ran",))


def test_a_planted_entry_cache_cannot_run_code(tmp_path):
    work = make_work(tmp_path)
    build(work)
    cache = cache_path(work / "site", "entries.pickle")
    assert cache.is_file()
    cache.write_bytes(pickle.dumps({"format": 1, "salt": "", "entries": Planted()}))
    EDITS["body"](work)
    build(work)
    build(work, "clean")
    assert not (work / "planted-code-ran").exists()
    assert snapshot(work / "site") == snapshot(work / "clean")


def test_a_build_that_stops_on_a_broken_entry_still_keeps_the_entries_it_parsed(tmp_path):
    """The entry cache is written once the shards start indexing, or at the latest as the run ends: a
    maintainer fixing one entry after another does not pay for parsing every entry again each time."""
    work = make_work(tmp_path)
    edit(entry(work, UNSMIL), "\n---\n", "\nthemes: [no-such-theme]\n---\n")
    result = run_build("build", "--config", str(work / "config.yaml"), "--content", str(work / "content"),
                       "--out", str(work / "site"), cwd=work, check=False)
    assert result.returncode != 0 and f"{UNSMIL}.md" in result.stderr
    cache = cache_path(work / "site", "entries.pickle")
    assert cache.is_file() and UNSMIL.encode() not in cache.read_bytes()     # the broken one is checked afresh
    assert TRIPOLI.encode() in cache.read_bytes()


def feeds_of(work: Path, entry_id: str) -> list[tuple[str, str]]:
    text = entry(work, entry_id).read_text(encoding="utf-8")
    actors = re.search(r"^actors: \[(.*)\]$", text, re.M).group(1).split(", ")
    themes = re.search(r"^themes: \[(.*)\]$", text, re.M).group(1).split(", ")
    return [("actors", a) for a in actors if a] + [("themes", t) for t in themes if t]


def test_a_build_with_nothing_changed_writes_nothing_and_repeats_the_warnings(tmp_path):
    work = make_work(tmp_path)
    edit(entry(work, UNSMIL), "\n---\n", "\n---\n[رابط مكسور](/entries/nowhere/)\n\n")
    first = build(work)
    before = inodes(work / "site")
    second = build(work)
    assert inodes(work / "site") == before
    assert "nothing changed since the last build" in second.stderr
    warnings = [line for line in first.stderr.splitlines() if "warning:" in line]
    assert warnings and warnings == [line for line in second.stderr.splitlines() if "warning:" in line]
    strict = run_build("build", "--strict", "--config", str(work / "config.yaml"), "--content",
                       str(work / "content"), "--out", str(work / "site"), cwd=work, check=False)
    assert strict.returncode == 1 and warnings[0] in strict.stderr


def test_a_file_removed_or_changed_in_the_site_by_hand_is_made_again(tmp_path):
    work = make_work(tmp_path)
    build(work)
    clean = snapshot(work / "site")
    (work / "site/about/index.html").unlink()
    (work / "site/feed.xml").write_text("edited by hand", encoding="utf-8")
    shutil.rmtree(work / "site/pagefind")
    build(work)
    assert snapshot(work / "site") == clean


def test_without_its_manifest_a_site_is_built_in_full(tmp_path):
    work = make_work(tmp_path)
    build(work)
    clean = snapshot(work / "site")
    before = inodes(work / "site")
    manifest_path(work / "site").unlink()
    build(work)
    after = inodes(work / "site")
    assert snapshot(work / "site") == clean
    assert not set(before.values()) & set(after.values())      # every file was written anew


def test_many_outputs_are_made_by_worker_processes_with_the_same_bytes(tmp_path):
    """Enough entries that the build uses its process pool; one worker or several give the same site."""
    from bench.corpus import write_corpus
    write_corpus(tmp_path / "content", 180)
    for workers, out in (("1", "one"), ("2", "two")):
        run_build("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / out), "--quiet",
                  cwd=ROOT, env={"MAWJAZ_WORKERS": workers})
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert len(list((tmp_path / "one").rglob("*.html"))) > 400


def link_warnings(result, out: str = "site") -> list[str]:
    """The broken-link warnings, each from the page's path inside the site folder."""
    return sorted(line.split(f"{out}/", 1)[-1] for line in result.stderr.splitlines() if "leads to no page" in line)


def test_a_kept_page_whose_link_lost_its_target_is_reported_as_a_clean_build_reports_it(tmp_path):
    """Pages are checked as they are made; a page carried over is read again once an output is gone."""
    work = make_work(tmp_path)
    edit(entry(work, TRIPOLI), "\n---\n", "\n---\nانظر [الإحاطة](/entries/2025-09-23-unsmil-briefing/).\n\n")
    assert link_warnings(build(work)) == []
    entry(work, UNSMIL).unlink()
    rebuilt = link_warnings(build(work))
    assert any(line.startswith(f"entries/{TRIPOLI}/index.html:") for line in rebuilt)
    assert rebuilt == link_warnings(build(work, "clean"), "clean")


def test_a_broken_link_of_a_kept_page_is_still_reported_when_an_entry_is_added(tmp_path):
    work = make_work(tmp_path)
    edit(entry(work, UNSMIL), "\n---\n", "\n---\nانظر [الإحاطة](/entries/2030-01-01-not-yet/).\n\n")
    first = link_warnings(build(work))
    assert len(first) == 1 and first[0].startswith(f"entries/{UNSMIL}/index.html:")
    EDITS["entry added"](work)
    assert link_warnings(build(work)) == first
