"""What an entry file holds: its fence, its id's form, and the fields of its front matter in their order.

Shared by the reader (mawjaz.entries.reading) and the writers (mawjaz.entries.writing and
mawjaz.entries.updates), so that what one writes the other reads back.
"""
from __future__ import annotations

import re

from ..model import ACTOR_KINDS, ENTRY_STATUSES
from ..schema import DATE, NUMBER_LIST, TEXT, TEXT_LIST, Field

ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE = "---"

ENTRY_FIELDS = {
    "id": Field(TEXT, required=True), "title": Field(TEXT, required=True),
    "date": Field(DATE, nullable=True), "status": Field(TEXT, required=True, choices=ENTRY_STATUSES),
    "source": Field(TEXT, nullable=True), "place": Field(TEXT, nullable=True),
    "actors": Field(TEXT_LIST, default=()), "themes": Field(TEXT_LIST, default=()),
    "summary": Field(TEXT, default="", allow_empty=True), "seed": Field(TEXT, nullable=True),
    "seed_lines": Field(NUMBER_LIST, nullable=True), "story_sha256": Field(TEXT, nullable=True),
    "date_note": Field(TEXT, nullable=True),
}
# Front matter keys owned by later stages; kept as they are, in Entry.extra.
EXTRA_FIELDS = ("proposed_source", "statements", "same_event", "not_same_event")
# An outlet the text names and sources.yaml lacks, as written, until a maintainer adds it and sets `source`.
PROPOSED_SOURCE_FIELDS = {"name": Field(TEXT, required=True)}
STATEMENT_KINDS = ("quote", "reported")
STATEMENT_FIELDS = {"actor": Field(TEXT, nullable=True), "text": Field(TEXT, required=True),
                    "kind": Field(TEXT, required=True, choices=STATEMENT_KINDS)}
EVENT_LINKS = ("same_event", "not_same_event")
PROPOSALS = "proposed_actors"    # actors the registry lacks, for review (mawjaz.ingest.proposals)
PROPOSAL_FIELDS = {"name": Field(TEXT, required=True), "kind": Field(TEXT, required=True, choices=ACTOR_KINDS),
                   "role": Field(TEXT, nullable=True)}
FIELD_ORDER = tuple(ENTRY_FIELDS) + (PROPOSALS,) + EXTRA_FIELDS
