"""A story's fields from its cleaned lines: title, date, place, summary. Pure functions (its source: sources.py).

Each field is read from where news pages put it: the date from a publication line, the dateline at
the head of the lead ("نيويورك 24 سبتمبر 2025م(وال)-"), a stamp line by the headline or the page's
address (STORY_DATE_RULES, in order); the place from the dateline and the meeting place in the lead
("في واشنطن", "بالعاصمة الفرنسية باريس").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_date

from ..arabic import normalise_for_matching, strip_clitics, tokenise
from . import boilerplate as patterns
from .cleaning import BLANK, PUBLISHED, TEXT, Line, label_of
from .dates import (day_named_relative_to, find_address_dates, find_dates, find_day_month, named_day, todays_weekday,
                    names_relative_time, with_year)

MAX_TITLE_WORDS = 14
MIN_TITLE_WORDS = 8
MAX_SUMMARY_WORDS = 50
MAX_STAMP_WORDS = 12           # a byline with a date, between headline and lead; a longer line is a sentence
EVENT_DAY_PARAGRAPHS = 3        # 'أمس الثلاثاء' is looked for in the headline and the first paragraphs
SENTENCE_ENDS = (".", "!", "؟", "?", "»", "”", '"', ")")
ELLIPSIS = "…"
UNTITLED = "بلا عنوان"          # never left empty: an entry needs a title; the maintainer writes one
_DATELINE = re.compile(r"^(?P<head>[^-–—:]{1,80}?)\s*[-–—:]\s*(?P<rest>\S.*)$")
# "طرابلس - 12 مايو (وال) - …": a date (and an agency mark) after the place, between two dashes.
_DATE_AFTER_PLACE = re.compile(r"^(?P<date>\d{1,2}\s+[^\W\d]+(?:\s+[^\W\d]+)?(?:\s+\d{4}\s*م?)?\s*(?:\([^()]{1,20}\))?)"
                               r"\s*[-–—]\s*(?P<rest>\S.*)$")
_AGENCY_MARK = re.compile(r"\([^()]{1,20}\)")
# "القدس - معا - يستأنف…": an outlet of one to three words between the place and a second dash.
_OUTLET_AFTER_PLACE = re.compile(r"^(?P<outlet>[^\W\d_][^\d\-–—:.،()]{0,30}?)\s+[-–—]\s+(?P<rest>\S.*)$")
MAX_DATELINE_OUTLET_WORDS = 3
MEDIA_NAME_ENDINGS = frozenset(normalise_for_matching(word) for word in patterns.MEDIA_NAME_ENDINGS if " " not in word)
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
# Words before a place that say "in", "in the capital", "in the city of".
PLACE_CUES = frozenset(normalise_for_matching(w) for w in (
    "في", "العاصمة", "بالعاصمة", "مدينة", "بمدينة", "بلدية", "ببلدية", "منطقة", "بمنطقة", "ميناء", "بميناء",
    "ميناءي", "مينائي", "حقل", "بحقل"))   # 'في بلدية نالوت', 'في ميناءي السدرة ورأس لانوف'


@dataclass(frozen=True)
class Dateline:
    place: str | None           # as written; None when generic ("ليبيا") or absent
    date: str | None            # ISO
    text: str                   # the dateline as written
    rest: str                   # the lead without its dateline
    month_day: tuple[int, int] | None = None     # a date written without its year ("12 مايو")
    outlet: str | None = None   # an outlet the dateline names: "القدس - معا -", "الإيطالية نيوز، 13 يناير 2020 -"


def parse_dateline(text: str, places: frozenset[str] = frozenset()) -> Dateline | None:
    """'طرابلس- دعت…', 'ليبيا – أجرت…', 'نيويورك 24 سبتمبر 2025م(وال)- شددت…'; None when the line has none."""
    match = _DATELINE.match(text)
    if not match or len(match.group("head").split()) > patterns.MAX_DATELINE_WORDS:
        return None
    head, rest = match.group("head").strip(), match.group("rest")
    dated = _DATE_AFTER_PLACE.match(rest)
    if dated and (find_dates(dated.group("date")) or find_day_month(dated.group("date"))):
        head, rest = f"{head} - {dated.group('date').strip()}", dated.group("rest")
    dates = find_dates(head)
    month_day = None if dates else find_day_month(head)
    place_words = re.split(r"\s*(?:\d|\()", head, maxsplit=1)[0].strip(" -–—")
    generic = normalise_for_matching(place_words) in {normalise_for_matching(p)
                                                      for p in patterns.GENERIC_DATELINE_PLACES}
    is_place = normalise_for_matching(place_words) in places or generic or bool(dates or month_day) \
        or bool(_AGENCY_MARK.search(head))
    named = _OUTLET_AFTER_PLACE.match(rest) if not dates and not month_day else None
    if named and (len(named.group("outlet").split()) > MAX_DATELINE_OUTLET_WORDS
                  or normalise_for_matching(named.group("outlet").strip()) in places):
        named = None
    # 'القدس - معا -': a place and an outlet between dashes make a dateline, a place the registry lacks too
    is_place = is_place or bool(named and len(place_words.split()) <= 2)
    if not is_place or not place_words or len(place_words.split()) > 3:
        return None
    outlet = None
    if normalise_for_matching(place_words.split()[-1].strip("،,")) in MEDIA_NAME_ENDINGS:
        outlet, place_words = place_words.strip("،, "), None      # 'الإيطالية نيوز، 13 يناير 2020 -'
    elif named:
        outlet = named.group("outlet").strip()
        head, rest = f"{head} - {outlet}", named.group("rest")
    place = None if generic or not place_words else place_words
    return Dateline(place, dates[0].iso if dates else None, head, rest, month_day, outlet)


def lead_paragraph(paragraphs: tuple[Line, ...], places: frozenset[str]) -> Line | None:
    """The paragraph that opens the news, among the first three: a sentence with a dateline, else the first
    sentence. A subtitle or teaser line (no full stop: 'ليبيا – المشير حفتر يلتقي ماكرون…') is not the lead."""
    sentences = [line for line in paragraphs[:3] if line.text.endswith(SENTENCE_ENDS)]
    for line in sentences:
        if parse_dateline(line.text, places):
            return line
    if sentences:
        return sentences[0]
    return paragraphs[0] if paragraphs else None


# ---------------------------------------------------------------- title and summary


def extract_title(headline: Line | None, lead: Line | None, places: frozenset[str]) -> str:
    if headline is not None:
        return headline.text.rstrip(" .")
    if lead is None:
        return UNTITLED
    title = shorten(_without_dateline(lead.text, places), MAX_TITLE_WORDS, MIN_TITLE_WORDS).rstrip(" .،")
    return title or lead.text.strip() or UNTITLED


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


@dataclass(frozen=True)
class DateEvidence:
    """Where a story's date may be written: its own lines, the page lines just above it, the whole page."""
    lines: tuple[Line, ...]                 # the story's lines, headline to last paragraph
    lead: Line | None
    places: frozenset[str] = frozenset()
    head: tuple[Line, ...] = ()             # page lines between the story before (or the top) and this one
    page: tuple[Line, ...] = ()             # the whole page, for its first story only (a link's date is its own)

    @property
    def paragraphs(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kind == TEXT)


