"""Actors the registry lacks, proposed for review: short sentences in the forms news pages use."""
from __future__ import annotations

import pytest
from ingest_helpers import fixture_registries

from mawjaz.ingest.gazetteer import build_gazetteer
from mawjaz.model import ProposedActor
from mawjaz.ingest.proposals import build_rules, find_proposals

REGISTRIES = fixture_registries()


def propose(*paragraphs: str, not_actors=(), year=None) -> list[tuple]:
    gazetteer = build_gazetteer(REGISTRIES, not_actors)
    found = find_proposals(build_rules(gazetteer, REGISTRIES.places), gazetteer, ("", *paragraphs), year)
    return [(p.name, p.kind, p.role) for p in found]


def person(name: str, role: str) -> tuple:
    return (name, "person", role)


# (what the form shows, sentence, name, role)
PEOPLE = [
    ("a minister introduced by his title", "التقى وزير الخارجية اليوناني كوستاس بابادوبولوس نظيره الليبي.",
     "كوستاس بابادوبولوس", "وزير الخارجية اليوناني"),
    ("an ambassador keeps the preposition in his role", "قال السفير الإيطالي لدى ليبيا ماركو فيراري إن بلاده تدعم الحوار.",
     "ماركو فيراري", "السفير الإيطالي لدى ليبيا"),
    ("a member of parliament with a nisba family name", "وأكد عضو مجلس النواب سالم الزنتاني أن الجلسة تعقد غدا.",
     "سالم الزنتاني", "عضو مجلس النواب"),
    ("the head of a mission, the mission in her role", "التقت رئيسة بعثة الاتحاد الأوروبي لدى ليبيا كارلا مونتيري بالوزير.",
     "كارلا مونتيري", "رئيسة بعثة الاتحاد الأوروبي لدى ليبيا"),
    ("a spokesman, a family name with the article before a comma",
     "وقال المتحدث باسم الحكومة فريد الكاسح، في مؤتمر صحفي، إن الوضع هادئ.", "فريد الكاسح", "المتحدث باسم الحكومة"),
    ("a first name that starts like a preposition", "وقالت المبعوثة الخاصة إلى ليبيا لينا سوران خلال اللقاء إن الحوار مستمر.",
     "لينا سوران", "المبعوثة الخاصة إلى ليبيا"),
    ("a name set off by commas before its title",
     "واستقبل الوزير، اليوم، إيفان بتروف، نائب مدير إدارة الشؤون الأفريقية والوفد المرافق له.",
     "إيفان بتروف", "نائب مدير إدارة الشؤون الأفريقية"),
    ("a name between commas after its title", "وقال المتحدث باسم الوزارة، منير الطاهر، إن الاجتماع تأجل.",
     "منير الطاهر", "المتحدث باسم الوزارة"),
    ("the role without the conjunction before the title", "وقال وزير الداخلية التونسي سامي بن علي إن الحدود مفتوحة.",
     "سامي بن علي", "وزير الداخلية التونسي"),
    ("a name ends before a common word", "ناقش وزير الخارجية المالطي جوزيف بورغ الأوضاع في ليبيا.",
     "جوزيف بورغ", "وزير الخارجية المالطي"),
    ("a name after a verb of speech, set off by commas before its title",
     "من جهته، أوضح نبيل الحداد، عضو مجلس إدارة المفوضية، أن التسجيل مستمر.",
     "نبيل الحداد", "عضو مجلس إدارة المفوضية"),
    ("a family name with the article before a verb", "وزير الخارجية المالطي جوزيف البورغ يلتقي نظيره الليبي",
     "جوزيف البورغ", "وزير الخارجية المالطي"),
    ("a compound name with الله", "وقال رئيس الهيئة العامة للرياضة فتحي جاب الله إن الملعب جاهز.",
     "فتحي جاب الله", "رئيس الهيئة العامة للرياضة"),
    ("a first name علي, spelt with ي", "قال نائب المحافظ علي الزنتاني إن السيولة متوفرة.",
     "علي الزنتاني", "نائب المحافظ"),
    ("a name ends before a preposition", "وذكر مدير المكتب الإعلامي أحمد سالم في تصريح أن العمل مستمر.",
     "أحمد سالم", "مدير المكتب الإعلامي"),
    ("a name after a verb of saying, then a pronoun and the title",
     "وقال سالم الورفلي وهو متحدث باسم القوة المشتركة إن الطريق مفتوح.", "سالم الورفلي", "متحدث باسم القوة المشتركة"),
    ("the same with the feminine pronoun", "وقالت سعاد الورفلي وهي مديرة إدارة الإغاثة إن الفرق وصلت.",
     "سعاد الورفلي", "مديرة إدارة الإغاثة"),
    ("a name set off by a verb of saying and a comma before a senior adviser's title",
     "وفي هذا السياق، قالت ماريا فيراري، كبيرة المستشارين في المنظمة، إن الوضع خطير.", "ماريا فيراري",
     "كبيرة المستشارين في المنظمة"),
    ("a name opening the paragraph, its title and a verb of saying", "سالم الورفلي نائب عميد بلدية المدينة أكد أن المياه انحسرت.",
     "سالم الورفلي", "نائب عميد بلدية المدينة"),
    ("an operations room is part of a commander's title",
     "وقال اللواء سالم الورفلي، آمر غرفة عمليات حماية المدينة، إن القوات تقدمت.", "سالم الورفلي", "اللواء"),
]


