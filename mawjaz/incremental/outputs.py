"""Every file of the site as a plan: its path, its digest, and how to make it into a folder.

The plan is the same for a full build and a rebuild; a rebuild only makes the outputs whose digest changed
(mawjaz.incremental.publish carries the others over from the previous site). Making outputs is spread over a pool of
worker processes when there are enough of them to pay for it: the workers are forked after the plan
exists, so they share the site model instead of receiving copies of it.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from ..config import Config
from ..errors import Problem, Problems
from ..model import SiteModel
from ..search import (BROWSER_TABLES_PATH, INDEX_FOLDER, SearchSource, ShardFinder, build_shards, bundle_made,
                      folder_bytes, place_bundle, report_shard, search_as_indexed, shard_path, write_browser_tables)
from ..site import (CHECKED_SUFFIXES, LinkProof, canonical_path, feed_makers, make_environment, page_list,
                    render_page)
from . import fingerprints
from .inputs import RunInputs
from .search_ahead import SearchAhead, remove_work_folders
from .workers import worker_count

SEARCH_FOLDER = INDEX_FOLDER + "/"        # each search shard is one output, a folder: pagefind/<shard>/
BATCH_SIZE = 200                          # outputs per task: small enough to balance, big enough to be cheap
PARALLEL_FROM = 400                       # fewer outputs than this are made by threads of the build's own process


@dataclass
class Plan:
    """What the site holds: output path → digest, and the means to make each output."""
    config: Config
    site: SiteModel
    digests: dict[str, str]
    pages: dict[str, tuple[str, dict]]    # HTML output → (template, context)
    searched: bool                        # whether the search index is part of the site
    _feeds: dict | None = field(default=None, repr=False)
    _environment: object = field(default=None, repr=False)
    _sizes: Counter | None = field(default=None, repr=False)
    _link_proof: LinkProof | None = field(default=None, repr=False)

    def feeds(self) -> dict:
        if self._feeds is None:
            self._feeds = feed_makers(self.config, self.site)
        return self._feeds

    def shard_size(self, shard_output: str) -> int:
        return self._shard_sizes().get(shard_output.removeprefix(SEARCH_FOLDER).rstrip("/"), 0)

    def _shard_sizes(self) -> Counter:
        """Published entries per shard, counted once (each shard's own count read every entry again)."""
        if self._sizes is None:
            finder = ShardFinder(self.site.search_shards)
            self._sizes = Counter(finder.shard_of(e) for e in self.site.entries if e.status == "published")
        return self._sizes

    def link_proof(self) -> LinkProof:
        """Links of made pages are checked against the outputs of the plan that are files: the site is sure to
        hold those (the search bundles' files are not known yet)."""
        if self._link_proof is None:
            files = {path for path in self.digests if not path.endswith("/")}
            self._link_proof = LinkProof(files, self.config.base_url, self.config.base_path)
        return self._link_proof

    def environment(self):
        if self._environment is None:
            self._environment = make_environment(self.site)
        return self._environment


def plan_site(config: Config, site: SiteModel, inputs: RunInputs,
              entries: fingerprints.EntryDigests | None = None) -> Plan:
    """`entries`: the entries' digests, if the build has worked them out already (they may cover more
    entries than the site shows)."""
    everything = inputs.everything
    entries = entries or fingerprints.EntryDigests(site.entries)
    listed = page_list(site)
    digests = fingerprints.page_digests(site, listed, everything, entries)
    digests.update(fingerprints.feed_digests(config, site, everything, entries, digests))
    digests.update(inputs.static)             # static files are copied as they are
    searched = config.search_enabled
    if searched:
        digests[BROWSER_TABLES_PATH] = fingerprints.digest(everything, "tables")
        for shard, digest in fingerprints.shard_digests(SearchSource.of_site(site), everything, entries).items():
            digests[shard_path(shard)] = digest
    return Plan(config, site, digests, {output: (template, context) for output, template, context in listed},
                searched)


# ---------------------------------------------------------------- making outputs


@dataclass(frozen=True)
class Made:
    sizes: dict[str, int]                 # output → bytes written (-1 for a folder)
    problems: tuple[Problem, ...]
    index_bytes: int = 0                  # the whole search index, made now or carried over
    unproven: tuple[str, ...] = ()        # made pages whose links must be read once the site is complete


def make_outputs(plan: Plan, wanted: list[str], folder: Path, reporter=None, ahead: SearchAhead | None = None) -> Made:
    """Write the `wanted` outputs of `plan` into `folder`; in parallel when there are many. The search
    shards that `ahead` is indexing already are only moved into place."""
    from_ahead = [path for path in wanted if ahead is not None and path.startswith(SEARCH_FOLDER)
                  and ahead.covers(path, plan.digests[path])]
    shards = sorted((path for path in wanted if path.startswith(SEARCH_FOLDER) and path not in from_ahead),
                    key=plan.shard_size, reverse=True)
    files = [path for path in wanted if not is_search_output(path)]
    batches = [files[start:start + BATCH_SIZE] for start in range(0, len(files), BATCH_SIZE)]
    # One task per shard, the biggest first: a worker waiting for its Pagefind leaves the core to it,
    # while the other worker prepares the next shard or renders pages. The browser's tables go with the first.
    tasks = [[shard] for shard in shards] + batches
    if BROWSER_TABLES_PATH in wanted:
        tasks = [[BROWSER_TABLES_PATH, *tasks[0]], *tasks[1:]] if tasks else [[BROWSER_TABLES_PATH]]
    workers = min(worker_count(), len(tasks))
    if workers < 2:
        results = [_make_batch_with(plan, folder, task) for task in tasks]
    elif len(wanted) < PARALLEL_FROM:   # a few outputs: the search shards' Pagefind runs beside the pages
        with ThreadPoolExecutor(max_workers=workers) as threads:
            results = list(threads.map(lambda task: _make_batch_with(plan, folder, task), tasks))
    else:
        results = _in_pool(plan, folder, tasks, workers, reporter, len(wanted))
    if ahead is not None:
        results.append(_place_ahead(plan, folder, ahead, from_ahead))
    sizes, problems, unproven = {}, [], []
    for made in results:
        sizes.update(made.sizes)
        problems.extend(made.problems)
        unproven.extend(made.unproven)
    return Made(sizes, tuple(problems), folder_bytes(folder / INDEX_FOLDER) if plan.searched else 0,
                tuple(sorted(unproven)))


def is_search_output(path: str) -> bool:
    return path == BROWSER_TABLES_PATH or path.startswith(SEARCH_FOLDER)


_POOL_STATE: tuple | None = None          # (plan, folder), inherited by forked workers


def _in_pool(plan: Plan, folder: Path, tasks: list[list[str]], workers: int, reporter, total: int) -> list[Made]:
    global _POOL_STATE
    _POOL_STATE = (plan, folder)
    _compile_templates(plan)
    results, done = [], 0
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for made in pool.imap_unordered(_make_batch_in_worker, tasks):
                results.append(made)
                done += len(made.sizes)
                if reporter is not None:
                    reporter.progress("outputs", done, total)
    finally:
        _POOL_STATE = None
    return results


def _compile_templates(plan: Plan) -> None:
    """Every template of the site compiled once, before the fork, not once in each worker: a pool
    makes hundreds of pages at least, which need nearly all of them."""
    environment = plan.environment()
    for name in environment.list_templates(extensions=["html"]):
        try:
            environment.get_template(name)
        except TemplateError:
            pass                          # the worker rendering a page of it reports it, with its file and line


def _make_batch_in_worker(task: list[str]) -> Made:
    plan, folder = _POOL_STATE
    return _make_batch_with(plan, folder, task)


def _make_batch_with(plan: Plan, folder: Path, task: list[str]) -> Made:
    problems = Problems()
    sizes, failed, unproven = {}, set(), []
    for path in task:
        if plan.pages.get(path, ("",))[0] in failed:
            continue                      # one message per broken template, not one per page
        if is_search_output(path):
            continue                      # made together, below: they need the same vocabulary
        if path not in plan.pages and path not in plan.feeds():     # a static file, copied as it is
            sizes[path] = _copy_static(plan, folder, path)
            unproven += [path] if path.endswith(CHECKED_SUFFIXES) else []
            continue
        content = _output_bytes(plan, path, problems)
        if content is None:
            failed.add(plan.pages[path][0])
            continue
        sizes[path] = _write_new(folder, path, content)
        if path.endswith(CHECKED_SUFFIXES) and not plan.link_proof().all_fine(path, content):
            unproven.append(path)
    searched = [path for path in task if is_search_output(path)]
    if searched:
        sizes.update(_make_search_outputs(plan, folder, searched, problems))
    return Made(sizes, tuple(problems.items), unproven=tuple(unproven))


def _make_search_outputs(plan: Plan, folder: Path, paths: list[str], problems: Problems) -> dict[str, int]:
    """The shards among `paths`, several Pagefind runs at once, and the browser's tables if asked for
    (never written otherwise: the previous site's copy is linked here)."""
    shards = [path.removeprefix(SEARCH_FOLDER).rstrip("/") for path in paths if path.startswith(SEARCH_FOLDER)]
    search = search_as_indexed(SearchSource.of_site(plan.site), shards)
    sizes = {}
    if BROWSER_TABLES_PATH in paths:
        write_browser_tables(folder, search.browser_tables)
        sizes[BROWSER_TABLES_PATH] = (folder / BROWSER_TABLES_PATH).stat().st_size
    build_shards(plan.config, folder, search.shards, problems)
    return {**sizes, **{shard_path(shard): -1 for shard in search.shards}}


def _place_ahead(plan: Plan, folder: Path, ahead: SearchAhead, outputs: list[str]) -> Made:
    """The bundles `ahead` made, moved into place; any it could not make are made here, as usual."""
    problems = Problems()
    bundles = ahead.finish()
    for output in outputs:
        if output in bundles:
            shard = output.removeprefix(SEARCH_FOLDER).rstrip("/")
            if bundle_made(bundles[output].outcome):
                place_bundle(Path(bundles[output].work), folder / output)
            report_shard(plan.config, shard, bundles[output].outcome, problems)
    remove_work_folders(bundles)
    missing = [output for output in outputs if output not in bundles]
    sizes = _make_search_outputs(plan, folder, missing, problems) if missing else {}
    return Made({**sizes, **{output: -1 for output in outputs}}, tuple(problems.items))


def _output_bytes(plan: Plan, path: str, problems: Problems) -> bytes | None:
    """A page or feed as bytes; None when its template failed."""
    if path in plan.pages:
        template, context = plan.pages[path]
        text = render_page(plan.environment(), template, {"path": canonical_path(path), **context}, problems)
        return None if text is None else text.encode("utf-8")
    return plan.feeds()[path]().encode("utf-8")


def _write_new(folder: Path, path: str, content: bytes) -> int:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as handle:     # a new file, never one carried over: those are linked to the live site
        handle.write(content)
    return len(content)


def _copy_static(plan: Plan, folder: Path, path: str) -> int:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plan.config.paths.static / path.removeprefix("static/"), target)
    return target.stat().st_size
