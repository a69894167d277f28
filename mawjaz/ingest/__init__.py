"""Ingest: raw scraped pages in seeds/ → new curated entries (title, date, source, place, actors, themes…).

Takes: the seeds folder, the registries, and the entries already written (whose stories it skips).
Gives: the new entries, still unwritten: the caller writes them once every check has passed.
Never: rewrites or deletes an entry, drops a story without a named warning, or reads the templates or site.
"""
from .curation import MIN_SIMILARITY, text_similarity
from .seeds import IngestResult, ingest_seeds, make_context, report_new_proposals, todays_entries

__all__ = ["MIN_SIMILARITY", "IngestResult", "ingest_seeds", "make_context", "report_new_proposals",
           "text_similarity", "todays_entries"]