def date_from_publication_line(evidence: DateEvidence):
    """'نشر في: 2019-05-12 10:30'; a 'آخر تحديث' line only when no line gives the first publication."""
    lines = [line for line in (*evidence.head, *evidence.lines) if line.kind == PUBLISHED]
    for line in sorted(lines, key=lambda line: label_of(line.text, patterns.UPDATE_LABELS) is not None):
        found = find_dates(line.text)
        if found:
            return found[0].iso, f"من سطر النشر: {line.text}"
    return None


def date_from_dateline(evidence: DateEvidence):
    """'نيويورك 24 سبتمبر 2025م(وال)-', and the day its 'أمس الثلاثاء' names."""
    dateline = parse_dateline(evidence.lead.text, evidence.places) if evidence.lead else None
    if dateline and dateline.date:
        return _event_day(dateline.date, f"من سطر التاريخ: {dateline.text}", evidence.lines)
    return None


def date_from_stamp_line(evidence: DateEvidence):
    """A line holding only a date ('الأحد 12 مايو 2019 - 10:30 ص', '12 مايو 2019 | منذ 3 ساعات') right above
    the headline or between it and the first paragraph, or a short byline there with its date in it
    ('السبت 07-07-2012 12:00 | كتب: أ.ف.ب'), or under a headline printed after the body. A 'today' header
    further up is the day the page was read."""
    lead = evidence.lead.number if evidence.lead else 0
    above = [line for line in evidence.head if line.kind != BLANK][-1:]
    under = [line for line in evidence.lines if line.number < lead]
    last_text = max((line.number for line in evidence.lines if line.kind == TEXT), default=0)
    foot = [line for line in evidence.lines if line.number > last_text and line.rule == "date-header"][:1]
    for line in (*above, *under, *foot):   # foot: a stamp under a headline the page prints after the body
        byline = line in under and line.kind == TEXT and line.words <= MAX_STAMP_WORDS   # 'السبت 07-07-2012 | كتب: …'
        found = find_dates(line.text) if line.rule == "date-header" or byline else []
        if found:
            return found[0].iso, f"من سطر التاريخ فوق الخبر: {line.text}"
    return None


