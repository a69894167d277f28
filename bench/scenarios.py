"""What is timed: Mawjaz's build in four situations, the Hugo + Pagefind baseline, the floor, and ingest.

Everything goes through the command line, as a maintainer runs it, so the benchmark keeps working
whatever the stages inside the build become.
"""
from __future__ import annotations

import json
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


from .corpus import ROOT, EntryMaker, write_corpus, write_entry, write_seed_stories
from .hugo_site import hugo_command, pagefind_command, write_hugo_site
from .measure import Run, run_measured

REGISTRY_FILES = ("actors.yaml", "themes.yaml", "sources.yaml")
EDIT_NOTE = "\n\nتحديث: أضاف المحرر هذه الفقرة بعد النشر لتصحيح اسم أحد المشاركين في اللقاء.\n"


class BenchFailure(Exception):
    """A command the benchmark runs failed; carries what it printed."""


@dataclass(frozen=True)
class MawjazRound:
    full: Run       # clean build: no output folder
    noop: Run       # the same again, nothing changed
    edit: Run       # after one entry's body was edited
    add: Run        # after one more entry was added (on top of the edit)

    def builds(self) -> tuple[Run, ...]:
        return (self.full, self.noop, self.edit, self.add)


@dataclass(frozen=True)
class BaselineRound:
    hugo: Run
    pagefind: Run

    @property
    def seconds(self) -> float:
        return self.hugo.seconds + self.pagefind.seconds


@dataclass(frozen=True)
class Corpus:
    size: int
    work: Path
    maker: EntryMaker

    @property
    def content(self) -> Path:
        return self.work / "content"


def fresh_folder(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)
    return path


def prepare_corpus(size: int, out: Path) -> Corpus:
    """The generated content folder and the same corpus as a Hugo project, side by side."""
    work = fresh_folder(out / f"n{size}")
    maker = write_corpus(work / "content", size)
    write_hugo_site(maker.registry, work / "content" / "entries", work / "hugo")
    return Corpus(size, work, maker)


def checked(run: Run, what: str) -> Run:
    if not run.ok:
        raise BenchFailure(f"{what} failed (exit {run.returncode}):\n{run.output[-3000:]}")
    return run


def build(corpus: Corpus, out: Path, what: str) -> Run:
    command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(corpus.content),
               "--out", str(out)]
    return checked(run_measured(command, cwd=ROOT), f"N={corpus.size}: {what}")


# Each round builds into folders of its own, and none is deleted before a timed build: deleting a site
# of tens of thousands of files leaves the disk freeing their blocks for seconds, and files created
# meanwhile cost several times more (1,700 pages took 0.73 s to write right after deleting a site,
# 0.2 s on a settled disk). The rounds' folders go with the corpus, once the size is measured.

def time_mawjaz(corpus: Corpus, round_number: int) -> MawjazRound:
    """A cold build (no site, no cache), then the rebuilds a maintainer's day is made of."""
    out = corpus.work / f"site-{round_number}"     # its cache is .mawjaz-cache/site-<round>.*: fresh too
    full = build(corpus, out, "full build")
    noop = build(corpus, out, "no-op rebuild")
    with edited_entry(corpus):
        edit = build(corpus, out, "rebuild after editing one entry")
        with added_entry(corpus):
            add = build(corpus, out, "rebuild after adding one entry")
    return MawjazRound(full, noop, edit, add)


@contextmanager
def edited_entry(corpus: Corpus):
    """Entry N/2 gains a paragraph; put back as it was afterwards, so every round starts equal."""
    path = corpus.content / "entries" / f"{corpus.maker.entry(corpus.size // 2)['id']}.md"
    original = path.read_bytes()
    path.write_bytes(original + EDIT_NOTE.encode("utf-8"))
    try:
        yield path
    finally:
        path.write_bytes(original)


@contextmanager
def added_entry(corpus: Corpus):
    """Entry N, the next one the generator would make; removed afterwards."""
    path = write_entry(corpus.content / "entries", corpus.maker.entry(corpus.size))
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def time_baseline(corpus: Corpus, round_number: int) -> BaselineRound:
    public = corpus.work / f"public-{round_number}"
    hugo = checked(run_measured(hugo_command(corpus.work / "hugo", public), cwd=corpus.work), "Hugo")
    pagefind = checked(run_measured(pagefind_command(public), cwd=corpus.work), "Pagefind over Hugo's site")
    return BaselineRound(hugo, pagefind)


def time_floor(corpus: Corpus, round_number: int) -> dict[str, float]:
    """CPU seconds of each part of the work every build of the corpus must do (bench/floor.py)."""
    command = [sys.executable, "-m", "bench.floor", str(corpus.content), str(corpus.work / f"floor-{round_number}")]
    run = checked(run_measured(command, cwd=ROOT), f"N={corpus.size}: floor")
    return json.loads(run.output.strip().splitlines()[-1])


def prepare_seeds(stories: int, out: Path) -> Path:
    work = fresh_folder(out / "ingest")
    write_seed_stories(work / "seeds", stories)
    return work


def time_ingest(work: Path) -> tuple[Run, int]:
    """`build.py ingest` of the seed stories into an empty content folder with the project's registries."""
    content = fresh_folder(work / "content")
    for name in REGISTRY_FILES:
        shutil.copy2(ROOT / "content" / name, content / name)
    command = [sys.executable, str(ROOT / "build.py"), "ingest", "--seeds", str(work / "seeds"),
               "--content", str(content)]
    run = checked(run_measured(command, cwd=ROOT), "ingest")
    return run, len(list((content / "entries").glob("*.md")))
