"""Statements in hand-made stories: quotes and reported speech, and who said them. Precision first:
where the text does not make the speaker plain, the speaker is left empty."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz.model import Actor
from mawjaz.ingest.statements import Statement, extract_statements, registry_mentions, speech_verbs

ACTORS = [
    Actor("hanna-tetteh", "هانا تيتيه", "Hanna Tetteh", "person", aliases=("هانا تيتيه",), short_names=("تيتيه",)),
    Actor("ghassan-salame", "غسان سلامة", "Ghassan Salame", "person", short_names=("سلامة",)),
    Actor("mohamed-menfi", "محمد المنفي", "Mohamed Menfi", "person", short_names=("المنفي",)),
    Actor("presidential-council", "المجلس الرئاسي", "Presidential Council", "organization"),
    Actor("united-states", "الولايات المتحدة", "United States", "state", aliases=("واشنطن",)),
    Actor("turkey", "تركيا", "Turkey", "state"),
    Actor("unsmil", "بعثة الأمم المتحدة للدعم في ليبيا", "UNSMIL", "organization", aliases=("البعثة الأممية",)),
    Actor("khalifa-haftar", "خليفة حفتر", "Khalifa Haftar", "person", short_names=("حفتر",)),
    Actor("ahmed-mismari", "أحمد المسماري", "Ahmed Mismari", "person"),
]
FIND = registry_mentions(ACTORS)


def statements(*paragraphs: str) -> list[Statement]:
    return extract_statements(list(paragraphs), FIND)


def test_speech_verbs_in_their_masculine_feminine_and_plural_forms_with_a_conjunction():
    forms = [(v.form, p) for p in ["قال", "وقالت", "فأكدوا", "ودعت", "دعا", "وأشار", "أعربت"]
             for v in speech_verbs(p)]
    assert forms == [("masculine", "قال"), ("feminine", "وقالت"), ("plural", "فأكدوا"), ("feminine", "ودعت"),
                     ("masculine", "دعا"), ("masculine", "وأشار"), ("feminine", "أعربت")]
    assert speech_verbs("القائل والمقال وقائلة") == []


def test_reported_speech_after_a_title_and_a_name_goes_to_the_person():
    found = statements("وقالت الممثلة الخاصة هانا تيتيه إن البعثة ستواصل العمل مع الأطراف كافة.")
    assert found == [Statement("hanna-tetteh", "البعثة ستواصل العمل مع الأطراف كافة", "reported")]


def test_a_state_as_the_verbs_own_subject_speaks_for_itself():
    found = statements("أكدت الولايات المتحدة أهمية التكامل الأمني بين شرق ليبيا وغربها.")
    assert found == [Statement("united-states", "أهمية التكامل الأمني بين شرق ليبيا وغربها", "reported")]


def test_the_office_holder_not_the_office_speaks():
    found = statements("وقال رئيس المجلس الرئاسي محمد المنفي إن المصالحة الوطنية أولوية للجميع.")
    assert [s.actor for s in found] == ["mohamed-menfi"]
    spokesman = statements("وقال المتحدث باسم القائد العام خليفة حفتر، أحمد المسماري، إن القوات ستنسحب من المواقع.")
    assert [s.actor for s in spokesman] in (["ahmed-mismari"], [None])


def test_a_title_with_an_unknown_name_leaves_the_speaker_empty():
    found = statements("وقال السفير الإيطالي إن بلاده تدعم الانتخابات في موعدها.")
    assert found == [Statement(None, "بلاده تدعم الانتخابات في موعدها", "reported")]
    ministry = statements("وقالت وزارة الخارجية التركية إن أنقرة تتابع الوضع عن كثب.")
    assert [s.actor for s in ministry] == [None]


def test_quote_after_a_colon_and_quote_before_the_verb():
    found = statements("وقال غسان سلامة: «لن نسمح بعودة الحرب إلى طرابلس».",
                       "«الحل سياسي وليس عسكريا»، قالت هانا تيتيه في إحاطتها.")
    assert found == [Statement("ghassan-salame", "لن نسمح بعودة الحرب إلى طرابلس", "quote"),
                     Statement("hanna-tetteh", "الحل سياسي وليس عسكريا", "quote")]


def test_every_quotation_mark_style_counts():
    for opener, closer in (("«", "»"), ("“", "”"), ('"', '"')):
        found = statements(f"وقالت تركيا: {opener}ندعم وحدة المؤسسة العسكرية الليبية{closer}.")
        assert found == [Statement("turkey", "ندعم وحدة المؤسسة العسكرية الليبية", "quote")], opener


def test_a_quoted_name_without_a_speech_verb_is_not_a_statement():
    assert statements("انطلقت «عملية الكرامة» في بنغازي عام 2014 بقيادة خليفة حفتر.") == []
    assert statements("وقع الطرفان على «اتفاق وقف إطلاق النار الدائم» في جنيف.") == []


def test_a_verb_without_a_name_refers_back_to_the_last_speaker_of_the_same_gender():
    found = statements("وقالت هانا تيتيه إن خريطة الطريق تبدأ بتوحيد المؤسسات.",
                       "وأضافت أن الانتخابات يجب أن تجري خلال عام واحد.")
    assert [s.actor for s in found] == ["hanna-tetteh", "hanna-tetteh"]


def test_a_verb_of_another_gender_or_far_from_the_speaker_stays_unattributed():
    other_gender = statements("وقالت هانا تيتيه إن خريطة الطريق تبدأ بتوحيد المؤسسات.",
                              "وأضاف أن الانتخابات يجب أن تجري خلال عام واحد.")
    assert [s.actor for s in other_gender] == ["hanna-tetteh", None]
    far = statements("وقالت هانا تيتيه إن خريطة الطريق تبدأ بتوحيد المؤسسات.", "وانعقدت الجلسة في طرابلس.",
                     "وشارك فيها ممثلون عن تركيا.", "وأضافت أن الانتخابات يجب أن تجري خلال عام واحد.")
    assert [s.actor for s in far] == ["hanna-tetteh", None]
    plural = statements("وقال غسان سلامة إن الحوار سيستأنف قريبا في جنيف.", "وأكدوا أن الحل سياسي وليس عسكريا.")
    assert [s.actor for s in plural] == ["ghassan-salame", None]


def test_an_unnamed_speaker_in_between_stops_the_reference_back():
    found = statements("وقال غسان سلامة إن الحوار سيستأنف قريبا في جنيف.",
                       "وقال مسؤول أمريكي إن واشنطن تدعم جهود البعثة.", "وأضاف أن الدعم سيستمر طوال العام.")
    assert [s.actor for s in found] == ["ghassan-salame", None, None]


def test_the_storys_subject_keeps_the_floor_while_no_other_actor_is_named():
    found = statements("أكدت الولايات المتحدة أهمية التكامل الأمني بين شرق ليبيا وغربها.",
                       "وجاء ذلك في بيان صدر عقب اجتماع في نيويورك.", "وانعقد الاجتماع على هامش الجمعية العامة.",
                       "وأشارت إلى أن توحيد المؤسسات أمر بالغ الأهمية.")
    assert [s.actor for s in found] == ["united-states", "united-states"]


def test_a_short_name_counts_once_the_story_names_the_person_in_full():
    found = statements("التقى غسان سلامة وفدا من الجنوب.", "وقال سلامة إن الحوار سيستأنف قريبا في جنيف.")
    assert found == [Statement("ghassan-salame", "الحوار سيستأنف قريبا في جنيف", "reported")]
    alone = statements("وقال سلامة إن الحوار سيستأنف قريبا في جنيف.")
    assert [s.actor for s in alone] == [None]


def test_a_circumstance_after_the_speaker_does_not_change_the_speaker():
    found = statements("وقال غسان سلامة خلال لقائه محمد المنفي في طرابلس إن العملية السياسية تتقدم.")
    assert [s.actor for s in found] == ["ghassan-salame"]


def test_calls_and_concerns_keep_their_preposition():
    found = statements("ودعت البعثة الأممية إلى وقف فوري لإطلاق النار في طرابلس.",
                       "وأعربت الولايات المتحدة عن قلقها من التصعيد العسكري.")
    assert found == [Statement("unsmil", "إلى وقف فوري لإطلاق النار في طرابلس", "reported"),
                     Statement("united-states", "عن قلقها من التصعيد العسكري", "reported")]


def test_a_name_with_a_preposition_inside_is_one_speaker():
    found = statements("وقالت بعثة الأمم المتحدة للدعم في ليبيا إن اللجنة العسكرية ستجتمع الأسبوع المقبل.")
    assert found == [Statement("unsmil", "اللجنة العسكرية ستجتمع الأسبوع المقبل", "reported")]


def test_names_with_clitics_and_spelling_variants_are_found():
    found = statements("وأكدت واشنطن دعمها الكامل لجهود البعثة في ليبيا.",
                       "وقالت هانا تيتيه إن العمل مستمر مع جميع الأطراف الليبية.")
    assert [s.actor for s in found] == ["united-states", "hanna-tetteh"]


def test_a_verb_with_nothing_said_after_it_gives_no_statement():
    assert statements("وقال مسؤول.") == []
    assert statements("هذا ما قاله.") == []


def test_an_aside_between_the_speaker_and_what_is_said_is_left_out():
    found = statements("دعت تركيا، بعد اجتماع مع وفد أمريكي في العاصمة طرابلس، إلى توسيع التعاون العسكري.",
                       "وقال غسان سلامة في بيان صحفي، إن الحوار سيستأنف قريبا في جنيف.")
    assert found == [Statement("turkey", "إلى توسيع التعاون العسكري", "reported"),
                     Statement("ghassan-salame", "الحوار سيستأنف قريبا في جنيف", "reported")]


def test_that_written_without_hamza_opens_the_clause_too():
    found = statements("وقالت تركيا في بيان وضعته على صفحتها انها تدعم الحوار بين الأطراف الليبية.")
    assert found == [Statement("turkey", "تدعم الحوار بين الأطراف الليبية", "reported")]


def test_a_quote_after_that_is_still_a_quote():
    found = statements("وقالت هانا تيتيه إن «الحل الدائم الوحيد هو تجاوز المأزق السياسي».")
    assert found == [Statement("hanna-tetteh", "الحل الدائم الوحيد هو تجاوز المأزق السياسي", "quote")]


WORDS = ["وقال", "قالت", "أكد", "ودعت", "إن", "أن", "إلى", "على", "«", "»", "“", "”", ":", "،", ".", "في", "خلال",
         "هانا تيتيه", "تركيا", "سلامة", "غسان سلامة", "البعثة الأممية", "المبعوث", "الحوار", "ليبيا", "وأضاف"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), min_size=1, max_size=4))
def test_any_text_gives_statements_whose_speaker_the_story_names(paragraphs):
    named = {m.actor for found in FIND(paragraphs) for m in found}
    for statement in extract_statements(paragraphs, FIND):
        assert statement.actor is None or statement.actor in named
        assert statement.kind in ("quote", "reported") and statement.text.strip()
