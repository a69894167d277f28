"""The source rules one by one (mawjaz.ingest.sources): the outlet or agency a story names as its origin."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.sources import FoundSource, build_source_matcher, credited_outlet, extract_source, without_quotations

REGISTRY = SimpleNamespace(sources=[
    SimpleNamespace(id="lana", name="وكالة الأنباء الليبية", signatures=("وكالة الأنباء الليبية", "(وال)")),
    SimpleNamespace(id="afp", name="وكالة فرانس برس", signatures=("فرانس برس", "(أ ف ب)", "أ ف ب")),
    SimpleNamespace(id="reuters", name="رويترز", signatures=("وكالة رويترز", "رويترز")),
    SimpleNamespace(id="anadolu", name="وكالة الأناضول", signatures=("وكالة الأناضول", "الأناضول")),
    SimpleNamespace(id="alwasat", name="بوابة الوسط", signatures=("بوابة الوسط",)),
])
MATCHER = build_source_matcher(REGISTRY)
HEADLINE = "وزير الخارجية يلتقي سفير إيطاليا لبحث التعاون بين البلدين"


def source_of(text: str) -> FoundSource:
    """The source of a one-story page: every line from the headline on is the story's."""
    page = clean_lines(text)
    start = next(line.number for line in page if line.text == HEADLINE)
    return extract_source(tuple(line for line in page if line.number >= start), page, MATCHER,
                          frozenset({"طرابلس"}))


def story(*paragraphs: str, above: str = "") -> str:
    return above + HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "\n"


LEAD = "التقى وزير الخارجية سفير إيطاليا في طرابلس لبحث التعاون بين البلدين في مجالات عدة."


def test_the_source_line_names_the_outlet():
    assert source_of(story(LEAD, "المصدر: وكالة الأنباء الليبية")) == FoundSource("lana", None, "source-line")


@pytest.mark.parametrize("line", ["مصدر الخبر / قناة المثال 24", "المصدر: قناة المثال 24", "مصدر الخبر\nقناة المثال 24"])
def test_a_source_line_naming_an_outlet_the_registry_lacks_is_a_proposal(line):
    assert source_of(story(LEAD, line)) == FoundSource(None, "قناة المثال 24", "source-line")


def test_the_page_own_masthead_comes_before_a_wire_credit_in_the_story():
    found = source_of(story("طرابلس (أ ف ب) - " + LEAD, above="بوابة الوسط\n\n"))
    assert (found.id, found.rule) == ("alwasat", "masthead")


@pytest.mark.parametrize("lead, source", [
    ("طرابلس 12 مايو 2019 (وال) - " + LEAD, "lana"),
    ("طرابلس (أ ف ب) - " + LEAD, "afp"),
])
def test_the_dateline_mark_names_the_agency(lead, source):
    assert source_of(story(lead)) == FoundSource(source, None, "dateline")


@pytest.mark.parametrize("lead, found", [
    ("القدس - بوابة الوسط - " + LEAD, FoundSource("alwasat", None, "dateline")),
    ("القدس - معا - " + LEAD, FoundSource(None, "معا", "dateline")),
    ("المثال نيوز، 13 يناير 2020 - " + LEAD, FoundSource(None, "المثال نيوز", "dateline")),
])
def test_an_outlet_between_the_place_and_a_dash_or_closing_the_dateline_is_the_source(lead, found):
    assert source_of(story(lead)) == found


def test_an_outlets_name_in_the_dateline_is_not_the_place():
    from mawjaz.ingest.extract import parse_dateline
    dateline = parse_dateline("المثال نيوز، 13 يناير 2020 - " + LEAD)
    assert (dateline.place, dateline.outlet, dateline.date) == (None, "المثال نيوز", "2020-01-13")
    assert parse_dateline("القدس - معا - " + LEAD).place == "القدس"
    assert parse_dateline("طرابلس - 12 مايو - " + LEAD, frozenset({"طرابلس"})).outlet is None


