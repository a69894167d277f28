"""Registries → a matcher; tag a story with actors and themes, keeping the words that matched.

Matching is on normalised tokens (mawjaz.arabic): a registry phrase matches where its first token
equals one of the clitic-stripped stems of a story token (لحفتر → حفتر, للأمم المتحدة → الأمم المتحدة)
and its other tokens follow exactly. The longest phrase wins. Precision rules:
- a short name ("خوري") counts only when the story also names the actor in full, or the registry
  marks the actor `unambiguous`;
- a state's adjective ("الأمريكية") counts, except where it describes a person's nationality
  ("تعيين الأمريكية ستيفاني ويليامز"): directly before a person's name and not after a title.
Actors the registry does not know are proposed by mawjaz/ingest/proposals.py, which reads `known_names`
(every registry name, and the names of content/not_actors.yaml) to leave them out.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache

from ..arabic import ARTICLE, MIN_STEM_LETTERS, normalise_for_matching, strip_clitics, tokenise, tokenise_with_spans
from ..model import Evidence, Registries, Tags
from . import boilerplate as patterns
from .actor_policy import apply_actor_policy
from .dates import MONTH_NAMES, WEEKDAYS
from .name_shapes import punctuation_between

FULL, SHORT, ADJECTIVE, TERM, HINT = "full", "short", "adjective", "term", "hint"
THEME_PARAGRAPHS = 3           # the lead: the first three paragraphs that are sentences, after the headline (0)
# What one theme word weighs, by where it stands: (a term, a hint). A theme counts from 1.0: one
# term in the headline or the lead, a term twice later, or hints together (two in the lead).
THEME_WEIGHTS = {"headline": (1.0, 0.6), "lead": (1.0, 0.5), "rest": (0.5, 0.25)}
THEME_THRESHOLD = 1.0
HINTS_SHOWN = 3
LEAD_SENTENCE_WORDS = 8    # fewer words: a caption, a label, a counter, not a paragraph of the story
_BACKGROUND_OPENERS = tuple(tuple(tokenise(p)) for p in patterns.BACKGROUND_OPENERS)
_BACKGROUND_WORDS = frozenset(token for w in patterns.BACKGROUND_WORDS for token in tokenise(w)
                              if len(tokenise(w)) == 1)
_MIDWAY_OPENERS: dict[str, list] = {}         # first word → the openers of two words or more it starts
for _opener in _BACKGROUND_OPENERS:
    if len(_opener) >= 2:
        _MIDWAY_OPENERS.setdefault(_opener[0], []).append(_opener)
_PAST_PERFECT_OPENERS = tuple(tuple(tokenise(p)) for p in patterns.PAST_PERFECT_OPENERS)
_RECENT_DAYS = frozenset(normalise_for_matching(w) for w in (*patterns.RECENT_DAY_WORDS, *WEEKDAYS))
_BACKGROUND_YEAR_CUES = frozenset(normalise_for_matching(w) for w in patterns.BACKGROUND_YEAR_CUES)
MONTH_WORDS = tuple(name for names in MONTH_NAMES.values() for name in names if " " not in name)
_PAST_MARKERS = frozenset(normalise_for_matching(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة"))
_PAST_UNITS = frozenset(normalise_for_matching(w) for w in (*MONTH_WORDS, "العام", "السنة", "الشهر", "عام", "سنة"))
DATE_SPAN = 3                  # 'في 31 مارس 2020': the year up to three words after its cue
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


class PhraseIndex(dict):
    """First token → phrases, and the matches of every paragraph already read: ingest matches the same
    paragraph to split the page, to tag the story, for its statements and for its proposals."""

    def __init__(self):
        super().__init__()
        self.read: dict[str, tuple[Match, ...]] = {}
        self.starting: dict[str, tuple[list[Phrase], ...]] = {}

    def phrases_at(self, token: str) -> tuple[list[Phrase], ...]:
        """The phrases of each stem of `token` that starts any, in the order of strip_clitics.

        Remembered for every word read (the index is complete once built): most words of a page
        start no phrase, and the same words recur on every page."""
        found = self.starting.get(token)
        if found is None:
            found = self.starting[token] = tuple(self[stem] for stem in strip_clitics(token) if stem in self)
        return found


@dataclass(frozen=True)
class Gazetteer:
    actors: PhraseIndex = field(compare=False)        # first token → phrases, longest first
    themes: PhraseIndex = field(compare=False)
    unambiguous: frozenset = frozenset()
    known_names: frozenset = frozenset()       # normalised names of actors and reviewed non-actors
    titles: frozenset = frozenset()
    not_name_words: frozenset = frozenset()
    title_complements: frozenset = frozenset()
    kinds: dict = field(default_factory=dict, compare=False)          # actor id → person | organization | state
    affiliations: dict = field(default_factory=dict, compare=False)   # actor id → the id it belongs to
    outlets: PhraseIndex = field(default_factory=PhraseIndex, compare=False)   # outlets' names (sources.yaml)
    places: frozenset = frozenset()                                   # content/places.yaml, normalised


def build_gazetteer(registries: Registries, not_actors: tuple[str, ...] = ()) -> Gazetteer:
    actor_phrases, theme_phrases = [], []
    for actor in registries.actors:
        person = actor.kind == "person"
        for names, strength in (((actor.name, *actor.aliases), FULL), (actor.short_names, SHORT),
                                (actor.adjectives, ADJECTIVE)):
            actor_phrases += [Phrase(tuple(tokenise(name)), actor.id, strength, person) for name in names]
    for theme in registries.themes:
        theme_phrases += [Phrase(tuple(tokenise(term)), theme.id, TERM) for term in (theme.name, *theme.terms)]
        theme_phrases += [Phrase(tuple(tokenise(hint)), theme.id, HINT) for hint in theme.hints]
    known = {" ".join(p.tokens) for p in actor_phrases} | {normalise_for_matching(n) for n in not_actors}
    return Gazetteer(_index(actor_phrases), _index(theme_phrases),
                     frozenset(a.id for a in registries.actors if a.unambiguous), frozenset(known),
                     frozenset(normalise_for_matching(t) for t in patterns.PERSON_TITLES),
                     frozenset(normalise_for_matching(w) for w in patterns.NOT_NAME_WORDS + registries.places),
                     frozenset(normalise_for_matching(w) for w in patterns.TITLE_COMPLEMENTS),
                     {a.id: a.kind for a in registries.actors},
                     {a.id: a.affiliation for a in registries.actors if a.affiliation},
                     _index([Phrase(tuple(tokenise(name)), source.id, TERM) for source in registries.sources
                             for name in (source.name, *source.signatures) if tokenise(name)]),
                     frozenset(normalise_for_matching(place) for place in registries.places))


def _index(phrases: list[Phrase]) -> PhraseIndex:
    """First token → phrases. A first token with the article is also found without it:
    'الانتخابات' matches 'انتخابات' and 'لانتخابات'."""
    index = PhraseIndex()
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


def find_matches(index: PhraseIndex, paragraphs: tuple[str, ...]) -> list[Match]:
    matches = []
    for number, text in enumerate(paragraphs):
        if text not in index.read:
            index.read[text] = _paragraph_matches(index, text)
        matches += [Match(m.phrase, number, m.start, m.end, m.surface) for m in index.read[text]]
    return matches


def _paragraph_matches(index: PhraseIndex, text: str) -> tuple[Match, ...]:
    """The matches of one paragraph, numbered 0."""
    spans = tokenise_with_spans(text)
    tokens = [token for token, _, _ in spans]
    matches, position = [], 0
    while position < len(tokens):
        phrase, size = _longest_phrase_at(index, tokens, position)
        if phrase is None or (size > len(phrase.tokens) and _stop_inside(text, spans, position, size)):
            position += 1
            continue
        end = position + size
        matches.append(Match(phrase, 0, position, end, text[spans[position][1]:spans[end - 1][2]]))
        position = end
    return tuple(matches)


def _longest_phrase_at(index: PhraseIndex, tokens: list[str], position: int) -> tuple[Phrase | None, int]:
    stems_phrases = index.phrases_at(tokens[position])
    if not stems_phrases:
        return None, 0      # no phrase starts here, with a middle name or without
    best = None
    for phrases in stems_phrases:
        for phrase in phrases:
            size = len(phrase.tokens)
            if tuple(tokens[position + 1:position + size]) == phrase.tokens[1:]:
                if best is None or size > len(best.tokens):
                    best = phrase
                break   # phrases are sorted longest first: the first fit is this stem's best
    if best is None:
        return _with_a_middle_name(stems_phrases, tokens, position)
    return best, len(best.tokens)


def _with_a_middle_name(stems_phrases: tuple[list[Phrase], ...], tokens: list[str],
                        position: int) -> tuple[Phrase | None, int]:
    """'الصديق عمر الكبير', 'خليفة بلقاسم حفتر': a person's first and family name with the father's
    name between them, as Libyan and other Arab pages often write it."""
    if position + 2 >= len(tokens) or not _middle_name_like(tokens[position + 1]):
        return None, 0
    for phrases in stems_phrases:
        for phrase in phrases:
            if phrase.person and phrase.strength == FULL and len(phrase.tokens) == 2 \
                    and tokens[position + 2] == phrase.tokens[1]:
                return phrase, 3
    return None, 0


def _middle_name_like(token: str) -> bool:
    return len(token) >= 3 and not token.startswith(ARTICLE) and not token.isdigit() and token[:1] not in "وفبل"


def _stop_inside(text: str, spans, position: int, size: int) -> bool:
    return any(punctuation_between(text, spans, p) for p in range(position + 1, position + size))


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
    background = background_sentences(paragraphs, year)
    in_foreground = [m for m in _precise(gazetteer, found, paragraphs) if not _in_background(m, background)]
    actor_matches = apply_actor_policy(gazetteer, in_foreground, paragraphs, find_matches(gazetteer.outlets, paragraphs))
    theme_matches = _main_themes([m for m in find_matches(gazetteer.themes, paragraphs) if not _in_background(m, background)],
                                 lead_paragraphs(paragraphs))
    evidence = _first_per_target(actor_matches) + _theme_evidence(theme_matches)
    return Tags(actors=tuple(e.id for e in _first_per_target(actor_matches)),
                themes=tuple(e.id for e in _first_per_target(theme_matches)),
                evidence=tuple(evidence))


def _main_themes(matches: list[Match], lead: dict[int, int]) -> list[Match]:
    """The matches of the themes whose words weigh enough (THEME_WEIGHTS), each word once per paragraph."""
    weights: dict[str, float] = {}
    for match in {(m.phrase, m.paragraph): m for m in matches}.values():
        weights[match.phrase.target] = weights.get(match.phrase.target, 0.0) + theme_weight(match, lead)
    return [m for m in matches if weights[m.phrase.target] >= THEME_THRESHOLD]


def lead_paragraphs(paragraphs: tuple[str, ...]) -> dict[int, int]:
    """Paragraph number → its place in the lead (1 to THEME_PARAGRAPHS), counting only paragraphs
    that are sentences: a photo caption or a counter line left on the page ('330', the headline
    again under the picture) takes the place of the sentence after it and does not push the lead down."""
    places, rank = {}, 1
    for number, text in enumerate(paragraphs[1:], start=1):
        if rank > THEME_PARAGRAPHS:
            break
        places[number] = rank
        rank += len(text.split()) >= LEAD_SENTENCE_WORDS
    return places


def _theme_evidence(matches: list[Match]) -> list[Evidence]:
    """A theme's first word; for a theme that hints alone gave, the hints (up to three) that did."""
    evidence = []
    for first in _first_per_target(matches):
        own = [m for m in matches if m.phrase.target == first.id]
        if all(m.phrase.strength == HINT for m in own):
            words = list(dict.fromkeys(m.surface for m in sorted(own, key=lambda m: (m.paragraph, m.start))))
            first = Evidence(first.id, "» + «".join(words[:HINTS_SHOWN]), first.paragraph)
        evidence.append(first)
    return evidence


