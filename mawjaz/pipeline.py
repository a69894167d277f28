"""The order of the stages. One function a command shows the whole run, each stage timed."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .config import Config, check_public_address, check_templates_folder
from .errors import Problems
from .inputs import RunInputs, read_inputs
from .manifest import Manifest, cache_path, outputs_intact, read_manifest, write_manifest
from .progress import Reporter

# The stages' own modules are imported in run(), after the check for changes: a build that finds
# nothing to do never loads Jinja2, Babel or markdown-it, and ends in a fraction of a second.

@dataclass
class Summary:
    seeds_read: int = 0
    stories_found: int = 0
    entries_written: int = 0
    entries_kept: int = 0
    seeds_changed_kept: int = 0
    pages_written: int = 0
    pages_kept: int = 0
    index_bytes: int = 0
    up_to_date: bool = False      # nothing changed since the last build: nothing was read or written
    seconds: float = 0.0

    def line(self) -> str:
        if self.up_to_date:
            return (f"Done: nothing changed since the last build, the site is up to date "
                    f"(search index {self.index_bytes / 1024:.0f} KB), in {self.seconds:.1f} s")
        return (f"Done: {self.seeds_read} seeds read, {self.stories_found} stories found, "
                f"{self.entries_written} entries written, {self.entries_kept} kept"
                + (f" ({self.seeds_changed_kept} from a changed seed)" if self.seeds_changed_kept else "") + ", "
                f"{self.pages_written} pages written"
                + (f" ({self.pages_kept} unchanged)" if self.pages_kept else "") + ", "
                f"search index {self.index_bytes / 1024:.0f} KB, in {self.seconds:.1f} s")


def run(config: Config, command: str, problems: Problems, reporter: Reporter, strict: bool = False,
        drafts: bool = False) -> Summary:
    """`all` = ingest then build; `ingest`; `build`; `check` (validate, write nothing).

    Every input is read and checked before anything is written, so one run shows every problem. A build
    whose inputs are those of the site already built does nothing, and shows that build's problems again.
    """
    started = time.perf_counter()
    summary = Summary()
    publishes = command in ("all", "build")
    previous, inputs = None, None
    if publishes:
        with reporter.stage("Compare with last build"):
            inputs = read_inputs(config, drafts, with_seeds=command == "all")
            previous = read_manifest(config.paths.out)
            unchanged = (previous is not None and previous.inputs == inputs.digest
                         and outputs_intact(config.paths.out, previous))
        if unchanged:
            for problem in previous.problems:
                problems.add(problem)
            problems.stop_if_errors(strict)
            summary.up_to_date, summary.index_bytes = True, previous.index_bytes
            summary.seconds = time.perf_counter() - started
            return summary
    staging = None
    if publishes:   # the previous site is linked into it while the entries load
        from .publish import Staging
        staging = Staging(config.paths.out, previous)
    try:
        load_and_build(config, command, problems, reporter, summary, strict, drafts, staging, inputs)
    except BaseException:
        if staging is not None:
            staging.discard()
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def load_and_build(config: Config, command: str, problems: Problems, reporter: Reporter, summary: Summary,
                   strict: bool, drafts: bool, staging, inputs: RunInputs | None) -> None:
    from . import entries as entry_files
    from .registries import check_unused_registry_entries, load_registries
    entries_dir = config.paths.content / "entries"
    with reporter.stage("Load registries"):
        registries = load_registries(config.paths.content, problems)
    with reporter.stage("Load entries"):   # ids are checked against registries only when those loaded
        entries = load_entries(config, entries_dir, None if problems.errors() else registries, problems, inputs)
    new_entries: tuple = ()
    if command in ("all", "ingest", "check"):
        new_entries = ingest_stage(config, registries, entries, problems, reporter, summary,
                                   writes=command != "check")
    if command in ("all", "build", "check"):
        check_templates_folder(config, problems)
        check_public_address(config, problems)
    if command == "check":
        check_unused_registry_entries(config.paths.content, registries, [*entries, *new_entries], problems)
    problems.stop_if_errors(strict)
    if new_entries and command != "check":
        with reporter.stage("Write new entries"):
            entry_files.write_new_entries(entries_dir, list(new_entries))
        summary.entries_written = len(new_entries)
        if inputs is not None:      # the manifest records the entries as they are now
            inputs = inputs.with_entries_of(config)
        entries = load_entries(config, entries_dir, registries, problems, inputs)
        problems.stop_if_errors(strict)
    if staging is not None:
        report = build_stage(config, registries, entries, problems, reporter, summary, strict, drafts, staging,
                             inputs)
        write_manifest(config.paths.out, Manifest(inputs=inputs.digest, outputs={
            path: (report.digests[path], size) for path, size in sorted(report.sizes.items())},
            broken_links=report.broken_links, problems=tuple(problems.sorted()), index_bytes=report.index_bytes))
    elif command == "check":
        check_stage(config, registries, entries, problems, reporter, drafts)
    problems.stop_if_errors(strict)


def load_entries(config: Config, entries_dir: Path, registries, problems: Problems,
                 inputs: RunInputs | None) -> list:
    """Every entry; a build (which has read its inputs' digests) reuses the entries an earlier build
    parsed, if their files are unchanged."""
    from . import entries as entry_files
    if inputs is None or registries is None:
        return entry_files.load_entries(entries_dir, registries, problems)
    from . import entry_cache
    salt = f"{inputs.code} {inputs.registries} {entries_dir} {problems.root}"
    return entry_cache.load_entries(entries_dir, registries, problems, cache_path(config.paths.out, "entries.pickle"),
                                    salt, inputs.entries)


def ingest_stage(config: Config, registries, existing, problems: Problems, reporter: Reporter,
                 summary: Summary, writes: bool = True) -> tuple:
    """Read the seeds and return the stories no entry holds yet; writing waits until all checks pass.

    Proposed actors are named by the loader once the entries are written; a run that only checks
    names them at their seed lines."""
    from .ingest import ingest_seeds, report_new_proposals
    with reporter.stage("Ingest seeds"):
        result = ingest_seeds(config.paths.seeds, registries, existing, config.ingest_status, problems, reporter)
    if not writes:
        report_new_proposals(result, problems)
    summary.seeds_read, summary.stories_found = result.seeds_read, result.stories_found
    summary.entries_kept = result.stories_found - len(result.new_entries)
    summary.seeds_changed_kept = result.changed_kept
    return result.new_entries


@dataclass(frozen=True)
class BuildReport:
    digests: dict[str, str]
    sizes: dict[str, int]
    broken_links: dict[str, list]
    index_bytes: int


def build_stage(config: Config, registries, entries, problems: Problems, reporter: Reporter, summary: Summary,
                strict: bool, drafts: bool, staging, inputs: RunInputs) -> BuildReport:
    from .group import group_site
    from .outputs import plan_site
    from .publish import publish_site
    with reporter.stage("Group"):
        site = group_site(config, registries, entries, drafts=drafts)
    with reporter.stage("Plan"):
        plan = plan_site(config, site, inputs)
    problems.stop_if_errors(strict)
    report = publish_site(config, plan, staging, problems, reporter, strict)
    summary.pages_written, summary.pages_kept = report.pages_written, report.pages_kept
    summary.index_bytes = report.index_bytes
    return BuildReport(plan.digests, report.sizes, report.broken_links, report.index_bytes)


def check_stage(config: Config, registries, entries, problems: Problems, reporter: Reporter, drafts: bool) -> None:
    """Render every page and feed in memory, to find template mistakes; nothing is written."""
    from .feeds import render_feeds
    from .group import group_site
    from .render import render_site
    with reporter.stage("Group"):
        site = group_site(config, registries, entries, drafts=drafts)
    with reporter.stage("Render pages"):
        render_site(config, site, problems, reporter)
    with reporter.stage("Render feeds"):
        render_feeds(config, site)


def refresh(config: Config, ids: list[str], problems: Problems, reporter: Reporter, apply: bool = False,
            take: frozenset = frozenset(), changed_seeds: bool = False, strict: bool = False):
    """Today's ingest compared with each entry (all, or those named); with `apply`, the fields no one
    edited are written, one entry file at a time."""
    from . import entries as entry_files
    from .entry_updates import remove_leftovers, replace_entry_file
    from .refresh import plan_refresh
    from .registries import load_registries
    from .schema import suggest
    entries_dir = config.paths.content / "entries"
    with reporter.stage("Load registries"):
        registries = load_registries(config.paths.content, problems)
    with reporter.stage("Load entries"):
        entries = entry_files.load_entries(entries_dir, None if problems.errors() else registries, problems)
    by_id = {entry.id: entry for entry in entries}
    for unknown in (entry_id for entry_id in ids if entry_id not in by_id):
        close = suggest(unknown, by_id)
        problems.error(entries_dir / f"{unknown}.md", None, f"no entry has the id '{unknown}'",
                       close if close.startswith("did") else "the ids are the entries' file names, without .md")
    problems.stop_if_errors(strict)
    with reporter.stage("Compare with today's ingest"):
        report = plan_refresh([by_id[i] for i in dict.fromkeys(ids)] if ids else entries, config.paths.seeds,
                              registries, config.ingest_status, problems, take, changed_seeds)
    problems.stop_if_errors(strict)
    if apply:
        with reporter.stage("Write refreshed entries"):
            remove_leftovers(entries_dir)
            for item in report.items:
                if item.writable and not replace_entry_file(Path(item.entry.path), item.text, item.new_text):
                    problems.warning(item.entry.path, None, "the entry changed while refresh ran: left as it is",
                                     "run refresh again")
                elif item.writable:
                    report.written += 1
        report.applied = True
    return report


def project_root(config: Config) -> Path:
    return config.path.parent
