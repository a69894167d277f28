"""The words that introduce an actor the registry lacks, as data: what mawjaz/ingest/proposals.py reads.

A maintainer who meets a new kind of title or a new way of writing "the body said" adds a word here
and a sentence to tests/test_proposals.py, without touching code. Words are written as a reader sees
them and compared after normalise_for_matching (hamza seats, ى/ي, ة/ه do not matter), and with the
clitics و ف ب ل ك stripped, so "ووزير" and "لوزير" are found through "وزير".
"""
from __future__ import annotations

from .boilerplate import NOT_NAME_WORDS, PERSON_TITLES

# A person's title starts with one of these ("وزير الخارجية اليوناني …", "السفيرة …", "عضو مجلس النواب …").
TITLE_HEADS = PERSON_TITLES + ("رئيسة", "المتحدثة", "الناطقة", "سفيرة", "عضوة", "النائبة", "المديرة",
                               "المندوب", "المندوبة", "مندوب", "مندوبة", "القنصل", "قنصل", "المفوض",
                               "المفوضة", "محافظ", "عميد", "آمر", "رئيسا", "أمين", "مستشار", "مستشارة",
                               "متحدث", "متحدثة", "ناطق", "ناطقة", "كبير", "كبيرة")

# Nouns that carry a title on to its office without the article: "عضو مجلس النواب", "رئيسة بعثة …".
TITLE_NOUNS = (
    "مجلس", "مجلسي", "بعثة", "وزارة", "لجنة", "هيئة", "حكومة", "مكتب", "إدارة", "جهاز", "مصرف", "شركة",
    "مؤسسة", "منظمة", "وكالة", "قسم", "مفوضية", "اتحاد", "سفارة", "قنصلية", "برنامج", "صندوق", "قوات",
    "قيادة", "غرفة", "عمليات", "حماية", "تأمين", "قوة", "مركز", "شؤون", "لشؤون", "شئون", "لشئون", "بأعمال",
    "أعمال", "عام", "دولة", "بلدية",
    "خارجية", "داخلية", "دفاع", "ملف", "لملف", "وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "نائب", "مساعد",
)

# 'وقال فلان الفلاني وهو متحدث باسم …': a pronoun between a name and its title, in place of a comma.
APPOSITIVE_PRONOUNS = ("وهو", "وهي")

# A preposition inside a title, and the word after it, belong to the title: "لدى ليبيا", "باسم الحكومة".
TITLE_PREPOSITIONS = ("لدى", "في", "باسم", "عن", "إلى")

# After a title, a word that cannot be part of the person's name ends the search: verbs, prepositions,
# common words (boilerplate.NOT_NAME_WORDS), and these words that follow a name in news sentences.
NAME_FOLLOWERS = (
    "نظيره", "نظيرته", "نظيرها", "نظراءه", "اتصالا", "اتصالاً", "هاتفيا", "هاتفياً", "رسالة", "وفدا",
    "وفداً", "مباحثات", "محادثات", "لقاءا", "كلمة", "إحاطة", "بيانا", "بياناً", "تصريحات", "تصريح",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين", "إنه", "إنها",
    "يوم", "مساء", "صباح", "أمس", "اليوم", "عقب", "لدى", "بعد", "وزملاءه", "وزملائه", "وزملائها",
    "آخر", "أحدث", "مستجدات", "تطورات", "سبل", "أوجه", "آفاق", "ملف", "ملفات", "عددا", "عدداً", "جملة",
)
NAME_STOP_WORDS = NOT_NAME_WORDS + NAME_FOLLOWERS

# A name does not start with ب or ل (لبناء، بمقر are a preposition and a word), except these first names.
FIRST_NAMES_LIKE_PREPOSITIONS = (
    "لينا", "ليلى", "لطفي", "لمياء", "لؤي", "لبنى", "لورا", "لويس", "لوران", "لورنزو", "ليندا", "لوك",
    "بشير", "باسم", "بلقاسم", "بدر", "بكر", "بلال", "بسمة", "بثينة", "بوبكر", "بيتر", "بول", "بيير",
    "برنار", "برنارد", "بوريس", "بيل", "براين", "باولو", "بيترو", "باربرا", "بن", "بريت", "بيرند",
)