def theme_weight(match: Match, lead: dict[int, int]) -> float:
    where = "headline" if match.paragraph == 0 else "lead" if match.paragraph in lead else "rest"
    term, hint = THEME_WEIGHTS[where]
    return hint if match.phrase.strength == HINT else term


def background_paragraphs(paragraphs: tuple[str, ...], year: int | None) -> set[int]:
    """Paragraphs that recall the past: 'يشار إلى أن…', 'عملت سابقًا…', 'منذ … في 2011', 'في 31 مارس
    2020' (before the story's year), or that turn to it midway ('…، جدير بالذكر أن المجلس تولى…');
    'وكان…' unless it tells of a day this week ('وكان المتحدث قد أكد أمس…')."""
    found = set()
    for number, text in enumerate(paragraphs[2:], start=2):   # the headline and the lead are the story
        if _recalls_the_past(tokenise(text), year):
            found.add(number)
    return found


def background_sentences(paragraphs: tuple[str, ...], year: int | None) -> dict[int, list[tuple[int, int]]]:
    """The token ranges of what recalls the past: the background paragraphs whole, and in the others
    each sentence that would be background as a paragraph of its own ('…. وعملية إيريني أطلقها الاتحاد
    الأوروبي في مايو الماضي.'); the headline and the lead's first sentence are the story."""
    whole = background_paragraphs(paragraphs, year)
    found: dict[int, list[tuple[int, int]]] = {}
    for number, text in enumerate(paragraphs[1:], start=1):
        tokens = tokenise(text)
        if number in whole:
            found[number] = [(0, len(tokens))]
        else:
            sentences = _sentence_token_ranges(text)[1 if number == 1 else 0:]
            found[number] = [(start, end) for start, end in sentences if _recalls_the_past(tokens[start:end], year)]
    return found


