"""Medians of the rounds, ratios to the baseline, and the one table `make bench` prints."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from statistics import median

from .measure import Run
from .scenarios import BaselineRound, MawjazRound


@dataclass
class SizeResult:
    size: int
    mawjaz: list[MawjazRound] = field(default_factory=list)
    baseline: list[BaselineRound] = field(default_factory=list)
    load: list[float] = field(default_factory=list)   # 1-minute load average before each round
    floor: list[dict[str, float]] = field(default_factory=list)   # CPU seconds per part (bench/floor.py)

    def seconds(self, scenario: str) -> float:
        return median(getattr(round_, scenario).seconds for round_ in self.mawjaz)

    def cpu_seconds(self) -> float:
        return median(round_.full.cpu_seconds for round_ in self.mawjaz)

    def baseline_cpu_seconds(self) -> float:
        return median(round_.hugo.cpu_seconds + round_.pagefind.cpu_seconds for round_ in self.baseline)

    def peak_mb(self) -> float:
        return median(max(run.peak_mb for run in round_.builds()) for round_ in self.mawjaz)

    def pages(self) -> int:
        return self.mawjaz[0].full.pages_written() or 0

    def stages(self) -> dict[str, float]:
        """Median seconds of each stage of the full build, in the order the build runs them."""
        names = list(dict.fromkeys(name for round_ in self.mawjaz for name in round_.full.stages()))
        return {name: median(round_.full.stages().get(name, 0.0) for round_ in self.mawjaz) for name in names}

    def baseline_seconds(self, part: str | None = None) -> float:
        return median(getattr(round_, part).seconds if part else round_.seconds for round_ in self.baseline)

    def baseline_peak_mb(self) -> float:
        return median(max(round_.hugo.peak_mb, round_.pagefind.peak_mb) for round_ in self.baseline)

    def ratio(self, scenario: str = "full") -> float:
        return self.seconds(scenario) / self.baseline_seconds()

    def floor_part(self, part: str) -> float:
        return median(parts[part] for parts in self.floor)

    def floor_cpu_seconds(self) -> float:
        """The median of the rounds' sums: the least CPU a build of this corpus needs."""
        return median(sum(parts.values()) for parts in self.floor)

    def floor_wall_seconds(self) -> float:
        """The least CPU spread perfectly over every core: no build of this design is faster."""
        return self.floor_cpu_seconds() / cores()

    def floor_cpu_ratio(self) -> float:
        return self.floor_cpu_seconds() / self.baseline_cpu_seconds()

    def floor_wall_ratio(self) -> float:
        return self.floor_wall_seconds() / self.baseline_seconds()


def cores() -> int:
    return os.cpu_count() or 1


FLOOR_LABELS = {"start": "start and imports", "read": "read and check the entries", "group": "group",
                "render": "render the pages in memory", "feeds": "feeds, sitemap and data files in memory",
                "write": "write the pages and files", "links": "prove the links of pages and feeds",
                "records": "make the search records",
                "send": "send them to Pagefind, write its bundles", "pagefind": "Pagefind's own CPU over them"}


