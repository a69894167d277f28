"""The data passed forward through the pipeline: frozen dataclasses only, no I/O."""
from __future__ import annotations

from dataclasses import dataclass, field

ENTRY_STATUSES = ("published", "draft", "rejected")
ACTOR_KINDS = ("person", "organization", "state")


@dataclass(frozen=True)
class RawStory:
    """One story as it stands in a seed file, before cleaning."""
    seed: str                   # seed file name, e.g. 001_ff06011b73cabde5.txt
    first_line: int             # 1-based line range in the seed, inclusive
    last_line: int
    lines: tuple[str, ...]      # the raw lines of the story, boilerplate included
    sha256: str                 # hash of the raw story text: its identity for "never ingest twice"


@dataclass(frozen=True)
class Story:
    """A cleaned story with its extracted fields, ready to be tagged."""
    raw: RawStory
    title: str
    paragraphs: tuple[str, ...]
    date: str | None            # YYYY, YYYY-MM or YYYY-MM-DD
    date_note: str | None
    place: str | None
    source: str | None          # id in sources.yaml
    summary: str
    proposed_source: str | None = None   # the outlet as written, when sources.yaml lacks it


@dataclass(frozen=True)
class Evidence:
    """Why a tag was given: the registry id and the words in the story that matched."""
    id: str
    matched: str
    paragraph: int


@dataclass(frozen=True)
class ProposedActor:
    """An actor the registry lacks, as ingest found it, waiting for a maintainer's review."""
    name: str                   # Arabic, as the text writes it, without the title
    kind: str                   # person | organization | state
    role: str | None = None     # the title phrase that introduced a person

    def as_front_matter(self) -> dict:
        return {"name": self.name, "kind": self.kind, "role": self.role}


@dataclass(frozen=True)
class Tags:
    actors: tuple[str, ...]
    themes: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    proposals: tuple[ProposedActor, ...] = ()   # actors the registry does not know, for the maintainer


@dataclass(frozen=True)
class EntryDate:
    """An entry's date as a maintainer wrote it (EDTF): one date or an interval, perhaps qualified.
    The bounds are partial ISO dates, each at its own precision."""
    text: str                   # as written: 2025-09-23, 2021-03/2023-08, 2024-05?, ../2020-05
    start: str | None           # 2021-03; None when the interval is open at the start (../2020-05)
    end: str | None             # 2023-08; equals start for a single date; None when open at the end
    qualifier: str = ""         # '?' uncertain, '~' approximate, '%' both; '' when certain

    @property
    def key(self) -> str:
        """The bound the entry sorts and is filed by: its start, or its end when the start is open."""
        return self.start or self.end or ""


@dataclass(frozen=True)
class Entry:
    """A curated entry as read from content/entries/<id>.md."""
    id: str
    title: str
    date: str | None              # EDTF as written (mawjaz/entry_dates.py); None only for a draft
    status: str
    source: str | None
    place: str | None
    actors: tuple[str, ...]
    themes: tuple[str, ...]
    summary: str
    body: str                     # Markdown
    seed: str | None = None
    seed_lines: tuple[int, int] | None = None
    story_sha256: str | None = None
    date_note: str | None = None
    path: str = ""                # the file it was read from, for messages
    extra: tuple[tuple[str, object], ...] = ()   # front matter keys later stages own (e.g. statements)
    evidence: tuple[Evidence, ...] = ()  # why ingest tagged it; written as comments for review, not read back
    ingested: tuple[tuple[str, str], ...] = ()   # (field, digest of what ingest wrote): mawjaz.ingested
    proposed_actors: tuple[ProposedActor, ...] = ()  # for review; never shown on the site


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    name_en: str
    kind: str
    aliases: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    unambiguous: bool = False
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    name_en: str
    terms: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()        # weaker words: several together make the theme


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    name_en: str
    url: str | None = None
    signatures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registries:
    actors: tuple[Actor, ...]
    themes: tuple[Theme, ...]
    sources: tuple[Source, ...]
    actor_by_id: dict = field(default_factory=dict, compare=False, hash=False)
    theme_by_id: dict = field(default_factory=dict, compare=False, hash=False)
    source_by_id: dict = field(default_factory=dict, compare=False, hash=False)
    places: tuple[str, ...] = ()        # content/places.yaml: place names ingest looks for in leads
    not_actors: tuple[str, ...] = ()    # content/not_actors.yaml: names reviewed and found not to be actors

    @classmethod
    def of(cls, actors, themes, sources, places=(), not_actors=()) -> "Registries":
        return cls(tuple(actors), tuple(themes), tuple(sources),
                   {a.id: a for a in actors}, {t.id: t for t in themes}, {s.id: s for s in sources},
                   tuple(places), tuple(not_actors))
