"""Dates as Arabic news pages write them → ISO text (YYYY-MM-DD). Only a full date is a date.

Month names are plain data: the Egyptian/Gulf names (سبتمبر), the Levantine names (أيلول), the
Maghrebi names (جوان، جويلية، أوت), and the names used in Libya between 1986 and 2011 (الفاتح).
Digits may be Arabic-Indic. A bare weekday ("الإثنين") is not a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_date, timedelta

from ..arabic import normalise_for_matching

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
# Words of a time stamp beside a date: "الثلاثاء 31 أكتوبر 2017 09:10 ص", "12 مايو 2019 | منذ 3 ساعات".
TIME_WORDS = ("ص", "م", "مساء", "مساءً", "صباحا", "صباحاً", "الساعة", "منذ", "قبل", "ساعة", "ساعتين", "ساعات",
              "دقيقة", "دقيقتين", "دقائق", "GMT", "توقيت", "غرينتش", "بتوقيت")
# Years outside this range are not a story's date (a Hijri year such as 1447 among them).
FIRST_YEAR, LAST_YEAR = 1990, 2100

_MONTH_OF = {normalise_for_matching(name): number for number, names in MONTH_NAMES.items() for name in names}
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + ")"
_YEAR = r"(\d{4})\s*م?(?!\s*ه)(?!\d)"
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:من\s+)?" + _MONTH + r"(?:\s*[/(]\s*" + _MONTH + r"\s*\)?)?\s*(?:عام\s+|سنه\s+)?" + _YEAR)
# "السابع من ديسمبر/كانون الأول 2019": the day as an ordinal word, as some agencies write it.
ORDINAL_DAYS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر",
                "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرين", "الحادي والعشرين",
                "الثاني والعشرين", "الثالث والعشرين", "الرابع والعشرين", "الخامس والعشرين",
                "السادس والعشرين", "السابع والعشرين", "الثامن والعشرين", "التاسع والعشرين", "الثلاثين",
                "الحادي والثلاثين")
_ORDINAL_OF = {normalise_for_matching(word): number for number, word in enumerate(ORDINAL_DAYS, 1)}
_ORDINAL_DAY_MONTH_YEAR = re.compile(
    r"(?<!\S)(" + "|".join(sorted(map(re.escape, _ORDINAL_OF), key=len, reverse=True)) + r")\s+من\s+" + _MONTH
    + r"(?:\s*[/(]\s*" + _MONTH + r"(?:\s+\S+)?\s*\)?)?\s*(?:عام\s+|سنه\s+)?" + _YEAR)
# 2019-05-12, 2019/05/12, 2019.05.12 (year first); 12/5/2019, 12-05-2019 (day first, as Arabic pages write it).
_YEAR_FIRST = re.compile(r"(?<![\d/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)")
# ".../2019/05/12/..." in a link the page shows: the date the site filed the page under.
_ADDRESS = re.compile(r"(?:https?:|www\.|\.[a-z]{2,6}/|^/)\S*?/(\d{4})/(\d{1,2})/(\d{1,2})(?:[/\-_.]|$)", re.I)
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*(?:من\s+)?" + _MONTH + r"(?!\w)")
# "منذ 3 ساعات", "قبل 20 دقيقة": when a page was updated, relative to a day the text does not give.
_RELATIVE_TIME = re.compile(r"(?:منذ|قبل)\s+(?:\d+\s+)?(?:ساعه|ساعتين|ساعات|دقيقه|دقيقتين|دقائق|يوم|يومين|ايام)")

# Weekdays are written with the article ("الأحد"); without it "أحد" is "someone".
_WEEKDAY = re.compile(r"(?<!\S)[وف]?ال(" + "|".join(normalise_for_matching(d)[2:] for d in WEEKDAYS) + r")\b")
_TODAY = re.compile(r"(?<!\S)[وف]?اليوم(?!\w)(?!\s+(?:السابع|الدولي|العالمي|الوطني))")
_WEEKDAY_NUMBER = {normalise_for_matching(name): number for name, number in WEEKDAY_NUMBERS.items()}
_RELATIVE_DAY = {normalise_for_matching(word): offset for word, offset in RELATIVE_DAYS.items()}
_RELATIVE_WEEKDAY = re.compile(r"(?<!\S)(" + "|".join(_RELATIVE_DAY) + r")\s+(" + "|".join(_WEEKDAY_NUMBER) + r")\b")


@dataclass(frozen=True)
class FoundDate:
    iso: str            # YYYY-MM-DD
    text: str           # the words it was read from (normalised)
    start: int
    rule: str = ""      # the rule that read it


def read_day_month_year(folded: str):
    """'12 مايو 2019', 'الأحد 12 أيار 2019', '26 آذار/مارس 2021', '10 من ديسمبر عام 2021'."""
    for match in _DAY_MONTH_YEAR.finditer(folded):
        yield match, int(match.group(4)), _MONTH_OF[match.group(2)], int(match.group(1))


def read_ordinal_day_month_year(folded: str):
    """'السابع من ديسمبر 2019', 'الحادي عشر من مايو/أيار 2019': the day as an ordinal word."""
    for match in _ORDINAL_DAY_MONTH_YEAR.finditer(folded):
        yield match, int(match.group(4)), _MONTH_OF[match.group(2)], _ORDINAL_OF[match.group(1)]


def read_year_first(folded: str):
    """'2019-05-12', '2019/05/12', 'نشر في: 2019-05-12 10:30', '2025-09-23T10:00'."""
    for match in _YEAR_FIRST.finditer(folded):
        yield match, int(match.group(1)), int(match.group(3)), int(match.group(4))


def read_day_first(folded: str):
    """'12/5/2019', '16-02-2018', '24.09.2025': the day first, as Arabic pages write it."""
    for match in _DAY_FIRST.finditer(folded):
        yield match, int(match.group(4)), int(match.group(3)), int(match.group(1))


def read_address(folded: str):
    """'https://example.ly/news/2019/05/12/slug': the year, month and day of a page's address."""
    for match in _ADDRESS.finditer(folded):
        yield match, int(match.group(1)), int(match.group(2)), int(match.group(3))


