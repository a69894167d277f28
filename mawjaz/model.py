"""The data passed forward through the pipeline: frozen dataclasses only, no I/O."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:        # for the annotation only: the model imports nothing of ours
    from .config import Config

ENTRY_STATUSES = ("published", "draft", "rejected")
ACTOR_KINDS = ("person", "organization", "state")
MATRIX_ACTORS = 15          # rows of the actor × theme table on the themes page


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
    ingested: tuple[tuple[str, str], ...] = ()   # (field, digest of what ingest wrote): mawjaz.entries.ingested
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


@dataclass(frozen=True)
class Statement:
    actor: str | None
    text: str
    kind: str                   # QUOTE | REPORTED

    def as_front_matter(self) -> dict:
        return {"actor": self.actor, "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class SiteModel:
    config: Config
    registries: Registries
    entries: tuple[Entry, ...]       # published (and drafts with --drafts), newest first
    by_actor: dict = field(default_factory=dict, compare=False)    # actor id → entries, newest first
    by_theme: dict = field(default_factory=dict, compare=False)
    by_source: dict = field(default_factory=dict, compare=False)
    by_year: dict = field(default_factory=dict, compare=False)     # "2025" → entries; newest year first
    related: dict = field(default_factory=dict, compare=False)     # entry id → related entries
    older: dict = field(default_factory=dict, compare=False)       # entry id → the entry before it, or None
    newer: dict = field(default_factory=dict, compare=False)
    co_actors: dict = field(default_factory=dict, compare=False)   # actor id → ((Actor, shared count), …)
    actor_themes: dict = field(default_factory=dict, compare=False)   # actor id → ((Theme, count), …)
    theme_actors: dict = field(default_factory=dict, compare=False)   # theme id → ((Actor, count), …)
    active_actors: tuple = ()        # ((Actor, count), …) over the last config.home_months months
    active_themes: tuple = ()
    networks: dict = field(default_factory=dict, compare=False)    # "" | year | kind slug → network.Network
    statements: dict = field(default_factory=dict, compare=False)  # entry id → (Statement, …) as written
    said: dict = field(default_factory=dict, compare=False)        # actor id → ((Statement, Entry), …) newest first
    same_event: dict = field(default_factory=dict, compare=False)  # entry id → other outlets' entries of its event
    search_shards: tuple = ()        # the search index's shards, in the order the search page merges them

    def actors_of(self, entry: Entry) -> list[Actor]:
        return [self.registries.actor_by_id[i] for i in entry.actors if i in self.registries.actor_by_id]

    def themes_of(self, entry: Entry) -> list[Theme]:
        return [self.registries.theme_by_id[i] for i in entry.themes if i in self.registries.theme_by_id]

    def affiliates(self, actor_id: str) -> list[Actor]:
        """Actors whose affiliation is `actor_id` and who appear in shown entries, most entries first."""
        return most_listed([a for a in self.registries.actors if a.affiliation == actor_id], self.by_actor)

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors with at least one entry, grouped by kind, most entries first."""
        groups = [(kind, most_listed([a for a in self.registries.actors if a.kind == kind], self.by_actor))
                  for kind in ACTOR_KINDS]
        return [(kind, actors) for kind, actors in groups if actors]

    def shown_themes(self) -> list[Theme]:
        return most_listed(self.registries.themes, self.by_theme)

    def shown_sources(self) -> list:
        return most_listed(self.registries.sources, self.by_source)

    def theme_matrix(self) -> tuple[list[Actor], list[Theme], dict]:
        """The most active actors × the shown themes, and entries per (actor id, theme id)."""
        actors = most_listed(self.registries.actors, self.by_actor)[:MATRIX_ACTORS]
        counts = {(a.id, theme): n for a in actors
                  for theme, n in tag_counts(self.by_actor[a.id], lambda e: e.themes).items()}
        return actors, self.shown_themes(), counts


def most_listed(items, groups: dict) -> list:
    """The items that have entries in `groups`, most entries first, then by name and id."""
    return sorted((item for item in items if item.id in groups),
                  key=lambda item: (-len(groups[item.id]), item.name, item.id))


def tag_counts(entries, tags_of) -> Counter:
    counts: Counter = Counter()
    for entry in entries:
        counts.update(set(tags_of(entry)))
    return counts
