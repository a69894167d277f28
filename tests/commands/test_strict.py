"""Warnings are shown and the build goes on; with --strict (what CI runs) each one fails the run."""
from __future__ import annotations

from pathlib import Path

from site_files import snapshot
from test_invalid_inputs import CASES, make_project, run_check

from mawjaz.site.links import check_link

SITE_FILES = {"index.html", "entries/a/index.html", "static/style.css", "feed.xml"}


def add_to_base_entry(project: Path, text: str) -> None:
    entry = project / "content/entries/2025-09-23-base.md"
    entry.write_text(entry.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unused_registry_items_are_a_note_that_fails_nothing_even_with_strict(tmp_path):
    """The registries are the gazetteer too: most names wait for a story, so this is information."""
    project = make_project(CASES / "registry-unused-entry-is-noted", tmp_path)
    strict = run_check(project, "check", "--strict")
    assert strict.returncode == 0
    assert strict.stderr == ("content/themes.yaml:9: note: 1 of 3 themes are named by no entry: oil — fine for "
                             "names waiting for a story; remove an item only if it is wrong\n")
    assert run_check(project, "build").stderr == ""     # only `check` brings it up


def test_an_undated_draft_without_a_date_note_is_a_warning_that_strict_turns_into_a_failure(tmp_path):
    project = make_project(None, tmp_path)
    entry = project / "content/entries/2025-09-23-base.md"
    entry.write_text(entry.read_text().replace("date: 2025-09-23", "date: null").replace("published", "draft"))
    assert run_check(project).stderr == (
        "content/entries/2025-09-23-base.md:4: warning: this draft has no date yet — find the date of the story, "
        "or the span it falls in (2025-09-24, 2025-09, 2021-03/2023-08), or say in 'date_note' why it cannot be known\n")
    assert run_check(project, "check", "--strict").returncode == 1
    entry.write_text(entry.read_text().replace("date: null", "date: null\ndate_note: الصفحة لا تذكر إلا «الإثنين»"))
    assert run_check(project, "check", "--strict").returncode == 0


def test_a_broken_link_in_an_entry_is_named_with_its_page_and_line(tmp_path):
    project = make_project(None, tmp_path)
    add_to_base_entry(project, "\n[التفاصيل](/mawjaz/entries/2025-01-01-missing/)\n")
    result = run_check(project, "build")
    assert result.returncode == 0
    [line] = result.stderr.splitlines()
    assert line.startswith("site/entries/2025-09-23-base/index.html:")
    assert line.endswith(": warning: link '/mawjaz/entries/2025-01-01-missing/' leads to no page: no file in the "
                         "site answers it (and on 5 other pages) — fix it in content/entries/2025-09-23-base.md, "
                         "or in the template that makes it")


def test_a_strict_build_with_a_broken_link_leaves_the_previous_site_as_it_was(tmp_path):
    project = make_project(None, tmp_path)
    assert run_check(project, "build", "--strict").returncode == 0
    before = snapshot(project / "site")
    add_to_base_entry(project, "\n[خطأ](../../nowhere/)\n")
    result = run_check(project, "build", "--strict")
    assert result.returncode == 1 and "link '../../nowhere/' leads to no page" in result.stderr
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".mawjaz-cache"]


def test_links_that_resolve_inside_the_site_pass():
    for page, url in (("index.html", "entries/a/"), ("entries/a/index.html", "../../static/style.css"),
                      ("index.html", "/mawjaz/"), ("index.html", "/mawjaz/entries/a/#top"),
                      ("feed.xml", "https://example.org/mawjaz/entries/a/"), ("index.html", "https://other.org/x"),
                      ("index.html", "mailto:x@example.org"), ("index.html", "#main"),
                      ("index.html", "/mawjaz/entries/a/index.html?utm=1")):
        assert check_link(page, url, SITE_FILES, "https://example.org/mawjaz/", "/mawjaz/") is None, url


def test_links_that_lead_nowhere_are_caught():
    for page, url in (("index.html", "entries/b/"), ("index.html", "/entries/a/"),
                      ("entries/a/index.html", "../../../etc/passwd"),
                      ("feed.xml", "https://example.org/mawjaz/entries/b/"), ("index.html", "static/app.js")):
        assert check_link(page, url, SITE_FILES, "https://example.org/mawjaz/", "/mawjaz/"), url