# A body acting as a body: one of these verbs, then a head noun, then the body's name.
# "أعلنت منظمة …", "قالت هيئة …", "أصدر المجلس … بيانا".
BODY_VERBS = (
    "أعلن", "أعلنت", "قال", "قالت", "أكد", "أكدت", "أصدر", "أصدرت", "دعا", "دعت", "طالب", "طالبت",
    "رحب", "رحبت", "أدان", "أدانت", "حذر", "حذرت", "أفاد", "أفادت", "ندد", "نددت", "أعرب", "أعربت",
    "ذكر", "ذكرت", "كشف", "كشفت", "اتهم", "اتهمت", "قرر", "قررت", "عقد", "عقدت", "نظم", "نظمت",
    "يعلن", "تعلن", "تطالب", "يطالب", "تدعو", "يدعو", "ترحب", "يرحب", "تدين", "يدين", "تحذر", "يحذر",
)
BODY_HEADS = (
    "منظمة", "المنظمة", "هيئة", "الهيئة", "المجلس", "مجلس", "لجنة", "اللجنة", "مؤسسة", "المؤسسة",
    "مفوضية", "المفوضية", "جمعية", "الجمعية", "حركة", "الحركة", "حزب", "الحزب", "تحالف", "التحالف",
    "اتحاد", "الاتحاد", "مركز", "المركز", "مرصد", "المرصد", "رابطة", "الرابطة", "نقابة", "النقابة",
    "شبكة", "الشبكة", "وزارة", "جهاز", "الجهاز", "تجمع", "التجمع", "ائتلاف", "الائتلاف", "المنتدى",
)
# A body's name ends before one of these (or punctuation, or the end of the sentence); a name that runs
# into any other word is not trusted, and nothing is proposed.
BODY_ENDS = (
    "أن", "إن", "أنه", "أنها", "في", "عن", "على", "إلى", "مع", "من", "اليوم", "أمس", "بيانا", "بياناً",
    "بيان", "رفضها", "رفضه", "قلقها", "قلقه", "ترحيبها", "ترحيبه", "إدانتها", "إدانته", "استنكارها",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين", "عبر", "خلال",
)

# Words of a name that the rules would refuse, recognised by their written spelling: علي (its normalised
# form is the preposition على: "علي الفلاني", "سامي بن علي") and, after a first word, الله ("جاب الله").
NAMES_LIKE_COMMON_WORDS = ("علي", "عليّ", "الله")

# Verbs that follow a title in headlines ("النائب العام يحدد …") or open the sentence before a name set
# off by commas ("من جانبه، أوضح فلان الفلاني، عضو …"): never a name. Present tense as stems after its
# prefix (يـ، تـ and the future's سيـ، ستـ are added), past tense as written (the feminine تـ is added).
PRESENT_STEMS = (
    "عد", "عتبر", "حدد", "أمر", "بحث", "لتقي", "ستقبل", "ؤكد", "دعو", "علن", "شيد", "ناقش", "جتمع", "زور",
    "صل", "رحب", "عقد", "طالب", "شدد", "قول", "رى", "عتزم", "واصل", "بدأ", "ستعد", "سعى", "ترأس", "شارك",
    "وقع", "صدر", "كشف", "نفي", "حذر", "دين", "عرب", "ضيف", "شير", "وضح", "تابع", "لفت", "عمل", "قدم",
    "طلق", "نظم", "تلقى", "جري", "تفقد", "فتتح", "عود", "غادر", "توجه", "طلع", "تهم", "رفض", "قرر", "مثل",
    "دعم",
)
PAST_VERBS = (
    "أوضح", "أضاف", "أشار", "تابع", "لفت", "شدد", "أكد", "قال", "صرح", "أفاد", "ذكر", "أعلن", "أعرب",
    "اعتبر", "رأى", "أوضحت", "أضافت", "أشارت", "قالت", "صرحت", "اعتبرت", "رأت", "تعد", "يعد",
)
