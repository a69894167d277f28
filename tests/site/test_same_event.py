"""Same story, several outlets: hand-made pairs that should and should not be linked."""
from __future__ import annotations

from mawjaz.model import Entry
from mawjaz.site.same_event import same_event_links

STORY = ("أكدت الولايات المتحدة خلال اجتماع على هامش الجمعية العامة للأمم المتحدة أهمية التكامل الأمني "
         "بين شرق ليبيا وغربها، ودعت إلى توحيد المؤسسة العسكرية ودعم خريطة الطريق التي أعلنتها البعثة.")
RETOLD = ("وأكّدت الولايات المتحدة، خلال اجتماع على هامش الجمعية العامة للأمم المتحدة، أهمية التكامل الأمني "
          "بين شرق ليبيا وغربها. ودعت واشنطن إلى توحيد المؤسسة العسكرية ودعم خريطة طريق البعثة الأممية.")
OTHER = ("استقبل رئيس المجلس الرئاسي وفدًا من الاتحاد الأفريقي لبحث ملف المصالحة الوطنية وترتيبات "
         "المؤتمر الجامع المزمع عقده في سرت خلال الأشهر المقبلة.")


def entry(entry_id, date, source, actors, body, **extra) -> Entry:
    return Entry(entry_id, "عنوان الخبر", date, "published", source, None, tuple(actors), (), "", body,
                 extra=tuple(sorted(extra.items())))


def linked(*entries) -> dict[str, list[str]]:
    return {key: [e.id for e in found] for key, found in same_event_links(list(entries)).items()}


def test_two_outlets_retelling_one_story_are_linked_both_ways():
    a = entry("a", "2025-09-23", "lana", ["united-states", "unsmil"], STORY)
    b = entry("b", "2025-09-24", "alwasat", ["united-states", "unsmil"], RETOLD)
    assert linked(a, b) == {"a": ["b"], "b": ["a"]}


def test_the_same_outlet_twice_is_not_another_outlet():
    a = entry("a", "2025-09-23", "lana", ["united-states"], STORY)
    b = entry("b", "2025-09-23", "lana", ["united-states"], RETOLD)
    assert linked(a, b) == {}


def test_dates_more_than_three_days_apart_or_not_to_the_day_are_not_linked():
    a = entry("a", "2025-09-23", "lana", ["united-states"], STORY)
    assert linked(a, entry("b", "2025-09-27", "alwasat", ["united-states"], RETOLD)) == {}
    assert linked(a, entry("c", "2025-09", "alwasat", ["united-states"], RETOLD)) == {}
    assert linked(a, entry("d", "2025-09-26", "alwasat", ["united-states"], RETOLD)) == {"a": ["d"], "d": ["a"]}


def test_different_actors_or_different_text_are_not_linked():
    a = entry("a", "2025-09-23", "lana", ["united-states", "unsmil"], STORY)
    assert linked(a, entry("b", "2025-09-23", "alwasat", ["turkey", "italy"], RETOLD)) == {}
    assert linked(a, entry("c", "2025-09-23", "alwasat", ["united-states", "unsmil"], OTHER)) == {}


def test_a_common_opening_alone_is_not_enough():
    a = entry("a", "2025-09-23", "lana", ["united-states"], "أكدت الولايات المتحدة " + OTHER)
    b = entry("b", "2025-09-23", "alwasat", ["united-states"], "أكدت الولايات المتحدة " + STORY)
    assert linked(a, b) == {}


def test_maintainers_join_and_split_pairs_from_either_side():
    a = entry("a", "2025-09-23", "lana", ["united-states"], STORY, not_same_event=["b"])
    b = entry("b", "2025-09-24", "alwasat", ["united-states"], RETOLD)
    c = entry("c", "2024-01-01", "lana", ["turkey"], OTHER, same_event=["a"])
    assert linked(a, b, c) == {"a": ["c"], "c": ["a"]}


def test_no_entry_is_ever_dropped_or_merged():
    entries = [entry("a", "2025-09-23", "lana", ["united-states"], STORY),
               entry("b", "2025-09-23", "alwasat", ["united-states"], RETOLD)]
    links = same_event_links(entries)
    assert [e.id for e in entries] == ["a", "b"] and set(links) == {"a", "b"}