def _in_background(match: Match, background: dict[int, list[tuple[int, int]]]) -> bool:
    return any(start <= match.start < end for start, end in background.get(match.paragraph, ()))


def _sentence_token_ranges(text: str) -> list[tuple[int, int]]:
    """(first token, token after the last) of each sentence: sentences end at '.', '!', '؟' before a space."""
    ranges, start, position = [], 0, 0
    for piece in re.split(r"(?<=[.!؟?])\s+", text):
        position += len(tokenise(piece))
        if position > start:
            ranges.append((start, position))
        start = position
    return ranges


def _recalls_the_past(tokens: list[str], year: int | None) -> bool:
    return _names_an_earlier_date(tokens, year) or bool(set(tokens) & _BACKGROUND_WORDS) or _turns_to_the_past(tokens) \
        or (_opens_with(tokens, _BACKGROUND_OPENERS) and not _recent_past_perfect(tokens))


def _recent_past_perfect(tokens: list[str]) -> bool:
    """'وكان المتحدث قد أكد أمس…', 'وكانت اللجنة بدأت اجتماعها الأربعاء الماضي…': this week's news."""
    return _opens_with(tokens, _PAST_PERFECT_OPENERS) and bool(set(tokens) & _RECENT_DAYS)


def _turns_to_the_past(tokens: list[str]) -> bool:
    """An opener of two words or more anywhere in the paragraph ('جدير بالذكر', 'يشار إلى أن')."""
    return any(tuple(tokens[i:i + len(opener)]) == opener for i in range(1, len(tokens))
               for opener in _MIDWAY_OPENERS.get(tokens[i], ()))


