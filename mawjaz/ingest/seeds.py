"""Seeds → new entries: read each seed, clean it, split it into stories, extract and tag each story.

    read_seed → clean_lines (CLEANERS) → split_stories → extract_* → tag_story → entry

Only new stories become entries (mawjaz.ingest.curation); the caller writes them with
entries.write_new_entries. Actors the registry lacks go into the new entry as `proposed_actors`
(mawjaz.ingest.proposals), where the entry's loader warns about them until they are reviewed.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..arabic import tokenise, tokenise_with_spans
from ..entries import report_proposal
from ..errors import Problems
from ..model import Entry, RawStory, Registries, Story, Tags
from .cleaning import Line, clean_lines
from .curation import CHANGED, KNOWN, Curated
from .extract import extract_date, extract_place, extract_summary, extract_title, lead_paragraph
from .gazetteer import Gazetteer, actors_named, build_gazetteer, find_matches, named_actors, tag_story
from .proposals import Rules, build_rules, find_proposals
from .seedfile import read_seed
from .sources import SourceMatcher, build_source_matcher, extract_source
from .statements import Mention, extract_statements
from .stories import StoryLines, split_stories

MAX_ID_ACTORS = 2
MAX_ID_LENGTH = 60
_MARKDOWN_START = re.compile(r"^(#|>|[*+-] |\d+[.)] |=+$|-+$)")


@dataclass(frozen=True)
class IngestResult:
    seeds_read: int
    stories_found: int
    new_entries: tuple[Entry, ...]
    changed_kept: int = 0              # stories whose seed changed a little: the entry was kept
    proposal_lines: tuple = ()         # (seed path, line) of each new entry's proposals, in order


@dataclass(frozen=True)
class Context:
    """What every story of a run is read with."""
    registries: Registries
    gazetteer: Gazetteer
    places: dict                       # normalised tokens → the place as written
    sources: SourceMatcher
    default_status: str
    proposals: Rules


def ingest_seeds(seeds_dir: Path, registries: Registries, existing: list[Entry], default_status: str,
                 problems: Problems, reporter=None) -> IngestResult:
    if not seeds_dir.is_dir():
        problems.error(seeds_dir, None, "seeds folder not found", "create it, or pass --seeds DIR")
        return IngestResult(0, 0, ())
    context = make_context(registries, default_status)
    curated, seeds = Curated(existing), sorted(seeds_dir.glob("*.txt"))
    new, found, changed, proposal_lines = [], 0, 0, []
    for done, path in enumerate(seeds, 1):
        text = read_seed(path, problems, seeds_dir)
        page = clean_lines(text) if text is not None else ()
        stories = split_page(page, context)
        if text is not None and not stories:
            report_no_story(path, text, problems)
        previous_end = 0
        for story_lines in stories:
            found += 1
            story, tags = read_story(path.name, story_lines, page, context, previous_end)
            previous_end = story_lines.last_line
            verdict = curated.judge(story.raw, body_markdown(story.paragraphs))
            if verdict.status == CHANGED:
                changed += 1
                report_changed_seed(path, story, verdict, problems)
            elif verdict.status != KNOWN:
                entry = make_entry(story, tags, curated.ids, context.default_status, find_statements(story, context))
                curated.record(entry)
                new.append(entry)
                proposal_lines.append(tuple((path, proposal_line(story_lines, p.name)) for p in tags.proposals))
        if reporter is not None:
            reporter.progress("Ingest seeds", done, len(seeds))
    return IngestResult(len(seeds), found, tuple(new), changed, tuple(proposal_lines))


def report_no_story(path: Path, text: str, problems: Problems) -> None:
    if not text.strip():
        problems.warning(path, None, "seed is empty", "paste the article's text into it, or remove the file")
    else:
        problems.warning(path, None, "no story found: the page holds only its furniture (menus, share bars, "
                         "related links) or headlines without text",
                         "check that the seed holds the article's text; remove the file if it does not")


def todays_entries(path: Path, seeds_dir: Path, context: Context, problems: Problems) -> list[Entry]:
    """What ingest makes today of each story in one seed, ids not allotted: refresh compares with it."""
    text = read_seed(path, problems, seeds_dir)
    page = clean_lines(text) if text is not None else ()
    made, previous_end = [], 0
    for story_lines in split_page(page, context):
        story, tags = read_story(path.name, story_lines, page, context, previous_end)   # as ingest reads it
        previous_end = story_lines.last_line
        made.append(make_entry(story, tags, set(), context.default_status, find_statements(story, context)))
    return made


def make_context(registries: Registries, default_status: str) -> Context:
    places = {tuple(tokenise(place)): place for place in registries.places if tokenise(place)}
    gazetteer = build_gazetteer(registries, registries.not_actors)
    return Context(registries, gazetteer, places, build_source_matcher(registries), default_status,
                   build_rules(gazetteer, registries.places))


def split_page(page: tuple[Line, ...], context: Context) -> list[StoryLines]:
    def actors_in(paragraph: str) -> set:
        return actors_named(context.gazetteer, paragraph)
    place_names = frozenset(" ".join(key) for key in context.places)
    return split_stories(page, actors_in, place_names)


def read_story(seed: str, story_lines: StoryLines, page: tuple[Line, ...], context: Context,
               previous_end: int = 0) -> tuple[Story, Tags]:
    """One story; `previous_end` is the last line of the story before it on the page (0 for the first)."""
    place_names = frozenset(" ".join(key) for key in context.places)
    lead = lead_paragraph(story_lines.paragraphs, place_names)
    title = extract_title(story_lines.headline, lead, place_names)
    head = tuple(line for line in page if previous_end < line.number < story_lines.first_line)
    date, date_note = extract_date(story_lines.lines, lead, place_names, head, page if previous_end == 0 else ())
    source = extract_source(story_lines.lines, page, context.sources, place_names, headline=story_lines.headline)
    raw_lines = tuple(line.raw for line in story_lines.lines)
    raw = RawStory(seed, story_lines.first_line, story_lines.last_line, raw_lines,
                   hashlib.sha256("\n".join(raw_lines).encode("utf-8")).hexdigest())
    story = Story(raw=raw, title=title, paragraphs=tuple(p.text for p in story_lines.paragraphs), date=date,
                  date_note=date_note, place=extract_place(story_lines.paragraphs, lead, context.places, story_lines.lines),
                  source=source.id, summary=extract_summary(lead, place_names), proposed_source=source.proposed)
    # A title made from the lead repeats the lead's words (cut short): only a real headline is tagged.
    headline = story_lines.headline.text if story_lines.headline else ""
    year = int(date[:4]) if date else None
    paragraphs = (headline, *story.paragraphs)
    found = find_matches(context.gazetteer.actors, paragraphs)   # once, for the tags and the proposals
    tags = tag_story(context.gazetteer, paragraphs, year, found)
    proposals = find_proposals(context.proposals, context.gazetteer, paragraphs, year, found)
    return story, replace(tags, proposals=proposals)


def make_entry(story: Story, tags: Tags, taken_ids: set, default_status: str, statements: tuple = ()) -> Entry:
    return Entry(id=make_entry_id(story.date, tags.actors, taken_ids), title=story.title, date=story.date,
                 status=default_status if story.date else "draft", source=story.source, place=story.place,
                 actors=tags.actors, themes=tags.themes, summary=story.summary,
                 body=body_markdown(story.paragraphs), seed=story.raw.seed,
                 seed_lines=(story.raw.first_line, story.raw.last_line), story_sha256=story.raw.sha256,
                 date_note=story.date_note, evidence=tags.evidence, proposed_actors=tags.proposals,
                 extra=entry_extras(story, statements))


def entry_extras(story: Story, statements: tuple) -> tuple:
    """The front matter keys of later stages, in the order the loader keeps them (sorted)."""
    extras = {"statements": [s.as_front_matter() for s in statements] if statements else None,
              "proposed_source": {"name": story.proposed_source} if story.proposed_source else None}
    return tuple(sorted((key, value) for key, value in extras.items() if value is not None))


def find_statements(story: Story, context: Context) -> tuple:
    """Who said what (mawjaz.ingest.statements), with speakers found by the gazetteer's own rules."""
    def mentions(paragraphs: list[str]) -> list[list[Mention]]:
        found: list[list[Mention]] = [[] for _ in paragraphs]
        spans = [tokenise_with_spans(paragraph) for paragraph in paragraphs]
        for match in named_actors(context.gazetteer, tuple(paragraphs)):
            where = spans[match.paragraph]
            found[match.paragraph].append(Mention(where[match.start][1], where[match.end - 1][2],
                                                  match.phrase.target, match.phrase.person))
        return found
    return tuple(extract_statements(list(story.paragraphs), mentions))


