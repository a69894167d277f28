"""The order of the stages. One function a command shows the whole run, each stage timed."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from . import entries as entry_files
from .config import Config
from .errors import Problems
from .feeds import render_feeds
from .group import group_site
from .ingest import ingest_seeds
from .progress import Reporter
from .publish import publish_site
from .registries import load_registries
from .render import render_site
from .search_index import prepare_search


@dataclass
class Summary:
    seeds_read: int = 0
    stories_found: int = 0
    entries_written: int = 0
    entries_kept: int = 0
    pages_written: int = 0
    index_bytes: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"Done: {self.seeds_read} seeds read, {self.stories_found} stories found, "
                f"{self.entries_written} entries written, {self.entries_kept} kept, "
                f"{self.pages_written} pages written, search index {self.index_bytes / 1024:.0f} KB, "
                f"in {self.seconds:.1f} s")


def run(config: Config, command: str, problems: Problems, reporter: Reporter, strict: bool = False,
        drafts: bool = False) -> Summary:
    """`all` = ingest then build; `ingest`; `build`; `check` (validate, write nothing)."""
    started = time.perf_counter()
    summary = Summary()
    with reporter.stage("Load registries"):
        registries = load_registries(config.paths.content, problems)
    problems.stop_if_errors(strict=False)
    if command in ("all", "ingest", "check"):
        ingest_stage(config, registries, problems, reporter, summary, write=command != "check")
    if command in ("all", "build", "check"):
        build_stage(config, registries, problems, reporter, summary, strict, drafts, write=command != "check")
    problems.stop_if_errors(strict)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_stage(config: Config, registries, problems: Problems, reporter: Reporter, summary: Summary,
                 write: bool) -> None:
    entries_dir = config.paths.content / "entries"
    with reporter.stage("Read entries"):
        existing = entry_files.load_entries(entries_dir, None, problems)
    problems.stop_if_errors()
    with reporter.stage("Ingest seeds"):
        result = ingest_seeds(config.paths.seeds, registries, existing, config.ingest_status, problems, reporter)
    problems.stop_if_errors()
    summary.seeds_read, summary.stories_found = result.seeds_read, result.stories_found
    summary.entries_kept = result.stories_found - len(result.new_entries)
    if write:
        with reporter.stage("Write new entries"):
            entry_files.write_new_entries(entries_dir, list(result.new_entries))
        summary.entries_written = len(result.new_entries)


def build_stage(config: Config, registries, problems: Problems, reporter: Reporter, summary: Summary,
                strict: bool, drafts: bool, write: bool) -> None:
    with reporter.stage("Load entries"):
        entries = entry_files.load_entries(config.paths.content / "entries", registries, problems)
    problems.stop_if_errors(strict)
    with reporter.stage("Group"):
        site = group_site(config, registries, entries, drafts=drafts)
    with reporter.stage("Render pages"):
        pages = render_site(config, site, problems, reporter)
    with reporter.stage("Render feeds"):
        pages.update(render_feeds(config, site))
    problems.stop_if_errors(strict)
    if not write:
        return
    with reporter.stage("Prepare search"):
        search = prepare_search(site) if config.search_enabled else None
    with reporter.stage("Publish and index"):
        report = publish_site(config, pages, problems, reporter, search)
    summary.pages_written, summary.index_bytes = report.pages_written, report.index_bytes


def project_root(config: Config) -> Path:
    return config.path.parent
