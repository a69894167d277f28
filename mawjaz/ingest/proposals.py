"""Actors the registry lacks, proposed for a maintainer's review: a person introduced by a title, a body
acting as a body. Ingest writes them under `proposed_actors` in a new entry; `build.py proposals`
lists them and accepts or rejects them (mawjaz/review/proposals.py).

    «وزير الخارجية اليوناني فلان الفلاني»  → name فلان الفلاني, kind person, role وزير الخارجية اليوناني
    «…، فلان الفلاني، نائب مدير الإدارة»     → name فلان الفلاني, kind person, role نائب مدير الإدارة
    «أعلنت منظمة العدالة الدولية أن…»        → name منظمة العدالة الدولية, kind organization

A title is a head word (وزير، السفيرة، عضو، المتحدث… in mawjaz/ingest/actor_phrases.py) and the words that
complete it: words with the article (الخارجية، اليوناني، والتعاون), the nouns of an office (مجلس، بعثة),
registry names that are the person's office (مجلس النواب), a place, and a preposition with its object
(لدى ليبيا، باسم الحكومة). The name is the 2–4 words after the title as the text writes them (after a
comma only when a comma closes it too, in quotation marks only when they close; or set off by commas
just before the title, or by a verb of saying and "وهو"/"وهي": «وقال فلان الفلاني وهو متحدث باسم…»).
It ends at punctuation, a verb, a preposition or a common word, and takes a family name with the
article when it is a nisba (الفلاني) or when punctuation or a verb follows it.
A name that would run to five words, or that starts with what looks like a preposition (لبناء، بمقر;
a few first names such as لينا are listed), is not trusted.
A body is proposed only after a verb of speaking or deciding (أعلنت، قالت، أصدر…), from a head noun
(منظمة، هيئة، المجلس…) through words with the article, and only when the name ends cleanly (punctuation,
"أن", "في", "بيانا"…): a body whose name runs on into other words is left alone.
Nothing is proposed inside a registry name, in a background paragraph, or when the name is a registry
actor's alias or is listed in content/not_actors.yaml; nor a body whose name is a registry body's,
written short, in a story that names that body ("اللجنة العسكرية الليبية" beside "لجنة 5+5").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..arabic import ARTICLE, normalise_for_matching, strip_clitics, tokenise_with_spans
from ..model import ProposedActor
from . import actor_phrases as phrases
from .gazetteer import Gazetteer, background_paragraphs, find_matches

PERSON, ORGANIZATION = "person", "organization"
MAX_TITLE_WORDS = 12
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
MAX_BODY_WORDS = 7
STOPS = "،.؛:!?؟«»\"“”()[]"    # marks that end a title or a name
APPOSITION = "،,"              # "وزير الخارجية، فلان الفلاني،": a comma may stand between title and name
QUOTES = "«»\"“”"              # 'السفير الإيطالي ” فلان الفلاني ”': some pages quote the name after its title
NISBAS_OF_LIBYA = frozenset(normalise_for_matching(word) for word in ("الليبي", "الليبية", "الليبيه"))
NISBA_ENDING = "ي"             # الفلاني (الفلانية is too often a common adjective: العملية السياسية)


def _words(items) -> frozenset:
    return frozenset(normalise_for_matching(item) for item in items)


@dataclass(frozen=True)
class Rules:
    """The phrase lists, normalised, with the registry's names and places."""
    heads: frozenset
    title_nouns: frozenset
    prepositions: frozenset
    stop_words: frozenset
    verbs: frozenset
    body_verbs: frozenset
    body_heads: frozenset
    body_ends: frozenset
    places: frozenset
    first_names: frozenset      # first names that start like a preposition: لينا، بشير
    appositives: frozenset      # وهو، وهي: 'قال فلان الفلاني وهو متحدث باسم …'
    written_names: frozenset    # later name words the rules would refuse: علي (على), الله
    known_names: frozenset      # registry names and aliases, and content/not_actors.yaml
    body_names: dict            # organisation id → its names' tokens: 'اللجنة العسكرية' shortens one


def _verbs() -> frozenset:
    present = [prefix + stem for stem in phrases.PRESENT_STEMS for prefix in ("ي", "ت", "سي", "ست")]
    past = [verb + ending for verb in phrases.PAST_VERBS for ending in ("", "ت")]
    return _words(present + past)


