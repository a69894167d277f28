"""Entry files, the curated record in content/entries: read back, written new, fields changed in place.

Takes: the entries folder, and the registries to check the ids of actors, themes and sources against.
Gives: Entry objects, each problem with its file and line; new entry files, each written whole.
Never: overwrites an entry file that exists, writes half a file, or reads seeds or the built site.
"""
from .ingested import INGESTED_FIELDS, digest, field_value
from .reading import check_event_links, load_entries, parse_entry, read_entry, read_entry_text, report_proposal
from .updates import REMOVE, front_matter_keys, remove_leftovers, replace_entry_file, resolve_proposal, update_text
from .writing import format_entry, replace_file_text, write_new_entries

__all__ = ["INGESTED_FIELDS", "REMOVE", "check_event_links", "digest", "field_value", "format_entry",
           "front_matter_keys", "load_entries", "parse_entry", "read_entry", "read_entry_text", "remove_leftovers",
           "replace_entry_file", "replace_file_text", "report_proposal", "resolve_proposal", "update_text",
           "write_new_entries"]