def date_from_lead_sentence(evidence: DateEvidence):
    """A full date in the lead's first sentence ('أعلنت… في 12 مايو 2019'); later sentences tell of other days."""
    if evidence.lead is None:
        return None
    found = find_dates(_SENTENCE_END.split(evidence.lead.text)[0])
    return (found[0].iso, f"من مقدمة الخبر: {found[0].text}") if found else None


def date_from_todays_weekday(evidence: DateEvidence):
    """'اليوم الاثنين' in the story, and a full date in it that fell on a Monday ('… يوم 29 آذار 2021'):
    that day (the latest such date, when the story gives several)."""
    weekday = next((day for line in evidence.paragraphs if (day := todays_weekday(line.text)) is not None), None)
    if weekday is None:
        return None
    agreeing = [found for line in evidence.paragraphs for found in find_dates(line.text)
                if calendar_date.fromisoformat(found.iso).weekday() == weekday]
    if not agreeing:
        return None
    latest = max(agreeing, key=lambda found: found.iso)
    return latest.iso, f"«{latest.text}» يوافق اليوم الذي يسميه الخبر"


def date_from_dateline_and_page_year(evidence: DateEvidence):
    """'طرابلس - 12 مايو (وال) -': the day and month of the dateline, the year of a date elsewhere on the page."""
    dateline = parse_dateline(evidence.lead.text, evidence.places) if evidence.lead else None
    if not dateline or not dateline.month_day:
        return None
    dated = find_address_dates(_joined(evidence.page)) or find_dates(_joined((*evidence.head, *evidence.page)))
    iso = with_year(dateline.month_day, int(dated[0].iso[:4])) if dated else None
    if iso is None:
        return None, f"سطر التاريخ «{dateline.text}» بلا سنة، ولا تاريخ غيره في الصفحة"
    return iso, f"من سطر التاريخ: {dateline.text}، والسنة من «{dated[0].text}»"


def date_from_page_address(evidence: DateEvidence):
    """'https://example.ly/2019/05/12/…' on the page: the day the site filed its story under."""
    found = find_address_dates(_joined(evidence.page))
    return (found[0].iso, f"من رابط الصفحة: {found[0].text}") if found else None


