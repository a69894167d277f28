"""The date rules one by one (mawjaz.ingest.dates), and how a story's date is chosen among them (mawjaz.ingest.extract)."""
from __future__ import annotations

import pytest

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.dates import (find_address_dates, find_dates, find_day_month, is_date_line, named_day,
                          names_relative_time, read_address, read_day_first, read_day_month_year, read_year_first,
                          with_year)
from mawjaz.ingest.extract import extract_date, lead_paragraph, parse_dateline

PLACES = frozenset({"طرابلس", "بنغازي"})


def rule_dates(rule, text):
    from mawjaz.arabic import normalise_for_matching
    return [(year, month, day) for _match, year, month, day in rule(normalise_for_matching(text))]


# ---------------------------------------------------------------- each rule alone


@pytest.mark.parametrize("text", ["الأحد 12 مايو 2019", "12 أيار 2019", "١٢ مايو ٢٠١٩", "12 ماي 2019م",
                                  "7 رمضان 1440 هـ الموافق 12 مايو 2019"])
def test_day_month_year_reads_every_month_naming_and_digit(text):
    assert rule_dates(read_day_month_year, text) == [(2019, 5, 12)]


@pytest.mark.parametrize("text, iso", [("اليوم الأحد الثاني عشر من مايو/أيار 2019", "2019-05-12"),
                                       ("في الأول من يناير 2020", "2020-01-01"),
                                       ("الحادي والثلاثين من ديسمبر عام 2019", "2019-12-31")])
def test_a_day_written_as_an_ordinal_word_is_read(text, iso):
    assert [found.iso for found in find_dates(text)] == [iso]


def test_an_ordinal_word_without_a_month_is_not_a_date():
    assert find_dates("للمرة الثانية عشر من 2019 جولات") == []


@pytest.mark.parametrize("text", ["2019-05-12", "2019/05/12", "نشر في: 2019-05-12 10:30", "2019.5.12"])
def test_year_first_reads_dashes_slashes_and_dots(text):
    assert rule_dates(read_year_first, text) == [(2019, 5, 12)]


@pytest.mark.parametrize("text", ["12/5/2019", "12-05-2019", "السبت 12.05.2019 12:00", "١٢/٠٥/٢٠١٩"])
def test_day_first_reads_the_day_before_the_month_as_arabic_pages_do(text):
    assert rule_dates(read_day_first, text) == [(2019, 5, 12)]


@pytest.mark.parametrize("text", ["https://news.example.ly/politics/2019/05/12/talks-in-tunis",
                                  "www.example.com/ar/2019/05/12-talks", "/news/2019/5/12/"])
def test_address_reads_the_date_a_site_files_a_page_under(text):
    assert rule_dates(read_address, text) == [(2019, 5, 12)]


def test_an_address_date_is_not_read_again_as_a_year_first_date():
    found = find_dates("الرابط: https://example.ly/2019/05/12/item")
    assert [(item.iso, item.rule) for item in found] == [("2019-05-12", "address")]
    assert find_address_dates("نشر في 2019/05/12") == []


def test_hijri_beside_gregorian_gives_only_the_gregorian_date():
    assert [item.iso for item in find_dates("الأحد 7 رمضان 1440 هـ الموافق 12 مايو 2019م")] == ["2019-05-12"]


def test_day_and_month_without_a_year():
    assert find_day_month("طرابلس - 12 مايو (وال)") == (5, 12)
    assert find_day_month("طرابلس - 12 مايو 2019") is None       # a full date is read by find_dates
    assert find_day_month("في العاشر من مايو") is None
    assert with_year((5, 12), 2019) == "2019-05-12" and with_year((2, 29), 2019) is None