@pytest.mark.parametrize("sentence, found", [
    ("أعلنت الحكومة، نقلا عن وكالة الأناضول، أنها ستعقد اجتماعا.", FoundSource("anadolu")),
    ("أعلنت الحكومة، بحسب ما نقلته وكالة «رويترز»، أنها ستعقد اجتماعا.", FoundSource("reuters")),
    ("وأعلن مصدر مسؤول لوكالة الأنباء الليبية أن الاجتماع سيعقد غدا.", FoundSource("lana")),
    ("حسبما أفادت وكالة نوفا الإيطالية للأنباء، فإن الاجتماع سيعقد غدا.", FoundSource(None, "وكالة نوفا الإيطالية للأنباء")),
    ("وقال الوزير في تصريح لقناة المثال إن الاجتماع سيعقد غدا.", FoundSource(None, "قناة المثال")),
    ("وقال مصدر مسؤول لـ «الجريدة» إن الاجتماع سيعقد غدا.", FoundSource(None, "الجريدة")),
    ("بحسب ما أوردت قناة المثال الإخبارية مساء أمس، فإن الاجتماع تأجل.", FoundSource(None, "قناة المثال الإخبارية")),
    ('وأكد مصدر أمني بدء الانتشار، موضحا لـ"بوابة الوسط"، أن الدوريات مستمرة.', FoundSource("alwasat")),
    ("وأكد مصدر أمني بدء الانتشار، مضيفا لـ“المثال”، أن الدوريات مستمرة.", FoundSource(None, "المثال")),
])
def test_a_credit_phrase_names_the_outlet_or_proposes_it(sentence, found):
    assert credited_outlet(sentence, MATCHER) == found


@pytest.mark.parametrize("sentence", [
    "بحسب تقارير صحفية فإن الاجتماع تأجل.", "وقال الوزير في تصريحات صحفية إن الاجتماع تأجل.",
    "وقال الوزير إن الاجتماع تأجل.",
])
def test_a_credit_phrase_without_an_outlet_names_none(sentence):
    assert credited_outlet(sentence, MATCHER) is None


def test_a_credit_in_the_lead_is_the_story_source():
    found = source_of(story("وقال الوزير في تصريح لقناة المثال إن الاجتماع سيعقد غدا في طرابلس بحضور الطرفين."))
    assert found == FoundSource(None, "قناة المثال", "credit")


def test_an_outlet_the_page_sets_in_loose_quotation_marks_is_proposed_whole():
    found = source_of(story("وكشف الوزير في تصريحات خاصة لبوابة \" أخبار المثال \" أنه سيلتقي نظيره غدا في طرابلس."))
    assert found == FoundSource(None, "بوابة أخبار المثال", "credit")


def test_an_agency_named_inside_a_quotation_is_not_the_source():
    quoted = "وقال الوزير: «إن ما نقلته وكالة رويترز عن اجتماع الأمس لا يعبر عن موقف الحكومة».\n"
    assert without_quotations(quoted).count("رويترز") == 0
    assert source_of(story(LEAD, quoted)) == FoundSource(None)


def test_a_dotted_agency_mark_in_a_byline_is_read():
    assert source_of(story("كتب: أ.ف.ب", LEAD)).id == "afp"


def test_the_credit_rule_reads_the_first_paragraphs_after_the_headline():
    page = clean_lines(story("وزير الخارجية يلتقي نظيره الإيطالي في روما اليوم",     # a second headline
                             'وقال مصدر، موضحا لـ"بوابة الوسط"، إن الاجتماع مهم للبلدين في هذه المرحلة.'))
    found = extract_source(page, page, MATCHER, headline=page[0])
    assert (found.id, found.rule) == ("alwasat", "credit")


def test_a_signature_anywhere_in_the_story_when_nothing_else_names_one():
    found = source_of(story(LEAD, "وكانت وكالة الأناضول قد نشرت تفاصيل الاجتماع في وقت سابق من الأسبوع."))
    assert (found.id, found.rule) == ("anadolu", "story")


def test_an_ingested_proposal_is_written_in_the_front_matter_and_reads_back(tmp_path):
    from ingest_helpers import fixture_registries, ingest

    from mawjaz.entries import format_entry, parse_entry
    from mawjaz.errors import Problems
    (tmp_path / "page.txt").write_text(story(LEAD, "مصدر الخبر / قناة المثال 24"), encoding="utf-8")
    result, _ = ingest(tmp_path, root=tmp_path)
    [entry] = result.new_entries
    text = format_entry(entry)
    assert "source: null\n" in text and "proposed_source:\n  name: قناة المثال 24\n" in text
    problems = Problems()
    assert dict(parse_entry(tmp_path / f"{entry.id}.md", text, problems, fixture_registries()).extra) == \
        {"proposed_source": {"name": "قناة المثال 24"}}
    assert problems.errors() == []
