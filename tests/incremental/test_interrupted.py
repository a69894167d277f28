"""Killing a build or an ingest at any moment loses nothing and publishes nothing half-done.

Each test runs the command once to time it, then kills it (SIGKILL, the whole process group, as a
cancelled CI job or a power cut would) at evenly spread moments of that time, and checks what is left.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from site_files import snapshot
from test_invalid_inputs import ROOT, make_project

from mawjaz.entries import load_entries
from mawjaz.errors import Problems

KILL_POINTS = 8
PARAGRAPH = "بحثت المبعوثة الأممية مع الأطراف الليبية مسار العملية السياسية وموعد الانتخابات المقبلة. " * 12


def add_entries(project: Path, count: int, title: str) -> None:
    """`count` entries like the base one, long enough that a build takes a second or two."""
    base = (project / "content/entries/2025-09-23-base.md").read_text(encoding="utf-8")
    for number in range(count):
        entry_id = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}-story-{number:03d}"
        text = (base.replace("2025-09-23-base", entry_id).replace("2025-09-23", entry_id[:10])
                .replace("تيتيه تبحث العملية السياسية", f"{title} {number}"))
        (project / f"content/entries/{entry_id}.md").write_text(text + (PARAGRAPH + "\n\n") * 6, encoding="utf-8")


def add_seeds(project: Path, count: int) -> None:
    for number in range(count):
        (project / f"seeds/{number:03d}_seed.txt").write_text(
            f"المبعوثة الأممية تلتقي وفدا ليبيا رقم {number}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", encoding="utf-8")


def start(project: Path, command: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), command, "--quiet"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "PYTHONHASHSEED": "0"})


def timed_run(project: Path, command: str) -> float:
    began = time.monotonic()
    assert start(project, command).wait() == 0
    return time.monotonic() - began


def kill_after(project: Path, command: str, seconds: float) -> bool:
    """Start the command, SIGKILL its whole process group after `seconds`; True if it had finished."""
    process = start(project, command)
    time.sleep(seconds)
    finished = process.poll() is not None
    if not finished:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return finished


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".building-", ".retired-", ".writing-")))


def test_a_killed_build_leaves_the_previous_site_whole_and_the_next_build_works(tmp_path):
    old = make_project(None, tmp_path / "old")
    add_entries(old, 200, "الخبر القديم")
    new = make_project(None, tmp_path / "new")
    add_entries(new, 200, "الخبر الجديد")
    timed_run(new, "build")
    new_site = snapshot(new / "site")
    seconds = timed_run(old, "build")
    old_site = snapshot(old / "site")
    shutil.rmtree(old / "content")
    shutil.copytree(new / "content", old / "content")        # the edit the killed builds try to publish
    killed_before_the_swap = 0
    for step in range(1, KILL_POINTS):
        kill_after(old, "build", seconds * step / KILL_POINTS)
        site = snapshot(old / "site")
        assert site in (old_site, new_site), f"kill {step}: a mixed site was left"
        killed_before_the_swap += site == old_site
    assert killed_before_the_swap >= KILL_POINTS // 2   # the kills did land while the build was running
    assert timed_run(old, "build") > 0
    assert snapshot(old / "site") == new_site
    assert leftovers(old) == []


def kill_while_writing(project: Path, delay: float) -> None:
    """Start ingest, wait until it writes its first new entry, then SIGKILL it `delay` seconds later."""
    entries_dir = project / "content/entries"
    before = len(list(entries_dir.glob("*.md")))
    process = start(project, "ingest")
    while process.poll() is None and len(list(entries_dir.glob("*.md"))) == before:
        time.sleep(0.001)
    time.sleep(delay)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def entry_problems(entries_dir: Path) -> list:
    problems = Problems()
    load_entries(entries_dir, None, problems)
    return problems.errors()


def test_a_killed_ingest_leaves_every_entry_whole_and_loses_no_story(tmp_path):
    reference = make_project(None, tmp_path / "reference")
    add_seeds(reference, 120)
    project = make_project(None, tmp_path / "project")
    add_seeds(project, 120)
    seconds = timed_run(reference, "ingest")
    entries_dir = project / "content/entries"
    for step in range(1, KILL_POINTS):          # while it reads the seeds
        kill_after(project, "ingest", seconds * step / KILL_POINTS / 2)
        assert entry_problems(entries_dir) == [], f"kill {step}"
    counts = []
    for delay in (0, 0.002, 0.005, 0.01, 0.02):   # while it writes the entries
        kill_while_writing(project, delay)
        counts.append(len(list(entries_dir.glob("*.md"))))
        assert entry_problems(entries_dir) == [], f"kill {delay} s into writing"
    assert counts[0] < len(list((reference / "content/entries").glob("*.md")))   # a kill did land mid-way
    assert timed_run(project, "ingest") > 0
    assert snapshot(entries_dir) == snapshot(reference / "content/entries")
    assert leftovers(entries_dir) == []
