"""Dates as Arabic news pages write them → ISO text (YYYY-MM-DD, or YYYY-MM when no day is given).

Month names are plain data: the Egyptian/Gulf names (سبتمبر), the Levantine names (أيلول), the
Maghrebi names (جوان، جويلية، أوت), and the names used in Libya between 1986 and 2011 (الفاتح).
Digits may be Arabic-Indic. A bare weekday ("الإثنين") is not a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_date

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
# Years outside this range are not a story's date (a Hijri year such as 1447 among them).
FIRST_YEAR, LAST_YEAR = 1990, 2100

_MONTH_OF = {normalise_for_matching(name): number for number, names in MONTH_NAMES.items() for name in names}
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + ")"
_YEAR = r"(\d{4})\s*م?(?!\s*ه)(?!\d)"
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:من\s+)?" + _MONTH + r"(?:\s*[/(]\s*" + _MONTH + r"\s*\)?)?\s*(?:عام\s+|سنه\s+)?" + _YEAR)
_MONTH_YEAR = re.compile(r"(?<!\d\s)(?<!\d)\b" + _MONTH + r"(?:\s*[/(]\s*" + _MONTH + r"\s*\)?)?\s*(?:عام\s+)?" + _YEAR)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
# Weekdays are written with the article ("الأحد"); without it "أحد" is "someone".
_WEEKDAY = re.compile(r"(?<!\S)[وف]?ال(" + "|".join(normalise_for_matching(d)[2:] for d in WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class FoundDate:
    iso: str            # YYYY-MM-DD or YYYY-MM
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


def find_month_years(text: str) -> list[FoundDate]:
    """Month and year without a day ("سبتمبر 2025"), for a date of coarser precision."""
    folded = normalise_for_matching(text)
    found = [_make(match, int(match.group(3)), _MONTH_OF[match.group(1)], None)
             for match in _MONTH_YEAR.finditer(folded)]
    return [item for item in found if item]


def _make(match: re.Match, year: int, month: int, day: int | None) -> FoundDate | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        calendar_date(year, month, day or 1)
    except ValueError:
        return None
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return FoundDate(iso, match.group(0).strip(), match.start())


def names_a_weekday(text: str) -> bool:
    return bool(_WEEKDAY.search(normalise_for_matching(text)))
