"""Entry dates in EDTF (ISO 8601-2): what a maintainer may write, how it reads, sorts and is shown."""
from __future__ import annotations

import pytest

from mawjaz.entry_dates import DateFormError, month_of, read_entry_date, time_value, year_of
from mawjaz.model import EntryDate
from mawjaz.wording import format_hijri_date, format_partial_date, padded_date


@pytest.mark.parametrize("text, start, end, qualifier", [
    ("2025-09-23", "2025-09-23", "2025-09-23", ""),
    ("2025-09", "2025-09", "2025-09", ""),
    ("2025", "2025", "2025", ""),
    ("2021-03/2023-08", "2021-03", "2023-08", ""),
    ("2021/2023", "2021", "2023", ""),
    ("../2020-05", None, "2020-05", ""),
    ("2020-05/..", "2020-05", None, ""),
    ("2024-05?", "2024-05", "2024-05", "?"),
    ("2019~", "2019", "2019", "~"),
    ("2019%", "2019", "2019", "%"),
])
def test_each_accepted_form_reads_as_its_bounds(text, start, end, qualifier):
    assert read_entry_date(text) == EntryDate(text, start, end, qualifier)


@pytest.mark.parametrize("text, message", [
    ("24 سبتمبر 2025", "is not a date in a form Mawjaz accepts"),
    ("2023-08/2021-03", "ends before it starts"),
    ("2021-02-30", "does not exist in the calendar"),
    ("2021-13", "does not exist in the calendar"),
    ("2021-03~/2023-08", "is not a date in a form Mawjaz accepts"),
    ("../..", "is not a date in a form Mawjaz accepts"),
    ("2025-21", "is not a date in a form Mawjaz accepts"),      # a season: not a story's date
])
def test_a_date_outside_the_accepted_forms_is_refused_with_a_hint(text, message):
    with pytest.raises(DateFormError, match=message) as refused:
        read_entry_date(text)
    assert refused.value.hint


@pytest.mark.parametrize("text, shown", [
    ("2025-09-23", "23 سبتمبر 2025"),
    ("2021-03/2023-08", "بين مارس 2021 وأغسطس 2023"),
    ("../2020-05", "قبل مايو 2020"),
    ("2020-05/..", "بعد مايو 2020"),
    ("2024-05?", "مايو 2024 (غير مؤكد)"),
    ("2019~", "نحو 2019"),
    ("2019%", "نحو 2019 (غير مؤكد)"),
])
def test_each_form_is_shown_as_a_reader_says_it(text, shown):
    assert format_partial_date(text, "ar") == shown


def test_only_a_certain_single_day_gets_a_hijri_line():
    assert format_hijri_date("2025-09-23") == "1 ربيع الثاني 1447 هـ"
    assert format_hijri_date("2025-09-23?") == "" and format_hijri_date("2021-03/2023-08") == ""


def test_an_interval_sorts_and_is_filed_by_its_start_and_an_open_start_by_its_end():
    dates = ["2022-01", "2021-03/2023-08", "../2020-05", "2024-05?", "2019~"]
    assert sorted(dates, key=padded_date) == ["2019~", "../2020-05", "2021-03/2023-08", "2022-01", "2024-05?"]
    assert (year_of("2021-03/2023-08"), month_of("2021-03/2023-08"), year_of("../2020-05")) == ("2021", "2021-03", "2020")
    assert month_of("2019~") == ""


def test_an_html_time_gets_a_valid_value_for_every_form():
    assert [time_value(t) for t in ("2025-09-23", "2021-03/2023-08", "../2020-05", "2024-05?")] == \
        ["2025-09-23", "2021-03", "2020-05", "2024-05"]