def build_rules(gazetteer: Gazetteer, places: tuple[str, ...]) -> Rules:
    return Rules(_words(phrases.TITLE_HEADS), _words(phrases.TITLE_NOUNS), _words(phrases.TITLE_PREPOSITIONS),
                 _words(phrases.NAME_STOP_WORDS) | _verbs(), _verbs(), _words(phrases.BODY_VERBS), _words(phrases.BODY_HEADS),
                 _words(phrases.BODY_ENDS), _words(places), _words(phrases.FIRST_NAMES_LIKE_PREPOSITIONS),
                 _words(phrases.APPOSITIVE_PRONOUNS), frozenset(phrases.NAMES_LIKE_COMMON_WORDS),
                 gazetteer.known_names, _body_names(gazetteer))


def _body_names(gazetteer: Gazetteer) -> dict:
    names: dict[str, list] = {}
    for phrase in {phrase for candidates in gazetteer.actors.values() for phrase in candidates}:
        if gazetteer.kinds.get(phrase.target) == ORGANIZATION and len(phrase.tokens) > 1:
            names.setdefault(phrase.target, []).append(phrase.tokens)
    return {target: tuple(sorted(tokens)) for target, tokens in names.items()}


def find_proposals(rules: Rules, gazetteer: Gazetteer, paragraphs: tuple[str, ...], year: int | None = None,
                   matches: list | None = None) -> tuple[ProposedActor, ...]:
    """The actors of a story the registry lacks, in order of first mention, each once. `matches` is
    find_matches(gazetteer.actors, paragraphs) when the caller has it already."""
    matches = find_matches(gazetteer.actors, paragraphs) if matches is None else matches
    background = background_paragraphs(paragraphs, year)
    named_bodies = [name for target in {m.phrase.target for m in matches} for name in rules.body_names.get(target, ())]
    found: dict[str, ProposedActor] = {}
    for number, text in enumerate(paragraphs):
        if number in background:
            continue
        covered = {position: match.phrase.person for match in matches if match.paragraph == number
                   for position in range(match.start, match.end)}
        spans = tokenise_with_spans(text)
        for proposal in _people(rules, text, spans, covered) + _bodies(rules, text, spans, covered):
            key = normalise_for_matching(proposal.name)
            if key not in rules.known_names and _without_nisbas(key) not in rules.known_names \
                    and not (proposal.kind == ORGANIZATION and _shortens_a_name(_without_nisbas(key), named_bodies)):
                found.setdefault(key, proposal)
    return tuple(found.values())


def _shortens_a_name(name: str, names: list[tuple[str, ...]]) -> bool:
    """'اللجنة العسكرية الليبية' in a story that names 'اللجنة العسكرية المشتركة': the same body, written short."""
    words = name.split()
    return len(words) > 1 and any(_in_order(words, tokens) for tokens in names)


def _in_order(words: list[str], tokens: tuple[str, ...]) -> bool:
    remaining = iter(tokens)
    return all(word in remaining for word in words)


def _without_nisbas(name: str) -> str:
    """'المركز الوطني الليبي لمكافحة الامراض' → 'المركز الوطني لمكافحة الامراض': a body the registry
    knows, with its state's adjective added, is not a new body."""
    return " ".join(word for word in name.split() if word not in NISBAS_OF_LIBYA)


def _stems(token: str) -> set[str]:
    return set(strip_clitics(token))


def _stop_between(text: str, spans, position: int, allowed: str = "") -> bool:
    """Whether a stop mark (other than `allowed`) stands before token `position`, or it is the first."""
    if position <= 0:
        return True
    gap = text[spans[position - 1][2]:spans[position][1]]
    return any(char in STOPS and char not in allowed for char in gap)


# ---------------------------------------------------------------- people


def _people(rules: Rules, text: str, spans, covered: dict) -> list[ProposedActor]:
    found, position = [], 0
    while position < len(spans):
        if position in covered or not _is_head(rules, spans[position][0]):
            position += 1
            continue
        end = _title_end(rules, text, spans, position, covered)
        role_start = spans[position][1] + (spans[position][0] not in rules.heads)   # without و، ف، ل
        role = text[role_start:spans[end - 1][2]]
        name_end = _name_end(rules, text, spans, end, covered, after_title=True)
        if name_end is not None:
            found.append(ProposedActor(text[spans[end][1]:spans[name_end - 1][2]], PERSON, role))
            position = name_end
            continue
        before = _name_before(rules, text, spans, position, covered)
        if before is not None:   # "نائب مدير الإدارة والوفد المرافق له": the title ends before 'وال'
            last = next((p for p in range(position + 1, end) if spans[p][0].startswith("وال")), end) - 1
            found.append(ProposedActor(before, PERSON, text[role_start:spans[last][2]]))
        position = end
    return found


