"""Every mistake a maintainer or a scraper can make gets its exact message, and nothing is written.

Each folder in tests/fixtures/invalid/<case>/ is laid over the small valid project in `_base/`
and the repository's templates (a `remove.txt` lists base files the case deletes) and checked with `build.py check`. Its
`expected.txt` holds exactly what build.py prints; an empty one means the input is accepted.
After changing a message on purpose, regenerate them and review the diff:

    python tests/commands/test_invalid_inputs.py --update
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parents[1] / "fixtures" / "invalid"
BASE = CASES / "_base"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
CASE_ONLY_FILES = ("expected.txt", "remove.txt")


def make_project(case: Path | None, work: Path) -> Path:
    """The base project with the case's files laid over it, in a fresh folder."""
    project = work / "project"
    shutil.copytree(BASE, project)
    if case is not None:
        shutil.copytree(case, project, dirs_exist_ok=True,
                        ignore=lambda folder, names: [n for n in names if n in CASE_ONLY_FILES])
        removals = case / "remove.txt"
        for relative in removals.read_text().split() if removals.exists() else []:
            (project / relative).unlink()
    (project / "seeds").mkdir(exist_ok=True)
    for folder in ("templates", "static"):   # the repository's own, so every case also renders
        shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    return project


def run_check(project: Path, command: str = "check", *options: str) -> subprocess.CompletedProcess:
    """build.py run as a maintainer would, from the project folder, printing only problems."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), command, "--quiet", *options], cwd=project,
                          capture_output=True, text=True, env=env)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_invalid_input_gets_its_exact_message(case, tmp_path):
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    result = run_check(make_project(CASES / case, tmp_path))
    assert "Traceback" not in result.stderr
    assert result.stderr == expected
    assert result.returncode == (1 if "stopped the run" in expected else 0)


def test_the_base_project_is_valid(tmp_path):
    result = run_check(make_project(None, tmp_path))
    assert (result.returncode, result.stderr) == (0, "")


def test_a_20_mb_entry_is_refused_without_reading_it_all(tmp_path):
    project = make_project(None, tmp_path)
    huge = project / "content" / "entries" / "2025-09-24-huge.md"
    with huge.open("wb") as stream:
        stream.truncate(20 * 2**20)
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "content/entries/2025-09-24-huge.md: the entry is 20.0 MB, more than an entry can be (2 MB) "
        "— an entry is one story: split the file or remove it")


def test_an_entry_linking_outside_the_project_is_refused(tmp_path):
    project = make_project(None, tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text((BASE / "content/entries/2025-09-23-base.md").read_text().replace("base", "secret"))
    (project / "content/entries/2025-09-24-secret.md").symlink_to(secret)
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"content/entries/2025-09-24-secret.md: the entry is a link to {secret}, outside the entries folder "
        "— replace the link with the entry file itself")


def test_a_20_mb_seed_is_refused(tmp_path):
    project = make_project(None, tmp_path)
    with (project / "seeds/001_dump.txt").open("wb") as stream:
        stream.truncate(20 * 2**20)
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == ("seeds/001_dump.txt: seed is 20.0 MB, over the 5 MB limit for one seed "
                                             "— split the page into smaller files, one article or page per file")


def test_a_seed_linking_outside_the_project_is_refused(tmp_path):
    project = make_project(None, tmp_path)
    outside = tmp_path / "passwd.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (project / "seeds/001_link.txt").symlink_to(outside)
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == ("seeds/001_link.txt: seed is a link to a file outside the seeds folder "
                                             "— copy the file into the seeds folder instead of linking to it")


def test_a_seed_with_a_bom_crlf_or_in_windows_1256_gives_the_same_entry(tmp_path):
    bodies = set()
    for case in ("seed-accepted", "seed-utf8-bom-accepted", "seed-crlf-line-ends-accepted",
                 "seed-windows-1256-is-read-with-a-warning"):
        project = make_project(CASES / case, tmp_path / case)
        assert run_check(project, "ingest").returncode == 0
        [written] = [p for p in (project / "content/entries").glob("*.md") if "base" not in p.name]
        text = written.read_text(encoding="utf-8")
        bodies.add((written.name, text[text.index("\nsummary:"):text.index("\nseed:")], text.split("---\n", 2)[2]))
    assert len(bodies) == 1, bodies


def test_an_output_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path):
    project = make_project(None, tmp_path)
    (tmp_path / "a-file").write_text("")
    result = run_check(project, "build", "--out", str(tmp_path / "a-file" / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{tmp_path / 'a-file'}: ")
    assert "the previous site and every entry are as they were" in result.stderr


def test_every_problem_of_a_run_is_shown_together_and_nothing_is_written(tmp_path):
    project = make_project(CASES / "five-mistakes-in-one-run", tmp_path)
    result = run_check(project, "all")
    assert result.stderr.count(" — ") == 5 and result.returncode == 1
    assert not (project / "site").exists()


def test_the_readme_shows_real_messages():
    """The example in README.md "When something is wrong" is made of lines build.py really prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## When something is wrong", 1)[1].split("```")[1].strip().splitlines()
    printed = {line for case in CASE_NAMES for line in (CASES / case / "expected.txt").read_text().splitlines()}
    assert [line for line in example if line and line not in printed and "problem(s) stopped" not in line] == []


def update_expected_files() -> None:
    """Regenerate every expected.txt from what build.py prints now (review the diff before committing)."""
    import tempfile
    for case in CASE_NAMES:
        with tempfile.TemporaryDirectory() as work:
            result = run_check(make_project(CASES / case, Path(work)))
        (CASES / case / "expected.txt").write_text(result.stderr, encoding="utf-8")
        print(f"{case}: exit {result.returncode}")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    update_expected_files()
