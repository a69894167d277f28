"""Arabic wording: numbers, counted nouns and dates, through Babel and CLDR. No I/O.

Arabic counted nouns take six forms. The form is chosen by the CLDR plural category that
`Locale.plural_form(n)` returns (zero, one, two, few, many, other), never by gettext's Plural-Forms
header, whose order for `ar` differs from CLDR (python-babel issue 816).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from hijridate import Gregorian

from .entry_dates import PLAIN_DATE, read_entry_date


@dataclass(frozen=True)
class CountedNoun:
    """The six forms of a noun after a number; '{n}' stands for the formatted number."""
    zero: str
    one: str
    two: str
    few: str     # 3–10 (and 103–110 …): plural, genitive
    many: str    # 11–99: singular, accusative
    other: str   # 100, 101, 102 …: singular, genitive


NOUNS = {
    "entry": CountedNoun("لا مقالات", "مقال واحد", "مقالان", "{n} مقالات", "{n} مقالاً", "{n} مقال"),
    "actor": CountedNoun("لا فاعلين", "فاعل واحد", "فاعلان", "{n} فاعلين", "{n} فاعلاً", "{n} فاعل"),
    "theme": CountedNoun("لا موضوعات", "موضوع واحد", "موضوعان", "{n} موضوعات", "{n} موضوعاً", "{n} موضوع"),
    "source": CountedNoun("لا مصادر", "مصدر واحد", "مصدران", "{n} مصادر", "{n} مصدراً", "{n} مصدر"),
    "year": CountedNoun("لا سنوات", "سنة واحدة", "سنتان", "{n} سنوات", "{n} سنةً", "{n} سنة"),
    "month": CountedNoun("لا أشهر", "شهر واحد", "شهران", "{n} أشهر", "{n} شهراً", "{n} شهر"),
    "time": CountedNoun("ولا مرة", "مرة واحدة", "مرتان", "{n} مرات", "{n} مرةً", "{n} مرة"),
}


@lru_cache(maxsize=1 << 12, typed=True)    # counts repeat on every page, and Babel takes its time
def format_number(number: int, locale: str) -> str:
    return format_decimal(number, locale=locale)


@lru_cache(maxsize=None)
def count_of(number: int, noun: str, locale: str) -> str:
    """'مقال واحد', 'مقالان', '3 مقالات', '11 مقالاً', '100 مقال' — by CLDR category."""
    forms = NOUNS[noun]
    category = Locale.parse(locale).plural_form(number)
    return getattr(forms, category).format(n=format_number(number, locale))


def parse_partial_date(text: str) -> tuple[int, int | None, int | None]:
    """'2025-09-23' → (2025, 9, 23); an EDTF date is read at the bound it is filed by (its start)."""
    if not PLAIN_DATE.match(text):
        text = read_entry_date(text).key
    parts = [int(part) for part in text.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


# How a reader says an uncertain, approximate or open date (Babel gives the months; these are the words).
QUALIFIED = {"?": "{date} (غير مؤكد)", "~": "نحو {date}", "%": "نحو {date} (غير مؤكد)"}
BETWEEN, BEFORE, AFTER = "بين {start} و{end}", "قبل {end}", "بعد {start}"


@lru_cache(maxsize=None)     # the same few thousand dates are shown on many pages
def format_partial_date(text: str | None, locale: str) -> str:
    """'23 سبتمبر 2025', 'سبتمبر 2025' or '2025': a partial date is shown as partial; an EDTF date as a
    reader says it: 'بين مارس 2021 وأغسطس 2023', 'قبل مايو 2020', 'نحو 2019', 'مايو 2024 (غير مؤكد)'."""
    if not text:
        return ""
    if PLAIN_DATE.match(text):
        return _format_plain(text, locale)
    when = read_entry_date(text)
    if when.start != when.end:
        start, end = (_format_plain(bound, locale) if bound else "" for bound in (when.start, when.end))
        return (BETWEEN if when.start and when.end else AFTER if when.start else BEFORE).format(start=start, end=end)
    return QUALIFIED[when.qualifier].format(date=_format_plain(when.start, locale)) if when.qualifier \
        else _format_plain(when.start, locale)


def _format_plain(text: str, locale: str) -> str:
    year, month, day = parse_partial_date(text)
    if day:
        return format_date(datetime.date(year, month, day), "d MMMM y", locale=locale)
    if month:
        return format_date(datetime.date(year, month, 1), "MMMM y", locale=locale)
    return str(year)


@lru_cache(maxsize=None)
def format_hijri_date(text: str | None) -> str:
    """The Umm al-Qura date of a day-precision date, e.g. '1 ربيع الثاني 1447 هـ'; '' otherwise (a span,
    an uncertain day: a Hijri day would claim more than the entry knows)."""
    if not text or not PLAIN_DATE.match(text):
        return ""
    year, month, day = parse_partial_date(text)
    if not day:
        return ""
    try:
        hijri = Gregorian(year, month, day).to_hijri()
    except OverflowError:          # outside the Umm al-Qura tables (1924–2077)
        return ""
    return f"{hijri.day} {hijri.month_name('ar')} {hijri.year} {hijri.notation('ar')}"


@lru_cache(maxsize=1 << 12)
def format_month_name(text: str, locale: str) -> str:
    """'2025-09' → 'سبتمبر'."""
    year, month, _ = parse_partial_date(text)
    return format_date(datetime.date(year, month or 1, 1), "MMMM", locale=locale)


def padded_date(text: str | None) -> str:
    """A sortable full date: 2025-09 → 2025-09-01, 2025 → 2025-01-01; a span sorts by its start
    (2021-03/2023-08 → 2021-03-01), a span open at the start by its end (../2020-05 → 2020-05-01)."""
    if not text:
        return ""
    year, month, day = parse_partial_date(text)
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"