def _is_head(rules: Rules, token: str) -> bool:
    """'وزير', 'ووزير', 'لوزير'; not 'والمساعدة' (the article makes it a common noun: the aid)."""
    return token in rules.heads or (token[:1] in "وفل" and token[1:] in rules.heads)


def _title_end(rules: Rules, text: str, spans, head: int, covered: dict) -> int:
    """The first token after the title that starts at `head`."""
    position = head + 1
    while position < len(spans) and position - head < MAX_TITLE_WORDS and not _stop_between(text, spans, position):
        token = spans[position][0]
        if covered.get(position):              # a registry person: the title is theirs
            break
        if position in covered or _title_word(rules, token):
            position += 1
        elif token in rules.prepositions and position + 1 < len(spans) \
                and not _stop_between(text, spans, position + 1) and not covered.get(position + 1):
            position += 2                      # "لدى ليبيا", "باسم الحكومة"
        else:
            break
    return position


def _title_word(rules: Rules, token: str) -> bool:
    stems = _stems(token)
    return bool(stems & (rules.heads | rules.title_nouns | rules.places)) \
        or any(stem.startswith(ARTICLE) for stem in stems)


def _name_end(rules: Rules, text: str, spans, start: int, covered: dict, after_title: bool) -> int | None:
    """The end of a 2–4-word name starting at `start`, or None when there is no trusted name there."""
    if start >= len(spans) or (after_title and _stop_between(text, spans, start, APPOSITION + QUOTES)):
        return None
    quoted = after_title and any(c in QUOTES for c in text[spans[start - 1][2]:spans[start][1]])
    set_off = after_title and not quoted and _stop_between(text, spans, start)   # "المتحدث باسم الحكومة، فلان،"
    first = _first_name_word(rules, spans[start][0]) \
        or (_written_name(rules, text, spans[start]) and not spans[start][0].startswith(ARTICLE))   # علي
    if not first or start in covered:
        return None
    end = start + 1
    while end < len(spans) and end - start <= MAX_NAME_WORDS and not _stop_between(text, spans, end) \
            and end not in covered and (_later_name_word(rules, spans[end][0], _last_word(rules, text, spans, end))
                                        or _written_name(rules, text, spans[end])):
        end += 1
    if not MIN_NAME_WORDS <= end - start <= MAX_NAME_WORDS or (end < len(spans) and covered.get(end)):
        return None
    if set_off and not (end < len(spans) and _stop_between(text, spans, end)
                        and any(c in APPOSITION for c in text[spans[end - 1][2]:spans[end][1]])):
        return None                        # a name after a comma is closed by one too
    if quoted and not any(c in QUOTES for c in text[spans[end - 1][2]:(spans[end][1] if end < len(spans) else None)]):
        return None                        # and a quoted name by a quotation mark
    return end


def _written_name(rules: Rules, text: str, span) -> bool:
    """'علي' (a name at any place), 'الله' (a later word): what the rules would refuse; the spelling decides."""
    return text[span[1]:span[2]] in rules.written_names


def _plain_word(rules: Rules, token: str) -> bool:
    stop = token in rules.stop_words or (token[:1] in "وف" and token[1:] in rules.stop_words)   # وذلك
    return len(token) >= 2 and not token.isdigit() and not stop \
        and not _stems(token) & (rules.heads | rules.title_nouns | rules.places | rules.body_verbs)


def _first_name_word(rules: Rules, token: str) -> bool:
    if not _plain_word(rules, token) or token.startswith((ARTICLE, "وال", "لل", "بال", "فال", "كال")):
        return False
    return token[:1] not in "لب" or token in rules.first_names   # لبناء، بمقر: a preposition and a word


def _last_word(rules: Rules, text: str, spans, position: int) -> bool:
    """Whether token `position` ends the name: a stop mark, the paragraph's end or a verb follows it."""
    return position + 1 == len(spans) or _stop_between(text, spans, position + 1) \
        or spans[position + 1][0] in rules.verbs


