"""A story's source: the outlet or agency it names as its origin, by an ordered list of small named rules.

The rules, in order (the first that finds one wins):
- source-line: 'المصدر: صحيفة المرصد الليبية', 'مصدر الخبر / قناة ليبيا 24' (a label, then the outlet);
- masthead: the outlet's own name in the page lines above the story (as sources.yaml says, the page's own
  outlet comes before a wire credit inside its story);
- dateline: the outlet or agency mark in the lead's dateline ('طرابلس 12 مايو (وال) -', 'القدس - معا -',
  'الإيطالية نيوز، 13 يناير 2020 -'), proposed when the registry lacks it;
- credit: an outlet after a credit phrase in the first paragraphs ('نقلا عن وكالة…', 'بحسب ما أوردت قناة…',
  'في تصريح لقناة…', 'لـ «الجريدة»');
- story, page: a registry signature anywhere in the story, then anywhere on the page.
Words inside a long quotation are someone's words ('«…كما نقلت رويترز…»'): no rule reads them.
When the source line or a credit phrase names an outlet the registry lacks, the story's `source` stays null
and the outlet is proposed as written, for the maintainer to add to content/sources.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import normalise_for_matching
from ..model import Registries
from . import boilerplate as patterns
from .cleaning import BLANK, DROP, SOURCE, TEXT, Line, label_of
from .extract import parse_dateline

_QUOTED = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|\"[^\"\n]*\"")
_DOTTED_MARK = re.compile(r"(?<![^\W\d_])([^\W\d_])\.(?=[^\W\d_](?:[.\s)]|$))")   # أ.ف.ب → أ ف ب
_PUNCTUATION = "،,.:؛;«»\"“”()[]!؟?"


def _key(word: str) -> str:
    return normalise_for_matching(word).strip(_PUNCTUATION)


_CUES = tuple(sorted({tuple(_key(w) for w in cue.split()) for cue in patterns.SOURCE_CUES}, key=len, reverse=True))
_OUTLET_WORDS = frozenset(_key(word) for word in patterns.OUTLET_WORDS)
_NAME_ENDS = frozenset(_key(word) for word in patterns.OUTLET_NAME_ENDS)


@dataclass(frozen=True)
class SourceMatcher:
    """The registry's signatures, normalised: the leftmost one found in a text (then the longest) wins."""
    signatures: tuple[tuple[str, str], ...]            # (normalised signature, source id), longest first
    signatures_and_names: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FoundSource:
    id: str | None                  # a source id of sources.yaml
    proposed: str | None = None     # the outlet as the text writes it, when the registry lacks it
    rule: str = ""


@dataclass(frozen=True)
class SourceEvidence:
    story: tuple[Line, ...]         # the story's lines
    page: tuple[Line, ...]          # every line of the page
    matcher: SourceMatcher
    places: frozenset[str] = frozenset()
    headline: Line | None = None    # not a paragraph: the credit rule reads the body's first paragraphs

    @property
    def paragraphs(self) -> tuple[Line, ...]:
        return tuple(line for line in self.story if line.kind == TEXT and line != self.headline)


def build_source_matcher(registries: Registries) -> SourceMatcher:
    signatures, names = {}, {}
    for source in registries.sources:
        for signature in source.signatures:
            signatures.setdefault(normalise_for_matching(signature), source.id)
        names.setdefault(normalise_for_matching(source.name), source.id)
    both = {**names, **signatures}
    return SourceMatcher(_longest_first(signatures), _longest_first(both))


def _longest_first(owner: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((p, i) for p, i in owner.items() if p), key=lambda item: (-len(item[0]), item[0])))


# ---------------------------------------------------------------- the rules


def source_from_source_line(evidence: SourceEvidence) -> FoundSource | None:
    """'المصدر: …' in the story; the outlet on the next line when the label stands alone."""
    for index, line in enumerate(evidence.page):
        if line.kind == SOURCE and line in evidence.story:
            named = label_of(line.text, patterns.SOURCE_LABELS) or _next_short_line(evidence.page, index)
            if named:
                found = source_in(named, evidence.matcher.signatures_and_names)
                return FoundSource(found) if found else _proposal(named)
    return None


