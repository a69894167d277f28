"""Match what ingest wrote to the annotated stories and count, field by field, what it got right.

Actors and themes are sets: a hit is an annotated item ingest found, a miss one it did not, a wrong
tag one it wrote that the annotation lacks. An actor proposed by ingest (`proposed_actors`) is
scored by its name: it hits an annotated actor of the same name, or else it is a wrong tag. Titles,
stated dates, sources and places are one value each: a hit or not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from mawjaz.arabic import normalise_for_matching, tokenise

from .annotations import NamedActor, PageAnnotation, StoryAnnotation

TITLE_SIMILARITY = 0.85      # a headline typed by hand may differ from the page by a mark or a space


@dataclass(frozen=True)
class IngestedStory:
    """The front matter of one entry ingest wrote, as far as scoring needs it."""
    id: str
    first_line: int
    last_line: int
    title: str
    date: str | None
    source: str | None
    proposed_source: str | None
    place: str | None
    actors: tuple[str | NamedActor, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Names:
    """Every name a registry id is known by, normalised, to match a name against an id."""
    by_id: dict[str, tuple[str, ...]]

    def of(self, item: str | NamedActor) -> tuple[str, ...]:
        if isinstance(item, NamedActor):
            return (normalise_for_matching(item.name),)
        return self.by_id.get(item, ())


@dataclass
class SetCount:
    hits: int = 0
    misses: int = 0
    wrong: int = 0

    def add(self, other: "SetCount") -> None:
        self.hits, self.misses, self.wrong = self.hits + other.hits, self.misses + other.misses, self.wrong + other.wrong

    @property
    def precision(self) -> float:
        return self.hits / (self.hits + self.wrong) if self.hits + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.hits / (self.hits + self.misses) if self.hits + self.misses else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def count(self, hit: bool) -> None:
        self.hits, self.total = self.hits + hit, self.total + 1


@dataclass
class StoryFindings:
    """What was wrong with one story: empty lists and None mean nothing to say."""
    annotation: StoryAnnotation
    entry: IngestedStory | None
    actors_missed: list = field(default_factory=list)
    actors_wrong: list = field(default_factory=list)
    themes_missed: list = field(default_factory=list)
    themes_wrong: list = field(default_factory=list)
    wrong_values: list = field(default_factory=list)      # (field, got, wanted)


@dataclass
class Scores:
    actors: SetCount = field(default_factory=SetCount)
    themes: SetCount = field(default_factory=SetCount)
    titles: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    sources: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    stories: Tally = field(default_factory=Tally)
    extra_stories: int = 0


def read_ingested(entries_dir: Path) -> dict[str, list[IngestedStory]]:
    """Entries by the page (seed file stem) they came from, in the order of the page."""
    by_page: dict[str, list[IngestedStory]] = {}
    for path in sorted(entries_dir.glob("*.md")):
        matter = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))
        first, last = (matter.get("seed_lines") or [0, 0])[:2]
        proposed = tuple(NamedActor(str(item["name"]), str(item.get("kind", "person")))
                         for item in matter.get("proposed_actors") or () if isinstance(item, dict) and item.get("name"))
        proposed_source = matter.get("proposed_source")
        by_page.setdefault(Path(matter.get("seed", "")).stem, []).append(IngestedStory(
            id=matter["id"], first_line=first, last_line=last, title=str(matter.get("title") or ""),
            date=_text(matter.get("date")), source=matter.get("source"),
            proposed_source=proposed_source.get("name") if isinstance(proposed_source, dict) else None,
            place=_text(matter.get("place")), actors=tuple(matter.get("actors") or ()) + proposed,
            themes=tuple(matter.get("themes") or ())))
    return {page: sorted(stories, key=lambda story: story.first_line) for page, stories in by_page.items()}


def score_page(page: PageAnnotation, ingested: list[IngestedStory], names: Names, scores: Scores) -> list[StoryFindings]:
    pairs = pair_stories(page.stories, ingested)
    scores.extra_stories += len(ingested) - sum(entry is not None for _, entry in pairs)
    return [score_story(annotation, entry, names, scores) for annotation, entry in pairs]


def pair_stories(annotated, ingested):
    """Each annotated story with the entry that holds its headline line (else the next in order)."""
    free, pairs = list(ingested), []
    for annotation in annotated:
        entry = next((e for e in free if annotation.headline_line is not None
                      and e.first_line <= annotation.headline_line <= e.last_line), None)
        if entry is None and free and annotation.headline_line is None:
            entry = free[0]
        if entry is not None:
            free.remove(entry)
        pairs.append((annotation, entry))
    return pairs


def score_story(annotation: StoryAnnotation, entry: IngestedStory | None, names: Names, scores: Scores) -> StoryFindings:
    findings = StoryFindings(annotation, entry)
    scores.stories.count(entry is not None)
    got_actors, got_themes = (entry.actors, entry.themes) if entry else ((), ())
    findings.actors_missed, findings.actors_wrong = _compare(annotation.actors, got_actors, names, scores.actors)
    findings.themes_missed, findings.themes_wrong = _compare(annotation.themes, got_themes, Names({}), scores.themes)
    for name, tally, got, wanted, hit in _single_values(annotation, entry, names):
        tally_of = getattr(scores, tally)
        tally_of.count(hit)
        if not hit:
            findings.wrong_values.append((name, got, wanted))
    return findings


def _single_values(annotation: StoryAnnotation, entry: IngestedStory | None, names: Names):
    title, date = (entry.title, entry.date) if entry else (None, None)
    if annotation.headline and annotation.headline_line is not None:   # a page may give no headline
        yield "title", "titles", title, annotation.headline, same_headline(title, annotation.headline)
    if annotation.date_stated and annotation.date:
        yield "date", "dates", date, annotation.date, date == annotation.date
    if annotation.source is not None:
        got = (entry.source or entry.proposed_source) if entry else None
        yield "source", "sources", got, _shown(annotation.source), _same_source(entry, annotation.source, names)
    if annotation.place:
        got = entry.place if entry else None
        yield "place", "places", got, annotation.place, _same_name(got, annotation.place)


def _compare(wanted, got, names: Names, count: SetCount):
    """Greedy one-to-one matching; returns (missed, wrong) and adds to the count."""
    unmatched = list(got)
    missed = []
    for item in wanted:
        match = next((candidate for candidate in unmatched if _same_actor(item, candidate, names)), None)
        if match is None:
            missed.append(_shown(item))
        else:
            unmatched.remove(match)
    hits = len(wanted) - len(missed)
    count.add(SetCount(hits, len(missed), len(unmatched)))
    return missed, [_shown(item) for item in unmatched]


def _same_actor(wanted, got, names: Names) -> bool:
    if isinstance(wanted, str) and isinstance(got, str):
        return wanted == got
    return any(_names_agree(a, b) for a in names.of(wanted) for b in names.of(got))


def _names_agree(a: str, b: str) -> bool:
    """Equal, or one name is the other with a first name or a title more: all of the shorter's words, two at least."""
    if a == b:
        return True
    short, long = sorted((tokenise(a), tokenise(b)), key=len)
    return len(short) >= 2 and set(short) <= set(long)


def _same_source(entry: IngestedStory | None, wanted, names: Names) -> bool:
    if entry is None:
        return False
    if isinstance(wanted, str):
        return entry.source == wanted
    got = [entry.source] if entry.source else []
    got += [NamedActor(entry.proposed_source, "organization")] if entry.proposed_source else []
    return any(_same_actor(wanted, item, names) for item in got)


def _same_name(got: str | None, wanted: str) -> bool:
    return got is not None and normalise_for_matching(got) == normalise_for_matching(wanted)


def same_headline(got: str | None, wanted: str) -> bool:
    if not got:
        return False
    a, b = (" ".join(tokenise(text)) for text in (got, wanted))
    return a == b or SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY


def _shown(item) -> str:
    return item.name if isinstance(item, NamedActor) else str(item)


def _text(value) -> str | None:
    return None if value is None else str(value)
