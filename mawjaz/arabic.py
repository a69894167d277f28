"""Pure Arabic text functions: normalise for matching, clean for display, tokenise, strip clitics.

No I/O. The tables at the top are plain data on purpose: the search page carries a JavaScript copy of
them, generated from this module, so that a query is folded exactly as the index was.

Two kinds of normalisation:
- for matching (`normalise_for_matching`): folds every spelling variant a writer or a keyboard
  produces (hamza seats, ى/ي, ة/ه, Persian letters, diacritics, tatweel, digits, case) so that
  registry aliases and story text meet;
- for display (`clean_for_display`): keeps the writer's spelling and only repairs encoding
  artefacts (Persian letters typed inside Arabic words, non-breaking and doubled spaces, invisible
  marks, a comma glued to the next word).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- tables (plain data)

# Letters folded for matching: each key becomes its value.
MATCH_LETTER_FOLDS: dict[str, str] = {
    "\u0622": "\u0627",  # آ alef with madda        → ا
    "\u0623": "\u0627",  # أ alef with hamza above  → ا
    "\u0625": "\u0627",  # إ alef with hamza below  → ا
    "\u0671": "\u0627",  # ٱ alef wasla             → ا
    "\u0672": "\u0627",  # ٲ alef with wavy hamza   → ا
    "\u0673": "\u0627",  # ٳ alef with wavy hamza below → ا
    "\u0624": "\u0648",  # ؤ waw with hamza         → و
    "\u0626": "\u064a",  # ئ yeh with hamza         → ي
    "\u0649": "\u064a",  # ى alef maksura           → ي
    "\u0629": "\u0647",  # ة teh marbuta            → ه
    "\u06cc": "\u064a",  # ی Persian yeh            → ي
    "\u06d0": "\u064a",  # ې yeh (Pashto)           → ي
    "\u06a9": "\u0643",  # ک Persian keheh          → ك
    "\u06aa": "\u0643",  # ڪ swash kaf              → ك
    "\u06be": "\u0647",  # ھ heh doachashmee        → ه
    "\u06c1": "\u0647",  # ہ heh goal               → ه
    "\u06c0": "\u0647",  # ۀ heh with yeh above     → ه
    "\u06c3": "\u0647",  # ۃ teh marbuta goal       → ه
}

# Letters repaired in display text: keyboard artefacts only, never a writer's spelling choice.
DISPLAY_LETTER_FOLDS: dict[str, str] = {
    "\u06cc": "\u064a",  # ی Persian yeh inside an Arabic word → ي
    "\u06a9": "\u0643",  # ک Persian keheh                    → ك
}

# Arabic-Indic (U+0660…) and extended Arabic-Indic (Persian, U+06F0…) digits → ASCII digits.
DIGIT_FOLDS: dict[str, str] = {
    **{chr(0x0660 + n): str(n) for n in range(10)},
    **{chr(0x06F0 + n): str(n) for n in range(10)},
}

# Removed for matching: harakat, tanween, shadda, sukun, superscript alef, Quranic marks, tatweel.
DIACRITIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),   # honorifics and small high marks
    (0x064B, 0x065F),   # fathatan … wavy hamza below
    (0x0670, 0x0670),   # superscript alef
    (0x06D6, 0x06DC),   # Quranic annotation marks
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
)
TATWEEL = "\u0640"

# Removed everywhere (matching and display): zero-width characters and bidi controls.
INVISIBLE_CHARACTERS: tuple[str, ...] = (
    "\u00ad",                                   # soft hyphen
    "\u061c",                                   # Arabic letter mark
    "\u200b", "\u200c", "\u200d",               # zero-width space, non-joiner, joiner
    "\u200e", "\u200f",                         # left-to-right and right-to-left marks
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",   # bidi embeddings and overrides
    "\u2060",                                   # word joiner
    "\u2066", "\u2067", "\u2068", "\u2069",     # bidi isolates
    "\ufeff",                                   # byte order mark / zero-width no-break space
)

# Spaces that look like a space but are not U+0020.
SPACE_CHARACTERS: tuple[str, ...] = (
    "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
    "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t",
)

# Clitics, outermost first: a conjunction, then a preposition, then the article.
CONJUNCTIONS: tuple[str, ...] = ("\u0648", "\u0641")                 # و ف
PREPOSITIONS: tuple[str, ...] = ("\u0628", "\u0644", "\u0643")       # ب ل ك
ARTICLE = "\u0627\u0644"                                             # ال
LAM_ARTICLE = "\u0644\u0644"      # لل: ل + ال, the article's alef dropped (للأمم = ل + الأمم)
MIN_STEM_LETTERS = 2              # a clitic is not stripped when fewer letters would remain

# Arabic punctuation a tokeniser must treat as a separator even without a following space.
ARABIC_PUNCTUATION: tuple[str, ...] = ("\u060c", "\u061b", "\u061f", "\u00ab", "\u00bb", "\u066a",
                                       "\u066b", "\u066c", "\u06d4")      # ، ؛ ؟ « » ٪ ٫ ٬ ۔

# ---------------------------------------------------------------- tables built once from the data


def _diacritic_characters() -> str:
    return "".join(chr(code) for start, end in DIACRITIC_RANGES for code in range(start, end + 1))


def _by_code_point(table: dict[int, str | None]) -> list:
    """A str.maketrans table as a list indexed by code point: str.translate gives the same text, twice
    as fast, because a dict raises a KeyError (which translate catches) for every character it does not
    hold, and the list holds them all. A character past the list's end is kept, as the dict keeps it."""
    return [table.get(code, code) for code in range(max(table) + 1)]


