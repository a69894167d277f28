"""The site a build replaces is kept as the next build's starting point: rebuilds from it give exactly the
bytes of a clean build, and nothing put into the live site by hand comes back from it."""
from __future__ import annotations

from test_incremental import (EDITS, TRIPOLI, UNSMIL, assert_equals_a_clean_build,
                              assert_small_rebuild_equals_a_clean_build, build, edit, entry, make_work)

from mawjaz.incremental.manifest import CACHE_FOLDER

SPARE = f"{CACHE_FOLDER}/site.spare"


def test_each_rebuild_from_the_spare_equals_a_clean_build(tmp_path):
    work = make_work(tmp_path)
    build(work)
    assert not (work / SPARE).exists()                   # a first build replaces nothing
    for name in ("body", "title", "entry added", "entry removed", "registry name"):
        EDITS[name](work)
        build(work)
        assert (work / SPARE).is_dir() and (work / f"{SPARE}.json").is_file(), name
        assert_equals_a_clean_build(work)


def test_a_file_put_into_the_site_by_hand_does_not_come_back_two_builds_later(tmp_path):
    work = make_work(tmp_path)
    build(work)
    (work / "site/entries/by-hand").mkdir()
    (work / "site/entries/by-hand/index.html").write_text("<p>by hand</p>", encoding="utf-8")
    (work / "site/notes.txt").write_text("by hand", encoding="utf-8")
    EDITS["body"](work)
    build(work)                                          # the hand-made files now sit in the spare
    assert not (work / "site/notes.txt").exists()
    edit(entry(work, TRIPOLI), 'title: "', 'title: "عاجل: ')
    build(work)                                          # made from the spare
    assert not (work / "site/notes.txt").exists() and not (work / "site/entries/by-hand").exists()
    assert_equals_a_clean_build(work)


def test_an_output_of_the_spare_changed_by_hand_is_made_again(tmp_path):
    work = make_work(tmp_path)
    build(work)
    EDITS["body"](work)
    build(work)
    page = work / SPARE / f"entries/{TRIPOLI}/index.html"
    page.write_text("changed by hand", encoding="utf-8")
    edit(entry(work, UNSMIL), "\n---\n", "\n---\nفقرة ثانية أضافها المحرر.\n\n")
    assert_small_rebuild_equals_a_clean_build(work, build(work))


def test_after_a_change_every_page_shows_the_next_edit_starts_from_the_live_site_not_the_stale_spare(tmp_path):
    work = make_work(tmp_path)
    build(work)
    EDITS["template"](work)
    build(work)                                          # every page made again; the spare is the old site
    EDITS["body"](work)
    assert_small_rebuild_equals_a_clean_build(work, build(work))