def test_relative_times_and_days_named_in_place_of_a_date():
    assert names_relative_time("منذ 3 ساعات") and names_relative_time("قبل 20 دقيقة")
    assert not names_relative_time("منذ عام 2014")
    assert named_day("أعلنت الوزارة، الأحد، أن") == "الأحد"
    assert named_day("أعلنت الوزارة اليوم أن") == "اليوم"
    assert named_day("نقلت صحيفة اليوم السابع") is None


@pytest.mark.parametrize("text", ["الثلاثاء 31 أكتوبر 2017 09:10 ص", "12 مايو 2019 | منذ 3 ساعات", "منذ 3 ساعات"])
def test_stamp_lines_with_a_time_are_date_lines(text):
    assert is_date_line(text)


# ---------------------------------------------------------------- datelines


def test_a_dateline_with_day_and_month_between_dashes():
    dateline = parse_dateline("طرابلس - 12 مايو (وال) - أعلنت حكومة الوحدة الوطنية", PLACES)
    assert (dateline.place, dateline.date, dateline.month_day) == ("طرابلس", None, (5, 12))
    assert dateline.rest == "أعلنت حكومة الوحدة الوطنية"


def test_a_dateline_with_a_full_date_between_dashes():
    dateline = parse_dateline("بنغازي - 12 مايو 2019 - أعلن المجلس البلدي", PLACES)
    assert (dateline.place, dateline.date) == ("بنغازي", "2019-05-12")


# ---------------------------------------------------------------- choosing the story's date


def story_date(text: str, first_story: bool = True):
    """The date of a one-story page whose headline is its first line of four words or more."""
    lines = clean_lines(text)
    headline = next(line for line in lines if line.kind == "text")
    story = tuple(line for line in lines if line.number >= headline.number)
    head = tuple(line for line in lines if line.number < headline.number)
    paragraphs = tuple(line for line in story if line.kind == "text" and line is not headline)
    lead = lead_paragraph(paragraphs, PLACES)
    return extract_date(story, lead, PLACES, head, lines if first_story else ())


HEADLINE = "وزير الخارجية يلتقي سفير إيطاليا لبحث التعاون\n"
LEAD = "التقى وزير الخارجية سفير إيطاليا لبحث التعاون بين البلدين.\n"


def test_the_publication_line_comes_before_a_date_in_the_body():
    text = HEADLINE + "نشر في: 2019-05-12 10:30\n" + "أعلنت الوزارة في 3 يناير 2018 أن الاجتماع تأجل.\n"
    assert story_date(text) == ("2019-05-12", "من سطر النشر: نشر في: 2019-05-12 10:30")


def test_the_first_publication_comes_before_the_last_update():
    text = HEADLINE + "آخر تحديث: 14/05/2019\nنشر بتاريخ: 12/05/2019\n" + LEAD
    assert story_date(text)[0] == "2019-05-12"


def test_a_publication_line_with_its_update_in_brackets_is_not_taken_for_a_photo_caption():
    text = HEADLINE + "نشر بتاريخ: 26/02/2011 ( آخر تحديث: 27/02/2011 الساعة: 15:25 )\n" + LEAD
    assert story_date(text)[0] == "2011-02-26"


def test_a_date_in_the_story_that_falls_on_the_weekday_it_calls_today_is_the_story_date():
    text = (HEADLINE + "وقالت السفارة، في بيان اليوم الاثنين، إنه تقرر فتح القنصلية للجمهور.\n"
            "وأضافت أن العمل عاد في مقرها بطرابلس يوم 29 مارس 2021 بعد إغلاق دام سنوات، منذ 3 يناير 2015.\n")
    assert story_date(text) == ("2021-03-29", "«29 مارس 2021» يوافق اليوم الذي يسميه الخبر")


def test_a_date_that_does_not_fall_on_the_weekday_called_today_leaves_the_story_a_draft():
    text = (HEADLINE + "وقالت السفارة، في بيان اليوم الاثنين، إنه تقرر فتح القنصلية للجمهور.\n"
            "وأضافت أن العمل توقف في مقرها بطرابلس يوم 3 يناير 2015.\n")
    assert story_date(text)[0] is None