# The rules, in order; a place in the text read by one rule is not read again by a later one.
DATE_RULES = (
    ("day-month-year", read_day_month_year),
    ("ordinal-day", read_ordinal_day_month_year),
    ("address", read_address),
    ("year-first", read_year_first),
    ("day-first", read_day_first),
)


def find_dates(text: str, rules=DATE_RULES) -> list[FoundDate]:
    """Every full date (day, month, year) in the text, in order of appearance."""
    folded = normalise_for_matching(text)
    found, taken = [], []
    for name, rule in rules:
        for match, year, month, day in rule(folded):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            item = _make(match, year, month, day, name)
            if item:
                found.append(item)
                taken.append(span)
    return sorted(found, key=lambda item: item.start)


def find_address_dates(text: str) -> list[FoundDate]:
    """Only the dates of the page addresses in the text."""
    return find_dates(text, (("address", read_address),))


def _make(match: re.Match, year: int, month: int, day: int, rule: str = "") -> FoundDate | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        calendar_date(year, month, day)
    except ValueError:
        return None
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", match.group(0).strip(), match.start(), rule)


def find_day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of a date written without its year ('طرابلس - 12 مايو (وال)'), when there is no full date."""
    folded = normalise_for_matching(text)
    if find_dates(text):
        return None
    match = _DAY_MONTH.search(folded)
    if not match or not 1 <= int(match.group(1)) <= 31:
        return None
    return _MONTH_OF[match.group(2)], int(match.group(1))


def with_year(month_day: tuple[int, int], year: int) -> str | None:
    month, day = month_day
    try:
        return calendar_date(year, month, day).isoformat()
    except ValueError:
        return None


def names_relative_time(text: str) -> bool:
    """'منذ 3 ساعات', 'قبل 20 دقيقة': a time counted back from a day the text does not give."""
    return bool(_RELATIVE_TIME.search(normalise_for_matching(text)))


def day_named_relative_to(text: str, report_date: str) -> FoundDate | None:
    """'أمس الثلاثاء' / 'اليوم الخميس' in a report of `report_date` (YYYY-MM-DD), when the weekday agrees."""
    base = calendar_date.fromisoformat(report_date)
    for match in _RELATIVE_WEEKDAY.finditer(normalise_for_matching(text)):
        day = base + timedelta(days=_RELATIVE_DAY[match.group(1)])
        if day.weekday() == _WEEKDAY_NUMBER[match.group(2)]:
            return FoundDate(day.isoformat(), match.group(0), match.start())
    return None


def todays_weekday(text: str) -> int | None:
    """The weekday (Monday 0) a text says is today: 'اليوم الاثنين', 'اليوم السبت'."""
    for match in _RELATIVE_WEEKDAY.finditer(normalise_for_matching(text)):
        if _RELATIVE_DAY[match.group(1)] == 0:
            return _WEEKDAY_NUMBER[match.group(2)]
    return None


_CALENDAR_WORDS = frozenset(
    token for name in (*[n for names in MONTH_NAMES.values() for n in names], *HIJRI_MONTH_NAMES, *WEEKDAYS,
                       "الموافق", "م", "ه", "هـ", "يوم", *TIME_WORDS)
    for token in normalise_for_matching(name).split())


def is_date_line(text: str) -> bool:
    """'الأحد 23 نوفمبر 2025 - 2 جمادى الآخرة 1447 هـ': a line that holds a date and nothing else."""
    words = re.findall(r"[^\W_]+", normalise_for_matching(text))
    if not words or not (find_dates(text) or names_a_weekday(text) or names_relative_time(text)):
        return False
    return all(word.isdigit() or word in _CALENDAR_WORDS or word.rstrip("مه").isdigit() for word in words)


def named_day(text: str) -> str | None:
    """The weekday ('الإثنين') or 'اليوم' a text names in place of a date, as it writes it; None otherwise."""
    words = [word.strip("،,.:؛()«»\"") for word in text.split()]
    for pattern in (_WEEKDAY, _TODAY):
        for word, after in zip(words, [*words[1:], ""]):
            if pattern.fullmatch(normalise_for_matching(word)) and pattern.match(normalise_for_matching(f"{word} {after}")):
                return word
    return None


def names_a_weekday(text: str) -> bool:
    return bool(_WEEKDAY.search(normalise_for_matching(text)))
