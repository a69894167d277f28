"""Tagging rules one at a time, on small registries built in the test."""
from __future__ import annotations

from mawjaz.errors import Problems
from mawjaz.gazetteer import build_gazetteer, tag_story
from mawjaz.model import Actor, Registries, Theme
from mawjaz.registries import load_registries

ACTORS = [
    Actor("stephanie-khoury", "ستيفاني خوري", "Stephanie Koury", "person", short_names=("خوري",)),
    Actor("khalifa-haftar", "خليفة حفتر", "Khalifa Haftar", "person", short_names=("حفتر",), unambiguous=True),
    Actor("stephanie-williams", "ستيفاني ويليامز", "Stephanie Williams", "person", aliases=("ستيفاني وليامز",)),
    Actor("united-states", "الولايات المتحدة", "United States", "state", adjectives=("الأمريكية", "الأمريكي")),
    Actor("france", "فرنسا", "France", "state", adjectives=("الفرنسي",)),
    Actor("emmanuel-macron", "إيمانويل ماكرون", "Emmanuel Macron", "person"),
    Actor("united-nations", "الأمم المتحدة", "United Nations", "organization"),
    Actor("unsmil", "بعثة الأمم المتحدة للدعم في ليبيا", "UNSMIL", "organization"),
    Actor("nato", "حلف شمال الأطلسي", "NATO", "organization"),
]
THEMES = [Theme("elections", "الانتخابات", "Elections", ("الانتخابات",)),
          Theme("oil", "النفط", "Oil", ("قطاع النفط",))]


def tag(*paragraphs: str, year: int | None = None, not_actors=()):
    registries = Registries.of(ACTORS, THEMES, [])
    return tag_story(build_gazetteer(registries, not_actors), ("", *paragraphs), year)


def test_aliases_match_with_clitics_and_spelling_variants():
    tags = tag("ورحب بجهود بعثة الأمم المتحدة للدعم في ليبيا وللأمم المتحدة والانتخابات.")
    assert tags.actors == ("unsmil", "united-nations") and tags.themes == ("elections",)


def test_the_longest_phrase_wins():
    assert tag("قالت بعثة الأمم المتحدة للدعم في ليبيا.").actors == ("unsmil",)


def test_a_surname_alone_counts_only_when_the_story_names_the_person_in_full():
    assert tag("قالت خوري إن الحوار مستمر.").actors == ()
    assert tag("التقت ستيفاني خوري الوفد.", "وقالت خوري إن الحوار مستمر.").actors == ("stephanie-khoury",)


def test_a_surname_the_registry_marks_unambiguous_counts_alone():
    assert tag("التقى المشير حفتر الوفد في بنغازي.").actors == ("khalifa-haftar",)


def test_a_nationality_before_a_name_is_not_the_state():
    assert tag("أعلن تعيين الأمريكية ستيفاني ويليامز مستشارة.").actors == ("stephanie-williams",)


def test_a_state_adjective_after_a_title_or_a_noun_is_the_state():
    assert tag("استقبل الرئيس الفرنسي إيمانويل ماكرون الوفد.").actors == ("france", "emmanuel-macron")
    assert tag("وأشار الدبلوماسي الأمريكي إلى الدعم.").actors == ("united-states",)


def test_an_office_inside_a_persons_title_is_not_an_actor():
    assert tag("أثنى على جهود المبعوث الخاص للأمم المتحدة.").actors == ()


def test_actors_named_only_in_background_paragraphs_are_left_out():
    tags = tag("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.",
               "وتشهد ليبيا فوضى منذ الانتفاضة التي دعمها حلف شمال الأطلسي في 2011.", year=2018)
    assert "nato" not in tags.actors
    assert "nato" in tag("دعا حلف شمال الأطلسي إلى الحوار.", "وبحث الجانبان الانتخابات.",
                         "وأكد حلف شمال الأطلسي دعمه في 2018.", year=2018).actors


def test_a_theme_named_once_late_in_a_long_story_is_left_out():
    late = ("نص أول.", "نص ثان.", "نص ثالث.", "وتطرق إلى قطاع النفط.")
    assert tag(*late).themes == ()
    assert tag("تحدث عن قطاع النفط.", *late[1:]).themes == ("oil",)


def test_every_tag_keeps_the_words_that_matched():
    tags = tag("وللأمم المتحدة دور.")
    assert [(e.id, e.matched, e.paragraph) for e in tags.evidence] == [("united-nations", "وللأمم المتحدة", 1)]


def test_an_alias_claimed_by_two_actors_is_an_error_naming_the_file_and_line(tmp_path):
    (tmp_path / "actors.yaml").write_text(
        "- id: stephanie-williams\n  name: ستيفاني ويليامز\n  name_en: Stephanie Williams\n  kind: person\n"
        "  short_names: [ويليامز]\n"
        "- id: other-williams\n  name: جون وليامز\n  name_en: John Williams\n  kind: person\n"
        "  short_names: [جون, ويليامز]\n", encoding="utf-8")
    (tmp_path / "themes.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("[]\n", encoding="utf-8")
    problems = Problems(root=tmp_path)
    load_registries(tmp_path, problems)
    assert [str(p) for p in problems.sorted()] == [
        "actors.yaml:10: 'ويليامز' is claimed by two actors: 'stephanie-williams' (line 5) and 'other-williams' "
        "— keep the name on one actor only (spellings are compared after normalisation)"]
