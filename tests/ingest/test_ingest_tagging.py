"""Tagging rules one at a time, on small registries built in the test."""
from __future__ import annotations

import pytest

from mawjaz.errors import Problems
from mawjaz.ingest.gazetteer import build_gazetteer, tag_story
from mawjaz.model import Actor, Registries, Source, Theme
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
    Actor("russia", "روسيا", "Russia", "state", adjectives=("الروسي",)),
    Actor("egypt", "مصر", "Egypt", "state", adjectives=("المصري",)),
    Actor("turkey", "تركيا", "Turkey", "state"),
    Actor("italy", "إيطاليا", "Italy", "state", adjectives=("الإيطالي",)),
    Actor("hanna-tetteh", "هانا تيتيه", "Hanna Tetteh", "person", affiliation="unsmil"),
    Actor("fayez-al-sarraj", "فايز السراج", "Fayez al-Sarraj", "person"),
    Actor("john-bass", "جون باس", "John Bass", "person", affiliation="united-states"),
    Actor("muammar-gaddafi", "معمر القذافي", "Muammar Gaddafi", "person", short_names=("القذافي",)),
    Actor("saudi-arabia", "السعودية", "Saudi Arabia", "state", adjectives=("السعودي",)),
    Actor("house-of-representatives", "مجلس النواب", "House of Representatives", "organization"),
    Actor("un-security-council", "مجلس الأمن الدولي", "UN Security Council", "organization", aliases=("مجلس الأمن",)),
    Actor("gna", "حكومة الوفاق", "Government of National Accord", "organization"),
]
THEMES = [Theme("elections", "الانتخابات", "Elections", ("الانتخابات",)),
          Theme("oil", "النفط", "Oil", ("قطاع النفط",))]


def tag(*paragraphs: str, year: int | None = None, not_actors=(), headline: str = ""):
    registries = Registries.of(ACTORS, THEMES, [])
    return tag_story(build_gazetteer(registries, not_actors), (headline, *paragraphs), year)


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
    assert tag("وأشار الدبلوماسي الأمريكي إلى الدعم.").actors == ("united-states",)
    assert tag("وأعرب الوفد الروسي عن دعم بلاده للحوار.").actors == ("russia",)


# ---------------------------------------------------------------- the actor policy


def test_a_state_in_its_officials_title_is_the_officials_affiliation_not_an_actor():
    assert tag("استقبل الرئيس الفرنسي إيمانويل ماكرون الوفد.").actors == ("emmanuel-macron",)


def test_a_body_in_a_persons_title_is_not_an_actor_but_counts_where_it_acts():
    lead = "قالت رئيسة بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه إن الحوار مستمر."
    assert tag(lead).actors == ("hanna-tetteh",)
    assert tag(lead, "وأصدرت بعثة الأمم المتحدة للدعم في ليبيا بيانا رحبت فيه بالاتفاق.").actors == \
        ("hanna-tetteh", "unsmil")


def test_a_state_in_the_title_of_a_person_the_registry_lacks_is_not_an_actor():
    assert tag("التقى السفير الإيطالي لدى ليبيا فلان علاني وفدا من الجنوب.").actors == ()


def test_a_body_in_the_title_after_a_persons_name_is_not_an_actor():
    assert tag("وقالت هانا تيتيه رئيسة بعثة الأمم المتحدة للدعم في ليبيا إن الحوار مستمر.").actors == ("hanna-tetteh",)


def test_a_body_in_a_title_set_off_by_a_comma_before_a_rank_and_a_name_is_not_an_actor():
    assert tag("وقال المتحدث باسم حلف شمال الأطلسي، اللواء فلان علاني، إن الخطة جاهزة.").actors == ()
    assert tag("وقال المتحدث باسم حلف شمال الأطلسي، فلان علاني، إن الخطة جاهزة.").actors == ()
    assert tag("وأفاد فلان الورفلي، المتحدث باسم حلف شمال الأطلسي، بأن الخطة جاهزة.").actors == ()


def test_a_body_whose_seat_is_the_venue_is_not_an_actor():
    assert tag("بدأ الاجتماع في مقر الأمم المتحدة بمدينة جنيف.").actors == ()
    assert tag("طالبت الأمم المتحدة بنشر مراقبين.").actors == ("united-nations",)


