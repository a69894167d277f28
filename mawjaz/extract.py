"""A story's fields from its cleaned lines: title, date, place, source, summary. Pure functions.

Each field is read from where news pages put it: the date and place from the dateline at the head
of the lead ("نيويورك 24 سبتمبر 2025م(وال)-"), the place also from the meeting place in the lead
("في واشنطن", "بالعاصمة الفرنسية باريس"), the source from the registry's signatures in the story
and in the page around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import boilerplate as patterns
from .arabic import normalise_for_matching, strip_clitics, tokenise
from .cleaning import PUBLISHED, SOURCE, Line, label_of
from .dates import find_dates
from .model import Registries

MAX_TITLE_WORDS = 14
MIN_TITLE_WORDS = 8
MAX_SUMMARY_WORDS = 50
ELLIPSIS = "…"
_DATELINE = re.compile(r"^(?P<head>[^-–—:]{1,80}?)\s*[-–—:]\s*(?P<rest>\S.*)$")
_AGENCY_MARK = re.compile(r"\([^()]{1,20}\)")
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
# Words before a place that say "in", "in the capital", "in the city of".
PLACE_CUES = frozenset(normalise_for_matching(w) for w in (
    "في", "العاصمة", "بالعاصمة", "مدينة", "بمدينة"))


@dataclass(frozen=True)
class Dateline:
    place: str | None           # as written; None when generic ("ليبيا") or absent
    date: str | None            # ISO
    text: str                   # the dateline as written
    rest: str                   # the lead without its dateline


def parse_dateline(text: str, places: frozenset[str] = frozenset()) -> Dateline | None:
    """'طرابلس- دعت…', 'ليبيا – أجرت…', 'نيويورك 24 سبتمبر 2025م(وال)- شددت…'; None when the line has none."""
    match = _DATELINE.match(text)
    if not match or len(match.group("head").split()) > patterns.MAX_DATELINE_WORDS:
        return None
    head = match.group("head").strip()
    dates = find_dates(head)
    place_words = re.split(r"\s*(?:\d|\()", head, maxsplit=1)[0].strip()
    generic = normalise_for_matching(place_words) in {normalise_for_matching(p)
                                                      for p in patterns.GENERIC_DATELINE_PLACES}
    is_place = normalise_for_matching(place_words) in places or generic or bool(dates) \
        or bool(_AGENCY_MARK.search(head))
    if not is_place or not place_words or len(place_words.split()) > 3:
        return None
    return Dateline(None if generic else place_words, dates[0].iso if dates else None, head, match.group("rest"))


def lead_paragraph(paragraphs: tuple[Line, ...], places: frozenset[str]) -> Line | None:
    """The paragraph that opens the news: the first with a dateline among the first three, else the first."""
    for line in paragraphs[:3]:
        if parse_dateline(line.text, places):
            return line
    return paragraphs[0] if paragraphs else None


# ---------------------------------------------------------------- title and summary


def extract_title(headline: Line | None, lead: Line | None, places: frozenset[str]) -> str:
    if headline is not None:
        return headline.text.rstrip(" .")
    if lead is None:
        return ""
    return shorten(_without_dateline(lead.text, places), MAX_TITLE_WORDS, MIN_TITLE_WORDS).rstrip(" .،")


def extract_summary(lead: Line | None, places: frozenset[str]) -> str:
    """One or two sentences of the lead, at most MAX_SUMMARY_WORDS words."""
    if lead is None:
        return ""
    sentences = _SENTENCE_END.split(_without_dateline(lead.text, places))
    summary = sentences[0]
    if len(sentences) > 1 and len((summary + " " + sentences[1]).split()) <= MAX_SUMMARY_WORDS:
        summary += " " + sentences[1]
    return shorten(summary, MAX_SUMMARY_WORDS, MAX_SUMMARY_WORDS // 2)


def shorten(text: str, most: int, least: int) -> str:
    """At most `most` words, cut after a comma when one falls between `least` and `most` words."""
    words = text.split()
    if len(words) <= most:
        return text
    for end in range(most, least - 1, -1):
        if words[end - 1].endswith("،"):
            return " ".join(words[:end]).rstrip("،") + ELLIPSIS
    return " ".join(words[:most]).rstrip("،.") + ELLIPSIS


def _without_dateline(text: str, places: frozenset[str]) -> str:
    dateline = parse_dateline(text, places)
    return dateline.rest if dateline else text


# ---------------------------------------------------------------- date


def extract_date(lines: tuple[Line, ...], lead: Line | None, places: frozenset[str]) -> tuple[str | None, str | None]:
    """(date, the basis for it). A publication line, the lead's dateline, or a full date in its first sentence."""
    for line in lines:
        if line.kind == PUBLISHED:
            found = find_dates(line.text)
            if found:
                return found[0].iso, f"publication line: {line.text}"
    if lead is None:
        return None, None
    dateline = parse_dateline(lead.text, places)
    if dateline and dateline.date:
        return dateline.date, f"dateline: {dateline.text}"
    first_sentence = _SENTENCE_END.split(lead.text)[0]
    found = find_dates(first_sentence)
    return (found[0].iso, f"lead: {found[0].text}") if found else (None, None)


