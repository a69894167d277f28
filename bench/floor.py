"""The least CPU a build of this design spends on a corpus: its necessary work, each part done once.

    .venv/bin/python -m bench.floor CONTENT_DIR OUT_DIR      # prints the parts as JSON

A full build does more than this (the digests and caches that make its rebuilds quick, the link check of
pages it could not prove at a glance, worker processes), so its CPU time can only come down towards the
sum of these parts, never below it. `make bench` runs this on
each corpus in the same run as the baseline, so the sum sets the smallest ratio the design allows:
when the sum alone is above a target, the target is below the design's floor.

The parts, in the order a build needs them, in one process (parallel workers add work, never take
any away):
- start: the interpreter and the imports of the stages;
- read: every entry file read, parsed and checked, with the registries;
- group: the site model (lists by actor, theme, source and year; the actors' networks);
- render: every HTML page rendered with the site's templates, in memory;
- feeds: the site's other made files: the Atom feeds, the sitemap, robots.txt and the data files;
- write: those pages and files written into a folder;
- links: every page and feed shown to link only to files the site holds (the build's own link proof);
- records: the search records (the entries' words as search keys);
- send: the records sent to Pagefind and its bundles written, on the build's side;
- pagefind: Pagefind's own CPU over the records, one run per shard, one after the other.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from .corpus import ROOT

PARTS = ("start", "read", "group", "render", "feeds", "write", "links", "records", "send", "pagefind")


def children_cpu() -> float:
    """User and system CPU of the finished child processes (the Pagefind runs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_parts(content: Path, work: Path) -> dict[str, float]:
    """CPU seconds of each part (see the module docstring), measured in this process."""
    from mawjaz.config import load_config
    from mawjaz.entries import load_entries
    from mawjaz.errors import Problems
    from mawjaz.incremental.outputs import _write_new      # the build's own page writer
    from mawjaz.registries import load_registries
    from mawjaz.incremental.inputs import files_under      # how the build lists the static files
    from mawjaz.search import BROWSER_TABLES_PATH, prepare_search
    from mawjaz.search.pagefind_runner import run_pagefind
    from mawjaz.site import CHECKED_SUFFIXES, LinkProof, group_site, render_feeds, render_site
    seconds = {"start": time.process_time()}      # counted from the start of the process

    def timed(part: str, work_of_part):
        started = time.process_time()
        result = work_of_part()
        seconds[part] = time.process_time() - started
        return result

    problems = Problems(ROOT)
    config = load_config(ROOT / "config.yaml", problems).with_overrides(content=content)

    def read():
        registries = load_registries(content, problems)
        return registries, load_entries(content / "entries", registries, problems)
    registries, entries = timed("read", read)
    site = timed("group", lambda: group_site(config, registries, entries, drafts=False))
    pages = timed("render", lambda: render_site(config, site, problems))
    pages.update(timed("feeds", lambda: render_feeds(config, site)))

    def write():
        made = {path: text.encode("utf-8") for path, text in pages.items()}
        for path, content in made.items():
            _write_new(work / "pages", path, content)
        return made
    made = timed("write", write)
    static = {f"static/{relative}" for relative in files_under(str(config.paths.static), "", "", True)}
    proof = LinkProof({*made, *static, BROWSER_TABLES_PATH}, config.base_url, config.base_path)
    unproven = timed("links", lambda: [path for path, content in made.items()
                                       if path.endswith(CHECKED_SUFFIXES) and not proof.all_fine(path, content)])
    shards = timed("records", lambda: prepare_search(site).shards)
    before = children_cpu()
    failures = timed("send", lambda: [run_pagefind(((record.url, record.document) for record in records),
                                                   work / "pagefind" / shard) for shard, records in shards.items()])
    seconds["pagefind"] = children_cpu() - before
    if any(failures) or problems.errors() or unproven:
        wrong = [f for f in failures if f] or problems.errors() or [f"links not proven in {unproven[:5]}"]
        raise SystemExit(f"the floor could not be measured: {wrong}")
    return seconds


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    # OUT_DIR is left in place: deleting tens of thousands of files here would slow the next timed
    # build's writes (see bench.scenarios); the benchmark deletes it with the corpus
    content, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=False)
    print(json.dumps(measure_parts(content, out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