# (what the mention is, a sentence in which no registry actor counts)
NOT_ACTORS = [
    ("a body named only as the author of its charter", "صدر القرار وفق الفصل السابع من ميثاق الأمم المتحدة."),
    ("a ruler named as an era", "عانى السكان طوال فترة حكم العقيد معمر القذافي من القمع."),
    ("a ruler named as an overthrow gone by", "عاد المهجرون بعد عامين من الإطاحة بمعمر القذافي إلى المدينة."),
    ("a regime with titles and a nisba before the name", "انهار نظام العقيد الليبي معمر القذافي بعد أشهر من القتال."),
    ("a ruler's supporters", "وتضم القائمة أنصار معمر القذافي في الجنوب."),
    ("a state someone came from", "سجلت الوزارة إصابة رجل وصل قادما من السعودية يوم الخميس."),
    ("a state's adjective someone came from", "سجلت الوزارة إصابة مسافرة قادمة من السعودي يوم الخميس."),
    ("a state before a word that closes an outlet's name", "الإيطالية نيوز، 3 مارس - وصل الوفد إلى روما."),
    ("a body named only as the author of its resolutions", "ويعقد الاجتماع على أساس قرارات مجلس الأمن ذات الصلة."),
    ("a body a file is referred to", "وينص القرار على إحالة الملف الليبي إلى الأمم المتحدة."),
    ("a body a file is referred to, a title between", "وقرر المجلس رفع ملف الأحداث منذ 15 فبراير/شباط 2011 إلى مدعي عام الأمم المتحدة."),
    ("a body an objection is sent to, the preposition written on it", "وقال الوزير إن بلاده أحالت اعتراضها للأمم المتحدة."),
    ("a body a request is made to", "وتقدمت الحكومة التونسية بطلب إلى الأمم المتحدة لتسجيل المذكرة."),
    ("a government named by its head", "وقالت المصادر إن الاتفاق وقعته حكومة فايز السراج."),
    ("a government named by its head's title and name, set off by commas",
     "وأكدت الوزارة موافقة حكومة رئيس الوزراء، فايز السراج، على الخطوة."),
    ("a force the writer only alludes to", "وتحدث عن قوى تعرقل الحل، في إشارة إلى قوات خليفة حفتر."),
    ("who a force follows and who leads it, after a conjunction",
     "وتنقسم القوات إلى اثنتين، الأولى في الشرق وتتبع مجلس النواب ويقودها خليفة حفتر."),
]


@pytest.mark.parametrize("sentence", [row[1] for row in NOT_ACTORS], ids=[row[0] for row in NOT_ACTORS])
def test_a_mention_that_only_places_describes_or_dates_the_story_is_not_an_actor(sentence):
    assert tag(sentence).actors == ()


def test_who_sends_and_what_is_sent_across_commas_still_leaves_the_recipient_out():
    assert tag("وقال مصدر إن تركيا أرسلت، الخميس، اتفاقها للأمم المتحدة.").actors == ("turkey",)
    assert tag("وأرسلت الأمم المتحدة فريقا إلى المدينة.").actors == ("united-nations",)
    assert tag("أرسل الوفد رسالة. وقالت الأمم المتحدة إنها تدرس الطلب.").actors == ("united-nations",)


def test_a_body_whose_forces_act_counts_but_one_that_only_backs_them_does_not():
    assert tag("وتقدمت القوات التابعة لحكومة الوفاق نحو المطار.").actors == ("gna",)
    assert tag("وأرسلت القوات الموالية لحكومة الوفاق تعزيزات إلى المدينة.").actors == ("gna",)
    assert tag("وقالت لجنة تابعة لحكومة الوفاق إنها فتحت الطريق.").actors == ()
    assert tag("وتقدمت القوات المدعومة من تركيا نحو المطار.").actors == ()


def test_a_body_that_adopts_a_resolution_acts():
    assert tag("وأصدر مجلس الأمن قرارا بتمديد الحظر.").actors == ("un-security-council",)


