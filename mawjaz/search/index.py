"""The search index: one Pagefind record per published entry, in one Pagefind bundle per shard (of years).

A record's indexed words are search keys (mawjaz.search.terms), not the words as written, so that every
spelling a reader types finds the same entries. The words as written travel with the record: the search
page shows them and highlights the words whose keys match the query's keys.

Each shard (mawjaz/search/shards.py: whole years, or "undated") is a complete bundle at pagefind/<shard>/, built by
its own Pagefind run, and the search page merges them (Pagefind's mergeIndex). So Pagefind's memory is
that of one shard, shards are indexed side by side on every core, and a build that changed one shard's
entries needs to index only that shard again.
"""
from __future__ import annotations

import html
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..entry_dates import year_of
from ..errors import Problems
from ..markup import plain_text, repeats_opening, shared_markdown
from ..model import Entry, Registries, SiteModel
from ..urls import entry_path
from ..wording import format_partial_date, padded_date
from .pagefind_runner import run_pagefind
from .shards import ShardFinder, in_merge_order
from .stable_index import UnfamiliarIndex, stabilise_bundle
from .terms import SearchVocabulary, browser_tables, build_vocabulary, closed_words, index_text

INDEX_FOLDER = "pagefind"
BROWSER_TABLES_PATH = "static/arabic-normalise.js"
NAMES_WEIGHT = "0.5"     # an actor's other names count, but less than the entry's own words
# Each shard is indexed as a private-use language (BCP 47 "x-…", no stemmer, like no language at all).
# Pagefind names every result by its language and a hash, so the search page can tell a result's shard,
# and so its year, without loading it: it needs that to sort by date across shards.
SHARD_LANGUAGE_PREFIX = "x-"
# Pagefind's own interfaces: the search page has its own, so these are not published.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# The text an excerpt is cut from travels as a filter value: Pagefind keeps it with the result and never
# indexes it, while it indexes every word of metadata (for the whole text, that doubled each shard's word
# index and Pagefind's memory). The search page never filters by it, so that filter's index is never
# downloaded, and is written with no values (stabilise_bundle).
EXCERPT_FILTER = "text"
UNORDERED = "left as Pagefind wrote it: "    # starts the outcome of a shard that is usable but not in order
WORK_PREFIX = ".mawjaz-search-"           # a bundle being made, inside the site being built
BUNDLE_NAME = "bundle"


@dataclass(frozen=True)
class SearchRecord:
    url: str              # site path from the base, e.g. /entries/<id>/
    document: str         # the small HTML document Pagefind indexes


@dataclass(frozen=True)
class SearchInput:
    shards: dict[str, Iterable[SearchRecord]]     # shard → its records (made as indexed, or a tuple), in merge order
    browser_tables: str   # the JavaScript module the search page folds queries with


@dataclass(frozen=True)
class SearchSource:
    """What the records are made from: the published entries in the site's order (newest first), with
    their statements and the registries. A build can make it from the loaded entries before grouping them
    (mawjaz.incremental.search_ahead), so that indexing starts early; otherwise it comes from the site."""
    registries: Registries
    locale: str
    published: tuple[Entry, ...]
    statements: dict                      # entry id → (Statement, …), as SiteModel.statements
    shards: tuple[str, ...]               # in merge order, as SiteModel.search_shards

    @classmethod
    def of_site(cls, site: SiteModel) -> SearchSource:
        published = tuple(entry for entry in site.entries if entry.status == "published")
        statements = {entry.id: site.statements[entry.id] for entry in published}
        return cls(site.registries, site.config.locale, published, statements, tuple(site.search_shards))


def search_shards(site: SiteModel) -> list[str]:
    """The shards of the published entries, in the order the search page merges them."""
    return list(site.search_shards)


def prepare_search(site: SiteModel, shards: Iterable[str] | None = None) -> SearchInput:
    """Records for the published entries only (never drafts, even when drafts are shown), by shard, each
    shard's records as a tuple.

    With `shards`, only those shards get records (each named one is present, empty if no published
    entry is left in it): a build that knows which shards changed computes no other documents.
    """
    made = search_as_indexed(SearchSource.of_site(site), site.search_shards if shards is None else shards)
    return SearchInput(shards={name: tuple(records) for name, records in made.shards.items()},
                       browser_tables=made.browser_tables)


