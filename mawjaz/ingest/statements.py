"""A story's paragraphs → the statements it attributes: who said what. No I/O.

Two kinds: a quote (“…”, "…", «…» next to a speech verb) and reported speech (the clause after a
speech verb: «قال X إن …», «أكدت X أهمية …», «دعا X إلى …»). Precision comes first: a wrong speaker is
worse than none, so the speaker is left empty (None) unless the text makes it plain:
- a person named in the words between the verb and what is said ("وقال رئيس المجلس محمد المنفي إن"),
  the last person there when a title names an organisation first;
- otherwise an actor named right after the verb ("أكدت الولايات المتحدة …");
- a verb with no name after it ("وأضاف أن …") refers back to the last named speaker when the verb
  agrees in gender and number, and that speaker spoke in this paragraph or the one before, or no
  other actor has been named since (the story's subject still holds the floor).
A quoted phrase with no speech verb beside it (a name, a slogan) is not a statement.

Actors are found by a `find_mentions(paragraphs)` function passed in, so the tagging rules stay in one
place; `registry_mentions` is a plain one built from the registry's names and aliases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Statement

QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
MIN_WORDS = 3                  # shorter quotes are names or slogans; shorter reports say nothing
SPEAKER_WINDOW = 8             # words between a verb and what is said, where the speaker is named
VERB_STEMS = ("قال", "أكد", "شدد", "دعا", "أعرب", "أشار", "أضاف", "أوضح", "صرح", "اعتبر", "طالب", "حذر",
              "أعلن", "تابع", "لفت", "نوه")
# Words that end the speaker's part of a sentence: what was said begins, or a circumstance does.
THAT_WORDS = ("إن", "إنه", "إنها", "أن", "أنه", "أنها", "بأن", "بأنه", "بأنها",
              "ان", "انه", "انها", "بان", "بانه", "بانها")        # as written without the hamza, too
CONTENT_OPENERS = THAT_WORDS + ("إلى", "الى", "عن", "على")
WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
BREAKERS = ("خلال", "في", "عقب", "أثناء", "لدى", "مع", "بعد", "عبر", "من", "أمس", "اليوم") + WEEKDAYS
SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")
WORD = re.compile(r"[^\s،,:؛]+")
QUOTE, REPORTED = "quote", "reported"
AFTER_ASIDE = re.compile(rf"،\s*({'|'.join(CONTENT_OPENERS)})\s")
OPENER_INSIDE = re.compile(rf"\s({'|'.join(THAT_WORDS)})\s")
THAT = re.compile(rf"^\s*(?:{'|'.join(THAT_WORDS)})\s+")
QUOTE_OPENING = re.compile(rf"[\s:،]*(?:(?:{'|'.join(THAT_WORDS)})\s*)?([«“\"])")   # "قال: «" or "قال إن «"


@dataclass(frozen=True)
class Mention:
    start: int                  # character offsets in the paragraph, end exclusive
    end: int
    actor: str
    person: bool


@dataclass(frozen=True)
class Verb:
    start: int
    end: int
    form: str                   # "masculine" | "feminine" | "plural"


def verb_forms() -> dict[str, str]:
    """Each speech verb's past forms → "masculine" | "feminine" | "plural" (دعا، دعت، دعوا)."""
    forms = {}
    for stem in VERB_STEMS:
        root = stem.removesuffix("ا")
        forms.update({stem: "masculine", root + "ت": "feminine", root + "وا": "plural"})
    return forms


VERB_FORMS = verb_forms()


def speech_verbs(paragraph: str) -> list[Verb]:
    """Speech verbs as whole words, with an optional و or ف before them: قال، وقالت، فأكدوا…"""
    verbs = []
    for match in WORD.finditer(paragraph):
        word = match.group()
        bare = word[1:] if word[:1] in "وف" and word[1:] in VERB_FORMS else word
        if bare in VERB_FORMS:
            verbs.append(Verb(match.start(), match.end(), VERB_FORMS[bare]))
    return verbs