def test_the_head_of_a_government_counts_when_the_story_names_him_as_its_head():
    assert tag("وقال رئيس حكومة الوفاق فايز السراج إن الحوار مستمر.").actors == ("fayez-al-sarraj",)
    assert tag("والتقت ستيفاني خوري رئيس الحكومة فايز السراج.").actors == ("stephanie-khoury", "fayez-al-sarraj")


def test_a_person_who_acts_is_an_actor_even_in_a_story_about_the_past():
    assert tag("وقال معمر القذافي في خطاب إنه لن يغادر.").actors == ("muammar-gaddafi",)
    assert tag("وفرض المجلس حظر سفر على معمر القذافي، وأكد أن نظام الحكم انتهى.").actors == ("muammar-gaddafi",)


def test_a_state_that_acts_is_an_actor_beside_the_rules_for_where_someone_came_from_and_outlets():
    assert tag("وأكدت السعودية استعدادها للمساعدة.").actors == ("saudi-arabia",)
    assert tag("أعلنت إيطاليا دعمها للحوار، وفق ما نقل موقع الإيطالية نيوز.").actors == ("italy",)


def test_the_same_unnamed_official_later_in_the_story_does_not_bring_in_the_state():
    tags = tag("السفير الإيطالي لدى ليبيا يزور الجنوب", "وصل السفير الإيطالي جوزيبي فلاني إلى المدينة أمس.")
    assert tags.actors == ()


def test_a_state_named_after_its_officials_title_does_not_count_beside_the_official():
    tags = tag("التقى المبعوث سفير إيطاليا لدى ليبيا فلان علاني.", "وبحث السفير مع فايز السراج الحوار.")
    assert tags.actors == ("fayez-al-sarraj",)


def test_a_state_named_by_an_unnamed_official_still_acts():
    assert tag("أكد وزير الخارجية المصري أن بلاده تدعم الحوار.").actors == ("egypt",)


def test_a_state_that_is_only_the_venue_is_not_an_actor():
    assert tag("عقد الاجتماع في تركيا بحضور فايز السراج.").actors == ("fayez-al-sarraj",)
    assert tag("وصل فايز السراج بمصر في زيارة رسمية.").actors == ("fayez-al-sarraj",)
    assert tag("أعلنت تركيا دعمها للحوار.").actors == ("turkey",)


def test_a_states_adjective_after_a_place_or_a_currency_is_not_an_actor():
    assert tag("تجتمع اللجنة في العاصمة المصرية القاهرة بعد غد.").actors == ()
    assert tag("حدد المصرف السعر عند أربعة دنانير للدولار الأمريكي.").actors == ()
    assert tag("وأكد الجانب المصري دعمه للحوار.").actors == ("egypt",)


def test_a_state_in_the_name_of_an_outlet_of_the_registry_is_not_an_actor():
    registries = Registries.of(ACTORS, THEMES, [Source("misr-alyoum", "مصر اليوم", "Misr Alyoum", None, ("مصر اليوم",))])
    tags = tag_story(build_gazetteer(registries), ("", "القاهرة - مصر اليوم", "أعلنت المؤسسة حالة القوة القاهرة."))
    assert tags.actors == ()


def test_a_state_inside_an_outlets_name_only_relays_the_news():
    assert tag("رفضت تركيا تفتيش السفينة، حسبما أفادت وكالة نوفا الإيطالية للأنباء.").actors == ("turkey",)


def test_a_state_or_body_that_only_describes_who_backs_a_party_is_not_an_actor():
    assert tag("وتشن القوات الموالية لحفتر المدعوم من مصر وروسيا هجوما.").actors == ("khalifa-haftar",)
    assert tag("قالت لجنة مدعومة من الأمم المتحدة إنها فتحت الطريق.").actors == ()


def test_a_person_named_only_as_the_leader_of_a_party_is_not_an_actor_there():
    assert tag("وقعت الحكومة برئاسة فايز السراج الاتفاق مع أنقرة.").actors == ()
    assert tag("في إشارة إلى قوات الجيش بقيادة المشير، خليفة حفتر.").actors == ()
    assert tag("وقال فايز السراج إن الاتفاق نافذ.").actors == ("fayez-al-sarraj",)


def test_a_body_named_only_as_what_its_members_belong_to_is_not_an_actor():
    assert tag("والبلدان العضوان في حلف شمال الأطلسي على خلاف.").actors == ()


