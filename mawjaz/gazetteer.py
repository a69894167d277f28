"""Registries → a matcher; tag a story with actors and themes, keeping the words that matched.

Matching is on normalised tokens (mawjaz.arabic): a registry phrase matches where its first token
equals one of the clitic-stripped stems of a story token (لحفتر → حفتر, للأمم المتحدة → الأمم المتحدة)
and its other tokens follow exactly. The longest phrase wins. Precision rules:
- a short name ("خوري") counts only when the story also names the actor in full, or the registry
  marks the actor `unambiguous`;
- a state's adjective ("الأمريكية") counts, except where it describes a person's nationality
  ("تعيين الأمريكية ستيفاني ويليامز"): directly before a person's name and not after a title.
Actors the registry does not know are proposed by mawjaz/proposals.py, which reads `known_names`
(every registry name, and the names of content/not_actors.yaml) to leave them out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import boilerplate as patterns
from .arabic import ARTICLE, MIN_STEM_LETTERS, normalise_for_matching, strip_clitics, tokenise, tokenise_with_spans
from .model import Evidence, Registries, Tags

FULL, SHORT, ADJECTIVE, TERM = "full", "short", "adjective", "term"
THEME_PARAGRAPHS = 3           # a theme named once counts when it is in the headline (0) or paragraphs 1–3
_BACKGROUND_OPENERS = tuple(tuple(tokenise(p)) for p in patterns.BACKGROUND_OPENERS)
_BACKGROUND_WORDS = frozenset(token for w in patterns.BACKGROUND_WORDS for token in tokenise(w)
                              if len(tokenise(w)) == 1)
_BACKGROUND_YEAR_CUES = frozenset(normalise_for_matching(w) for w in patterns.BACKGROUND_YEAR_CUES)
TITLE_WINDOW = 3               # 'الخاصة للأمين العام للأمم المتحدة': the office is up to 3 words after 'الخاصة'


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]
    target: str                 # actor or theme id
    strength: str               # FULL | SHORT | ADJECTIVE | TERM
    person: bool = False


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    paragraph: int
    start: int                  # token positions in the paragraph, end exclusive
    end: int
    surface: str                # the words as the story writes them


@dataclass(frozen=True)
class Gazetteer:
    actors: dict = field(compare=False)        # first token → phrases, longest first
    themes: dict = field(compare=False)
    unambiguous: frozenset = frozenset()
    known_names: frozenset = frozenset()       # normalised names of actors and reviewed non-actors
    titles: frozenset = frozenset()
    title_complements: frozenset = frozenset()


def build_gazetteer(registries: Registries, not_actors: tuple[str, ...] = ()) -> Gazetteer:
    actor_phrases, theme_phrases = [], []
    for actor in registries.actors:
        person = actor.kind == "person"
        for names, strength in (((actor.name, *actor.aliases), FULL), (actor.short_names, SHORT),
                                (actor.adjectives, ADJECTIVE)):
            actor_phrases += [Phrase(tuple(tokenise(name)), actor.id, strength, person) for name in names]
    for theme in registries.themes:
        theme_phrases += [Phrase(tuple(tokenise(term)), theme.id, TERM) for term in (theme.name, *theme.terms)]
    known = {" ".join(p.tokens) for p in actor_phrases} | {normalise_for_matching(n) for n in not_actors}
    return Gazetteer(_index(actor_phrases), _index(theme_phrases),
                     frozenset(a.id for a in registries.actors if a.unambiguous), frozenset(known),
                     frozenset(normalise_for_matching(t) for t in patterns.PERSON_TITLES),
                     frozenset(normalise_for_matching(w) for w in patterns.TITLE_COMPLEMENTS))


def _index(phrases: list[Phrase]) -> dict:
    """First token → phrases. A first token with the article is also found without it:
    'الانتخابات' matches 'انتخابات' and 'لانتخابات'."""
    index: dict = {}
    for phrase in phrases:
        if phrase.tokens:
            for key in _first_token_keys(phrase.tokens[0]):
                index.setdefault(key, []).append(phrase)
    for bucket in index.values():
        bucket.sort(key=lambda p: (-len(p.tokens), p.strength != FULL, p.target))
    return index


def _first_token_keys(token: str) -> tuple[str, ...]:
    if token.startswith(ARTICLE) and len(token) - len(ARTICLE) >= MIN_STEM_LETTERS + 1:
        return (token, token[len(ARTICLE):])
    return (token,)


# ---------------------------------------------------------------- matching


def find_matches(index: dict, paragraphs: tuple[str, ...]) -> list[Match]:
    matches = []
    for number, text in enumerate(paragraphs):
        spans = tokenise_with_spans(text)
        tokens = [token for token, _, _ in spans]
        position = 0
        while position < len(tokens):
            phrase = _longest_phrase_at(index, tokens, position)
            if phrase is None:
                position += 1
                continue
            end = position + len(phrase.tokens)
            matches.append(Match(phrase, number, position, end, text[spans[position][1]:spans[end - 1][2]]))
            position = end
    return matches


def _longest_phrase_at(index: dict, tokens: list[str], position: int) -> Phrase | None:
    best = None
    for stem in strip_clitics(tokens[position]):
        for phrase in index.get(stem, ()):
            size = len(phrase.tokens)
            if tuple(tokens[position + 1:position + size]) == phrase.tokens[1:]:
                if best is None or size > len(best.tokens):
                    best = phrase
                break   # phrases are sorted longest first: the first fit is this stem's best
    return best


def actors_named(gazetteer: Gazetteer, text: str) -> set[str]:
    """The actors one paragraph names (no background or candidate analysis: for splitting a page)."""
    return {m.phrase.target for m in _precise(gazetteer, find_matches(gazetteer.actors, (text,)), (text,))}


def named_actors(gazetteer: Gazetteer, paragraphs: tuple[str, ...]) -> list[Match]:
    """Every actor named in the paragraphs under the precision rules, where it stands (for statements)."""
    return [m for m in _precise(gazetteer, find_matches(gazetteer.actors, paragraphs), paragraphs)
            if m.phrase.strength != ADJECTIVE]


def tag_story(gazetteer: Gazetteer, paragraphs: tuple[str, ...], year: int | None = None,
              found: list[Match] | None = None) -> Tags:
    """Actors and themes in order of first mention, and the evidence for each.

    `paragraphs[0]` is the headline ("" when there is none); `year` is the story's, when known; `found`
    is find_matches(gazetteer.actors, paragraphs) when the caller has it already.
    """
    found = find_matches(gazetteer.actors, paragraphs) if found is None else found
    background = background_paragraphs(paragraphs, year)
    foreground = {m.phrase.target for m in found if m.paragraph not in background}
    actor_matches = [m for m in _precise(gazetteer, found, paragraphs) if m.phrase.target in foreground]
    theme_matches = _main_themes(find_matches(gazetteer.themes, paragraphs))
    evidence = _first_per_target(actor_matches) + _first_per_target(theme_matches)
    return Tags(actors=tuple(e.id for e in _first_per_target(actor_matches)),
                themes=tuple(e.id for e in _first_per_target(theme_matches)),
                evidence=tuple(evidence))


def _main_themes(matches: list[Match]) -> list[Match]:
    """A theme counts when the headline or the first paragraphs name it, or the story names it twice."""
    counts: dict[str, int] = {}
    for match in matches:
        counts[match.phrase.target] = counts.get(match.phrase.target, 0) + 1
    leading = {m.phrase.target for m in matches if m.paragraph <= THEME_PARAGRAPHS}
    return [m for m in matches if m.phrase.target in leading or counts[m.phrase.target] >= 2]


def background_paragraphs(paragraphs: tuple[str, ...], year: int | None) -> set[int]:
    """Paragraphs that recall the past: 'يشار إلى أن…', 'عملت سابقًا…', 'منذ … في 2011' (before the story's year)."""
    found = set()
    for number, text in enumerate(paragraphs[2:], start=2):   # the headline and the lead are the story
        tokens = tokenise(text)
        if _opens_with(tokens, _BACKGROUND_OPENERS) or set(tokens) & _BACKGROUND_WORDS \
                or any(_earlier_year(tokens[i + 1], year) for i, token in enumerate(tokens[:-1])
                       if token in _BACKGROUND_YEAR_CUES):
            found.add(number)
    return found


def _opens_with(tokens: list[str], openers: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(tokens[:len(opener)]) == opener for opener in openers)


def _earlier_year(token: str, year: int | None) -> bool:
    if not (len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")):
        return False
    return year is None or int(token) < year


def _first_per_target(matches: list[Match]) -> list[Evidence]:
    first: dict[str, Evidence] = {}
    for match in sorted(matches, key=lambda m: (m.paragraph, m.start)):
        first.setdefault(match.phrase.target, Evidence(match.phrase.target, match.surface, match.paragraph))
    return list(first.values())


def _precise(gazetteer: Gazetteer, matches: list[Match], paragraphs: tuple[str, ...]) -> list[Match]:
    named_in_full = {m.phrase.target for m in matches if m.phrase.strength == FULL}
    kept = []
    for match in matches:
        if match.phrase.strength == SHORT and not (match.phrase.target in named_in_full
                                                   or match.phrase.target in gazetteer.unambiguous):
            continue
        if match.phrase.strength == ADJECTIVE and _describes_a_person(gazetteer, match, matches, paragraphs):
            continue
        if _inside_a_title(gazetteer, match, paragraphs):
            continue
        kept.append(match)
    return kept


def _describes_a_person(gazetteer: Gazetteer, adjective: Match, matches: list[Match], paragraphs) -> bool:
    """'الأمريكية ستيفاني ويليامز': a nationality before a name, unless a title precedes ('الرئيس الفرنسي')."""
    follows = any(m.paragraph == adjective.paragraph and m.start == adjective.end and m.phrase.person
                  for m in matches)
    if not follows:
        return False
    tokens = tokenise(paragraphs[adjective.paragraph])
    before = tokens[adjective.start - 1] if adjective.start else ""
    return not (set(strip_clitics(before)) & gazetteer.titles)


def _inside_a_title(gazetteer: Gazetteer, match: Match, paragraphs) -> bool:
    """'الممثلة الخاصة للأمين العام للأمم المتحدة هانا تيتيه': the office is part of her title, not an actor."""
    if match.start == 0 or match.phrase.person:
        return False
    before = tokenise(paragraphs[match.paragraph])[max(0, match.start - TITLE_WINDOW):match.start]
    return bool(set(before) & gazetteer.title_complements)
