"""Dates as Arabic news pages write them → ISO text (YYYY-MM-DD). Only a full date is a date.

Month names are plain data: the Egyptian/Gulf names (سبتمبر), the Levantine names (أيلول), the
Maghrebi names (جوان، جويلية، أوت), and the names used in Libya between 1986 and 2011 (الفاتح).
Digits may be Arabic-Indic. A bare weekday ("الإثنين") is not a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_date, timedelta

from .arabic import normalise_for_matching

MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "جانفي", "كانون الثاني", "أي النار"),
    2: ("فبراير", "فيفري", "شباط", "النوار"),
    3: ("مارس", "آذار", "الربيع"),
    4: ("أبريل", "إبريل", "أفريل", "نيسان", "الطير"),
    5: ("مايو", "ماي", "أيار", "الماء"),
    6: ("يونيو", "يونيه", "جوان", "حزيران", "الصيف"),
    7: ("يوليو", "يوليه", "جويلية", "تموز", "ناصر"),
    8: ("أغسطس", "أوت", "آب", "هانيبال"),
    9: ("سبتمبر", "أيلول", "الفاتح"),
    10: ("أكتوبر", "تشرين الأول", "التمور"),
    11: ("نوفمبر", "تشرين الثاني", "الحرث"),
    12: ("ديسمبر", "كانون الأول", "الكانون"),
}
WEEKDAYS = ("الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
HIJRI_MONTH_NAMES = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
                     "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
# Python's weekday numbers (Monday = 0) of the weekdays above.
WEEKDAY_NUMBERS = {"الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
                   "السبت": 5, "الأحد": 6}
# "أمس الثلاثاء" in a report dated Wednesday is Tuesday: days relative to the report's date.
RELATIVE_DAYS = {"أمس": -1, "اليوم": 0}
# Years outside this range are not a story's date (a Hijri year such as 1447 among them).
FIRST_YEAR, LAST_YEAR = 1990, 2100

_MONTH_OF = {normalise_for_matching(name): number for number, names in MONTH_NAMES.items() for name in names}
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + ")"
_YEAR = r"(\d{4})\s*م?(?!\s*ه)(?!\d)"
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:من\s+)?" + _MONTH + r"(?:\s*[/(]\s*" + _MONTH + r"\s*\)?)?\s*(?:عام\s+|سنه\s+)?" + _YEAR)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
# Weekdays are written with the article ("الأحد"); without it "أحد" is "someone".
_WEEKDAY = re.compile(r"(?<!\S)[وف]?ال(" + "|".join(normalise_for_matching(d)[2:] for d in WEEKDAYS) + r")\b")
_WEEKDAY_NUMBER = {normalise_for_matching(name): number for name, number in WEEKDAY_NUMBERS.items()}
_RELATIVE_DAY = {normalise_for_matching(word): offset for word, offset in RELATIVE_DAYS.items()}
_RELATIVE_WEEKDAY = re.compile(r"(?<!\S)(" + "|".join(_RELATIVE_DAY) + r")\s+(" + "|".join(_WEEKDAY_NUMBER) + r")\b")


@dataclass(frozen=True)
class FoundDate:
    iso: str            # YYYY-MM-DD
    text: str           # the words it was read from (normalised)
    start: int


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month, year) in the text, in order of appearance."""
    folded = normalise_for_matching(text)
    found = []
    for match in _DAY_MONTH_YEAR.finditer(folded):
        found.append(_make(match, int(match.group(4)), _MONTH_OF[match.group(2)], int(match.group(1))))
    for match in _ISO.finditer(folded):
        found.append(_make(match, int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in _DAY_FIRST.finditer(folded):
        found.append(_make(match, int(match.group(3)), int(match.group(2)), int(match.group(1))))
    return sorted((item for item in found if item), key=lambda item: item.start)


def _make(match: re.Match, year: int, month: int, day: int) -> FoundDate | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        calendar_date(year, month, day)
    except ValueError:
        return None
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", match.group(0).strip(), match.start())


def day_named_relative_to(text: str, report_date: str) -> FoundDate | None:
    """'أمس الثلاثاء' / 'اليوم الخميس' in a report of `report_date` (YYYY-MM-DD), when the weekday agrees."""
    base = calendar_date.fromisoformat(report_date)
    for match in _RELATIVE_WEEKDAY.finditer(normalise_for_matching(text)):
        day = base + timedelta(days=_RELATIVE_DAY[match.group(1)])
        if day.weekday() == _WEEKDAY_NUMBER[match.group(2)]:
            return FoundDate(day.isoformat(), match.group(0), match.start())
    return None


_CALENDAR_WORDS = frozenset(
    token for name in (*[n for names in MONTH_NAMES.values() for n in names], *HIJRI_MONTH_NAMES, *WEEKDAYS,
                       "الموافق", "م", "ه", "هـ", "يوم")
    for token in normalise_for_matching(name).split())


def is_date_line(text: str) -> bool:
    """'الأحد 23 نوفمبر 2025 - 2 جمادى الآخرة 1447 هـ': a line that holds a date and nothing else."""
    words = re.findall(r"[^\W_]+", normalise_for_matching(text))
    if not words or not (find_dates(text) or names_a_weekday(text)):
        return False
    return all(word.isdigit() or word in _CALENDAR_WORDS or word.rstrip("مه").isdigit() for word in words)


def names_a_weekday(text: str) -> bool:
    return bool(_WEEKDAY.search(normalise_for_matching(text)))