def test_and_he_went_on_is_a_verb_of_saying_not_belonging():
    assert tag("وتابع الأمم المتحدة تعمل على مساعدة النازحين.").actors == ("united-nations",)


def test_an_officials_title_adjective_does_not_bring_in_the_state_when_the_official_counts():
    tags = tag("التقت ستيفاني خوري جون باس.", "وأشارت خوري إلى أنها والدبلوماسي الأمريكي شددا على الحوار.")
    assert "united-states" not in tags.actors


def test_a_state_is_spoken_for_by_its_official_wherever_the_story_names_it():
    tags = tag("التقى السفير جون باس فايز السراج.", "وأكد أن الولايات المتحدة تدعم الحوار بين الليبيين.")
    assert tags.actors == ("john-bass", "fayez-al-sarraj")


def test_a_state_the_headline_names_counts_beside_its_official():
    tags = tag("وقال السفير جون باس إن بلاده تدعم الحوار.", headline="الولايات المتحدة تدعم الحوار في ليبيا")
    assert tags.actors == ("united-states", "john-bass")
    tags = tag("وقال السفير جون باس إن بلاده تدعم الحوار.", headline="السفير الأمريكي يدعم الحوار في ليبيا")
    assert tags.actors == ("john-bass",)


def test_a_state_whose_official_is_known_only_by_a_title_phrase_is_spoken_for():
    tags = tag("التقى السفير الإيطالي جوزيبي فلاني فايز السراج.", "وقال السراج إن العلاقات بين إيطاليا وليبيا متينة.")
    assert "italy" not in tags.actors


def test_an_office_inside_a_persons_title_is_not_an_actor():
    assert tag("أثنى على جهود المبعوث الخاص للأمم المتحدة.").actors == ()


def test_actors_named_only_in_background_paragraphs_are_left_out():
    tags = tag("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.",
               "وتشهد ليبيا فوضى منذ الانتفاضة التي دعمها حلف شمال الأطلسي في 2011.", year=2018)
    assert "nato" not in tags.actors
    assert "nato" in tag("دعا حلف شمال الأطلسي إلى الحوار.", "وبحث الجانبان الانتخابات.",
                         "وأكد حلف شمال الأطلسي دعمه في 2018.", year=2018).actors


LEAD_SENTENCES = tuple(f"وكتب المراسل في الفقرة رقم {n} من الخبر كلاما عاما لا يخص موضوعا بعينه." for n in (1, 2, 3))


def test_a_paragraph_that_dates_an_earlier_event_or_turns_to_the_past_midway_is_background():
    lead = ("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.")
    dated = tag(*lead, "وقرر حلف شمال الأطلسي إطلاق مهمته في 31 مارس 2011 بعد اجتماع طويل.", year=2018)
    assert "nato" not in dated.actors
    midway = tag(*lead, "وتستمر المشاورات، جدير بالذكر أن حلف شمال الأطلسي دعم الانتفاضة.", year=2018)
    assert "nato" not in midway.actors


def test_a_sentence_that_recalls_the_past_is_background_inside_a_paragraph_of_news():
    tags = tag("أعلن حلف شمال الأطلسي اليوم إرسال مراقبين. وكانت تركيا أرسلت قوات في يناير الماضي.", year=2020)
    assert tags.actors == ("nato",)
    tags = tag("التقى الوفد الأمريكي حكومة الوفاق.", "وقال السفير إن الحوار مستمر. وجدير بالذكر أن مصر رعت حوارا سابقا.")
    assert "egypt" not in tags.actors


def test_a_theme_named_only_in_a_sentence_that_recalls_the_past_is_not_the_storys():
    assert tag("أعلن الوزير اليوم خطة للتعاون. وكان قطاع النفط قد توقف في يناير الماضي.", year=2020).themes == ()
    assert tag("أعلن الوزير اليوم خطة لإنعاش قطاع النفط.", year=2020).themes == ("oil",)


def test_the_first_sentence_of_the_lead_is_the_story_even_when_it_names_a_past_month():
    assert tag("وكانت تركيا أرسلت قوات في يناير الماضي، بحسب الوزارة.", year=2020).actors == ("turkey",)