def extract_statements(paragraphs: list[str], find_mentions) -> list[Statement]:
    """Every attributed statement of a story, in the order of the text."""
    mentions = find_mentions(paragraphs)
    statements: list[Statement] = []
    last_speaker: tuple[str, str, int] | None = None      # (actor, verb form, paragraph index)
    for index, paragraph in enumerate(paragraphs):
        for verb in speech_verbs(paragraph):
            found = statement_after(paragraph, verb, mentions[index])
            if found is None:
                continue
            speaker, text, kind, named = found
            if not named and refers_back(last_speaker, verb, index, mentions):
                speaker = last_speaker[0]
            if named:          # someone else speaks now, known or not: "وأضاف" cannot reach past them
                last_speaker = (speaker, verb.form, index) if speaker else None
            statements.append(Statement(speaker, text, kind))
    return dedupe(statements)


def refers_back(last_speaker, verb: Verb, index: int, mentions: list[list[Mention]]) -> bool:
    """Whether a verb without a subject ("وأضاف", "وأشارت") continues the last named speaker: the same
    gender and number (never a plural), in this paragraph or the next one, or further on when the
    paragraphs between name no other actor (the story's subject still holds the floor)."""
    if last_speaker is None or verb.form == "plural" or last_speaker[1] != verb.form:
        return False
    actor, _, spoken_in = last_speaker
    between = [m for found in mentions[spoken_in + 1:index] for m in found]
    return index - spoken_in <= 1 or all(m.actor == actor for m in between)


def statement_after(paragraph: str, verb: Verb, mentions: list[Mention]):
    """(speaker or None, text, kind, whether the speaker was named here) for one verb, or None."""
    window_end, opener = speaker_window(paragraph, verb.end, mentions)
    speaker = named_speaker(paragraph, verb.end, window_end, mentions)
    quote = quoted_text(paragraph, window_end) or quote_before(paragraph, verb.start)
    if quote:
        return speaker, quote, QUOTE, speaker is not None or has_words(paragraph[verb.end:window_end])
    if opener is None and speaker is None:
        return None                       # "قال مسؤول …" with no clause after it: nothing to attribute
    text = clause(paragraph, window_end if opener else speaker_end(mentions, speaker, verb.end, window_end))
    if len(text.split()) < MIN_WORDS:
        return None
    return speaker, text, REPORTED, speaker is not None or has_words(paragraph[verb.end:window_end])


def speaker_window(paragraph: str, start: int, mentions: list[Mention]) -> tuple[int, str | None]:
    """Where the speaker's words end after a verb, and the word or mark that ends them. Words inside
    a name ("بعثة الأمم المتحدة للدعم في ليبيا") never end it."""
    for count, match in enumerate(WORD.finditer(paragraph, start)):
        word = match.group()
        if any(m.start < match.start() < m.end for m in mentions):
            continue
        between = paragraph[start if count == 0 else match.start() - 1:match.start()]
        if ":" in between or word[:1] in QUOTE_PAIRS:
            return match.start(), "quote"
        if word in CONTENT_OPENERS:
            return match.start(), word
        if word in BREAKERS or word.startswith(("و", "ف")) and word[1:] in BREAKERS or count >= SPEAKER_WINDOW:
            return match.start(), None
        if SENTENCE_END.match(paragraph, match.end() - 1):
            return match.end(), None
    return len(paragraph), None


