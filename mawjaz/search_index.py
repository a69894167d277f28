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
from datetime import date as calendar_date
from pathlib import Path

from babel.dates import format_date
from markdown_it import MarkdownIt

from .config import Config
from .errors import Problems
from .group import SiteModel
from .model import Entry, Registries
from .search_terms import SearchVocabulary, browser_tables, build_vocabulary, closed_words, index_text

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
    records = tuple(entry_record(entry, site.registries, vocabulary) for entry in published)
    return SearchInput(records=records, browser_tables=browser_tables(vocabulary))


def entry_record(entry: Entry, registries: Registries, vocabulary: SearchVocabulary) -> SearchRecord:
    text = plain_text(entry.body)
    source = registries.source_by_id[entry.source].name if entry.source else ""
    meta = {"title": entry.title, "date": date_label(entry.date), "iso": entry.date or "", "source": source,
            "text": text or entry.summary}
    filters = {"actor": [registries.actor_by_id[actor_id].name for actor_id in entry.actors],
               "theme": [registries.theme_by_id[theme_id].name for theme_id in entry.themes],
               "source": [source] if source else [], "year": [(entry.date or "")[:4]]}
    document = "".join((
        "<html><body data-pagefind-body>",
        f"<h1>{index_text(entry.title, vocabulary)}</h1>",
        f"<p>{index_text(entry.summary, vocabulary)}</p><p>{index_text(text, vocabulary)}</p>",
        f'<p data-pagefind-weight="{NAMES_WEIGHT}">{index_text(described_by(entry, registries), vocabulary)}</p>',
        *(_attribute_span("meta", key, closed_words(value)) for key, value in meta.items()),
        *(_attribute_span("filter", key, value) for key, values in filters.items() for value in values),
        _attribute_span("sort", "date", entry.date or ""),
        "</body></html>",
    ))
    return SearchRecord(url=f"/entries/{entry.id}/", document=document)


def described_by(entry: Entry, registries: Registries) -> str:
    """What the entry is filed under, searchable too: every name of its actors (so that a registry alias
    finds the actor's entries), its themes, its source and its date."""
    actors = [registries.actor_by_id[actor_id] for actor_id in entry.actors]
    names = [name for actor in actors for name in (actor.name, *actor.aliases, *actor.short_names)]
    names += [registries.theme_by_id[theme_id].name for theme_id in entry.themes]
    if entry.source:
        names.append(registries.source_by_id[entry.source].name)
    return " ".join((*names, date_label(entry.date)))


def _attribute_span(kind: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{kind}="{html.escape(f"{key}:{value}")}"></span>'


_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def plain_text(markdown: str) -> str:
    """The words of a Markdown body, paragraphs joined by spaces, without markup."""
    paragraphs = []
    for token in _MARKDOWN.parse(markdown):
        if token.type == "inline":
            paragraphs.append("".join(child.content for child in token.children or ()
                                      if child.type in ("text", "code_inline")))
    return " ".join(part for part in paragraphs if part)


def date_label(value: str | None) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY as Arabic text: "23 سبتمبر 2025", "سبتمبر 2025", "2025"."""
    if not value:
        return ""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    pattern = "d MMMM y" if len(parts) == 3 else "MMMM y"
    return format_date(calendar_date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1), pattern, locale="ar")


# ---------------------------------------------------------------- writing the bundle


def build_search_index(config: Config, site_dir: Path, search: SearchInput, problems: Problems) -> int:
    """Write the Pagefind bundle and the browser's tables into site_dir; return the bundle size in bytes."""
    bundle = site_dir / INDEX_FOLDER
    with tempfile.TemporaryDirectory(prefix="mawjaz-search-") as documents:
        write_documents(Path(documents), search.records)
        failure = run_pagefind(Path(documents), bundle)
    if failure:
        problems.error(config.path, None, f"the search index could not be built: {failure}",
                       "check that `pip install -r requirements.txt` installed pagefind[bin]")
        return 0
    tables = site_dir / BROWSER_TABLES_PATH
    tables.parent.mkdir(parents=True, exist_ok=True)
    tables.write_text(search.browser_tables, encoding="utf-8")
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