def test_had_done_about_a_day_this_week_is_the_story_not_background():
    lead = ("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.")
    assert "nato" in tag(*lead, "وكان حلف شمال الأطلسي قد أعلن أمس استعداده للمساعدة.", year=2018).actors
    assert "nato" in tag(*lead, "وكانت الأمم المتحدة دعت الأربعاء حلف شمال الأطلسي إلى الحوار.", year=2018).actors
    assert "nato" not in tag(*lead, "وكان حلف شمال الأطلسي قد تدخل في البلاد قبل سنوات.", year=2018).actors


def test_a_paragraph_that_tells_what_happened_at_the_time_is_background():
    lead = ("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.")
    assert "turkey" not in tag(*lead, "وأثار الاتفاق غضب تركيا التي أصدرت آنذاك بيانا شديد اللهجة.").actors
    assert "turkey" in tag(*lead, "وأصدرت تركيا بيانا شديد اللهجة.").actors


def test_a_paragraph_about_a_month_or_year_gone_by_is_background_but_a_weekday_gone_by_is_not():
    lead = ("التقى الوفد الأمريكي حكومة الوفاق في طرابلس.", "وبحث الجانبان الانتخابات.")
    assert "nato" not in tag(*lead, "ووقع حلف شمال الأطلسي الاتفاق في 27 نوفمبر الماضي.").actors
    assert "nato" not in tag(*lead, "وكان حلف شمال الأطلسي قد دعا إلى ذلك العام الماضي.").actors
    assert "nato" in tag(*lead, "والتقى حلف شمال الأطلسي الوفد الأربعاء الماضي.").actors


def test_a_theme_named_once_late_in_a_long_story_is_left_out():
    late = (*LEAD_SENTENCES, "وتطرق إلى قطاع النفط.")
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


# ---------------------------------------------------------------- theme weights

HINTED = [Theme("migration", "الهجرة", "Migration", ("الهجرة غير الشرعية",), hints=("المهاجرين", "قارب", "خفر السواحل"))]


def tag_hinted(*paragraphs: str):
    return tag_story(build_gazetteer(Registries.of([], HINTED, [])), paragraphs)


def test_one_term_in_the_headline_or_lead_gives_the_theme():
    assert tag_hinted("مكافحة الهجرة غير الشرعية على رأس المباحثات", "نص.").themes == ("migration",)


def test_one_hint_alone_does_not_give_the_theme():
    assert tag_hinted("عنوان", "أنقذ الصيادون قارب صيد قرب الشاطئ.").themes == ()


def test_hints_together_in_the_lead_give_the_theme_and_the_evidence_names_them():
    tags = tag_hinted("عنوان", "أنقذ خفر السواحل قارب يقل عشرات المهاجرين.")
    assert tags.themes == ("migration",)
    assert tags.evidence[0].matched == "خفر السواحل» + «قارب» + «المهاجرين"


def test_a_word_late_in_the_story_weighs_less_than_in_the_lead():
    late = ("عنوان", *LEAD_SENTENCES)
    assert tag_hinted(*late, "وتطرق إلى المهاجرين.", "ثم عاد إلى قارب.").themes == ()
    assert tag_hinted(*late, "وتطرق إلى الهجرة غير الشرعية.", "ثم عاد إلى الهجرة غير الشرعية.").themes == ("migration",)


def test_a_caption_or_a_counter_line_does_not_push_a_paragraph_out_of_the_lead():
    page = ("عنوان", "330", "صورة الاجتماع", "شارك", *LEAD_SENTENCES[:2], "وبحث الجانبان ملف الهجرة غير الشرعية والتعاون.")
    assert tag_hinted(*page).themes == ("migration",)


def test_a_persons_name_with_the_fathers_name_between_first_and_family_name_is_found():
    assert tag("والتقى خليفة بلقاسم حفتر الوفد.").actors == ("khalifa-haftar",)
    assert tag("والتقت ستيفاني مراد خوري الوفد.").actors == ("stephanie-khoury",)
    assert tag("والتقت ستيفاني، مراد خوري الوفد.").actors == ()          # a comma: two people, neither in full
    assert tag("والتقت ستيفاني والسيد خوري الوفد.").actors == ()         # a conjunction is no father's name
