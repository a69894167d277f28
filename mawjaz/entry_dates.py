"""An entry's date as a maintainer writes it, in EDTF (ISO 8601-2), read by the `edtf` library → EntryDate.

A maintainer writes the date as precisely as the evidence allows:

- a day, a month or a year: 2025-09-23, 2025-09, 2025
- between two of them: 2021-03/2023-08
- open at one end, when a source says only "before" or "after": ../2020-05, 2020-05/..
- a single date qualified as a whole: 2024-05? (uncertain), 2019~ (approximate), 2019% (both)

The library parses and validates; this module keeps only the forms above (no seasons, unspecified
digits, sets, times or qualified interval ends) and turns them into an EntryDate. No I/O.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import EntryDate

# The library is imported where a date needs it: loading it takes 0.14 s, and most dates are plain.
if TYPE_CHECKING:
    from edtf import Date, Interval

ACCEPTED_FORMS = ("2025-09-24, 2025-09 or 2025; 2021-03/2023-08 (between); ../2020-05 (before), "
                  "2020-05/.. (after); 2024-05? (uncertain), 2019~ (approximate), 2019% (both)")
# A day, month or year in digits: what ingest writes, and the shape of a date the library refused as impossible.
PLAIN_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The same in ASCII digits and nothing around them: the dates read without the library.
CALENDAR_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateFormError(ValueError):
    """A date an entry cannot have; `hint` says how to write it."""
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


@lru_cache(maxsize=None)     # the same dates are read for every page, feed and shard that shows them
def read_entry_date(text: str) -> EntryDate:
    """'2021-03/2023-08' → EntryDate('2021-03/2023-08', '2021-03', '2023-08'). Raises DateFormError."""
    return _plain_date(text) or _read_with_library(text)


def _read_with_library(text: str) -> EntryDate:
    from edtf import Date, EDTFParseException, Interval, Level1Interval, UncertainOrApproximate, parse_edtf
    try:
        parsed = parse_edtf(text)
    except EDTFParseException:
        raise _not_a_date(text) from None
    if type(parsed) is UncertainOrApproximate and parsed.ua is not None and type(parsed.date) is Date:
        bound = _bound(text, parsed.date)
        return EntryDate(text, bound, bound, str(parsed.ua))
    if type(parsed) is Date:
        bound = _bound(text, parsed)
        return EntryDate(text, bound, bound)
    if type(parsed) in (Interval, Level1Interval):
        return _interval(text, parsed)
    raise _not_a_date(text)


def _plain_date(text: str) -> EntryDate | None:
    """A day, month or year in the calendar, which the library reads as itself ('2025-09' → 2025-09), read
    here without it: its parser takes some 10 ms a date. None for anything else, which the library reads."""
    match = CALENDAR_DATE.fullmatch(text)
    if match is None or match.group(1) < "1000":
        return None
    year, month, day = (int(part or "01") for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return EntryDate(text, text, text)


def _interval(text: str, parsed: Interval) -> EntryDate:
    start, end = _interval_side(text, parsed.lower), _interval_side(text, parsed.upper)
    if start is None and end is None:
        raise _not_a_date(text)
    if start and end and parsed.lower_strict() > parsed.upper_strict():
        raise DateFormError(f"date '{text}' ends before it starts",
                            f"write the earlier date first: {end}/{start}")
    return EntryDate(text, start, end)


def _interval_side(text: str, side) -> str | None:
    """One end of an interval: a plain date, or None for an open end ('..')."""
    from edtf import Date, UncertainOrApproximate, UnspecifiedIntervalSection
    if type(side) is UnspecifiedIntervalSection and side.is_open:
        return None
    if type(side) is UncertainOrApproximate and side.ua is None and type(side.date) is Date:
        side = side.date
    if type(side) is Date:
        return _bound(text, side)
    raise _not_a_date(text)


def _bound(text: str, date: Date) -> str:
    """The library's date as a partial ISO date ('2021-03'), checked against the calendar."""
    if not (date.year.isdigit() and len(date.year) == 4) or date.significant_digits:
        raise _not_a_date(text)     # a negative, long or rounded year is no news story's
    year, month, day = (int(part) if part else None for part in (date.year, date.month, date.day))
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise _not_in_calendar(text) from None
    return str(date)


def _not_a_date(text: str) -> DateFormError:
    from edtf import is_valid_edtf
    if any(PLAIN_DATE.match(part) and not is_valid_edtf(part) for part in text.split("/")):
        return _not_in_calendar(text)   # the digits of a date the library refused: a month or day too many
    return DateFormError(f"date '{text}' is not a date in a form Mawjaz accepts", f"write one of: {ACCEPTED_FORMS}")


def _not_in_calendar(text: str) -> DateFormError:
    return DateFormError(f"date '{text}' does not exist in the calendar",
                         "check the month (01–12) and the day of the month")


def year_of(text: str | None) -> str:
    """'2021-03/2023-08' → '2021': the year an entry is filed under ('' when undated)."""
    return read_entry_date(text).key[:4] if text else ""


def month_of(text: str | None) -> str:
    """'2021-03/2023-08' → '2021-03': the month an entry is filed under ('' for a year or no date)."""
    key = read_entry_date(text).key if text else ""
    return key[:7] if len(key) >= 7 else ""


def day_of(text: str | None) -> datetime.date | None:
    """The day of a certain single-day date; None for anything less precise."""
    when = read_entry_date(text) if text else None
    if when is None or when.qualifier or when.start != when.end or len(when.start) != 10:
        return None
    return datetime.date.fromisoformat(when.start)


def time_value(text: str | None) -> str:
    """The value of an HTML <time datetime>: a plain date as written, an EDTF date at its filing bound."""
    if not text:
        return ""
    return text if PLAIN_DATE.match(text) else read_entry_date(text).key