@pytest.mark.parametrize("sentence, name, role", [row[1:] for row in PEOPLE], ids=[row[0] for row in PEOPLE])
def test_a_person_introduced_by_a_title_is_proposed_with_the_title_as_role(sentence, name, role):
    assert propose(sentence) == [person(name, role)]


def test_a_name_after_a_comma_counts_only_when_a_comma_closes_it():
    assert propose("التقت رئيسة البعثة بالإنابة، تناولا خلاله مجمل الترتيبات.") == []


def test_the_title_drops_the_conjunction_written_before_it():
    assert propose("وقال وزير الداخلية التونسي سامي بن علي إن الحدود مفتوحة.")[0][2] == "وزير الداخلية التونسي"


def test_a_name_ends_at_a_verb_a_preposition_or_a_common_word():
    assert propose("ناقش وزير الخارجية المالطي جوزيف بورغ الأوضاع في ليبيا.") == [
        person("جوزيف بورغ", "وزير الخارجية المالطي")]
    assert propose("وذكر مدير المكتب الإعلامي أحمد سالم في تصريح أن العمل مستمر.") == [
        person("أحمد سالم", "مدير المكتب الإعلامي")]


def test_words_after_a_title_that_are_not_a_name_are_not_proposed():
    assert propose("وزير الداخلية يستقبل الممثل الخاص للأمين العام.") == []
    assert propose("بحث سفير مصر آخر المستجدات مع الوزير.") == []
    assert propose("التقى القائم بأعمال سفارة قطر مستجدات العملية السياسية.") == []
    assert propose("وأثنت الرئاسة على التدريب المشترك والمساعدة الفنية، وذلك بغية تعزيز التكامل.") == []
    assert propose("وجهود المبعوث الخاص للأمم المتحدة لبناء توافق في الآراء.") == []
    assert propose("افتتحه الدكتور سمير حامد أمين لجنة الإدارة.") == [person("سمير حامد", "الدكتور")]
    assert propose("وأكدت الوزارة أن السفير سيقدم أوراق اعتماده غدا.") == []
    assert propose("بينما نفى مبعوث المنظمة إلى ليبيا تعرضه لمحاولة اغتيال.") == []


def test_a_name_of_five_words_is_not_trusted():
    assert propose("قال السفير جان بيير ماري لوك دوران إن") == []


def test_registry_actors_and_their_aliases_are_never_proposed():
    assert propose("أعلن الأمين العام للأمم المتحدة أنطونيو جوتيريش تعيين ستيفاني وليامز.") == []
    assert propose("وقال رئيس حكومة الوفاق فايز السراج إن") == []


def test_names_reviewed_as_not_actors_are_never_proposed():
    assert propose("وقال السفير حسام فتحي، إن", not_actors=("حسام فتحي",)) == []
    assert propose("وقال السفير حسام فتحي، إن") == [person("حسام فتحي", "السفير")]


def test_a_name_in_a_background_paragraph_is_not_proposed():
    assert propose("التقى الوزير الوفد.", "الوفد رحب باللقاء.", "يشار إلى أن السفير مارك جونز زار طرابلس.") == []


def test_each_name_is_proposed_once_with_the_role_of_its_first_mention():
    assert propose("قال السفير ماركو فيراري إن", "وأكد السفير الإيطالي ماركو فيراري أن") == [
        person("ماركو فيراري", "السفير")]


def test_a_body_acting_as_a_body_is_proposed_as_an_organization():
    assert propose("أعلنت منظمة العدالة الدولية أن التحقيق بدأ.") == [
        ("منظمة العدالة الدولية", "organization", None)]
    assert propose("أصدر المجلس الأعلى للقضاء بيانا يدعو فيه إلى التهدئة.") == [
        ("المجلس الأعلى للقضاء", "organization", None)]
    assert propose("وأعلنت اللجنة الوطنية لحقوق الإنسان في ليبيا رفضها للقرار.") == [
        ("اللجنة الوطنية لحقوق الإنسان", "organization", None)]