def seconds_text(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def table_rows(results: list[SizeResult]) -> list[tuple[str, list[str]]]:
    rows = [("rounds (medians of)", [str(len(r.mawjaz)) for r in results]),
            ("machine load before a round", [f"{median(r.load):.1f}" for r in results]),
            ("pages written", [f"{r.pages():,}" for r in results])]
    for scenario, label in (("full", "full build"), ("noop", "no-op rebuild"),
                            ("edit", "rebuild after editing 1 entry"), ("add", "rebuild after adding 1 entry")):
        rows.append((label, [seconds_text(r.seconds(scenario)) for r in results]))
    rows.append(("full build, CPU time", [seconds_text(r.cpu_seconds()) for r in results]))
    rows.append(("peak memory", [f"{r.peak_mb():,.0f} MB" for r in results]))
    rows.append(("pages per second (full)", [f"{r.pages() / r.seconds('full'):,.0f}" for r in results]))
    rows += stage_rows(results)
    rows.append(("baseline: Hugo", [seconds_text(r.baseline_seconds("hugo")) for r in results]))
    rows.append(("baseline: Pagefind (entries)", [seconds_text(r.baseline_seconds("pagefind")) for r in results]))
    rows.append(("baseline: Hugo + Pagefind", [seconds_text(r.baseline_seconds()) for r in results]))
    rows.append(("baseline, CPU time", [seconds_text(r.baseline_cpu_seconds()) for r in results]))
    rows.append(("baseline peak memory", [f"{r.baseline_peak_mb():,.0f} MB" for r in results]))
    rows.append(("ratio full / baseline", [f"{r.ratio():.2f}" for r in results]))
    rows.append(("ratio full / baseline, CPU time", [f"{r.cpu_seconds() / r.baseline_cpu_seconds():.2f}"
                                                     for r in results]))
    rows.append(("ratio edit / baseline", [f"{r.ratio('edit'):.2f}" for r in results]))
    if all(r.floor for r in results):
        rows += floor_rows(results)
    return rows


def floor_rows(results: list[SizeResult]) -> list[tuple[str, list[str]]]:
    """The necessary work of a build, part by part (bench/floor.py), and the ratios it allows at best."""
    rows = [(f"  floor CPU: {label}", [seconds_text(r.floor_part(part)) for r in results])
            for part, label in FLOOR_LABELS.items()]
    rows.append(("floor: least CPU of a build", [seconds_text(r.floor_cpu_seconds()) for r in results]))
    rows.append(("floor ratio, CPU time", [f"{r.floor_cpu_ratio():.2f}" for r in results]))
    rows.append((f"floor ratio, wall on {cores()} cores", [f"{r.floor_wall_ratio():.2f}" for r in results]))
    return rows


def stage_rows(results: list[SizeResult]) -> list[tuple[str, list[str]]]:
    """Each stage's median seconds and its share of the full build; the rest is start-up and the like."""
    names = list(dict.fromkeys(name for r in results for name in r.stages()))
    rows = []
    for name in names + ["(outside the stages)"]:
        cells = []
        for r in results:
            stages, full = r.stages(), r.seconds("full")
            seconds = stages.get(name, full - sum(stages.values()) if name.startswith("(") else 0.0)
            cells.append(f"{seconds_text(max(seconds, 0.0))} {seconds / full:4.0%}")
        rows.append((f"  stage: {name}", cells))
    return rows


def format_table(results: list[SizeResult]) -> str:
    rows = table_rows(results)
    header = ("", [f"N={r.size:,}" for r in results])
    label_width = max(len(label) for label, _ in [header] + rows)
    widths = [max(len(cells[i]) for _, cells in [header] + rows) for i in range(len(results))]
    lines = []
    for label, cells in [header] + rows:
        lines.append(label.ljust(label_width) + "  " + "  ".join(c.rjust(w) for c, w in zip(cells, widths)))
    return "\n".join(lines)


def ingest_line(runs: list[tuple[Run, int]], stories: int) -> str:
    seconds = median(run.seconds for run, _ in runs)
    peak = median(run.peak_mb for run, _ in runs)
    return (f"ingest: {stories:,} seed stories in {seconds_text(seconds)} (median of {len(runs)}), "
            f"{runs[0][1]:,} entries written, peak {peak:,.0f} MB")


def closing_line(result: SizeResult) -> str:
    """One line a script can read: the medians of one size and its ratios to the baseline, wall and CPU."""
    cpu_ratio = result.cpu_seconds() / result.baseline_cpu_seconds()
    return (f"bench N={result.size}: full {result.seconds('full'):.1f} s, noop {result.seconds('noop'):.2f} s, "
            f"edit {result.seconds('edit'):.2f} s, peak {result.peak_mb():.0f} MB; "
            f"baseline {result.baseline_seconds():.1f} s; ratio {result.ratio():.2f}; cpu ratio {cpu_ratio:.2f}")


def floor_line(result: SizeResult) -> str:
    """The smallest ratios the design allows at this size, for scripts as the closing line is."""
    return (f"floor N={result.size}: least CPU {result.floor_cpu_seconds():.1f} s, baseline CPU "
            f"{result.baseline_cpu_seconds():.1f} s; cpu floor ratio {result.floor_cpu_ratio():.2f}; "
            f"wall floor ratio {result.floor_wall_ratio():.2f} on {cores()} cores")


def format_report(results: list[SizeResult], ingest: list[tuple[Run, int]], stories: int,
                  note: str | None = None) -> str:
    """The table, the ingest line, the floor lines, and last one closing line per size, smallest first."""
    parts = [format_table(results)]
    if ingest:
        parts.append(ingest_line(ingest, stories))
    if note:
        parts.append(note)
    parts += [floor_line(result) for result in sorted(results, key=lambda r: r.size) if result.floor]
    parts += [closing_line(result) for result in sorted(results, key=lambda r: r.size)]
    return "\n".join(parts)