def _names_an_earlier_date(tokens: list[str], year: int | None) -> bool:
    """'في 2011', 'منذ عام 2014', 'في 31 مارس 2020': a cue, then a year within DATE_SPAN words; or a
    month or year gone by ('في 27 نوفمبر الماضي', 'العام الماضي'). A weekday gone by ('الأربعاء الماضي')
    is often the story's own day, and does not count."""
    if any(token in _PAST_MARKERS and tokens[i - 1] in _PAST_UNITS for i, token in enumerate(tokens) if i):
        return True
    return any(_earlier_year(later, year) for i, token in enumerate(tokens) if token in _BACKGROUND_YEAR_CUES
               for later in tokens[i + 1:i + 1 + DATE_SPAN])


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
    tokens = _paragraph_tokens(paragraphs[adjective.paragraph])
    before = tokens[adjective.start - 1] if adjective.start else ""
    return not (set(strip_clitics(before)) & gazetteer.titles)


def _inside_a_title(gazetteer: Gazetteer, match: Match, paragraphs) -> bool:
    """'الممثلة الخاصة للأمين العام للأمم المتحدة هانا تيتيه': the office is part of her title, not an actor."""
    if match.start == 0 or match.phrase.person:
        return False
    before = _paragraph_tokens(paragraphs[match.paragraph])[max(0, match.start - TITLE_WINDOW):match.start]
    return bool(set(before) & gazetteer.title_complements)


@lru_cache(maxsize=1 << 12)
def _paragraph_tokens(text: str) -> tuple[str, ...]:
    """tokenise(text), remembered: the precision rules read a paragraph's words again for every match in it."""
    return tuple(tokenise(text))
