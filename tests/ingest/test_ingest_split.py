"""Story splitting on the five seeds and on small pages that test one rule each."""
from __future__ import annotations

from ingest_helpers import stories_of

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.stories import split_stories


def ranges(seed_name: str) -> list[tuple[int, int]]:
    return [(story.first_line, story.last_line) for story in stories_of(seed_name)]


def no_actors(_text: str) -> set:
    return set()


def test_read_also_story_after_the_khoury_story_is_its_own_story():
    stories = stories_of("000_757ce41b5e3eb3a1.txt")
    assert ranges("000_757ce41b5e3eb3a1.txt") == [(1, 9), (15, 27)]
    assert stories[1].headline.text.startswith("المشير حفتر يلتقي ماكرون في باريس")


def test_subheading_followed_by_a_continuation_stays_in_its_story():
    haftar = stories_of("000_757ce41b5e3eb3a1.txt")[1]
    assert any(p.text == "دعم فرنسي لدور القوات المسلحة الليبية" for p in haftar.paragraphs)


def test_mangoush_page_holds_three_stories():
    stories = stories_of("002_f551a4bf6189d43b.txt")
    assert ranges("002_f551a4bf6189d43b.txt") == [(6, 17), (21, 25), (27, 31)]
    assert stories[1].headline.text == "وزيرة الخارجية تلتقي سفيرة المملكة المتحدة لدى ليبيا"
    assert stories[2].headline is None and stories[2].paragraphs[0].text.startswith("وأعلن الأمين العام")


def test_single_story_pages_give_one_story_each():
    assert ranges("001_ff06011b73cabde5.txt") == [(5, 31)]
    assert ranges("003_f77f88289c7c6a30.txt") == [(3, 41)]
    assert ranges("004_d8c24643563608ab.txt") == [(3, 19)]


def test_related_headlines_list_is_not_a_story():
    page = clean_lines("خبر أول عن الاجتماع الذي عقد في طرابلس بين الوفدين الليبي والإيطالي.\n\nمقالات ذات صلة\n\n"
                       "• عنوان خبر آخر عن ليبيا والأمم المتحدة\n• عنوان ثالث عن الانتخابات الليبية المقبلة\n")
    assert [(s.first_line, s.last_line) for s in split_stories(page, no_actors)] == [(1, 1)]


def test_a_headline_without_paragraphs_after_read_also_is_a_link_not_a_story():
    page = clean_lines("التقى رئيس المجلس الرئاسي سفير إيطاليا في طرابلس لبحث التعاون.\n\nالمصدر: وال\n\n"
                       "اقرأ أيضا:\n\nالمشير حفتر يلتقي ماكرون في باريس\n")
    assert [(s.first_line, s.last_line) for s in split_stories(page, no_actors)] == [(1, 3)]


def test_inline_read_also_link_does_not_split_a_story():
    page = clean_lines("عنوان الخبر عن لقاء في طرابلس اليوم\n\nالتقى رئيس المجلس الرئاسي سفير إيطاليا.\n\n"
                       "اقرأ أيضا:\n\nعنوان خبر آخر عن موضوع مختلف تماما\n\nوأضاف البيان أن الجانبين بحثا التعاون.\n")
    stories = split_stories(page, no_actors)
    assert len(stories) == 1
    assert [p.text for p in stories[0].paragraphs] == ["التقى رئيس المجلس الرئاسي سفير إيطاليا.",
                                                       "وأضاف البيان أن الجانبين بحثا التعاون."]


def test_a_paragraph_with_its_own_day_and_new_actors_starts_a_story():
    def actors(text: str) -> set:
        return {name for name in ("المنقوش", "غوتيريش") if name in text}
    page = clean_lines("التقت المنقوش، الأربعاء، السفير في طرابلس.\n\nوبحث الجانبان العلاقات.\n\n"
                       "وأعلن غوتيريش، الإثنين، تعيين مستشارة خاصة.\n")
    assert [(s.first_line, s.last_line) for s in split_stories(page, actors)] == [(1, 3), (5, 5)]


def test_a_paragraph_that_goes_on_reporting_stays_in_the_story_whatever_day_it_names():
    def actors(text: str) -> set:
        return {name for name in ("المنقوش", "لافروف") if name in text}
    page = clean_lines("التقت المنقوش، الأربعاء، السفير في طرابلس.\n\nوبحث الجانبان العلاقات.\n\n"
                       "وقال وزير الخارجية لافروف الإثنين إن الحكومة وقعت الاتفاق.\n")
    assert [(s.first_line, s.last_line) for s in split_stories(page, actors)] == [(1, 5)]



def test_a_source_line_under_a_headline_and_a_label_opens_the_story_instead_of_ending_it():
    page = clean_lines("عنوان الخبر عن افتتاح حقل نفطي في الجنوب\n\nقناة المثال\nمصدر الخبر / قناة المثال\n\n"
                       "أعلنت المؤسسة اليوم افتتاح حقل جديد للنفط في الجنوب بعد أعمال صيانة طويلة.\n")
    stories = split_stories(page, no_actors)
    assert len(stories) == 1 and stories[0].paragraphs[-1].text.startswith("أعلنت المؤسسة")
