"""A headline is still found when the page puts its trails, labels, share bars, site name or date around it."""
from __future__ import annotations

import pytest
from ingest_helpers import fixture_registries

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.seeds import make_context, read_story, split_page

HEADLINE = "وزيرة الخارجية تلتقي سفير إيطاليا لبحث التعاون بين البلدين"
LEAD = "التقت وزيرة الخارجية، الإثنين، سفير إيطاليا في طرابلس لبحث العلاقات بين البلدين وسبل تعزيزها."
CONTEXT = make_context(fixture_registries(), "published")


def titles_of(text: str) -> list[str]:
    page = clean_lines(text + "\n")
    titles, previous_end = [], 0
    for story_lines in split_page(page, CONTEXT):
        story, _ = read_story("page.txt", story_lines, page, CONTEXT, previous_end)
        titles.append(story.title)
        previous_end = story_lines.last_line
    return titles


@pytest.mark.parametrize("above", [
    "بوابة المثال\nالرئيسية > أخبار > ليبيا",
    "الرئيسية / عربي ودولي\n",
    "الرئيسية » أخبار ليبيا » سياسة",
    "الرئيسية > أخبار > ليبيا > وزيرة الخارجية تلتقي سفير إيطاليا",
    "أخبار ليبيا\nسياسة",
    "فيسبوك تويتر واتساب تيليجرام",
    "بوابة المثال الإخبارية - أخبار ليبيا على مدار الساعة",
    "الأحد 12 مايو 2019 - 10:30 ص",
])
def test_a_headline_under_page_chrome_is_found(above):
    assert titles_of(f"{above}\n{HEADLINE}\n{LEAD}") == [HEADLINE]


def test_a_headline_shown_twice_under_a_date_and_the_sites_banners_is_the_only_story():
    page = f"تقرير منظمة المثال لعام 2013\nحالة الحقوق في العالم\n\n26 يناير 2012\n\n{HEADLINE}\n\n{HEADLINE}\n\n{LEAD}"
    assert titles_of(page) == [HEADLINE]


def test_a_headline_printed_after_the_body_with_its_section_label_and_date_is_found():
    assert titles_of(f"{LEAD}\nدوليات\n{HEADLINE}\n16-02-2018") == [HEADLINE]


def test_a_short_last_line_with_no_date_under_it_stays_in_the_body():
    closing = "وزيرة الخارجية في طرابلس"
    [story] = split_page(clean_lines(f"{LEAD}\n{closing}\n"), CONTEXT)
    assert story.headline is None and [line.text for line in story.paragraphs] == [LEAD, closing]


def test_a_short_line_shown_twice_under_the_headline_is_still_a_caption():
    assert titles_of(f"{HEADLINE}\nسفير إيطاليا في طرابلس\nسفير إيطاليا في طرابلس\n{LEAD}") == [HEADLINE]


@pytest.mark.parametrize("under", [
    "شارك\nفيسبوك تويتر واتساب",
    "مشاركة فيسبوك تويتر واتساب تيلجرام نسخ الرابط",
    "طباعة  |  ارسل لصديق  |  شارك",
    "الأحد 12 مايو 2019 - 10:30 ص",
])
def test_a_share_bar_or_date_under_the_headline_is_not_a_paragraph(under):
    page = clean_lines(f"{HEADLINE}\n{under}\n{LEAD}\n")
    [story] = split_page(page, CONTEXT)
    assert story.headline.text == HEADLINE and [p.text for p in story.paragraphs] == [LEAD]


def test_a_teaser_that_repeats_the_lead_does_not_take_the_headline():
    teaser = "ليبيا – وزيرة الخارجية تلتقي سفير إيطاليا"
    assert titles_of(f"{HEADLINE}\n{teaser}\n{LEAD}") == [HEADLINE]
