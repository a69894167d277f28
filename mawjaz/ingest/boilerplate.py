"""What news pages wrap around a story, as data: the phrases and patterns the cleaning rules use.

Kept apart from the rules (mawjaz/ingest/cleaning.py) so that a maintainer who meets a new kind of page
chrome adds a phrase here and a fixture line in tests/fixtures/cleaning/, without touching code.
Phrases are written as a reader sees them; they are compared after normalise_for_matching, so
hamza seats, ى/ي, ة/ه, tanween and tatweel do not matter.
"""
from __future__ import annotations

# A line that is exactly one of these (a trailing ':' allowed) is page chrome.
STANDALONE_CHROME = (
    "آخر الأخبار", "الأخبار", "أخبار", "الرئيسية", "الصفحة الرئيسية", "أخبار ليبيا", "محليات",
    "سياسة", "عربي ودولي", "العالم العربي", "اقرأ المزيد", "المزيد", "شارك", "شارك الخبر",
    "شارك هذا المقال", "مشاركة", "طباعة", "زر الذهاب إلى الأعلى", "العودة إلى الأعلى",
    "الذهاب إلى الأعلى", "تابعونا", "إعلان", "Advertisement", "Share", "Tweet", "Print",
)

# Breadcrumb trails: "الرئيسية > أخبار > ليبيا", "الرئيسية / عربي ودولي". A line of parts joined by one of
# these separators (spaced) whose first part is one of the roots is the trail, its last part included.
BREADCRUMB_SEPARATORS = (">", "»", "›", "/", "|", "<", "←", "\\")
BREADCRUMB_ROOTS = ("الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "أخبار", "الأخبار", "Home", "الرئيسة")
MAX_BREADCRUMB_PART_WORDS = 3     # every part but the last (the trail may end with the headline)

# Share bars: a line made only of these words (with separators and share counts) is page chrome.
SHARE_WORDS = (
    "شارك", "شاركها", "مشاركة", "المشاركة", "شارك الخبر", "فيسبوك", "فيس بوك", "الفيسبوك", "تويتر", "إكس",
    "واتساب", "واتس اب", "واتس آب", "تيليجرام", "تيليغرام", "تلغرام", "تلجرام", "تيلجرام", "لينكدإن",
    "لينكد إن", "ماسنجر", "بريد", "البريد", "الإلكتروني", "إيميل", "طباعة", "اطبع", "نسخ", "الرابط",
    "رابط", "مختصر", "أرسل", "ارسل", "لصديق", "حفظ", "تعليق", "تعليقات", "Facebook", "Twitter", "X",
    "WhatsApp", "Telegram", "LinkedIn", "Email", "Print", "Pinterest", "Messenger", "Reddit", "Copy", "Link",
    "Share",
)
MAX_SHARE_BAR_WORDS = 16

# A line that starts with one of these is chrome, whatever follows.
CHROME_PREFIXES = (
    "رئيس مجلس الإدارة", "رئيس مجلسى الإدارة", "رئيس التحرير", "رئيسة التحرير", "المدير العام",
    "المزيد من", "تابعونا على", "تابعنا على", "تابعوا", "انضموا إلى", "انضم إلى قناتنا",
    "اشترك في", "للاشتراك في", "حمل تطبيق", "جميع الحقوق محفوظة", "حقوق النشر", "يحتوي هذا القسم على",
    "تخطي إلى", "انتقل إلى المحتوى", "تجاوز إلى المحتوى",
)
# A menu item's number ("1. تخطي إلى المحتوى") is not part of what the line says.
MENU_NUMBER = r"^\s*\d{1,2}[.)]\s+"

# A chrome line is short: a longer line that merely starts like one is a story sentence.
MAX_CHROME_WORDS = 12

# Latin-script notices left by the page (matched case-insensitively as regular expressions).
NOTICE_PATTERNS = (
    r"enable javascript", r"javascript (is )?(required|disabled)", r"\bcookies?\b", r"your browser",
    r"related nodes field", r"all rights reserved", r"^(advertisement|loading\.*|skip to (main )?content)$",
    r"^\W*(share|tweet|print|email|whatsapp|facebook|twitter)\W*$",
)

# Copyright lines.
COPYRIGHT_PATTERNS = (r"©", r"\(c\) ?\d{4}", r"جميع الحقوق محفوظة", r"all rights reserved")

# A link alone on its line ("https://p.dw.com/p/3H9ys"): the page's short address or a share link.
LINK_LINE = r"^\s*(https?://|www\.)\S+\s*$"

# A site's date field printed in front of the text ("date 2022-10 قال…"): mawjaz/ingest/extract.py reads it.
DATE_FIELD = r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\b\s*"

# A masthead clock: "توقيت القاهرة المحلي 23:32:18", a time of day alone on its line, today's date
# "بتوقيت" a city (the day the page was read, not the story's).
CLOCK_PATTERNS = (r"^توقيت\b.*\d{1,2}:\d{2}", r"^\W*\d{1,2}:\d{2}(:\d{2})?\W*$",
                  r"\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\s*بتوقيت")   # 'الأحد: 19/01/2025 بتوقيت القدس': the reader's day

# The page header: short lines before the headline (a site name, a section, an editor's name).
MAX_MASTHEAD_WORDS = 4

# Labels of metadata lines. "نشر بتاريخ: 24/09/2025" gives the publication date.
PUBLICATION_LABELS = ("نشر بتاريخ", "نشر في", "تاريخ النشر", "آخر تحديث", "تم النشر", "تم التحديث", "بتاريخ",
                      "نشر", "تاريخ التحديث", "محدث", "التاريخ", "تاريخ الخبر")
# Of these, the labels of a later change: a story's date is its first publication when the page gives both.
UPDATE_LABELS = ("آخر تحديث", "تم التحديث", "تاريخ التحديث", "محدث")
SOURCE_LABELS = ("المصدر", "مصدر الخبر", "المصادر", "Source")
TAG_LABELS = ("كلمات دلالية", "الكلمات الدلالية", "كلمات مفتاحية", "الوسوم", "وسوم", "Tags")

# "Read also": a link to another article; on some pages the whole article follows it.
READ_ALSO_LABELS = ("اقرأ أيضاً", "إقرأ أيضاً", "اقرأ أيضا", "اقرأ كذلك", "شاهد أيضاً", "طالع أيضاً",
                    "اقرأ ايضا", "Read also", "Read more")

# Headers of related-headline lists; the list under them (bulleted or not) is not a story.
RELATED_HEADERS = ("مقالات مشابهة", "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "ذات صلة",
                   "أخبار متعلقة", "مقالات متعلقة", "الأكثر قراءة", "الأكثر مشاهدة", "قد يعجبك أيضاً",
                   "اخترنا لك", "أخبار مشابهة", "Related articles", "Related")
BULLETS = ("•", "·", "▪", "■", "●", "◦", "►", "-", "*", "–", "—")
# A line this long is a story paragraph, not a related headline, even under a related header.
MAX_HEADLINE_WORDS = 25

# Photo captions: credits in brackets at the end of a short line, or a caption label at its start.
CAPTION_LABELS = ("صورة", "الصورة", "صور", "تصوير", "الصورة من", "Photo", "Image")
CAPTION_CREDIT_PATTERNS = (
    r"\([^()]{2,60}[.،/|]\s*[^()]{2,60}\)\s*$",        # (حسام علي. اندبندنت عربية)
    r"\((?:صورة|الصورة|أرشيفية|أرشيف|رويترز|أ ف ب|أ\.ف\.ب|فرانس برس|AFP|Getty|EPA|AP|Reuters)[^()]*\)\s*$",
    r"صورة من\s*:\s*\S",                             # '…(أرشيف)صورة من: picture-alliance/AA'
)
MAX_CAPTION_WORDS = 30

# A paragraph opening with one of these continues the story before it (it does not start a story).
# A paragraph opening with one of these reports more of the same story, whatever day it names
# ("وقال وزير الخارجية الروسي… الإثنين", "وأضاف… الاثنين المقبل"): never the start of another story.
REPORTING_OPENERS = ("وقال", "وقالت", "وأضاف", "وأضافت", "وأكد", "وأكدت", "وأشار", "وأشارت", "وتابع", "وتابعت",
                     "وأوضح", "وأوضحت", "وشدد", "وشددت", "ولفت", "ولفتت", "وذكر", "وذكرت", "واعتبر", "واعتبرت")

CONTINUATION_OPENERS = (
    "من جانبه", "من جانبها", "من جهته", "من جهتها", "من ناحيته", "من ناحيتها", "بدوره", "بدورها",
    "كما", "وفي", "وقال", "وقالت", "وأضاف", "وأضافت", "وأكد", "وأكدت", "وأشار", "وأشارت", "وتابع",
    "وتابعت", "وخلال", "إلى ذلك", "في المقابل", "في غضون ذلك", "وكان", "وكانت", "وتم", "ومن جانبه",
    "ومن جهته", "في السياق", "وفي السياق", "يذكر أن", "يشار إلى أن", "يُشار إلى أن", "وبحسب", "وحسب",
    "وأوضح", "وأوضحت", "وشدد", "وشددت", "ولفت", "ولفتت", "وذكر", "وذكرت", "وتطرق", "وتطرقت", "و",
)

# Datelines: "طرابلس-", "ليبيا –", "نيويورك 24 سبتمبر 2025م(وال)-". These name no particular place.
GENERIC_DATELINE_PLACES = ("ليبيا",)
DATELINE_DASHES = ("-", "–", "—", ":")
MAX_DATELINE_WORDS = 6

# Background: a paragraph that opens with one of these, or holds one of the words, recalls the past;
# an actor named only in such paragraphs is not an actor of the story (NATO in 2011, a former post).
BACKGROUND_OPENERS = ("يشار إلى أن", "يذكر أن", "يُذكر أن", "ويذكر أن", "ويشار إلى أن", "وكان", "وكانت",
                      "جدير بالذكر", "والجدير بالذكر")
BACKGROUND_WORDS = ("سابقا", "سابقاً", "آنذاك", "حينها", "وقتها", "وقتذاك")
# "وكان المتحدث قد أكد أمس…", "وكانت اللجنة بدأت اجتماعها الأربعاء الماضي…": the past perfect of a
# day this week is the story's own news, not background.
PAST_PERFECT_OPENERS = ("وكان", "وكانت")
RECENT_DAY_WORDS = ("أمس", "وأمس", "اليوم", "الليلة")
# "في 2011", "منذ عام 2014": a year earlier than the story's (any year, when the story has no date).
BACKGROUND_YEAR_CUES = ("في", "عام", "منذ", "سنة", "العام")

# Unknown names: a person's name often follows one of these words.
PERSON_TITLES = (
    "السيد", "السيدة", "الوزير", "الوزيرة", "وزير", "وزيرة", "السفير", "السفيرة", "سفير", "سفيرة",
    "المبعوث", "المبعوثة", "مبعوث", "مبعوثة", "الممثل", "الممثلة", "ممثل", "ممثلة", "الرئيس",
    "الرئيسة", "رئيس", "رئيسة", "المشير", "الفريق", "اللواء", "العميد", "العقيد", "الجنرال",
    "الأميرال", "قائد", "القائد", "نائب", "نائبة", "مساعد", "مساعدة", "المستشار", "المستشارة",
    "الدبلوماسي", "الناطق", "المتحدث", "المتحدثة", "الأمين", "وكيل", "القائم", "القائمة", "مدير",
    "مديرة", "الشيخ", "الدكتور", "الدكتورة", "د", "النائب", "عضو", "الأمير", "الملك", "المدعي",
)
# An office named right after one of these is part of a person's title ("المبعوث الخاص للأمم المتحدة"),
# not an actor of the story.
TITLE_COMPLEMENTS = ("الخاص", "الخاصة")

# Words that open the name of an outlet: a state's adjective or a body inside that name ("وكالة نوفا
# الإيطالية للأنباء", "قناة الجزيرة القطرية") relays the news; it is not an actor of the story.
MEDIA_NOUNS = ("وكالة", "قناة", "صحيفة", "جريدة", "مجلة", "موقع", "تلفزيون", "إذاعة", "شبكة", "بوابة")
# Words that close the name of an outlet: the adjective or name before one is the outlet's name
# ("الإيطالية نيوز", "مصر تايمز"), not a state or a body of the story.
MEDIA_NAME_ENDINGS = ("نيوز", "برس", "تايمز", "بوست", "أونلاين", "تي في", "تيفي")

# Nouns of place and currency: a state's adjective after one is where, or what, not who ("العاصمة
# المصرية القاهرة", "الصخيرات المغربية", "للدولار الأمريكي"), and a body after 'مقر' is the venue
# ("في مقر الأمم المتحدة بجنيف"). Place names of places.yaml count too.
PLACE_NOUNS = ("مقر", "العاصمة", "مدينة", "المدينة", "بلدة", "منطقة", "المنطقة", "الأراضي", "السواحل", "الحدود",
               "الدولار", "الدينار", "الجنيه", "الليرة", "اليورو", "الريال", "الدرهم")

# Words that describe a party by who backs it or whom it belongs to: the body or state named after
# one is context, not an actor ("حفتر المدعوم من مصر وروسيا", "لجنة مدعومة من الأمم المتحدة").
DESCRIPTIVE_PARTICIPLES = ("المدعوم", "المدعومة", "مدعوم", "مدعومة", "المدعومين", "المدعومون", "الموالية",
                           "الموالي", "الموالين", "الموالون", "الموالية", "موالية", "الموالي", "المقرب",
                           "المقربة", "المقربين", "المعترف", "المتحالفة", "المتحالف", "المحسوب", "المحسوبة",
                           "التابع", "التابعة", "التابعين", "التابعون", "تابعة", "تابع", "تتبع", "يتبع",
                           "العضوان", "العضوين", "الأعضاء", "العضو")

# Words that name who leads a party: the person after one describes it, and is not thereby an actor
# ("حكومة الوفاق برئاسة فايز السراج", "قوات الجيش بقيادة المشير خليفة حفتر").
LEADER_CUES = ("برئاسة", "بقيادة", "يقودها", "يقوده", "يرأسها", "يرأسه", "التي يرأسها", "الذي يرأسه")
# A person named right after one of these names a government by its head ("حكومة فايز السراج",
# "حكومة رئيس الوزراء فايز السراج"): the government is the party, the person only its name.
GOVERNMENT_NOUNS = ("حكومة", "حكومتي")
# Words of an aside: what follows is only alluded to ("في إشارة إلى قوات الجيش الوطني الليبي").
ALLUSION_CUES = ("في إشارة إلى", "في إشارة الى", "في اشارة إلى")

# Nouns of an era gone by: the person named after one is history, not an actor of the story ("نظام
# العقيد معمر القذافي", "فترة حكم فلان", "بعد الإطاحة بفلان", "أنصار فلان"). Titles may stand between.
PAST_ERA_NOUNS = ("نظام", "حكم", "عهد", "حقبة", "سقوط", "الإطاحة", "إسقاط", "مقتل", "أنصار", "فلول", "رحيل")

# A body named after one of these is a place or a text, not who acts: "في مقر الأمم المتحدة بجنيف",
# "الفصل السابع من ميثاق الأمم المتحدة", "على أساس قرارات مجلس الأمن ذات الصلة".
BODY_AS_PLACE_OR_TEXT = ("مقر", "ميثاق", "مبنى", "قرار", "قرارات")

# Words of sending, referring or applying: a body or state after them and "إلى" (or "لـ") only
# receives what is sent ("إحالة الملف الليبي إلى المحكمة الجنائية الدولية", "أرسلت تركيا الاتفاق
# للأمم المتحدة", "تقدمت بطلب إلى الأمم المتحدة").
SENDING_WORDS = ("إحالة", "أحال", "أحالت", "يحيل", "تحيل", "رفع", "رفعت", "يرفع", "ترفع", "أرسل", "أرسلت",
                 "يرسل", "ترسل", "إرسال", "وجه", "وجهت", "توجيه", "طلب")
# Nouns of forces: a body after them and a word of belonging ("القوات التابعة لحكومة الوفاق") acts
# through its forces, and counts; who backs a force ("القوات المدعومة من تركيا") is still context.
FORCES_NOUNS = ("القوات", "قوات", "الوحدات", "وحدات", "الكتائب", "كتائب", "التشكيلات", "العناصر", "المقاتلين")
BELONGING_PARTICIPLES = ("التابع", "التابعة", "التابعين", "التابعون", "الموالية", "الموالي", "الموالين",
                         "الموالون")

# Words of arriving from somewhere: the state after them and 'من' is where someone came from ("قادما
# من السعودية"), not an actor.
ARRIVAL_WORDS = ("قادما", "قادماً", "قادمة", "قادمين", "القادم", "القادمة", "عائدا", "عائداً", "عائدة", "العائدين")

# Words that end a person's title phrase: what follows is the sentence, not a name
# ("أكد وزير الخارجية المصري أن بلاده…"). Prepositions of titles (لدى، في، إلى، باسم) are not here.
TITLE_PHRASE_BREAKERS = ("أن", "إن", "أنه", "إنه", "أنها", "إنها", "الذي", "التي", "قد", "لقد", "لم", "لن",
                         "لا", "ما", "هو", "هي", "أو", "ثم", "حيث", "كان", "كانت", "خلال", "بعد", "قبل",
                         "مع", "عن", "على", "عبر", "حول", "منذ")

# Words that are never part of a name (prepositions, titles' complements, common nouns).
NOT_NAME_WORDS = (
    "في", "من", "على", "إلى", "عن", "مع", "لدى", "بين", "بعد", "قبل", "خلال", "عبر", "حول", "منذ",
    "أن", "إن", "أنه", "إنه", "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كل", "كافة",
    "عدة", "قد", "لقد", "لم", "لن", "لا", "ما", "هو", "هي", "أو", "ثم", "حيث", "كان", "كانت", "له",
    "لها", "به", "بها", "فيه", "فيها", "عليه", "عليها", "أجل", "نحو", "ضمن", "دون", "غير", "سبل",
    "بأعمال", "بالأعمال", "أعمال", "وزارة", "وزراء", "مجلس", "مجلسي", "حكومة", "هيئة", "لجنة",
    "بعثة", "مؤسسة", "منظمة", "مكتب", "إدارة", "قسم", "جهاز", "مصرف", "شركة", "جامعة", "وكالة",
    "لشؤون", "لشئون", "شؤون", "شئون", "عام", "عامة", "خاص", "خاصة", "سابق", "سابقا", "حاليا",
    "إطار", "بحث", "لبحث", "سياق", "اليوم", "أمس", "غدا", "مساء", "صباح", "يوم", "الإثنين",
    "مستشارة", "مستشار", "نائب", "رئيس", "سفير", "وزير", "ممثل", "مبعوث", "قائد", "عضو",
    "أهمية", "ضرورة", "تعزيز", "أمن", "أنه", "أنها", "أنهم", "إنها", "إنهم", "لقاء", "لقاءً", "جهود", "دعم", "سعياً", "وفد", "بيان",
    # verbs that follow a title in headlines ("الأمين العام المساعد يجري لقاء")
    "يجري", "تجري", "يلتقي", "تلتقي", "يبحث", "تبحث", "يستقبل", "تستقبل", "يؤكد", "تؤكد", "يدعو",
    "تدعو", "يعلن", "تعلن", "يشيد", "تشيد", "يناقش", "تناقش", "يجتمع", "تجتمع", "يزور", "تزور",
    "يصل", "تصل", "يرحب", "ترحب", "يعقد", "تعقد", "يطالب", "تطالب", "يشدد", "تشدد", "يقول", "تقول",
    "أجرى", "أجرت", "التقى", "التقت", "بحث", "بحثت", "استقبل", "استقبلت", "أكد", "أكدت", "قال",
    "قالت", "أعلن", "أعلنت", "دعا", "دعت", "زار", "زارت", "وصل", "وصلت", "رحب", "رحبت", "شدد", "شددت",
)

# Sources: the words before an outlet or agency that say the news came from it ("نقلا عن وكالة…",
# "بحسب ما أوردت قناة…", "في تصريح لقناة…"). An outlet counts after one of these only when its name
# (from sources.yaml), an outlet word or a «quoted name» follows at once.
SOURCE_CUES = (
    "نقلا عن", "نقلاً عن", "بحسب ما أوردت", "بحسب ما أورده", "بحسب ما أوردته", "بحسب ما ذكرت", "بحسب ما ذكرته",
    "بحسب ما نقلت", "بحسب ما نقلته", "بحسب ما أفادت", "بحسب ما نشرت", "بحسب ما نشرته", "حسبما أفادت",
    "حسبما ذكرت", "حسبما أوردت", "حسبما نقلت", "حسب ما أوردت", "حسب ما ذكرت", "حسب ما نقلت", "وفقا لما ذكرته",
    "وفقا لما أوردته", "وفقا لما نشرته", "وفق ما أوردت", "وفق ما ذكرت", "ونقلته", "نقلته", "ونقلت", "أوردت",
    "وأوردت", "ذكرت", "وذكرت", "أفادت", "وأفادت", "بحسب", "حسب", "وفقا", "وفقاً", "وفق", "في تصريح",
    "في تصريحات", "في تصريح خاص", "في تصريحات خاصة", "في حديث", "في حديث خاص", "في مقابلة مع", "في لقاء مع",
    "مصدر مسؤول", "مصادر", "قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أكدت", "وأكدت", "أعلن", "وأعلن",
    "موضحا", "موضحاً", "مضيفا", "مضيفاً", "مؤكدا", "مؤكداً",
)
# Words that open an outlet's name: "قناة تبادل", "وكالة نوفا الإيطالية للأنباء", "بوابة أخبار اليوم".
OUTLET_WORDS = ("وكالة", "قناة", "صحيفة", "جريدة", "موقع", "بوابة", "إذاعة", "شبكة", "مجلة", "تلفزيون",
                "فضائية", "وكالات")
# An outlet's name ends before one of these ("نقلا عن وكالة نوفا أن…"), at a comma or full stop, or
# after MAX_OUTLET_WORDS words.
OUTLET_NAME_ENDS = ("أن", "إن", "عن", "التي", "الذي", "في", "من", "على", "إلى", "مع", "قوله", "قولها", "أمس",
                    "اليوم", "يوم", "مساء", "صباح", "حول", "بشأن", "بأن", "ان", "خلال", "و")
MAX_OUTLET_WORDS = 5
# A quotation longer than this many words is someone's words, not the story's credit line.
MAX_QUOTED_CREDIT_WORDS = 4
# The first paragraphs, where a story says where its news came from.
SOURCE_CUE_PARAGRAPHS = 2
