"""The variant query set: how readers really type the words of the registries and the entries.

Each case is (class, canonical, variant): the variant must find exactly the entries the canonical form
finds. The classes are those measured against Pagefind's own Arabic matching.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mawjaz.arabic import normalise_for_matching, tokenise
from mawjaz.search.index import body_text
from mawjaz.search.terms import variant_pairs

ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652\u06a9\u06cc]+")
HAMZA_SEATS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
CLITIC_LETTERS = "وفبلك"


@dataclass(frozen=True)
class Variant:
    kind: str
    canonical: str
    variant: str


def persian_letters(word: str) -> str | None:
    return word.replace("ي", "ی").replace("ك", "ک") if ("ي" in word or "ك" in word) else None


def alef_maksura(word: str) -> str | None:
    if word.endswith("ي"):
        return word[:-1] + "ى"
    return word[:-1] + "ي" if word.endswith("ى") else None


def teh_marbuta(word: str) -> str | None:
    return word[:-1] + "ه" if word.endswith("ة") else None


def hamza(word: str) -> str | None:
    if any(seat in word for seat in "أإآ"):
        return word.translate(HAMZA_SEATS)
    if word.startswith("ال") and word[2:3] == "ا":
        return "الأ" + word[3:]
    return "أ" + word[1:] if word.startswith("ا") and not word.startswith("ال") else None


def diacritics(word: str) -> str | None:
    return word[0] + "َ" + word[1:3] + "ِّ" + word[3:] if len(word) >= 4 else None


def tatweel(word: str) -> str | None:
    return word[:2] + "ـــ" + word[2:] if len(word) >= 4 else None


def waw_with_article(word: str) -> str | None:
    return "و" + word if word.startswith("ال") else None


def preposition(word: str) -> list[str]:
    if word.startswith("ال"):
        return ["بال" + word[2:], "لل" + word[2:], "وبال" + word[2:]]
    return ["ل" + word, "ب" + word, "ك" + word]


WORD_CLASSES = {
    "persian ی/ک": persian_letters, "ى/ي": alef_maksura, "ة/ه": teh_marbuta, "hamza forms": hamza,
    "diacritics": diacritics, "tatweel": tatweel, "و+ال": waw_with_article,
}


def canonical_words(corpus) -> list[str]:
    """Words as written in the registries' names and the entries' titles, at least four letters long."""
    registries = corpus.registries
    names = [name for actor in registries.actors for name in (actor.name, *actor.aliases, *actor.adjectives)]
    names += [theme.name for theme in registries.themes]
    titles = [entry.title for entry in corpus.published]
    words = [word for text in names + titles for word in ARABIC_WORD.findall(text) if len(word) >= 4]
    return list(dict.fromkeys(words))


def word_variants(corpus) -> list[Variant]:
    cases = []
    for word in canonical_words(corpus):
        if not corpus.expected(word):
            continue
        for kind, make in WORD_CLASSES.items():
            variant = make(word)
            if variant:
                cases.append(Variant(kind, word, variant))
        for variant in preposition(word):
            cases.append(Variant("ل/ب/ك + name", word, variant))
    return cases


def name_spellings(corpus) -> list[Variant]:
    """Spelling variants the registry lists for one actor (وليامز / ويليامز, الأمريكية / الأميركية)."""
    cases = []
    for actor in corpus.registries.actors:
        names = (actor.name, *actor.aliases, *actor.short_names, *actor.adjectives)
        for canonical, variant in variant_pairs(names):
            canonical, variant = _as_written(names, canonical), _as_written(names, variant)
            cases.append(Variant("name spelling", canonical, variant))
            cases.append(Variant("name spelling", canonical, _with_clitic(variant)))
            cases.append(Variant("name spelling", _with_clitic(canonical), variant))
    return cases


def _with_clitic(word: str) -> str:
    return "و" + word if word.startswith("ال") else "ل" + word


def _as_written(names, token: str) -> str:
    for word in (word for name in names for word in name.split()):
        if normalise_for_matching(word) == token:
            return word
    return token


def clitic_forms_in_text(corpus) -> list[Variant]:
    """Words an entry writes with a clitic (والإمارات، لحفتر، بطرابلس، كخطوة) whose bare form is a word of
    the corpus: the bare word must find them."""
    known = {token for text in _all_texts(corpus) for token in tokenise(text)}
    cases = []
    for entry in corpus.published:
        for word in ARABIC_WORD.findall(body_text(entry)):
            bare = word[2:] if word[:2] in ("لل",) else word[1:]
            if word[0] in CLITIC_LETTERS and tokenise(bare) and tokenise(bare)[0] in known \
                    and corpus.keys(bare) == corpus.keys(word) and len(bare) >= 3:
                cases.append(Variant("bare word, clitic form in the text", bare, word))
    return list(dict.fromkeys(cases))


def _all_texts(corpus) -> list[str]:
    registries = corpus.registries
    names = [name for actor in registries.actors for name in (actor.name, *actor.aliases, *actor.adjectives)]
    return names + [corpus.entry_text(entry) for entry in corpus.published]


PHRASES = ("مجلس النواب", "الأمم المتحدة", "وقف إطلاق النار", "حكومة الوحدة", "المجلس الرئاسي",
           "المفوضية العليا", "الخارجية الأمريكية")


def phrase_variants() -> list[Variant]:
    cases = []
    for phrase in PHRASES:
        first, *rest = phrase.split()
        quoted = f'"{phrase}"'
        cases += [
            Variant("quoted phrase", quoted, f'"{phrase.translate(HAMZA_SEATS)}"'),
            Variant("quoted phrase", quoted, f'"{phrase.replace("ة", "ه")}"'),
            Variant("quoted phrase", quoted, f'"و{first} {" ".join(rest)}"'),
            Variant("quoted phrase", quoted, f"«{phrase}»"),
        ]
    return [case for case in dict.fromkeys(cases) if case.variant != case.canonical]


def all_variants(corpus, per_class: int = 25) -> list[Variant]:
    """Every class, each cut to per_class cases spread evenly over its list (the run stays short)."""
    cases = word_variants(corpus) + name_spellings(corpus) + clitic_forms_in_text(corpus) + phrase_variants()
    cases = [case for case in cases if corpus.expected(case.canonical.strip('"«»'))]   # canonical finds some
    chosen = []
    for kind in dict.fromkeys(case.kind for case in cases):
        of_kind = [case for case in cases if case.kind == kind]
        step = max(1, len(of_kind) / per_class)
        chosen += [of_kind[int(index * step)] for index in range(min(per_class, len(of_kind)))]
    return chosen