def test_a_stamp_line_above_the_headline_is_the_story_date_even_with_a_relative_time():
    text = "بوابة المثال\n12 مايو 2019 | منذ 3 ساعات\n" + HEADLINE + LEAD
    assert story_date(text) == ("2019-05-12", "من سطر التاريخ فوق الخبر: 12 مايو 2019 | منذ 3 ساعات")


def test_a_stamp_under_a_headline_printed_after_the_body_is_the_story_date():
    assert story_date(LEAD + "دوليات\n" + HEADLINE + "16-02-2018\n")[0] == "2018-02-16"


def test_a_stamp_line_under_the_headline_is_the_story_date():
    assert story_date(HEADLINE + "الأحد 12 مايو 2019\n" + LEAD)[0] == "2019-05-12"


def test_a_byline_with_its_date_under_the_headline_gives_the_story_date():
    assert story_date(HEADLINE + "السبت 07-07-2012 12:00 | كتب: أ.ف.ب |\n" + LEAD)[0] == "2012-07-07"


def test_a_sites_date_field_in_front_of_the_text_gives_the_date_as_precise_as_it_is():
    assert story_date(HEADLINE + "date 2022-10 " + LEAD)[0] == "2022-10"
    assert story_date(HEADLINE + "date 2022-13 " + LEAD)[0] is None


def test_a_today_header_far_above_the_headline_is_not_the_story_date():
    text = "الأحد 23 نوفمبر 2025\nآخر الأخبار\n\n" + HEADLINE + LEAD
    assert story_date(text)[0] is None


def test_a_dateline_without_a_year_takes_the_year_of_the_page_address():
    text = (HEADLINE + "طرابلس - 12 مايو (وال) - التقى وزير الخارجية سفير إيطاليا لبحث التعاون.\n"
            "https://example.ly/news/2019/05/13/meeting\n")
    assert story_date(text) == ("2019-05-12", "من سطر التاريخ: طرابلس - 12 مايو (وال)، والسنة من «https://example.ly/news/2019/05/13/»")


def test_a_dateline_without_a_year_and_no_other_date_is_a_draft_that_says_why():
    text = HEADLINE + "طرابلس - 12 مايو (وال) - التقى وزير الخارجية سفير إيطاليا لبحث التعاون.\n"
    assert story_date(text) == (None, "سطر التاريخ «طرابلس - 12 مايو (وال)» بلا سنة، ولا تاريخ غيره في الصفحة")


def test_the_page_address_dates_the_first_story_only():
    text = HEADLINE + LEAD + "https://example.ly/2019/05/12/meeting\n"
    assert story_date(text)[0] == "2019-05-12"
    assert story_date(text, first_story=False)[0] is None


def test_a_date_in_a_later_sentence_of_the_lead_is_an_event_not_the_story_date():
    text = HEADLINE + "التقى الوزير السفير الإيطالي. وكان الاتفاق قد وقع في 12 مايو 2019 في روما.\n"
    assert story_date(text)[0] is None


@pytest.mark.parametrize("lead, day", [
    ("التقى وزير الخارجية، الأحد، سفير إيطاليا لبحث التعاون.", "الأحد"),
    ("يلتقي وزير الخارجية اليوم سفير إيطاليا لبحث التعاون.", "اليوم"),
])
def test_a_story_that_names_only_a_day_is_a_draft_that_says_so(lead, day):
    assert story_date(HEADLINE + lead + "\n") == (None, f"الخبر لا يذكر إلا «{day}» بلا تاريخ")


def test_a_story_dated_only_by_a_relative_time_says_so():
    text = HEADLINE + "منذ 3 ساعات\n" + "التقى وزير الخارجية سفير إيطاليا لبحث التعاون.\n"
    assert story_date(text) == (None, "الصفحة لا تذكر إلا «منذ 3 ساعات» بلا تاريخ")
