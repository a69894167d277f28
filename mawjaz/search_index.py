"""The search index: one Pagefind record per published entry.

A record's indexed words are search keys (mawjaz.search_terms), not the words as written, so that every
spelling a reader types finds the same entries. The words as written travel in the record's metadata:
the search page shows them and highlights the words whose keys match the query's keys.
"""
from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import Problems
from .group import SiteModel, entry_path
from .markup import make_markdown, plain_text
from .model import Entry
from .search_terms import SearchVocabulary, browser_tables, build_vocabulary, closed_words, index_text
from .wording import format_partial_date, padded_date

INDEX_FOLDER = "pagefind"
BROWSER_TABLES_PATH = "static/arabic-normalise.js"
NAMES_WEIGHT = "0.5"     # an actor's other names count, but less than the entry's own words
# Pagefind's own interfaces: the search page has its own, so these are not published.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


@dataclass(frozen=True)
class SearchRecord:
    url: str              # site path from the base, e.g. /entries/<id>/
    document: str         # the small HTML document Pagefind indexes


@dataclass(frozen=True)
class SearchInput:
    records: tuple[SearchRecord, ...]
    browser_tables: str   # the JavaScript module the search page folds queries with


def prepare_search(site: SiteModel) -> SearchInput:
    """Records for the published entries only (never drafts, even when drafts are shown)."""
    vocabulary = build_vocabulary(site.registries)
    published = [entry for entry in site.entries if entry.status == "published"]
    records = tuple(entry_record(entry, site, vocabulary) for entry in published)
    return SearchInput(records=records, browser_tables=browser_tables(vocabulary))


def entry_record(entry: Entry, site: SiteModel, vocabulary: SearchVocabulary) -> SearchRecord:
    registries, text = site.registries, body_text(entry)
    source = registries.source_by_id[entry.source].name if entry.source else ""
    meta = {"title": entry.title, "date": format_partial_date(entry.date, site.config.locale),
            "iso": entry.date or "", "source": source, "text": text or entry.summary}
    filters = {"actor": [registries.actor_by_id[actor_id].name for actor_id in entry.actors],
               "theme": [registries.theme_by_id[theme_id].name for theme_id in entry.themes],
               "source": [source] if source else [], "year": [(entry.date or "")[:4]]}
    document = "".join((
        "<html><body data-pagefind-body>",
        f"<h1>{index_text(entry.title, vocabulary)}</h1>",
        f"<p>{index_text(entry.summary, vocabulary)}</p><p>{index_text(text, vocabulary)}</p>",
        f'<p data-pagefind-weight="{NAMES_WEIGHT}">{index_text(described_by(entry, site), vocabulary)}</p>',
        *(_attribute_span("meta", key, closed_words(value)) for key, value in meta.items()),
        *(_attribute_span("filter", key, value) for key, values in filters.items() for value in values),
        _attribute_span("sort", "date", padded_date(entry.date)),
        "</body></html>",
    ))
    return SearchRecord(url="/" + entry_path(entry.id), document=document)


def described_by(entry: Entry, site: SiteModel) -> str:
    """What the entry is filed under, searchable too: every name of its actors (so that a registry alias
    finds the actor's entries), its themes, its source and its date."""
    registries = site.registries
    actors = [registries.actor_by_id[actor_id] for actor_id in entry.actors]
    names = [name for actor in actors for name in (actor.name, *actor.aliases, *actor.short_names)]
    names += [registries.theme_by_id[theme_id].name for theme_id in entry.themes]
    if entry.source:
        names.append(registries.source_by_id[entry.source].name)
    return " ".join((*names, format_partial_date(entry.date, site.config.locale)))


def _attribute_span(kind: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{kind}="{html.escape(f"{key}:{value}")}"></span>'


_MARKDOWN = make_markdown()


def body_text(entry: Entry) -> str:
    return plain_text(_MARKDOWN, entry.body)


# ---------------------------------------------------------------- writing the bundle


def build_search_index(config: Config, site_dir: Path, search: SearchInput, problems: Problems) -> int:
    """Write the browser's tables and the Pagefind bundle into site_dir; return the bundle size in bytes."""
    tables = site_dir / BROWSER_TABLES_PATH
    tables.parent.mkdir(parents=True, exist_ok=True)
    tables.write_text(search.browser_tables, encoding="utf-8")
    if not search.records:
        return 0            # nothing published yet, and Pagefind refuses an empty index: the page says so
    bundle = site_dir / INDEX_FOLDER
    with tempfile.TemporaryDirectory(prefix="mawjaz-search-") as documents:
        write_documents(Path(documents), search.records)
        failure = run_pagefind(Path(documents), bundle)
    if failure:
        problems.error(config.path, None, f"the search index could not be built: {failure}",
                       "check that `pip install -r requirements.txt` installed pagefind[bin]")
        return 0
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())


def write_documents(folder: Path, records: tuple[SearchRecord, ...]) -> None:
    """One small HTML file per record, at the record's URL, for Pagefind to index."""
    for record in records:
        target = folder / record.url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(record.document, encoding="utf-8")


def run_pagefind(documents: Path, bundle: Path) -> str:
    """Pagefind's own binary (from the pagefind[bin] wheel): its Python API waits 0.1 s per document,
    which would make 10,000 entries take minutes. Returns what went wrong, or "" on success."""
    command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(bundle), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip()[-500:]
    if not (bundle / "pagefind.js").is_file():
        return "Pagefind wrote no pagefind.js"
    return ""
