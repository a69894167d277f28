"""What ingest wrote in each field of an entry, as short digests, so that refresh can tell an edit.

Ingest records, at the end of each new entry's front matter, one digest per field it fills:

    # ingested: what ingest wrote in each field (refresh keeps a field whose text differs); do not edit
    ingested: {title: 3f2a…, date: …, body: …}

A field whose value no longer matches its digest was changed by a maintainer, and refresh never
writes it. Pure functions only: the entry files are read and written by mawjaz.entries.reading, .writing and
.updates.
"""
from __future__ import annotations

import hashlib
import json

from ..model import Entry

# The fields ingest fills from the story, in the order they stand in an entry file. Provenance (seed,
# seed_lines, story_sha256), id and status are never refreshed.
INGESTED_FIELDS = ("title", "date", "source", "place", "actors", "themes", "summary", "date_note",
                   "statements", "body")
INGESTED_KEY = "ingested"
INGESTED_COMMENT = ("# ingested: what ingest wrote in each field (refresh keeps a field whose text differs); "
                    "do not edit")
DIGEST_LENGTH = 12      # hex digits of SHA-256: an edit that keeps the digest is a 1 in 2**48 chance


def field_value(entry: Entry, name: str):
    """The field as plain data (lists, dicts, text, None), the same whether just made or read back."""
    if name == "body":
        return entry.body.strip("\n")
    if name == "statements":
        statements = dict(entry.extra).get("statements")
        return [dict(item) if isinstance(item, dict) else item for item in statements] if statements else None
    value = getattr(entry, name)
    return list(value) if isinstance(value, tuple) else value


def digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def field_digests(entry: Entry) -> dict[str, str]:
    """{field: digest} for every ingested field, absent ones included (a field a maintainer adds by
    hand then differs from what ingest wrote)."""
    return {name: digest(field_value(entry, name)) for name in INGESTED_FIELDS}
