"""Run one command and measure it: wall time, peak memory of its process tree, its printed output.

Peak memory is the larger of two readings: the process tree's summed proportional memory (PSS) sampled
from /proc every 50 ms (it sees a build, its forked workers and its Pagefind children at once, and counts
a page the workers share with the build once, not once per process), and the kernel's high-water mark of
the largest single process in the tree from wait4 (it sees spikes between samples).
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05
# Reporter.stage prints "  <name padded to 28> <seconds> s" for each stage of a build.
STAGE_LINE = re.compile(r"^ {2}(\S.*?)\s+(\d+(?:\.\d+)?) s$")
PAGES_WRITTEN = re.compile(r"(\d+) pages written")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str
    cpu_seconds: float = 0.0   # user + system time of the whole tree: less swayed by other work than wall time

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def stages(self) -> dict[str, float]:
        """Seconds per stage, from the timing lines the build prints (a stage seen twice is summed)."""
        found: dict[str, float] = {}
        for line in self.output.splitlines():
            match = STAGE_LINE.match(line)
            if match:
                found[match.group(1)] = found.get(match.group(1), 0.0) + float(match.group(2))
        return found

    def pages_written(self) -> int | None:
        match = PAGES_WRITTEN.search(self.output)
        return int(match.group(1)) if match else None


def run_measured(command: list[str], cwd: Path) -> Run:
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)   # rusage of the child and every descendant it waited for
        seconds = time.perf_counter() - started
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    peak_bytes = max(sampler.peak_bytes, usage.ru_maxrss * 1024)   # ru_maxrss is in KiB on Linux
    return Run(seconds, peak_bytes / 2**20, process.returncode, output, usage.ru_utime + usage.ru_stime)


class TreeSampler(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants."""

    def __init__(self, root_pid: int):
        super().__init__(daemon=True)
        self.root_pid = root_pid
        self.peak_bytes = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(SAMPLE_SECONDS):
            self.peak_bytes = max(self.peak_bytes, sum(resident_bytes(pid) for pid in descendants(self.root_pid)))

    def stop(self) -> None:
        self.stopping.set()
        self.join()


def descendants(root_pid: int) -> list[int]:
    found, waiting = [], [root_pid]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                waiting.extend(int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except OSError:   # the process ended between two reads
            continue
    return found


def resident_bytes(pid: int) -> int:
    """The process's proportional set size: its own pages, plus its share of pages shared with others."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0
