"""Word lists the corpus generator draws from: names, outlets, places, themes, headline phrases.

Kept apart from the code that combines them, so the generator reads as rules and this file as data.
Every pair is (Arabic, ASCII id part); ids are built only from the ASCII half.
"""
from __future__ import annotations

FIRST_NAMES = (
    ("محمد", "mohamed"), ("أحمد", "ahmed"), ("علي", "ali"), ("عبد الله", "abdullah"), ("خالد", "khaled"),
    ("مصطفى", "mustafa"), ("عمر", "omar"), ("إبراهيم", "ibrahim"), ("يوسف", "youssef"), ("فتحي", "fathi"),
    ("عبد الحميد", "abdulhamid"), ("عقيلة", "aguila"), ("خليفة", "khalifa"), ("فايز", "fayez"),
    ("نجلاء", "najla"), ("حنان", "hanan"), ("سالم", "salem"), ("عبد الرحمن", "abdulrahman"),
    ("موسى", "musa"), ("عماد", "emad"), ("الصديق", "alsiddiq"), ("أسامة", "osama"), ("حسين", "hussein"),
    ("فرج", "faraj"), ("الطاهر", "altaher"), ("سعاد", "suad"), ("مريم", "maryam"), ("رمضان", "ramadan"),
    ("ناجي", "naji"), ("عبد الباسط", "abdulbasit"), ("صلاح", "salah"), ("جمال", "jamal"),
    ("هشام", "hisham"), ("طارق", "tarek"), ("وليد", "walid"), ("زينب", "zainab"), ("كمال", "kamal"),
)
FAMILY_NAMES = (
    ("الدبيبة", "dbeibah"), ("باشاغا", "bashagha"), ("المنفي", "menfi"), ("صالح", "saleh"),
    ("حفتر", "haftar"), ("السراج", "sarraj"), ("المشري", "mishri"), ("تكالة", "takala"),
    ("المنقوش", "mangoush"), ("الكبير", "kabir"), ("بن شرادة", "benshrada"), ("اللافي", "lafi"),
    ("الكوني", "koni"), ("السايح", "sayeh"), ("الحويج", "huwaij"), ("بلقاسم", "belgasem"),
    ("الزنتاني", "zintani"), ("المصراتي", "misrati"), ("الورفلي", "warfalli"), ("الترهوني", "tarhouni"),
    ("الفيتوري", "fitouri"), ("القطراني", "gatrani"), ("بوشناف", "bushnaf"), ("الغويل", "ghwell"),
    ("معيتيق", "maiteeq"), ("النايض", "nayed"), ("الباعور", "baour"), ("أبو سنينة", "abusnaina"),
    ("الشكشاك", "shakshak"), ("العيساوي", "issawi"), ("الحاسي", "hassi"), ("المجبري", "majbri"),
)
PERSON_ROLES = (
    "رئيس الحكومة", "وزير الخارجية", "وزير الداخلية", "وزيرة العدل", "رئيس المجلس", "نائب رئيس المجلس",
    "عضو مجلس النواب", "عضو المجلس الأعلى للدولة", "رئيس المفوضية", "سفير", "المبعوث الخاص",
    "محافظ المصرف", "رئيس المؤسسة", "آمر المنطقة العسكرية", "الناطق الرسمي", "مستشار الأمن القومي",
)
ORGANIZATION_KINDS = (
    ("وزارة", "ministry"), ("هيئة", "authority"), ("المجلس الأعلى", "high-council"), ("لجنة", "committee"),
    ("المؤسسة الوطنية", "national-corporation"), ("مفوضية", "commission"), ("مركز", "centre"),
    ("الاتحاد العام", "general-union"),
)
ORGANIZATION_FIELDS = (
    ("الخارجية", "foreign-affairs"), ("الداخلية", "interior"), ("الدفاع", "defence"), ("العدل", "justice"),
    ("الصحة", "health"), ("النفط", "oil"), ("الانتخابات", "elections"), ("المصالحة الوطنية", "reconciliation"),
    ("الرقابة الإدارية", "administrative-control"), ("مكافحة الفساد", "anti-corruption"),
    ("الهجرة غير الشرعية", "illegal-migration"), ("حقوق الإنسان", "human-rights"), ("الشباب", "youth"),
    ("الاقتصاد", "economy"), ("التخطيط", "planning"), ("الحكم المحلي", "local-government"),
)
STATES = (
    ("الولايات المتحدة", "united-states"), ("فرنسا", "france"), ("إيطاليا", "italy"), ("ألمانيا", "germany"),
    ("المملكة المتحدة", "united-kingdom"), ("روسيا", "russia"), ("تركيا", "turkey"), ("مصر", "egypt"),
    ("تونس", "tunisia"), ("الجزائر", "algeria"), ("المغرب", "morocco"), ("قطر", "qatar"),
    ("الإمارات", "united-arab-emirates"), ("السعودية", "saudi-arabia"), ("الصين", "china"),
    ("اليونان", "greece"), ("مالطا", "malta"), ("النيجر", "niger"), ("تشاد", "chad"), ("السودان", "sudan"),
    ("إسبانيا", "spain"), ("هولندا", "netherlands"), ("سويسرا", "switzerland"), ("الأردن", "jordan"),
    ("الكويت", "kuwait"), ("غانا", "ghana"), ("العراق", "iraq"), ("اليابان", "japan"), ("كندا", "canada"),
    ("البرازيل", "brazil"), ("الهند", "india"), ("جنوب أفريقيا", "south-africa"), ("مالي", "mali"),
    ("موريتانيا", "mauritania"), ("لبنان", "lebanon"), ("سوريا", "syria"), ("إيران", "iran"),
    ("بلجيكا", "belgium"), ("النمسا", "austria"), ("السويد", "sweden"),
)
INTERNATIONAL_BODIES = (
    ("بعثة الأمم المتحدة للدعم في ليبيا", "unsmil"), ("الأمم المتحدة", "united-nations"),
    ("مجلس الأمن", "security-council"), ("الاتحاد الأوروبي", "european-union"),
    ("الاتحاد الأفريقي", "african-union"), ("جامعة الدول العربية", "arab-league"),
    ("حلف شمال الأطلسي", "nato"), ("القيادة الأمريكية لأفريقيا", "africom"),
    ("المفوضية الوطنية العليا للانتخابات", "hnec"), ("مصرف ليبيا المركزي", "central-bank-of-libya"),
    ("مجلس النواب", "house-of-representatives"), ("المجلس الأعلى للدولة", "high-council-of-state"),
    ("المجلس الرئاسي", "presidential-council"), ("حكومة الوحدة الوطنية", "government-of-national-unity"),
    ("القيادة العامة", "general-command"), ("لجنة 5+5 العسكرية المشتركة", "joint-military-commission"),
)
SOURCES = (
    ("وكالة الأنباء الليبية", "Libyan News Agency", "lana"), ("صحيفة المرصد الليبية", "Al Marsad", "almarsad"),
    ("بوابة الوسط", "Al Wasat", "alwasat"), ("ليبيا الأحرار", "Libya Alahrar", "libya-alahrar"),
    ("العربية", "Al Arabiya", "alarabiya"), ("الجزيرة نت", "Al Jazeera", "aljazeera"),
    ("اندبندنت عربية", "Independent Arabia", "independent-arabia"), ("الدستور", "Al Dostor", "aldostor"),
    ("العرب", "Al Arab", "alarab"), ("سكاي نيوز عربية", "Sky News Arabia", "skynews-arabia"),
    ("فرانس 24", "France 24", "france24"), ("بي بي سي عربي", "BBC Arabic", "bbc-arabic"),
    ("روسيا اليوم", "RT Arabic", "rt-arabic"), ("الشرق الأوسط", "Asharq Al-Awsat", "asharq-alawsat"),
    ("عين ليبيا", "Ean Libya", "eanlibya"), ("ليبيا أوبزرفر", "Libya Observer", "libya-observer"),
    ("قناة ليبيا الحدث", "Libya Al Hadath", "libya-alhadath"), ("218 نيوز", "218 News", "218news"),
    ("الساعة 24", "Alsaaa 24", "alsaaa24"), ("بوابة أفريقيا الإخبارية", "Afrigate News", "afrigate"),
    ("وكالة الأناضول", "Anadolu Agency", "anadolu"), ("رويترز", "Reuters", "reuters"),
    ("وكالة فرانس برس", "Agence France-Presse", "afp"), ("الشروق", "Al Shorouk", "alshorouk"),
    ("الأهرام", "Al Ahram", "alahram"), ("اليوم السابع", "Youm7", "youm7"),
    ("القدس العربي", "Al Quds Al Arabi", "alquds-alarabi"), ("البيان", "Al Bayan", "albayan"),
    ("المتوسط", "Almutawasit", "almutawasit"), ("ليبيا المستقبل", "Libya Almostakbal", "libya-almostakbal"),
)
THEMES = (
    ("elections", "الانتخابات", "Elections", ("الانتخابات", "الاستحقاق الانتخابي", "القاعدة الدستورية")),
    ("political-process", "العملية السياسية", "Political process", ("العملية السياسية", "خارطة الطريق")),
    ("security-unification", "توحيد المؤسسة الأمنية", "Security unification",
     ("التكامل الأمني", "توحيد المؤسسة العسكرية")),
    ("arms-embargo", "حظر الأسلحة", "Arms embargo", ("حظر الأسلحة", "حظر السلاح")),
    ("foreign-forces", "القوات الأجنبية", "Foreign forces", ("القوات الأجنبية", "المرتزقة")),
    ("economy-institutions", "المؤسسات الاقتصادية", "Economic institutions", ("مصرف ليبيا المركزي", "الميزانية")),
    ("oil", "النفط", "Oil", ("النفط", "المؤسسة الوطنية للنفط")),
    ("migration", "الهجرة", "Migration", ("الهجرة غير الشرعية", "المهاجرين")),
    ("ceasefire", "وقف إطلاق النار", "Ceasefire", ("وقف إطلاق النار", "الهدنة")),
    ("counter-terrorism", "مكافحة الإرهاب", "Counter-terrorism", ("الإرهاب", "داعش")),
    ("humanitarian", "الوضع الإنساني", "Humanitarian", ("المساعدات الإنسانية", "النازحين")),
    ("human-rights", "حقوق الإنسان", "Human rights", ("حقوق الإنسان", "الاحتجاز التعسفي")),
    ("diplomatic-relations", "العلاقات الدبلوماسية", "Diplomatic relations", ("السفارة", "العلاقات الثنائية")),
    ("reconciliation", "المصالحة الوطنية", "Reconciliation", ("المصالحة الوطنية",)),
    ("covid", "جائحة كورونا", "COVID-19", ("فيروس كورونا", "كوفيد")),
)
PLACES = (
    "طرابلس", "بنغازي", "مصراتة", "سرت", "سبها", "طبرق", "البيضاء", "الزاوية", "غدامس", "درنة",
    "جنيف", "برلين", "باريس", "روما", "القاهرة", "تونس", "نيويورك", "واشنطن", "موسكو", "أنقرة",
)
HEADLINE_VERBS = (
    "يلتقي", "يبحث مع", "يستقبل", "يدعو", "يرحب بمبادرة", "يشيد بدور", "يناقش مع", "يتلقى اتصالا من",
    "يجتمع مع", "يؤكد دعمه لجهود", "ينتقد موقف", "يحذر",
)
HEADLINE_TOPICS = (
    "مستجدات العملية السياسية", "ملف الانتخابات", "توحيد المؤسسات", "الأوضاع الأمنية في العاصمة",
    "سبل دعم الاستقرار", "خروج القوات الأجنبية والمرتزقة", "إنتاج النفط وتصديره", "أزمة المصرف المركزي",
    "ملف المهاجرين", "تثبيت وقف إطلاق النار", "مسار المصالحة الوطنية", "التعاون الأمني والعسكري",
    "إعادة فتح السفارة", "تداعيات السيول في درنة", "الميزانية الموحدة",
)
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر")
# Lines a scraped page carries around a story; the seeds mode puts a few around each story.
MASTHEADS = ("آخر الأخبار", "الأخبار", "رئيس مجلسى الإدارة والتحرير", "Lana News",
             "Sorry, you need to enable JavaScript to visit this website.")
RELATED_HEADERS = ("إقرأ أيضاً:", "مقالات مشابهة", "مقالات ذات صلة", "اقرأ المزيد")