def _later_name_word(rules: Rules, token: str, last: bool) -> bool:
    if not _plain_word(rules, token) or token.startswith("وال"):   # "والوفد": the sentence goes on
        return False
    if token[:1] == "و":   # وليامز before a stop; "وفريقه" mid-sentence is a conjunction and a word
        return last
    if token.startswith(ARTICLE):   # a family name: a nisba (الفلاني) anywhere, another (الكاسح) before a stop
        return token.endswith(NISBA_ENDING) or last
    if token[:1] == "ل":            # "لمحاولة", "لبحث": a preposition and a word; جان لوك is listed
        return token in rules.first_names
    return not token.startswith(("بال", "فال", "كال"))


def _after_a_speech_verb(rules: Rules, spans, start: int) -> bool:
    return start > 0 and bool(_stems(spans[start - 1][0]) & rules.body_verbs)


def _name_before(rules: Rules, text: str, spans, title: int, covered: dict) -> str | None:
    """'…، فلان الفلاني، نائب مدير…', 'وقالت فلانة الفلانية، كبيرة المستشارين…': a name set off by commas,
    or by a verb of saying and a comma, just before its title; 'وقال فلان الفلاني وهو متحدث…': or by a
    verb of saying and a pronoun; 'فلان الفلاني نائب عميد البلدية أكد…': or by opening the paragraph
    with the title followed by a verb of saying."""
    end, opening = title, False
    if title > 0 and spans[title - 1][0] in rules.appositives and not _stop_between(text, spans, title):
        end = title - 1
    elif not _stop_between(text, spans, title):
        said = _title_end(rules, text, spans, title, covered)
        opening = said < len(spans) and bool(_stems(spans[said][0]) & rules.body_verbs)
        if not opening or title > MAX_NAME_WORDS:
            return None
    for size in range(MIN_NAME_WORDS, MAX_NAME_WORDS + 1):
        start = end - size
        if opening and start != 0:
            continue                       # only the paragraph's first words, before a title and 'أكد'
        opened = start > 0 and spans[start - 1][0] in rules.stop_words   # "من جانبه، أوضح فلان الفلاني،"
        if start < 0 or not (opened or _stop_between(text, spans, start) or _after_a_speech_verb(rules, spans, start)) \
                or any(_stop_between(text, spans, p) for p in range(start + 1, end)):
            continue
        if end < title and not _after_a_speech_verb(rules, spans, start):
            continue                       # the pronoun alone sets a name off only after a verb of saying
        if _name_end(rules, text, spans, start, covered, after_title=False) == end:
            return text[spans[start][1]:spans[end - 1][2]]
    return None


# ---------------------------------------------------------------- bodies


def _bodies(rules: Rules, text: str, spans, covered: dict) -> list[ProposedActor]:
    found = []
    for position in range(len(spans) - 1):
        head = position + 1
        if not _stems(spans[position][0]) & rules.body_verbs or head in covered \
                or _stop_between(text, spans, head) or spans[head][0] not in rules.body_heads:
            continue
        end = head + 1
        while end < len(spans) and end - head < MAX_BODY_WORDS and not _stop_between(text, spans, end) \
                and end not in covered and _body_word(rules, text, spans, end):
            end += 1
        ends_cleanly = end == len(spans) or _stop_between(text, spans, end) or spans[end][0] in rules.body_ends
        last = spans[end - 1][0]
        dangling = last[:1] == "ل" and not last.startswith(("لل", ARTICLE))   # '…لعملية' wants its noun; 'للقضاء' has it
        if end - head >= 2 and ends_cleanly and end not in covered and not dangling:
            found.append(ProposedActor(text[spans[head][1]:spans[end - 1][2]], ORGANIZATION, None))
    return found


def _body_word(rules: Rules, text: str, spans, position: int) -> bool:
    """A word of a body's name: with the article, an office noun, or 'ل' + a noun before one with the
    article ("اللجنة الوطنية لحقوق الإنسان")."""
    token = spans[position][0]
    if token in rules.body_ends or token in rules.stop_words and not token.startswith(ARTICLE):
        return False
    stems = _stems(token)
    if any(stem.startswith(ARTICLE) for stem in stems) or token in rules.title_nouns:
        return True
    if position + 1 == len(spans) or _stop_between(text, spans, position + 1):   # 'لعملية "…"': not sure
        return False
    return token[:1] == "ل" and len(token) > 3 and spans[position + 1][0].startswith(ARTICLE)