def search_as_indexed(source: SearchSource, shards: Iterable[str]) -> SearchInput:
    """The named shards' records, each shard's made one at a time while Pagefind indexes them
    (shard_records), in merge order."""
    vocabulary = build_vocabulary(source.registries)
    return SearchInput(shards={name: shard_records(source, name, vocabulary) for name in in_merge_order(shards)},
                       browser_tables=browser_tables(vocabulary))


def shard_records(source: SearchSource, shard: str, vocabulary: SearchVocabulary) -> Iterator[SearchRecord]:
    """One shard's records, made one at a time: given to Pagefind as they come, so that Pagefind indexes
    while the next record is made."""
    finder = ShardFinder(source.shards)
    return (entry_record(entry, source, vocabulary) for entry in source.published if finder.shard_of(entry) == shard)


def entry_record(entry: Entry, source: SearchSource, vocabulary: SearchVocabulary) -> SearchRecord:
    registries, text = source.registries, body_text(entry)
    source_name = registries.source_by_id[entry.source].name if entry.source else ""
    meta = {"title": entry.title, "date": format_partial_date(entry.date, source.locale),
            "iso": entry.date or "", "source": source_name}
    filters = {"actor": [registries.actor_by_id[actor_id].name for actor_id in entry.actors],
               "theme": [registries.theme_by_id[theme_id].name for theme_id in entry.themes],
               "source": [source_name] if source_name else [], "year": [year_of(entry.date)],
               EXCERPT_FILTER: [text or entry.summary]}
    # A summary that only repeats the body's opening is indexed once, as the entry page shows it.
    document = "".join((
        "<html><body data-pagefind-body>",
        f"<h1>{index_text(entry.title, vocabulary)}</h1>",
        f"<p>{'' if repeats_opening(entry.summary, text) else index_text(entry.summary, vocabulary)}</p>",
        f"<p>{index_text(text, vocabulary)}</p>",
        f"<p>{index_text(' '.join(s.text for s in source.statements[entry.id]), vocabulary)}</p>",
        f'<p data-pagefind-weight="{NAMES_WEIGHT}">{index_text(described_by(entry, source), vocabulary)}</p>',
        *(_attribute_span("meta", key, closed_words(value)) for key, value in meta.items()),
        *(_attribute_span("filter", key, value) for key, values in filters.items() for value in values),
        _attribute_span("sort", "date", padded_date(entry.date)),
        "</body></html>",
    ))
    return SearchRecord(url="/" + entry_path(entry.id), document=document)


def described_by(entry: Entry, source: SearchSource) -> str:
    """What the entry is filed under, searchable too: every name of its actors (so that a registry alias
    finds the actor's entries), its themes, its source and its date."""
    registries = source.registries
    actors = [registries.actor_by_id[actor_id] for actor_id in entry.actors]
    names = [name for actor in actors for name in (actor.name, *actor.aliases, *actor.short_names)]
    names += [registries.theme_by_id[theme_id].name for theme_id in entry.themes]
    if entry.source:
        names.append(registries.source_by_id[entry.source].name)
    return " ".join((*names, format_partial_date(entry.date, source.locale)))


