"""Extraction of date, place, title, summary and source, each rule on its own."""
from __future__ import annotations

import pytest
from ingest_helpers import SEEDS, fixture_registries, stories_of

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.dates import find_dates, names_a_weekday
from mawjaz.ingest.extract import (extract_date, extract_place, extract_summary, extract_title, lead_paragraph,
                            parse_dateline)
from mawjaz.ingest.sources import extract_source
from mawjaz.ingest.seeds import make_context
from mawjaz.model import Registries

DATES = [
    ("نيويورك 24 سبتمبر 2025م(وال)- شددت", "2025-09-24"),
    ("في 26 آذار/مارس 2021 أعلنت", "2021-03-26"),
    ("يوم 26 مارس (آذار) 2021", "2021-03-26"),
    ("بتاريخ ٢٤ سبتمبر ٢٠٢٥", "2025-09-24"),
    ("في 3 كانون الثاني 2020", "2020-01-03"),
    ("في 12 تشرين الأول 2019", "2019-10-12"),
    ("الجزائر في 5 جويلية 2021", "2021-07-05"),
    ("تونس 15 جوان 2022", "2022-06-15"),
    ("الرباط 20 أوت 2020", "2020-08-20"),
    ("في 1 الفاتح 2009", "2009-09-01"),
    ("2025-09-23T10:00", "2025-09-23"),
    ("نشر بتاريخ: 24/09/2025", "2025-09-24"),
    ("في 10 من ديسمبر عام 2021", "2021-12-10"),
]
NOT_DATES = ["الإثنين", "في العاشر من ديسمبر", "في 2011", "في مارس (آذار) الماضي", "31 فبراير 2021",
             "24 رمضان 1447 هـ", "في 24 سبتمبر"]