_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b")   # boilerplate.DATE_FIELD


def date_from_date_marker(evidence: DateEvidence):
    """'date 2022-10 قال نائب…': the date field some sites print in front of the text, as precise as it is."""
    for line in (*evidence.head, *evidence.lines):
        marker = _DATE_MARKER.match(line.raw)
        if marker and 1 <= int(marker.group(2)) <= 12:
            written = "-".join(part for part in marker.groups() if part)
            return written, f"من حقل التاريخ في الصفحة: {marker.group(0).strip()}"
    return None


def no_date_but_a_day(evidence: DateEvidence):
    """Only 'الإثنين', 'اليوم' or 'منذ 3 ساعات': the story stays a draft and its note says so."""
    for line in evidence.paragraphs[:EVENT_DAY_PARAGRAPHS]:
        day = named_day(line.text)
        if day:
            return None, f"الخبر لا يذكر إلا «{day}» بلا تاريخ"
    stamps = [line for line in (*evidence.head, *evidence.lines) if names_relative_time(line.text)]
    if stamps:
        return None, f"الصفحة لا تذكر إلا «{stamps[0].text}» بلا تاريخ"
    return None


# The rules, in order: the story's own publication date first, the dates of what it tells of last.
STORY_DATE_RULES = (
    ("publication-line", date_from_publication_line),
    ("dateline", date_from_dateline),
    ("stamp-line", date_from_stamp_line),
    ("date-marker", date_from_date_marker),
    ("lead-sentence", date_from_lead_sentence),
    ("todays-weekday", date_from_todays_weekday),
    ("dateline-and-page-year", date_from_dateline_and_page_year),
    ("page-address", date_from_page_address),
    ("only-a-day", no_date_but_a_day),
)


def extract_date(lines: tuple[Line, ...], lead: Line | None, places: frozenset[str], head: tuple[Line, ...] = (),
                 page: tuple[Line, ...] = (), rules=STORY_DATE_RULES) -> tuple[str | None, str | None]:
    """(date, the basis for it, or why there is none): the first rule that finds one."""
    evidence = DateEvidence(lines, lead, places, head, page)
    for _name, rule in rules:
        found = rule(evidence)
        if found:
            return found
    return None, None


def _joined(lines) -> str:
    return "\n".join(line.text for line in lines)


def _event_day(report_date: str, basis: str, lines: tuple[Line, ...]) -> tuple[str, str]:
    """The day the lead's 'أمس الثلاثاء' names, when its weekday agrees with the report's date."""
    for line in [line for line in lines if line.kind == TEXT][:EVENT_DAY_PARAGRAPHS]:
        found = day_named_relative_to(line.text, report_date)
        if found and found.iso != report_date:
            return found.iso, f"«{found.text}» بحسب {basis.removeprefix('من ')}"
    return report_date, basis


# ---------------------------------------------------------------- place


def extract_place(paragraphs: tuple[Line, ...], lead: Line | None, places: dict[tuple[str, ...], str],
                  stamps: tuple[Line, ...] = ()) -> str | None:
    """The dateline's place (on the lead, or on a short line of the story above it: 'طرابلس - 17 مارس
    2022', when the place is in content/places.yaml), else the first place the lead (or the next
    paragraph) says the event was in."""
    place_names = frozenset(" ".join(key) for key in places)
    generic = {tuple(tokenise(name)) for name in patterns.GENERIC_DATELINE_PLACES}
    places = {key: written for key, written in places.items() if key not in generic}
    if lead is not None:
        dateline = parse_dateline(lead.text, place_names)
        if dateline and dateline.place:
            return dateline.place
    lead_number = lead.number if lead is not None else 0
    for stamp in (line for line in stamps if line.number < lead_number and line.words <= patterns.MAX_DATELINE_WORDS):
        dateline = parse_dateline(stamp.text, place_names)
        if dateline and dateline.place and normalise_for_matching(dateline.place) in place_names:
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
