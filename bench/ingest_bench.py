"""Time ingest on 1,000 stories made from the seeds: python bench/ingest_bench.py [STORIES]

Each copy of a seed gets a number in every paragraph, so every story is new to ingest. The
registries are the repository's own. Prints one line: stories, seconds, stories per second.
"""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mawjaz.entries import write_new_entries  # noqa: E402
from mawjaz.errors import Problems  # noqa: E402
from mawjaz.ingest.seeds import ingest_seeds  # noqa: E402
from mawjaz.registries import load_registries  # noqa: E402

STORIES_PER_ROUND = 8      # the five seeds hold eight stories


def make_corpus(folder: Path, stories: int) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for copy in range(-(-stories // STORIES_PER_ROUND)):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            numbered = re.sub(r"(\S+ \S+ \S+ \S+ \S+[^.\n]*)([.،])\n", lambda m: f"{m.group(1)} (نسخة {copy}){m.group(2)}\n",
                              text)
            (folder / f"{copy:05d}_{seed.name}").write_text(numbered, encoding="utf-8")


def main(stories: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        seeds, entries = Path(folder) / "seeds", Path(folder) / "entries"
        seeds.mkdir()
        make_corpus(seeds, stories)
        problems = Problems()
        registries = load_registries(ROOT / "content", problems)
        started, cpu_started = time.perf_counter(), time.process_time()
        result = ingest_seeds(seeds, registries, [], "published", problems)
        read, cpu = time.perf_counter(), time.process_time() - cpu_started
        write_new_entries(entries, list(result.new_entries))
        written = time.perf_counter()
    print(f"ingest: {result.stories_found} stories from {result.seeds_read} seeds read, split, extracted and "
          f"tagged in {read - started:.2f} s ({cpu:.2f} s CPU, {result.stories_found / cpu:.0f} stories per "
          f"CPU second); "
          f"{len(result.new_entries)} entries written (each fsynced) in {written - read:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