def _attribute_span(kind: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{kind}="{html.escape(f"{key}:{value}")}"></span>'


def body_text(entry: Entry) -> str:
    return plain_text(shared_markdown(), entry.body)


# ---------------------------------------------------------------- writing the bundles


def build_search_index(config: Config, site_dir: Path, search: SearchInput, problems: Problems) -> int:
    """Write the browser's tables and a bundle for every shard in `search`; return the bundles' bytes."""
    write_browser_tables(site_dir, search.browser_tables)
    return build_shards(config, site_dir, search.shards, problems)


def build_shards(config: Config, site_dir: Path, shards: dict[str, Iterable[SearchRecord]],
                 problems: Problems) -> int:
    """A bundle for every shard, as many Pagefind runs at once as there are cores (each run is a process
    of its own: threads only wait for them); failures become problems. Returns the bundles' bytes."""
    if not shards:
        return 0            # nothing published yet, and Pagefind refuses an empty index: the page says so
    with ThreadPoolExecutor(max_workers=min(len(shards), os.cpu_count() or 1)) as pool:
        outcomes = list(pool.map(lambda shard: build_shard(config, site_dir, *shard), shards.items()))
    for shard, outcome in zip(shards, outcomes):
        report_shard(config, shard, outcome, problems)
    return sum(folder_bytes(shard_folder(site_dir, shard)) for shard in shards)


def folder_bytes(folder: Path) -> int:
    return sum(os.path.getsize(os.path.join(parent, name)) for parent, _, names in os.walk(folder) for name in names)


def write_browser_tables(site_dir: Path, tables: str) -> None:
    """static/arabic-normalise.js, which the search page folds queries with."""
    target = site_dir / BROWSER_TABLES_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(tables, encoding="utf-8")


def shard_folder(site_dir: Path, shard: str) -> Path:
    return site_dir / shard_path(shard)


def shard_path(shard: str) -> str:
    """The shard's folder from the site root, as an output of the site: "pagefind/2025/"."""
    return f"{INDEX_FOLDER}/{shard}/"


def build_shard(config: Config, site_dir: Path, shard: str, records: Iterable[SearchRecord]) -> str:
    """Index one shard's records as a complete bundle at site_dir/pagefind/<shard>/, in place of what was
    there (a shard without records is removed); return "" or what went wrong (see report_shard).
    The records may be made while Pagefind indexes them (shard_records).

    The bundle is written into a temporary folder of this call's own, and moves into place only
    once complete and in order: nothing is shared with other calls, so shards can be built side by side
    in threads or in forked processes. `config` is not read today; it stays for the callers' sake.
    """
    target = shard_folder(site_dir, shard)
    records = iter(records)
    first = next(records, None)
    if first is None:
        shutil.rmtree(target, ignore_errors=True)
        return ""
    records = itertools.chain((first,), records)
    with tempfile.TemporaryDirectory(prefix=f"{WORK_PREFIX}{shard}-", dir=work_folder_beside(site_dir)) as work:
        outcome = make_bundle(Path(work), shard, records)
        if bundle_made(outcome):
            place_bundle(Path(work), target)
    return outcome


def work_folder_beside(site_dir: Path) -> Path | None:
    """Where a bundle is made: inside the site being built, so that moving the finished bundle into place
    is a rename (in the system's temporary folder, often another file system, it was a copy of every file)."""
    return site_dir if site_dir.is_dir() else None


def make_bundle(work: Path, shard: str, records: Iterable[SearchRecord]) -> str:
    """The shard's finished bundle at work/bundle; "" or what went wrong (see report_shard)."""
    bundle = work / BUNDLE_NAME
    failure = run_pagefind(((record.url, record.document) for record in records), bundle,
                           SHARD_LANGUAGE_PREFIX + shard, leave_out=UNUSED_BUNDLE_FILES)
    return failure or finish_bundle(bundle)


def bundle_made(outcome: str) -> bool:
    """Whether make_bundle left a bundle to place (one out of canonical order still works)."""
    return not outcome or outcome.startswith(UNORDERED)


def place_bundle(work: Path, target: Path) -> None:
    """The bundle make_bundle made in `work`, moved to `target` in place of what was there."""
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(work / BUNDLE_NAME, target)


def report_shard(config: Config, shard: str, outcome: str, problems: Problems) -> None:
    """What build_shard returned, as a problem: a shard left out of canonical order is a warning (it
    works, but two builds will differ); any other failure is an error."""
    if outcome.startswith(UNORDERED):
        problems.warning(config.path, None, f"the search index of {shard} was left as Pagefind wrote it, so two "
                                            f"builds will differ: {outcome.removeprefix(UNORDERED)}",
                         "install the Pagefind version pinned in requirements.txt, whose index format the build knows")
    elif outcome:
        problems.error(config.path, None, f"the search index of {shard} could not be built: {outcome}",
                       "check that `pip install -r requirements.txt` installed pagefind[bin]")


def finish_bundle(bundle: Path) -> str:
    """Drop Pagefind's unused interfaces and put its indexes in an order that is the same on every run;
    return "" or, when the bundle is not in a form this build knows, UNORDERED and the reason."""
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    try:
        stabilise_bundle(bundle, unfiltered=(EXCERPT_FILTER,))
    except UnfamiliarIndex as reason:
        return f"{UNORDERED}{reason}"
    return ""
