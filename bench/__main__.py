"""make bench: Mawjaz's build at N entries against Hugo + Pagefind on the same corpus, in one run.

    .venv/bin/python -m bench                                 # N = 1,000 and 10,000
    .venv/bin/python -m bench --sizes 1000 --runs 1           # quick, while developing
    .venv/bin/python -m bench --sizes 1000,10000,50000

Progress goes to stderr; the table goes to stdout and ends with one floor line and one closing line
per size ("floor N=1000: least CPU … s, baseline CPU … s; cpu floor ratio …; wall floor ratio … on 2
cores" and "bench N=1000: full … s, noop … s, edit … s, peak … MB; baseline … s; ratio …; cpu ratio …"),
for scripts to read. The floor is the least CPU any build of this design needs (bench/floor.py).
Work folders are under bench/out/ (git-ignored).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

from .corpus import ROOT
from .hugo_site import hugo_binary
from .report import SizeResult, format_report
from .scenarios import (BenchFailure, prepare_corpus, prepare_seeds, time_baseline, time_floor, time_ingest,
                        time_mawjaz)

OUT = ROOT / "bench" / "out"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", type=numbers_list, metavar="N,N,…",
                        help="corpus sizes to measure (default: 1000,10000)")
    parser.add_argument("--runs", type=numbers_list, metavar="K[,K…]",
                        help="rounds per size, medians reported; one K for every size or one per size "
                             "(default: 3 up to 10,000 entries, then 1)")
    parser.add_argument("--stories", type=int, default=1000, metavar="S",
                        help="seed stories for the ingest timing; 0 skips it (default: 1000)")
    parser.add_argument("--keep", action="store_true", help="keep the work folders in bench/out/ afterwards")
    return parser.parse_args(argv)


def numbers_list(text: str) -> list[int]:
    try:
        numbers = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of numbers such as 1000,10000") from None
    if not numbers or min(numbers) < 1:
        raise argparse.ArgumentTypeError("write whole numbers of 1 or more")
    return numbers


def rounds_for(size: int, position: int, asked: list[int] | None) -> int:
    if not asked:
        return 3 if size <= 10_000 else 1
    return asked[min(position, len(asked) - 1)]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure_size(result: SizeResult, rounds: int, keep: bool) -> None:
    """Adds each round to `result` as it ends, so an interrupted run can still report what it has."""
    started = time.perf_counter()
    corpus = prepare_corpus(result.size, OUT)
    say(f"N={result.size}: corpus and Hugo project written in {time.perf_counter() - started:.1f} s; "
        f"{rounds} round(s)")
    for number in range(1, rounds + 1):
        result.load.append(os.getloadavg()[0])   # other work on the machine skews times: show it
        mawjaz, baseline = time_mawjaz(corpus, number), time_baseline(corpus, number)
        result.mawjaz.append(mawjaz)
        result.baseline.append(baseline)
        result.floor.append(time_floor(corpus, number))
        say(f"  round {number}: full {mawjaz.full.seconds:.1f} s, noop {mawjaz.noop.seconds:.1f} s, "
            f"edit {mawjaz.edit.seconds:.1f} s, add {mawjaz.add.seconds:.1f} s; "
            f"Hugo {baseline.hugo.seconds:.1f} s + Pagefind {baseline.pagefind.seconds:.1f} s; "
            f"floor {sum(result.floor[-1].values()):.1f} s of CPU")
    if not keep:
        shutil.rmtree(corpus.work, ignore_errors=True)


def measure_ingest(runs: list[tuple], stories: int, rounds: int, keep: bool) -> None:
    work = prepare_seeds(stories, OUT)
    for number in range(1, rounds + 1):
        run, written = time_ingest(work)
        runs.append((run, written))
        say(f"ingest of {stories} stories, round {number}: {run.seconds:.1f} s, {written} entries written")
    if not keep:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        hugo_binary()
    except FileNotFoundError as error:
        say(str(error))
        return 2
    results, ingest = [SizeResult(size) for size in args.sizes], []
    try:
        # ingest first: after a size, the disk is still freeing that corpus's sites (tens of thousands
        # of files), and ingest's synced writes waited on it (a median of 8.5 s in one run, 5.8 to 6.4 s alone)
        if args.stories:
            measure_ingest(ingest, args.stories, rounds_for(args.stories, 0, args.runs), args.keep)
        for position, result in enumerate(results):
            measure_size(result, rounds_for(result.size, position, args.runs), args.keep)
    except BenchFailure as failure:
        say(str(failure))
        return 1
    except KeyboardInterrupt:
        say("Interrupted: the table below holds only the rounds that finished.")
        results = [result for result in results if result.mawjaz]
        if not results:
            return 130
    print(format_report(results, ingest, args.stories, busy_note(results)))
    return 0


def busy_note(results: list[SizeResult]) -> str | None:
    """A warning when other work shared the machine: wall times then say more about it than about us."""
    load = max(max(result.load) for result in results)
    cores = os.cpu_count() or 1
    if load <= cores:
        return None
    return (f"note: load average up to {load:.1f} on {cores} cores during the run: wall times are "
            f"stretched by other work; the CPU-time rows are steadier")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