_MATCH_TABLE = _by_code_point(str.maketrans({
    **MATCH_LETTER_FOLDS, **DIGIT_FOLDS,
    **{char: None for char in _diacritic_characters() + TATWEEL},
    **{char: None for char in INVISIBLE_CHARACTERS},
    **{char: " " for char in SPACE_CHARACTERS},
}))
_DISPLAY_TABLE = _by_code_point(str.maketrans({
    **{char: None for char in INVISIBLE_CHARACTERS},
    **{char: " " for char in SPACE_CHARACTERS},
}))
_DIGIT_TABLE = _by_code_point(str.maketrans(DIGIT_FOLDS))
_PERSIAN_IN_WORD = re.compile("[" + "".join(DISPLAY_LETTER_FOLDS) + "]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
# A word as written: letters and digits with the marks and tatweel inside it.
_WRITTEN_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([\u060c\u061b\u061f.,:;!?»)])")
# "و أعادت": the conjunction و never stands alone before an Arabic word; the space is a typing slip.
_DETACHED_WAW = re.compile(r"(?<!\S)\u0648 (?=[\u0621-\u064a])")
_COMMA_GLUED_TO_WORD = re.compile(r"([\u0621-\u064a\u0660-\u0669])\u060c(?=[\u0621-\u064a])")


# ---------------------------------------------------------------- matching


def normalise_for_matching(text: str) -> str:
    """Fold spelling variants so that equal words compare equal. Idempotent.

    NFKC (presentation forms such as ﻻ), then the tables, then case and spaces; repeated until
    nothing changes, because removing a mark can bring two characters together that NFKC joins.
    """
    return _normalise_word(text) if len(text) <= CACHED_LENGTH else _normalise_line(text)


CACHED_LENGTH = 80     # words and short lines repeat across every page: many are remembered


@lru_cache(maxsize=1 << 17)
def _normalise_word(text: str) -> str:
    return _normalise(text)


@lru_cache(maxsize=1 << 12)   # the lines of the page being read, which every cleaning rule looks at
def _normalise_line(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    while True:
        folded = unicodedata.normalize("NFKC", text).translate(_MATCH_TABLE).casefold()
        folded = _SPACES.sub(" ", folded).strip()
        if folded == text:
            return folded
        text = folded


def tokenise(text: str) -> list[str]:
    """Words of the text, normalised for matching; every punctuation mark (، ؛ ؟ « » -) separates.

    The text is tokenised piece by piece between white space, each piece remembered: the same
    words recur on every page. This gives the tokens of the whole text at once, because no step
    of the normalisation reaches across white space (NFKC never joins a character to a space, the
    tables and casefold map one character at a time, and spaces are collapsed anyway).
    """
    return [token for piece in text.split() for token in _piece_tokens(piece)]


@lru_cache(maxsize=1 << 12)
def tokenise_with_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) for each word: the normalised token and where it stands in `text`.

    Remembered for the last few thousand texts: ingest reads each paragraph of a story several
    times (to split the page, tag it, find its statements and its proposals)."""
    return tuple((token, match.start(), match.end()) for match in _WRITTEN_WORD.finditer(text)
                 for token in _piece_tokens(match.group()))


@lru_cache(maxsize=1 << 17)
def _piece_tokens(piece: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise_for_matching(piece)))


def strip_clitics(token: str) -> list[str]:
    """Candidate stems of a normalised token, the token itself first: والامم → [والامم, الامم, امم].

    Handles و/ف, then ب/ل/ك, then ال, and لل (ل + ال): للامم → [للامم, الامم, امم]; لحفتر → [لحفتر, حفتر].
    A clitic is stripped only when at least MIN_STEM_LETTERS letters remain.
    """
    return list(_stems(token))


@lru_cache(maxsize=1 << 17)
def _stems(token: str) -> tuple[str, ...]:
    candidates = [token]
    for after_conjunction in _strip_one(token, CONJUNCTIONS):
        for after_preposition in _strip_one(after_conjunction, PREPOSITIONS):
            _add_article_forms(after_preposition, candidates)
        if after_conjunction.startswith(LAM_ARTICLE) and len(after_conjunction) - 2 >= MIN_STEM_LETTERS:
            _add_article_forms(ARTICLE + after_conjunction[2:], candidates)
    return tuple(candidates)


def _strip_one(token: str, prefixes: tuple[str, ...]) -> list[str]:
    """The token as it is, and without one leading prefix when enough letters remain."""
    forms = [token]
    if token[:1] in prefixes and len(token) - 1 >= MIN_STEM_LETTERS:
        forms.append(token[1:])
    return forms


def _add_article_forms(word: str, candidates: list[str]) -> None:
    forms = [word]
    if word.startswith(ARTICLE) and len(word) - 2 >= MIN_STEM_LETTERS:
        forms.append(word[2:])
    for form in forms:
        if form not in candidates:
            candidates.append(form)


# ---------------------------------------------------------------- display


def clean_for_display(text: str) -> str:
    """Repair encoding artefacts and slips (a detached و) and keep the writer's spelling. Idempotent."""
    while True:
        cleaned = unicodedata.normalize("NFC", text.translate(_DISPLAY_TABLE))
        cleaned = _PERSIAN_IN_WORD.sub(lambda match: DISPLAY_LETTER_FOLDS[match.group()], cleaned)
        cleaned = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", cleaned).strip())
        cleaned = _DETACHED_WAW.sub("\u0648", _COMMA_GLUED_TO_WORD.sub("\\1\u060c ", cleaned))
        if cleaned == text:
            return cleaned
        text = cleaned


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → 0-9; nothing else changes."""
    return text.translate(_DIGIT_TABLE)


def has_arabic_letters(text: str) -> bool:
    return any("\u0621" <= char <= "\u064a" for char in text)