def source_from_masthead(evidence: SourceEvidence) -> FoundSource | None:
    """The outlet's own name among the header lines above the story ('وكالة الأنباء الليبية', an editor's line)."""
    first = evidence.story[0].number if evidence.story else 0
    header = [line for line in evidence.page if line.number < first and line.rule in ("masthead", "chrome")]
    found = source_in(_joined(header), evidence.matcher.signatures_and_names)
    return FoundSource(found) if found else None


def source_from_dateline(evidence: SourceEvidence) -> FoundSource | None:
    """'نيويورك 24 سبتمبر 2025م(وال)-', 'القاهرة - بوابة الوسط -' at the head of the lead."""
    for line in evidence.paragraphs[:patterns.SOURCE_CUE_PARAGRAPHS + 1]:
        dateline = parse_dateline(line.text, evidence.places)
        found = source_in(dateline.text, evidence.matcher.signatures_and_names) if dateline else None
        if found:
            return FoundSource(found)
        if dateline and dateline.outlet:   # 'القدس - معا -': an outlet the registry lacks
            return _proposal(dateline.outlet)
    return None


def source_from_credit(evidence: SourceEvidence) -> FoundSource | None:
    """An outlet right after a credit phrase in the first paragraphs: 'نقلا عن وكالة الأناضول', 'حسبما أفادت
    وكالة نوفا الإيطالية للأنباء', 'في تصريح لقناة تبادل', 'مصدر مسؤول لـ «الجريدة»'."""
    paragraphs = [p for p in evidence.paragraphs if p.words > patterns.MAX_DATELINE_WORDS]
    for line in paragraphs[:patterns.SOURCE_CUE_PARAGRAPHS]:
        found = credited_outlet(without_quotations(line.text), evidence.matcher)
        if found:
            return found
    return None


def source_from_story(evidence: SourceEvidence) -> FoundSource | None:
    found = source_in(without_quotations(_joined(evidence.story)), evidence.matcher.signatures)
    return FoundSource(found) if found else None


def source_from_page(evidence: SourceEvidence) -> FoundSource | None:
    found = source_in(without_quotations(_joined(evidence.page)), evidence.matcher.signatures)
    return FoundSource(found) if found else None


SOURCE_RULES = (
    ("source-line", source_from_source_line),
    ("masthead", source_from_masthead),
    ("dateline", source_from_dateline),
    ("credit", source_from_credit),
    ("story", source_from_story),
    ("page", source_from_page),
)


def extract_source(story_lines: tuple[Line, ...], page_lines: tuple[Line, ...], matcher: SourceMatcher,
                   places: frozenset[str] = frozenset(), rules=SOURCE_RULES, headline: Line | None = None) -> FoundSource:
    evidence = SourceEvidence(story_lines, page_lines, matcher, places, headline)
    for name, rule in rules:
        found = rule(evidence)
        if found:
            return FoundSource(found.id, found.proposed, name)
    return FoundSource(None)


# ---------------------------------------------------------------- reading names


def credited_outlet(text: str, matcher: SourceMatcher) -> FoundSource | None:
    """The outlet a credit phrase names (a registry id, else a proposal), or None."""
    words = text.split()
    keys = [_key(word) for word in words]
    for start in range(len(keys)):
        for cue in _CUES:
            if tuple(keys[start:start + len(cue)]) == cue:
                found = _outlet_at(words[start + len(cue):start + len(cue) + 8], matcher)
                if found:
                    return found
    return None


