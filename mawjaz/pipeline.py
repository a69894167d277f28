"""The order of the stages: one function per command, each calling them as the README's diagram shows.

  seeds/ → ingest → content/entries/ → load → group → render and index → staging folder → swap → site/

Every input is read and checked before anything is written, so one run shows every problem. A build
whose inputs are those of the site already built does nothing, and shows that build's problems again.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, check_public_address, check_templates_folder
from .errors import Problems
from .incremental.inputs import KnownFiles, RunInputs, read_inputs
from .incremental.manifest import Manifest, cache_path, outputs_intact, read_manifest, write_manifest
from .incremental.staging import Staging
from .progress import Reporter

# The stages are imported inside the functions that call them, after the check for changes, on purpose:
# a build that finds nothing to do never loads edtf, Jinja2, Babel or markdown-it, which take 0.4 s of
# the half second such a build takes at 10,000 entries.


# The build's caches beside the site (mawjaz.incremental.manifest.cache_path), each kept by its own module.
ENTRY_CACHE = "entries.pickle"        # the entries parsed by the last build (mawjaz.incremental.entry_cache)
KNOWN_FILES = "entry-files.json"      # the entry files it read (mawjaz.incremental.inputs.KnownFiles)
GROUP_MEMO = "group.json"             # what its grouping worked out (mawjaz.incremental.group_memo)


@dataclass(frozen=True)
class RunSettings:
    """What one run does, built once from the command line and read by every stage."""
    config: Config
    command: str = "all"                 # all | ingest | build | check | refresh
    strict: bool = False                 # warnings fail the run (CI)
    drafts: bool = False                 # draft entries are shown in the site, for review
    entry_ids: tuple[str, ...] = ()      # refresh: the entries to compare (every entry when empty)
    apply: bool = False                  # refresh: write the fields no one edited
    take: frozenset = frozenset()        # refresh: fields to take where no one can tell an edit
    changed_seeds: bool = False          # refresh: also entries whose seed story changed

    @property
    def entries_dir(self) -> Path:
        return self.config.paths.content / "entries"


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


@dataclass
class Run:
    """One run in progress: its settings, the problems found so far, progress output, the summary."""
    settings: RunSettings
    problems: Problems
    reporter: Reporter
    summary: Summary = field(default_factory=Summary)
    cache_updates: dict = field(default_factory=dict)   # cache name → its update, written by write_caches

    @property
    def config(self) -> Config:
        return self.settings.config

    def write_caches(self) -> None:
        """The caches this run made, written once it has a moment to spare, and at the latest as it ends."""
        for update in self.cache_updates.values():
            update.write()
        self.cache_updates.clear()

    def stop_if_errors(self) -> None:
        self.problems.stop_if_errors(self.settings.strict)


@dataclass(frozen=True)
class NewSite:
    staging: Staging               # the folder the new site is made in
    inputs: RunInputs              # the digests of this run's inputs, for the manifest


def run(settings: RunSettings, problems: Problems, reporter: Reporter) -> Summary:
    """Run the command of `settings` (all, ingest, build or check); what it did, for the closing line."""
    started = time.perf_counter()
    current = Run(settings, problems, reporter)
    try:
        COMMANDS[settings.command](current)
    finally:
        current.write_caches()
    current.summary.seconds = time.perf_counter() - started
    return current.summary


# ------------------------------------------------------------------ the commands


def ingest_and_build(run: Run) -> None:
    """`all`: new stories in seeds/ become entries, then the site is built from every entry."""
    with site_to_build(run, with_seeds=True) as new_site:
        if new_site is None:
            return
        registries, entries = load_content(run, new_site.inputs)
        new_entries = ingest_new_stories(run, registries, entries)
        check_site_settings(run)
        run.stop_if_errors()
        entries, inputs = write_entries(run, registries, entries, new_entries, new_site.inputs)
        publish(run, registries, entries, new_site.staging, inputs)


def ingest(run: Run) -> None:
    """`ingest`: new stories in seeds/ become entries; the site is left as it is."""
    registries, entries = load_content(run)
    new_entries = ingest_new_stories(run, registries, entries)
    run.stop_if_errors()
    write_entries(run, registries, entries, new_entries)


def build(run: Run) -> None:
    """`build`: the site from content/, making again only what changed since the last build."""
    with site_to_build(run, with_seeds=False) as new_site:
        if new_site is None:
            return
        registries, entries = load_content(run, new_site.inputs)
        check_site_settings(run)
        run.stop_if_errors()
        publish(run, registries, entries, new_site.staging, new_site.inputs)


def check(run: Run) -> None:
    """`check`: read, ingest and render everything in memory to show every problem; nothing is written."""
    from .registries import check_unused_registry_entries
    registries, entries = load_content(run)
    new_entries = ingest_new_stories(run, registries, entries, writes=False)
    check_site_settings(run)
    check_unused_registry_entries(run.config.paths.content, registries, [*entries, *new_entries], run.problems)
    run.stop_if_errors()
    render_in_memory(run, registries, entries)
    run.stop_if_errors()


COMMANDS = {"all": ingest_and_build, "ingest": ingest, "build": build, "check": check}


def refresh(settings: RunSettings, problems: Problems, reporter: Reporter):
    """`refresh`: today's ingest compared with each entry (all, or those named); with `apply`, the fields
    no one edited are written, one entry file at a time."""
    from .review import plan_refresh
    run = Run(settings, problems, reporter)
    registries, entries = load_content(run)
    chosen = entries_named(run, entries)
    run.stop_if_errors()
    with reporter.stage("Compare with today's ingest"):
        report = plan_refresh(chosen, run.config.paths.seeds, registries, run.config.ingest_status, problems,
                              settings.take, settings.changed_seeds)
    run.stop_if_errors()
    if settings.apply:
        write_refreshed(run, report)
    return report


# ------------------------------------------------------------------ the stages, in order


@contextmanager
def site_to_build(run: Run, with_seeds: bool):
    """The staging folder of the new site, with the previous site linked into it while the entries load;
    None when the site in place was built from these very inputs. A run that fails discards the folder."""
    with run.reporter.stage("Compare with last build"):
        known = run.cache_updates[KNOWN_FILES] = KnownFiles(cache_path(run.config.paths.out, KNOWN_FILES))
        inputs = read_inputs(run.config, run.settings.drafts, with_seeds=with_seeds, known=known)
        previous = read_manifest(run.config.paths.out)
        unchanged = (previous is not None and previous.inputs == inputs.digest
                     and outputs_intact(run.config.paths.out, previous))
    if unchanged:
        report_up_to_date(run, previous)
        yield None
        return
    staging = Staging(run.config.paths.out, previous, inputs.everything)
    try:
        yield NewSite(staging, inputs)
    except BaseException:
        staging.discard()
        raise


def report_up_to_date(run: Run, previous: Manifest) -> None:
    """Nothing to do: the problems the last build found are shown again, as that build showed them."""
    for problem in previous.problems:
        run.problems.add(problem)
    run.stop_if_errors()
    run.summary.up_to_date, run.summary.index_bytes = True, previous.index_bytes


def load_registries(run: Run):
    from .registries import load_registries as read_registries
    return read_registries(run.config.paths.content, run.problems)


def load_content(run: Run, inputs: RunInputs | None = None) -> tuple:
    """The registries and every entry; entry ids are checked against the registries only when they loaded."""
    with run.reporter.stage("Load registries"):
        registries = load_registries(run)
    with run.reporter.stage("Load entries"):
        entries = load_entries(run, None if run.problems.errors() else registries, inputs)
    return registries, entries


def load_entries(run: Run, registries, inputs: RunInputs | None) -> list:
    """Every entry; a build (which has read its inputs' digests) reuses the entries an earlier build
    parsed, if their files are unchanged."""
    from .entries import load_entries as read_entries
    from .incremental import entry_cache
    if inputs is None or registries is None:
        return read_entries(run.settings.entries_dir, registries, run.problems)
    salt = f"{inputs.code} {inputs.registries} {run.settings.entries_dir} {run.problems.root}"
    entries, update = entry_cache.load_entries(run.settings.entries_dir, registries, run.problems,
                                               cache_path(run.config.paths.out, ENTRY_CACHE), salt, inputs.entries)
    run.cache_updates[ENTRY_CACHE] = update
    return entries


def ingest_new_stories(run: Run, registries, existing: list, writes: bool = True) -> tuple:
    """The stories of seeds/ that no entry holds yet; writing them waits until every check has passed.

    Proposed actors are named by the loader once the entries are written; a run that only checks
    names them at their seed lines."""
    from .ingest import ingest_seeds, report_new_proposals
    with run.reporter.stage("Ingest seeds"):
        result = ingest_seeds(run.config.paths.seeds, registries, existing, run.config.ingest_status, run.problems,
                              run.reporter)
    if not writes:
        report_new_proposals(result, run.problems)
    summary = run.summary
    summary.seeds_read, summary.stories_found = result.seeds_read, result.stories_found
    summary.entries_kept = result.stories_found - len(result.new_entries)
    summary.seeds_changed_kept = result.changed_kept
    return result.new_entries


def check_site_settings(run: Run) -> None:
    check_templates_folder(run.config, run.problems)
    check_public_address(run.config, run.problems)


def write_entries(run: Run, registries, entries: list, new_entries: tuple,
                  inputs: RunInputs | None = None) -> tuple[list, RunInputs | None]:
    """Write the new entries, then read every entry back, checked as a maintainer's would be."""
    from .entries import write_new_entries
    if not new_entries:
        return entries, inputs
    with run.reporter.stage("Write new entries"):
        write_new_entries(run.settings.entries_dir, list(new_entries))
    run.summary.entries_written = len(new_entries)
    if inputs is not None:      # the manifest records the entries as they are now
        inputs = inputs.with_entries_of(run.config, run.cache_updates.get(KNOWN_FILES))
    entries = load_entries(run, registries, inputs)
    run.stop_if_errors()
    return entries, inputs


def publish(run: Run, registries, entries: list, staging: Staging, inputs: RunInputs) -> None:
    """Start indexing the shards that changed, group, make what changed in the staging folder, check the
    links, swap it in, record the manifest."""
    from .incremental.outputs import plan_site
    from .incremental.publish import publish_site
    ahead, entry_digests = start_indexing(run, registries, entries, staging, inputs)
    run.write_caches()                # while the shards index
    try:
        site = group(run, registries, entries, inputs, entry_digests)
        with run.reporter.stage("Plan"):
            plan = plan_site(run.config, site, inputs, entry_digests)
        run.stop_if_errors()
        report = publish_site(run.config, plan, staging, run.problems, run.reporter, run.settings.strict, ahead)
    finally:
        if ahead is not None:
            ahead.stop()
    run.summary.pages_written, run.summary.pages_kept = report.pages_written, report.pages_kept
    run.summary.index_bytes = report.index_bytes
    write_manifest(run.config.paths.out, Manifest(inputs=inputs.digest, outputs={
        path: (plan.digests[path], size) for path, size in sorted(report.sizes.items())},
        broken_links=report.broken_links, problems=tuple(run.problems.sorted()), index_bytes=report.index_bytes,
        everything=inputs.everything))
    run.stop_if_errors()


def start_indexing(run: Run, registries, entries: list, staging: Staging, inputs: RunInputs) -> tuple:
    """The search shards that changed start indexing before grouping, when they are few (see search_ahead);
    and the entries' digests."""
    from .incremental.workers import worker_count
    from .incremental.search_ahead import start_search_ahead
    update = run.cache_updates.get(ENTRY_CACHE)
    known = update.known_digests() if update is not None else {}
    with run.reporter.stage("Start indexing"):
        return start_search_ahead(run.config, registries, entries, known, inputs.everything, staging.base,
                                  staging.path, most=worker_count())


def group(run: Run, registries, entries: list, inputs: RunInputs, entry_digests):
    """The site's model, with what the last build's grouping worked out where it still holds."""
    from .incremental.group_memo import read_memo, write_memo
    from .site import group_site
    with run.reporter.stage("Group"):
        memo_file = cache_path(run.config.paths.out, GROUP_MEMO)
        memo = read_memo(memo_file, inputs.code, entry_digests.whole)
        site = group_site(run.config, registries, entries, drafts=run.settings.drafts, memo=memo)
        write_memo(memo_file, inputs.code, memo)
    return site


def render_in_memory(run: Run, registries, entries: list) -> None:
    """Every page and feed rendered and thrown away, to find template mistakes."""
    from .site import group_site, render_feeds, render_site
    with run.reporter.stage("Group"):
        site = group_site(run.config, registries, entries, drafts=run.settings.drafts)
    with run.reporter.stage("Render pages"):
        render_site(run.config, site, run.problems, run.reporter)
    with run.reporter.stage("Render feeds"):
        render_feeds(run.config, site)


def entries_named(run: Run, entries: list) -> list:
    """The entries refresh compares: those named on the command line, in that order, or every entry."""
    from .schema import suggest
    by_id = {entry.id: entry for entry in entries}
    for unknown in (entry_id for entry_id in run.settings.entry_ids if entry_id not in by_id):
        close = suggest(unknown, by_id)
        run.problems.error(run.settings.entries_dir / f"{unknown}.md", None, f"no entry has the id '{unknown}'",
                           close if close.startswith("did") else "the ids are the entries' file names, without .md")
    if not run.settings.entry_ids:
        return entries
    return [by_id[i] for i in dict.fromkeys(run.settings.entry_ids) if i in by_id]


def write_refreshed(run: Run, report) -> None:
    """Each refreshed entry written whole, unless it changed on disk while refresh ran."""
    from .entries import remove_leftovers, replace_entry_file
    with run.reporter.stage("Write refreshed entries"):
        remove_leftovers(run.settings.entries_dir)
        for item in report.items:
            if item.writable and not replace_entry_file(Path(item.entry.path), item.text, item.new_text):
                run.problems.warning(item.entry.path, None, "the entry changed while refresh ran: left as it is",
                                     "run refresh again")
            elif item.writable:
                report.written += 1
    report.applied = True