@pytest.mark.parametrize("text, iso", DATES)
def test_dates_in_every_written_form(text, iso):
    assert [found.iso for found in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", NOT_DATES)
def test_weekdays_partial_and_impossible_dates_give_no_date(text):
    assert find_dates(text) == []


def test_weekday_needs_the_article():
    assert names_a_weekday("التقى، الإثنين، الوفد") and names_a_weekday("مساء الثلاثاء")
    assert not names_a_weekday("أحد المسؤولين")


def test_datelines_give_place_and_date_and_generic_ones_no_place():
    places = frozenset({"طرابلس", "نيويورك"})
    assert parse_dateline("طرابلس- دعت حكومة الوفاق", places).place == "طرابلس"
    new_york = parse_dateline("نيويورك 24 سبتمبر 2025م(وال)- شددت الولايات المتحدة", places)
    assert (new_york.place, new_york.date, new_york.rest) == ("نيويورك", "2025-09-24", "شددت الولايات المتحدة")
    assert parse_dateline("ليبيا – أجرت نائبة الممثل الخاص", places).place is None
    assert parse_dateline("عقيلة صالح: الانتخابات هي الحل", places) is None


def read(seed: str, index: int):
    registries = fixture_registries()
    context = make_context(registries, "published")
    story = stories_of(seed, registries)[index]
    names = frozenset(" ".join(key) for key in context.places)
    lead = lead_paragraph(story.paragraphs, names)
    return story, lead, names, context


def test_a_page_today_header_is_neither_the_story_date_nor_its_title():
    from mawjaz.ingest.seeds import read_story, split_page
    context = make_context(fixture_registries(), "published")
    page = clean_lines("الأحد 23 نوفمبر 2025 - 2 جمادى الآخرة 1447 هـ\nآخر الأخبار\n\n"
                       "وزيرة الخارجية تلتقي سفير إيطاليا في طرابلس\n\n"
                       "التقت وزيرة الخارجية، الإثنين، سفير إيطاليا لبحث العلاقات بين البلدين.\n")
    [story_lines] = split_page(page, context)
    story, _ = read_story("seed.txt", story_lines, page, context)
    assert (story.title, story.date) == ("وزيرة الخارجية تلتقي سفير إيطاليا في طرابلس", None)


def test_story_date_comes_from_the_dateline_and_the_day_it_names_with_its_basis():
    story, lead, names, _ = read("001_ff06011b73cabde5.txt", 0)
    assert extract_date(story.lines, lead, names) == (
        "2025-09-23", "«امس الثلاثاء» بحسب سطر التاريخ: نيويورك 24 سبتمبر 2025م(وال)")


def test_yesterday_counts_only_when_its_weekday_agrees_with_the_report_date():
    from mawjaz.ingest.dates import day_named_relative_to
    assert day_named_relative_to("اجتماعا أمس الثلاثاء", "2025-09-24").iso == "2025-09-23"
    assert day_named_relative_to("اجتماعا أمس الخميس", "2025-09-24") is None
    assert day_named_relative_to("تعقد اليوم الخميس", "2020-04-16").iso == "2020-04-16"


def test_bare_weekday_gives_no_date():
    story, lead, names, _ = read("000_757ce41b5e3eb3a1.txt", 0)
    assert extract_date(story.lines, lead, names) == (None, "الخبر لا يذكر إلا «الإثنين» بلا تاريخ")


@pytest.mark.parametrize("seed, index, place", [
    ("000_757ce41b5e3eb3a1.txt", 0, "واشنطن"),        # "الإثنين في واشنطن", not the generic "ليبيا –"
    ("000_757ce41b5e3eb3a1.txt", 1, "باريس"),         # "في باريس" / "بالعاصمة الفرنسية باريس"
    ("001_ff06011b73cabde5.txt", 0, "نيويورك"),       # dateline
    ("002_f551a4bf6189d43b.txt", 0, "طرابلس"),        # "بالعاصمة طرابلس"
    ("002_f551a4bf6189d43b.txt", 2, None),
    ("003_f77f88289c7c6a30.txt", 0, "طرابلس"),        # "طرابلس-"
    ("004_d8c24643563608ab.txt", 0, None),            # a video call: no place
])
def test_place_from_dateline_or_meeting_place(seed, index, place):
    story, lead, _, context = read(seed, index)
    assert extract_place(story.paragraphs, lead, context.places) == place


def test_title_is_the_headline_without_its_full_stop():
    story, lead, names, _ = read("001_ff06011b73cabde5.txt", 0)
    assert extract_title(story.headline, lead, names) == \
        "أمريكا تشدد على أهمية التكامل الأمني بين شرق وغرب ليبيا لتحقيق الاستقرار الإقليمي"


def test_title_made_from_the_lead_drops_the_dateline_and_is_short():
    story, lead, names, _ = read("000_757ce41b5e3eb3a1.txt", 0)
    title = extract_title(story.headline, lead, names)
    assert title.startswith("أجرت نائبة الممثل الخاص") and len(title.split()) <= 14


@pytest.mark.parametrize("seed, index", [(s, i) for s, n in (("000_757ce41b5e3eb3a1.txt", 2),
                                                             ("002_f551a4bf6189d43b.txt", 3),
                                                             ("003_f77f88289c7c6a30.txt", 1)) for i in range(n)])
def test_summary_is_at_most_fifty_words_from_the_lead(seed, index):
    story, lead, names, _ = read(seed, index)
    summary = extract_summary(lead, names)
    assert 5 <= len(summary.split()) <= 50
    assert summary.rstrip("…")[:30] in lead.text


@pytest.mark.parametrize("seed, index, source", [
    ("000_757ce41b5e3eb3a1.txt", 0, "almarsad"),          # "المصدر: صحيفة المرصد الليبية"
    ("000_757ce41b5e3eb3a1.txt", 1, "almarsad"),          # the read-also story inherits the page's source
    ("001_ff06011b73cabde5.txt", 0, "lana"),              # masthead and "(وال)"
    ("002_f551a4bf6189d43b.txt", 1, "dostor"),            # the editor's name in the masthead
    ("003_f77f88289c7c6a30.txt", 0, None),                # no signature anywhere
    ("004_d8c24643563608ab.txt", 0, "independent-arabia"),  # the photo credit
])
def test_source_from_signatures(seed, index, source):
    story, _, _, context = read(seed, index)
    page = clean_lines((SEEDS / seed).read_text(encoding="utf-8"))
    assert extract_source(story.lines, page, context.sources).id == source


def test_a_title_is_never_empty():
    from mawjaz.ingest.cleaning import Line
    assert extract_title(None, Line(1, ".", "."), frozenset()) == "."
    assert extract_title(None, None, frozenset()) == "بلا عنوان"


def test_a_place_and_date_line_above_the_lead_gives_the_story_place():
    context = make_context(Registries.of([], [], [], places=("طرابلس",)), "published")
    stamp, lead = clean_lines("طرابلس - 17 مارس 2022\nأفادت المنظمة بأن قاربا يحمل مهاجرين غرق قبالة السواحل أمس.")
    assert extract_place((stamp, lead), lead, context.places, (stamp, lead)) == "طرابلس"
    unknown, lead = clean_lines("القدس - 17 مارس 2022\nأفادت المنظمة بأن قاربا يحمل مهاجرين غرق قبالة السواحل أمس.")
    assert extract_place((unknown, lead), lead, context.places, (unknown, lead)) is None


def test_a_place_after_a_municipality_a_port_or_a_field_is_the_story_place():
    context = make_context(Registries.of([], [], [], places=("نالوت", "السدرة", "رأس لانوف")), "published")
    for sentence, place in (("افتتحت المؤسسة حقلا جديدا للنفط في بلدية نالوت أمس.", "نالوت"),
                            ("أعلنت المؤسسة القوة القاهرة في ميناءي السدرة ورأس لانوف.", "السدرة")):
        [lead] = clean_lines(sentence)
        assert extract_place((lead,), lead, context.places) == place