def test_a_body_is_proposed_only_when_its_name_ends_cleanly():
    assert propose("أعلنت وزارة الصحة بحكومة الوحدة عن حملة.") == []
    assert propose("قالت الهيئة إن العمل مستمر.") == []
    assert propose("أعلنت منظمة أطباء الصحراء أن") == []
    assert propose('وقال المركز الإعلامي لعملية "الفجر الجديد" إن القوات تقدمت.') == []


def test_a_body_the_registry_knows_is_not_proposed():
    assert propose("وقالت هيئة الرقابة المالية في بيان إنها") == []
    assert propose("وأكدت البعثة الأممية أن") == []


def test_a_registry_body_written_short_beside_its_full_name_is_not_proposed():
    from mawjaz.model import Actor, Registries
    registries = Registries.of([Actor("jmc", "اللجنة العسكرية المشتركة", "JMC", "organization", aliases=("لجنة 5+5",))], [], [])
    gazetteer = build_gazetteer(registries)
    rules = build_rules(gazetteer, ())
    short = "أعلنت اللجنة العسكرية الليبية، لجنة 5+5، فتح الطريق."
    assert find_proposals(rules, gazetteer, ("", short)) == ()
    alone = "أعلنت اللجنة العسكرية الليبية أن الطريق مفتوح."    # the registry body is not named: a proposal
    assert [p.name for p in find_proposals(rules, gazetteer, ("", alone))] == ["اللجنة العسكرية الليبية"]


def test_a_proposal_is_written_in_the_agreed_front_matter_form():
    assert ProposedActor("فلان الفلاني", "person", "السفير").as_front_matter() == {
        "name": "فلان الفلاني", "kind": "person", "role": "السفير"}


def test_a_verb_after_a_title_in_a_headline_is_not_a_name():
    assert propose("النائب العام يحدد هوية متهمين في القضية") == []
    assert propose("وأكد أن زيارة وزير الخارجية تعد هامة للبلدين.") == []


def test_a_name_quoted_after_its_title_is_proposed_without_the_quotation_marks():
    assert propose("وصل إلى المدينة السفير الإيطالي ” ماركو فيراري ” في زيارة رسمية.") == \
        [person("ماركو فيراري", "السفير الإيطالي")]
    assert propose("قال نائب محافظ المصرف “سالم الورفلي” في تصريح اليوم إن السيولة متوفرة.") == \
        [person("سالم الورفلي", "نائب محافظ المصرف")]


def test_a_body_whose_name_runs_on_into_a_registry_name_or_adds_libya_to_one_is_not_proposed():
    assert propose("وقال المركز الإعلامي لعملية بركان الغضب إن القوات تقدمت.") == []
    from mawjaz.model import Actor, Registries
    registries = Registries.of([Actor("ncdc", "المركز الوطني لمكافحة الأمراض", "NCDC", "organization")], [], [])
    gazetteer = build_gazetteer(registries)
    sentence = "وقال المركز الوطني الليبي لمكافحة الأمراض إن الإصابات تراجعت."
    assert find_proposals(build_rules(gazetteer, ()), gazetteer, ("", sentence)) == ()
    unknown = "وقال المركز الوطني الليبي لرصد الزلازل إن الهزة خفيفة."
    assert [p.name for p in find_proposals(build_rules(gazetteer, ()), gazetteer, ("", unknown))] == \
        ["المركز الوطني الليبي لرصد الزلازل"]


def test_a_name_after_a_verb_of_saying_and_before_its_title_is_proposed():
    assert propose("وأفاد سالم الورفلي، رئيس الهيئة الوطنية للإغاثة، بأن الفرق وصلت.") == \
        [person("سالم الورفلي", "رئيس الهيئة الوطنية للإغاثة")]
    assert propose("وفي السياق نفسه، سالم الورفلي رئيس الهيئة الوطنية للإغاثة وصل.") == []


def test_words_before_a_title_are_a_name_only_when_they_open_the_paragraph_and_a_verb_of_saying_follows():
    assert propose("وصل الوفد نائب عميد البلدية أكد أن الطريق مفتوح.") == []
    assert propose("سالم الورفلي نائب عميد البلدية في المدينة.") == []


def test_a_pronoun_sets_a_name_off_only_after_a_verb_of_saying():
    assert propose("وصل الوفد الليبي وهو رئيس اللجنة إلى المدينة.") == []


def test_a_quoted_name_may_start_with_a_name_written_like_a_preposition():
    assert propose("قال نائب محافظ المصرف “علي الورفلي” في تصريح إن السيولة متوفرة.") == \
        [person("علي الورفلي", "نائب محافظ المصرف")]


def test_an_adviser_without_the_article_introduces_a_name():
    assert propose("بحضور مستشار ملف المصالحة بالمجلس سالم الورفلي، بمشاركة ممثلين عن المدن.") == \
        [person("سالم الورفلي", "مستشار ملف المصالحة بالمجلس")]