def _outlet_at(words: list[str], matcher: SourceMatcher) -> FoundSource | None:
    """An outlet named at the start of `words` ('لوكالة الأنباء الليبية', 'لـ «الجريدة»', 'قناة تبادل',
    'لـ"العربي الجديد"')."""
    if words and _key(words[0]) == "ل":
        words = words[1:]
    glued = _GLUED_QUOTE.match(words[0]) if words else None
    if glued:                               # 'لـ"العربي الجديد"،': the preposition written on the quotation
        words = _with_guillemets([glued.group(1), *words[1:]])
    if not words:
        return None
    first = _key(words[0])
    if first.startswith("ل") and first[1:] in _OUTLET_WORDS:
        words = [words[0][1:].lstrip("ـ"), *words[1:]]
    folded = normalise_for_matching(" ".join(words)).replace("«", "").replace("»", "")
    after_word = folded.split(" ", 1)[1] if _key(words[0]) in _OUTLET_WORDS and " " in folded else ""
    for phrase, source_id in matcher.signatures_and_names:
        if any(_find_phrase(text, phrase) == 0 for text in (folded, after_word) if text):
            return FoundSource(source_id)
    if _key(words[0]) in _OUTLET_WORDS:
        return _proposal(" ".join(_name_words(words)))
    if words[0].startswith("«"):
        quoted = " ".join(words).split("»", 1)[0].lstrip("«")
        return _proposal(quoted) if quoted and len(quoted.split()) <= patterns.MAX_OUTLET_WORDS else None
    return None


_LOOSE_QUOTES = frozenset(('"', "“", "”", "«", "»"))
_GLUED_QUOTE = re.compile(r'^لـ?(["“«].*)$')


def _with_guillemets(words: list[str]) -> list[str]:
    """'"العربي', 'الجديد"،' → '«العربي', 'الجديد»،': straight or curly quotation marks as « and »."""
    text, opened = [], False
    for char in " ".join(words):
        if char in '"“”«»':
            char, opened = ("»", False) if opened else ("«", True)
        text.append(char)
    return "".join(text).split(" ")


def _name_words(words: list[str]) -> list[str]:
    """'قناة تبادل', and 'بوابة " أخبار اليوم "': a name the page sets in loose quotation marks."""
    name, quoted = [words[0]], False
    for word in words[1:patterns.MAX_OUTLET_WORDS + 2]:
        if word in _LOOSE_QUOTES:
            if quoted:
                break
            quoted = True
            continue
        if not quoted and (_key(word) in _NAME_ENDS or not _key(word)):
            break
        name.append(word)
        if word[-1:] in _PUNCTUATION and not quoted:
            break
    return name


def _proposal(named: str) -> FoundSource | None:
    name = " ".join(named.strip(_PUNCTUATION + " ").split())
    name = name.replace("«", "").replace("»", "")
    if not name or len(name.split()) > patterns.MAX_OUTLET_WORDS + 1:
        return None
    return FoundSource(None, name)


def without_quotations(text: str) -> str:
    """The text with every quotation longer than a name left out."""
    return _QUOTED.sub(lambda m: m.group(0) if len(m.group(0).split()) <= patterns.MAX_QUOTED_CREDIT_WORDS
                       else " … ", text)


def source_in(text: str, signatures: tuple[tuple[str, str], ...]) -> str | None:
    """The leftmost signature in the text (then the longest); 'أ.ف.ب' reads as 'أ ف ب'."""
    folded = normalise_for_matching(_DOTTED_MARK.sub(r"\1 ", text))
    best = None
    for phrase, source_id in signatures:
        position = _find_phrase(folded, phrase)
        if position != -1 and (best is None or position < best[0]):
            best = (position, source_id)
    return best[1] if best else None


def _find_phrase(text: str, phrase: str) -> int:
    """Where the phrase first stands as whole words ('الوسط' is not in 'الأوسط'), or -1."""
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if (not phrase[0].isalnum() or start == 0 or not text[start - 1].isalnum()) and \
                (not phrase[-1].isalnum() or end == len(text) or not text[end].isalnum()):
            return start
        start = text.find(phrase, start + 1)
    return -1


def _next_short_line(lines: tuple[Line, ...], index: int) -> str:
    for line in lines[index + 1:]:
        if line.kind == BLANK:
            continue
        return line.text if line.kind in (TEXT, DROP) and line.words <= patterns.MAX_OUTLET_WORDS else ""
    return ""


def _joined(lines) -> str:
    return " \n ".join(line.text for line in lines)