def make_entry_id(date: str | None, actors: tuple[str, ...], taken: set) -> str:
    """'2025-09-24-united-states-unsmil'; 'undated-…' without a date; -2, -3 … when taken. ASCII only."""
    words = "-".join(actors[:MAX_ID_ACTORS]) or "story"
    base = f"{date or 'undated'}-{words}"[:MAX_ID_LENGTH].rstrip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def body_markdown(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs as Markdown, a backslash before anything Markdown would read as a heading or a list."""
    return "\n\n".join(("\\" + p) if _MARKDOWN_START.match(p) else p for p in paragraphs) + "\n"


# ---------------------------------------------------------------- messages for the maintainer


def report_changed_seed(path: Path, story: Story, verdict, problems: Problems) -> None:
    entry = verdict.entry
    problems.warning(path, story.raw.first_line,
                     f"seed changed, entry kept: the story on lines {story.raw.first_line}–{story.raw.last_line} "
                     f"is {verdict.similarity:.0%} like entry '{entry.id}', which is left as it is",
                     f"if the change matters, edit {Path(entry.path).name or entry.id + '.md'} by hand; then set "
                     f"'story_sha256: {story.raw.sha256}' in it to record that the change was seen")


def proposal_line(story_lines: StoryLines, name: str) -> int:
    """The seed line where a proposed name first stands (the story's first line if it is split)."""
    return next((line.number for line in story_lines.lines if name in line.text), story_lines.first_line)


def report_new_proposals(result: IngestResult, problems: Problems) -> None:
    """For a run that does not write the new entries (check): their proposals, at their seed lines."""
    for entry, lines in zip(result.new_entries, result.proposal_lines):
        for proposal, (path, line) in zip(entry.proposed_actors, lines):
            report_proposal(problems, path, line, proposal)