def named_speaker(paragraph: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    people = [m for m in inside if m.person]
    if people:
        return people[-1].actor
    if inside and not paragraph[start:inside[0].start].strip():
        return inside[0].actor          # the verb's own subject: "أكدت الولايات المتحدة"
    return None


def speaker_end(mentions: list[Mention], speaker: str | None, start: int, end: int) -> int:
    """After "أكدت الولايات المتحدة" what was said follows the name itself."""
    ends = [m.end for m in mentions if m.actor == speaker and start <= m.start and m.end <= end]
    return ends[-1] if ends else end


def has_words(text: str) -> bool:
    return bool(WORD.search(text))


def clause(paragraph: str, start: int) -> str:
    """The reported clause: from `start` to the end of the sentence, past an aside about the speaker
    or the occasion ("، بعد اجتماع …، إلى …"), without the word "إن/أن" that opens it."""
    rest = paragraph[start:]
    end = SENTENCE_END.search(rest)
    text = rest[:end.start()].strip(" ،,:؛") if end else rest.strip(" ،,:؛")
    first_word = text.split(maxsplit=1)[0] if text else ""
    if first_word not in CONTENT_OPENERS:
        opener = AFTER_ASIDE.search(text) or (OPENER_INSIDE.search(text) if first_word in BREAKERS else None)
        text = text[opener.start(1):] if opener else text
    return THAT.sub("", text).strip(" ،,:؛").strip()


def quoted_text(paragraph: str, start: int) -> str | None:
    """A quote that opens where the speaker's words end ("قال X: «…»")."""
    match = QUOTE_OPENING.match(paragraph, start)
    return quote_from(paragraph, match.start(1)) if match else None


def quote_before(paragraph: str, verb_start: int) -> str | None:
    """A quote that ends just before the verb ("«…»، قال X")."""
    before = paragraph[:verb_start].rstrip(" ،,")
    if not before or before[-1] not in QUOTE_PAIRS.values():
        return None
    closer = before[-1]
    opener = next(o for o, c in QUOTE_PAIRS.items() if c == closer)
    opener_at = before.rfind(opener, 0, len(before) - 1)
    return quote_from(paragraph, opener_at) if opener_at >= 0 else None


def quote_from(paragraph: str, opener_at: int) -> str | None:
    closer = QUOTE_PAIRS[paragraph[opener_at]]
    close_at = paragraph.find(closer, opener_at + 1)
    if close_at < 0:
        return None
    text = paragraph[opener_at + 1:close_at].strip()
    return text if len(text.split()) >= MIN_WORDS else None


def dedupe(statements: list[Statement]) -> list[Statement]:
    """One statement per text: a quote framed by two verbs ("«…»، قال X وأضاف") is kept once."""
    seen, kept = set(), []
    for statement in statements:
        if statement.text not in seen:
            seen.add(statement.text)
            kept.append(statement)
    return kept


# ------------------------------------------------------------------ a plain matcher from the registry

FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def fold(text: str) -> str:
    """Letters folded one for one (so offsets stay), diacritics and tatweel kept as placeholders."""
    return MARKS.sub("\u0640", text.translate(FOLD))


def phrase_pattern(phrase: str) -> str:
    words = ["".join(re.escape(letter) + "\u0640*" for letter in word) for word in fold(phrase).split()]
    body = r"\s+".join(words)
    clitic = r"(?:[وف]?[بلك]?)" if not phrase.startswith("ال") else r"(?:[وف]?[بك]?|[وف]?ل(?=ل))"
    return rf"(?<![\w]){clitic}({body})(?![\w])"


def registry_mentions(actors):
    """find_mentions from registry actors: names and aliases anywhere, short names ("سلامة") only in a
    story that names the person in full; the longest name wins where names overlap."""
    full = [(re.compile(phrase_pattern(p)), a) for a in actors for p in (a.name, *a.aliases)]
    short = [(re.compile(phrase_pattern(p)), a) for a in actors for p in a.short_names]

    def find_mentions(paragraphs: list[str]) -> list[list[Mention]]:
        folded = [fold(p) for p in paragraphs]
        found = [matches(full, text) for text in folded]
        named = {m.actor for paragraph in found for m in paragraph}
        return [non_overlapping(hits + matches([(r, a) for r, a in short if a.id in named], text))
                for hits, text in zip(found, folded)]
    return find_mentions


def matches(patterns, text: str) -> list[Mention]:
    return [Mention(m.start(1), m.end(1), actor.id, actor.kind == "person")
            for pattern, actor in patterns for m in pattern.finditer(text)]


def non_overlapping(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.actor)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
