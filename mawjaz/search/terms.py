"""Search keys: the one form under which a word is indexed and looked up. No I/O.

A word's search key is its matching normalisation (mawjaz.arabic), stripped of clitics down to the
shortest candidate stem of at least SEARCH_STEM_LETTERS letters, with the spelling variants of registry
names folded to one spelling. The index stores keys, and the search page turns each typed word into its
key with a JavaScript copy of the same tables (`browser_tables`), so both sides always agree.

Every key is closed with WORD_END, a letter the normalisation never produces. Pagefind matches a query
word against every indexed word that starts with it; with the closing letter, the only such word is the
word itself, so a short word never lands on longer, unrelated ones (مصر on مصرف, وال on والامارات).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import arabic
from ..model import Registries

WORD_END = "\u06a1"            # ڡ dotless feh: never left by normalise_for_matching
META_WORD_END = "\u066f"       # ٯ dotless qaf: closes the words of metadata, which must never match
SEARCH_STEM_LETTERS = 3        # a stem shorter than this is too ambiguous to search by (كان → ان)
LONG_VOWELS = "\u0627\u0648\u064a"   # ا و ي: written or left out freely in foreign names
MIN_SKELETON_LETTERS = 3       # two spellings are variants only when this many other letters agree
# Character classes are copied for the Basic Multilingual Plane only: scanning all of Unicode would add
# half a second to every build, and news text has nothing beyond it.
BROWSER_PLANE = range(0x10000)


@dataclass(frozen=True, eq=False)   # compared by identity, so that keys are remembered per vocabulary
class SearchVocabulary:
    """Spelling folds from the registries: a reading of a variant spelling → the canonical stem."""
    spelling_folds: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1 << 17)   # a corpus has millions of words but only thousands of distinct ones
def search_key(token: str, vocabulary: SearchVocabulary) -> str:
    """The key of one normalised token (see the module docstring).

    Stripping repeats until nothing more comes off, because arabic.strip_clitics takes a conjunction
    only before a preposition: لواشنطن gives واشنطن, which must go on to the key of واشنطن itself.
    """
    while True:
        candidates = arabic.strip_clitics(token)
        for candidate in candidates:
            if candidate in vocabulary.spelling_folds:
                return vocabulary.spelling_folds[candidate]
        stem = shortest_stem(candidates)
        if stem == token:
            return stem
        token = stem


def shortest_stem(candidates: list[str]) -> str:
    """The shortest candidate with enough letters (the last one on a tie); the token if none has."""
    best = candidates[0]
    for candidate in candidates[1:]:
        if SEARCH_STEM_LETTERS <= len(candidate) <= len(best):
            best = candidate
    return best


def search_keys(text: str, vocabulary: SearchVocabulary) -> list[str]:
    return [search_key(token, vocabulary) for token in arabic.tokenise(text)]


def index_text(text: str, vocabulary: SearchVocabulary) -> str:
    """The text as Pagefind should index it: one closed key per word, in the order of the words.

    Worked out piece by piece between white space, as arabic.tokenise does, each piece remembered.
    """
    return " ".join(filter(None, [_closed_keys(piece, vocabulary) for piece in text.split()]))


@lru_cache(maxsize=1 << 17)
def _closed_keys(piece: str, vocabulary: SearchVocabulary) -> str:
    """The closed keys of the words in one piece of text without spaces ("" when it has none)."""
    return " ".join(search_key(token, vocabulary) + WORD_END for token in arabic.tokenise(piece))


_MARKS = "".join(chr(code) for code in range(0x300, 0x10000) if unicodedata.category(chr(code))[0] == "M")
_WRITTEN_WORD = re.compile("(?:[^\\W_]|[" + re.escape(_MARKS) + "])+")    # letters, digits and marks


def closed_words(text: str) -> str:
    """Display text with META_WORD_END after every word (letters, marks, digits), for Pagefind's metadata.

    Pagefind searches metadata too, and would fall back on a short word of it (أن for an unknown word)
    or count its diacritic spelling as a second form of a key, which breaks quoted phrases. Closed with
    a letter no query holds, these words match nothing. The search page removes the letter.
    """
    return " ".join(map(_closed_piece, text.replace(META_WORD_END, "").split(" ")))


@lru_cache(maxsize=1 << 17)    # no word reaches across a space, and the same words recur on every page
def _closed_piece(piece: str) -> str:
    return _WRITTEN_WORD.sub(lambda word: word.group() + META_WORD_END, piece)


# ---------------------------------------------------------------- spelling variants of registry names


def build_vocabulary(registries: Registries) -> SearchVocabulary:
    """Group each actor's name tokens that differ only in inner long vowels (وليامز/ويليامز, الامريكيه/الاميركيه)
    and fold every reading of a variant to the stem of the spelling the registry lists first."""
    folds: dict[str, str] = {}
    for actor in sorted(registries.actors, key=lambda a: a.id):
        names = (actor.name, *actor.aliases, *actor.short_names, *actor.adjectives)
        for canonical, variant in variant_pairs(names):
            canonical_stem = shortest_stem(arabic.strip_clitics(canonical))
            shared = set(arabic.strip_clitics(canonical))
            for reading in arabic.strip_clitics(variant):
                if reading not in shared:
                    folds.setdefault(reading, canonical_stem)
    return SearchVocabulary(spelling_folds=dict(sorted(folds.items())))


def variant_pairs(names) -> list[tuple[str, str]]:
    """(canonical, variant) token pairs among the names, the canonical being the first spelling seen."""
    first_by_skeleton: dict[str, str] = {}
    pairs = []
    for token in (token for name in names for token in arabic.tokenise(name)):
        skeleton = consonant_skeleton(token)
        if len(skeleton) < MIN_SKELETON_LETTERS:
            continue
        canonical = first_by_skeleton.setdefault(skeleton, token)
        if token != canonical and (canonical, token) not in pairs:
            pairs.append((canonical, token))
    return pairs


def consonant_skeleton(token: str) -> str:
    """The token without its inner long vowels: ويليامز and وليامز → ولمز; الاماراتي keeps its final ي."""
    inner = "".join(char for char in token[1:-1] if char not in LONG_VOWELS)
    return token[:1] + inner + token[-1:] if len(token) > 1 else token


# ---------------------------------------------------------------- the browser's copy


def browser_tables(vocabulary: SearchVocabulary) -> str:
    """An ES module with every table the search page needs to compute keys exactly as search_key does."""
    tables = {
        "letterFolds": {**arabic.MATCH_LETTER_FOLDS, **arabic.DIGIT_FOLDS},
        "removed": _diacritic_and_invisible_characters(),
        "spaces": "".join(arabic.SPACE_CHARACTERS),
        **_character_classes(),
        "conjunctions": list(arabic.CONJUNCTIONS),
        "prepositions": list(arabic.PREPOSITIONS),
        "article": arabic.ARTICLE,
        "lamArticle": arabic.LAM_ARTICLE,
        "minStemLetters": arabic.MIN_STEM_LETTERS,
        "searchStemLetters": SEARCH_STEM_LETTERS,
        "wordEnd": WORD_END,
        "metaWordEnd": META_WORD_END,
        "spellingFolds": vocabulary.spelling_folds,
    }
    body = json.dumps(tables, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return ("// Generated by mawjaz/search/terms.py from mawjaz/arabic.py and the registries: do not edit.\n"
            f"export default {body};\n")


@lru_cache(maxsize=1)
def _character_classes() -> dict:
    """The tables read off Python's own character classes: the same for every shard, made once per process
    (scanning the plane is most of the time a shard's tables take)."""
    return {"whitespace": _python_class_members(re.compile(r"\s")),
            "wordRanges": _python_class_ranges(re.compile(r"[^\W_]")),
            "casefold": _casefold_beyond_lowercase()}


def _diacritic_and_invisible_characters() -> str:
    marks = "".join(chr(code) for start, end in arabic.DIACRITIC_RANGES for code in range(start, end + 1))
    return marks + arabic.TATWEEL + "".join(arabic.INVISIBLE_CHARACTERS)


def _python_class_members(pattern: re.Pattern) -> str:
    return "".join(chr(code) for code in BROWSER_PLANE if pattern.match(chr(code)))


def _python_class_ranges(pattern: re.Pattern) -> list[list[int]]:
    """[first, last] code point ranges of a character class as Python's re module sees it."""
    ranges: list[list[int]] = []
    for code in BROWSER_PLANE:
        if pattern.match(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return ranges


def _casefold_beyond_lowercase() -> dict[str, str]:
    """Characters that str.casefold changes after lower-casing (ß → ss, ς → σ): JS has no casefold."""
    return {chr(code): chr(code).casefold() for code in BROWSER_PLANE
            if chr(code) == chr(code).lower() and chr(code).casefold() != chr(code)}