# ---------------------------------------------------------------- place


def extract_place(paragraphs: tuple[Line, ...], lead: Line | None, places: dict[tuple[str, ...], str]) -> str | None:
    """The dateline's place, else the first place the lead (or the next paragraph) says the event was in."""
    place_names = frozenset(" ".join(key) for key in places)
    generic = {tuple(tokenise(name)) for name in patterns.GENERIC_DATELINE_PLACES}
    places = {key: written for key, written in places.items() if key not in generic}
    if lead is not None:
        dateline = parse_dateline(lead.text, place_names)
        if dateline and dateline.place:
            return dateline.place
    ordered = ([lead] if lead else []) + [p for p in paragraphs[:2] if p is not lead]
    for paragraph in ordered:
        place = _first_place_with_cue(tokenise(paragraph.text), places)
        if place:
            return place
    return None


def _first_place_with_cue(tokens: list[str], places: dict[tuple[str, ...], str]) -> str | None:
    for position, token in enumerate(tokens):
        for stem in strip_clitics(token):
            for key, written in places.items():
                if key[0] == stem and tuple(tokens[position + 1:position + len(key)]) == key[1:] \
                        and _has_place_cue(tokens, position, stem != token):
                    return written
    return None


def _has_place_cue(tokens: list[str], position: int, had_clitic: bool) -> bool:
    """'في باريس', 'بطرابلس', 'بالعاصمة طرابلس', 'بالعاصمة الفرنسية باريس'."""
    if had_clitic and tokens[position][:1] == "ب":
        return True
    before = tokens[max(0, position - 2):position]
    return bool(before) and (before[-1] in PLACE_CUES or (len(before) == 2 and before[0] in PLACE_CUES
                                                          and before[1].startswith("ال")))


# ---------------------------------------------------------------- source


def extract_source(story_lines: tuple[Line, ...], page_lines: tuple[Line, ...], registries: Registries) -> str | None:
    """The outlet named in the story's 'المصدر:' line, else a signature in the story, else in the page."""
    for line in story_lines:
        if line.kind == SOURCE:
            found = _source_named(label_of(line.text, patterns.SOURCE_LABELS) or "", registries, with_names=True)
            if found:
                return found
    for lines in (story_lines, page_lines):
        found = _source_named(" \n ".join(line.text for line in lines), registries, with_names=False)
        if found:
            return found
    return None


def _source_named(text: str, registries: Registries, with_names: bool) -> str | None:
    folded = normalise_for_matching(text)
    best = None
    for source in registries.sources:
        names = source.signatures + ((source.name,) if with_names else ())
        for signature in names:
            position = _find_signature(folded, normalise_for_matching(signature))
            if position is not None and (best is None or position < best[0]):
                best = (position, source.id)
    return best[1] if best else None


def _find_signature(folded: str, signature: str) -> int | None:
    if not signature:
        return None
    before = r"(?<![^\W_])" if re.match(r"[^\W_]", signature[0]) else ""
    after = r"(?![^\W_])" if re.match(r"[^\W_]", signature[-1]) else ""
    match = re.search(before + re.escape(signature) + after, folded)
    return match.start() if match else None
