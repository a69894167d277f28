"""Who counts as an actor of a story: the policy at the top of content/actors.yaml, applied to mentions.

The gazetteer finds every registry name a story writes; a mention makes its actor a party to the
story unless one of these rules says it does not:

- in a person's title: "رئيس بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه", "وزير الخارجية اليوناني
  نيكوس ديندياس": the person counts; the mission, the ministry, the state are their affiliation;
- only the venue: a state named as the place where something happens ("في تركيا", "بمصر", "قادما من
  السعودية"), a body named as a seat or a text ("مقر الأمم المتحدة", "ميثاق الأمم المتحدة", "قرارات
  مجلس الأمن");
- history: a person named as an era gone by ("نظام العقيد معمر القذافي", "بعد الإطاحة بفلان");
- in a description: who backs a party, whom it belongs to, who leads it ("حفتر المدعوم من مصر وروسيا",
  "حكومة الوفاق برئاسة فايز السراج"); but a body whose forces act counts ("القوات التابعة لحكومة الوفاق");
- naming a government: "حكومة فايز السراج" is the government, named by its head;
- only alluded to: "في إشارة إلى قوات الجيش الوطني الليبي", the writer's aside;
- only the recipient: what is sent or referred to a body or state ("إحالة الملف إلى المحكمة الجنائية
  الدولية", "أرسلت تركيا الاتفاق للأمم المتحدة");
- spoken for: a state one of whose officials counts in the story ("الرئيس الفرنسي إيمانويل ماكرون"),
  unless the headline names the state itself; a body named after a title word beside one of its
  people ("نائب محافظ المصرف" beside the governor): that is the person, named elsewhere;
- inside an outlet's name: "وكالة نوفا الإيطالية للأنباء", "قناة الجزيرة القطرية" relay the news:
  they are the entry's source (content/sources.yaml), and their state is not an actor.

Background sentences ("يشار إلى أن…") are left out before these rules (gazetteer.background_sentences).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..arabic import normalise_for_matching, strip_clitics, tokenise_with_spans
from . import boilerplate as patterns
from .name_shapes import name_like, punctuation_between

def _stems(token: str) -> set[str]:
    """The token and the stems it may have under its clitics (strip_clitics): 'والامم' → {والامم, الامم, امم}."""
    return set(strip_clitics(token))


def _folded(words) -> frozenset:
    """The words as the tokens of a story spell them (normalise_for_matching)."""
    return frozenset(normalise_for_matching(word) for word in words)


MAX_TITLE_SPAN = 9             # 'المبعوث الخاص للأمين العام للأمم المتحدة إلى ليبيا' + the name
VENUE_WORDS = frozenset(("في", "وفي"))
LEADER_CUES = _folded(patterns.LEADER_CUES)
DESCRIPTIVE = _folded(patterns.DESCRIPTIVE_PARTICIPLES)
SAID_LIKE = _folded(("تابع",))   # 'وتابع فلان': 'and he went on', not 'belonging to'
DESCRIPTION_SPAN = 3           # 'المدعوم من مصر وروسيا': the backer within 3 words of the participle
PLACE_NOUNS = _folded(patterns.PLACE_NOUNS)
BODY_AS_PLACE_OR_TEXT = _folded(patterns.BODY_AS_PLACE_OR_TEXT)
ARRIVAL_WORDS = _folded(patterns.ARRIVAL_WORDS)
FROM = normalise_for_matching("من")
PAST_ERA_NOUNS = _folded(patterns.PAST_ERA_NOUNS)
SENDING_WORDS = _folded(patterns.SENDING_WORDS)
TO = _folded(("إلى", "وإلى"))
RECIPIENT_GAP = 2              # 'إلى مدعي عام المحكمة الجنائية الدولية': up to 2 words between 'إلى' and the body
SENTENCE_ENDS = ".؛:!?؟"
SENDING_SPAN = 12              # 'رفع ملف الأحداث الجارية في ليبيا منذ 15 فبراير 2011 إلى …'
FORCES_NOUNS = _folded(patterns.FORCES_NOUNS)
BELONGING = _folded(patterns.BELONGING_PARTICIPLES)
GOVERNMENT_NOUNS = _folded(patterns.GOVERNMENT_NOUNS)
PRIME_MINISTER = normalise_for_matching("الوزراء")       # 'رئيس الوزراء' between the government and its head
ALLUSIONS = tuple(tuple(normalise_for_matching(cue).split()) for cue in patterns.ALLUSION_CUES)
ALLUSION_SPAN = 2              # 'في إشارة إلى قوات الجيش الوطني': up to 2 words between the cue and the name
ERA_SPAN = 3                   # 'نظام الزعيم الليبي معمر القذافي': the era's noun within 3 words of the name
MEDIA_NOUNS = _folded(patterns.MEDIA_NOUNS)
MEDIA_NAME_ENDINGS = tuple(tuple(normalise_for_matching(word).split()) for word in patterns.MEDIA_NAME_ENDINGS)
MEDIA_NAME_SPAN = 3            # 'وكالة نوفا الإيطالية': the adjective up to 3 words after the outlet's noun
TITLE_BREAKERS = _folded(patterns.TITLE_PHRASE_BREAKERS)


@dataclass(frozen=True)
class StoryWords:
    """Each paragraph's text and (token, start, end) spans, and where a person's name starts."""
    texts: tuple[str, ...]
    spans: tuple[list, ...]
    person_starts: frozenset          # (paragraph, token position)
    person_ends: frozenset            # (paragraph, position of the word after the name)
    covered: frozenset                # (paragraph, token position) inside any registry mention
    in_outlet_names: frozenset        # (paragraph, token position) inside an outlet's name (sources.yaml)


def read_words(paragraphs: tuple[str, ...], matches, outlet_matches) -> StoryWords:
    return StoryWords(tuple(paragraphs), tuple(tokenise_with_spans(text) for text in paragraphs),
                      frozenset((m.paragraph, m.start) for m in matches if m.phrase.person),
                      frozenset((m.paragraph, m.end) for m in matches if m.phrase.person),
                      _positions(matches), _positions(outlet_matches))


def _positions(matches) -> frozenset:
    return frozenset((m.paragraph, p) for m in matches for p in range(m.start, m.end))


def apply_actor_policy(gazetteer, matches: list, paragraphs: tuple[str, ...], outlet_matches=()) -> list:
    """The mentions that make their actor a party to the story, in the order given.

    `outlet_matches` are where the story names an outlet of content/sources.yaml.
    """
    words = read_words(paragraphs, matches, outlet_matches)
    kept, in_titles = [], set()
    for mention in matches:
        rule = next((rule for rule in MENTION_RULES if rule(gazetteer, mention, words)), None)
        if rule is None:
            kept.append(mention)
        elif rule is in_a_persons_title:
            in_titles.add(mention.phrase.target)
    return drop_states_spoken_for(gazetteer, kept, words, in_titles)


def in_a_persons_title(gazetteer, mention, words: StoryWords) -> bool:
    """A body or state between a title word and the person it introduces (a name in the registry or
    not), or in the title that follows a person's name."""
    if mention.phrase.person:
        return False
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    title = _title_before(gazetteer, text, spans, mention.start)
    if title is None:
        return False
    after_a_name = (mention.paragraph, title) in words.person_ends \
        or _name_set_off_before(gazetteer, words, mention.paragraph, title)   # 'فلان الفلاني، رئيس الهلال الأحمر'
    return after_a_name or _person_after(gazetteer, words, mention, title)


def _title_before(gazetteer, text: str, spans, start: int) -> int | None:
    for position in range(start - 1, max(-1, start - MAX_TITLE_SPAN), -1):
        if punctuation_between(text, spans, position + 1):
            return None
        if _stems(spans[position][0]) & gazetteer.titles:
            return position
    return None


def _person_after(gazetteer, words: StoryWords, mention, title: int) -> bool:
    paragraph = mention.paragraph
    text, spans = words.texts[paragraph], words.spans[paragraph]
    for position in range(mention.end, min(len(spans), title + MAX_TITLE_SPAN)):
        if spans[position][0] in TITLE_BREAKERS:
            return False
        if punctuation_between(text, spans, position) and not _comma_and_name_follow(gazetteer, words, paragraph, position):
            return False
        if (paragraph, position) in words.person_starts:
            return True
        if _unknown_name_at(gazetteer, words, paragraph, position):
            return True
    return False


def _comma_and_name_follow(gazetteer, words: StoryWords, paragraph: int, position: int) -> bool:
    """After a comma, the name ('رئيس المجلس الرئاسي، محمد المنفي'), or a rank and the name ('مدير
    إدارة التوجيه بالجيش الوطني، اللواء خالد المحجوب')."""
    text, spans = words.texts[paragraph], words.spans[paragraph]
    gap = text[spans[position - 1][2]:spans[position][1]]
    if "،" not in gap and "," not in gap:
        return False
    if _stems(spans[position][0]) & gazetteer.titles:
        position += 1
    return (paragraph, position) in words.person_starts or _unknown_name_at(gazetteer, words, paragraph, position)


def _name_set_off_before(gazetteer, words: StoryWords, paragraph: int, title: int) -> bool:
    """'وأفاد قيس الفاخري، رئيس…': two name words and a comma before the title; with the comma to
    close it, a family name in ي (الفاخري) is a name, not an adjective."""
    text, spans = words.texts[paragraph], words.spans[paragraph]
    first, last = title - 2, title - 1
    if first < 0 or not punctuation_between(text, spans, title) or punctuation_between(text, spans, last):
        return False
    if {(paragraph, first), (paragraph, last)} & words.covered:
        return False
    family = spans[last][0]
    return name_like(gazetteer, spans[first][0], second=False) and (
        name_like(gazetteer, family, second=True) or (family.startswith("ال") and family.endswith("ي")))


def _unknown_name_at(gazetteer, words: StoryWords, paragraph: int, position: int) -> bool:
    """Two name-shaped words no registry phrase covers: 'جوزيبي بوتشينو'."""
    text, spans = words.texts[paragraph], words.spans[paragraph]
    if position < 0 or position + 1 >= len(spans) or punctuation_between(text, spans, position + 1):
        return False
    if {(paragraph, position), (paragraph, position + 1)} & words.covered:
        return False
    return name_like(gazetteer, spans[position][0], second=False) and \
        name_like(gazetteer, spans[position + 1][0], second=True)


def only_the_venue(gazetteer, mention, words: StoryWords) -> bool:
    """'في تركيا', 'بمصر', 'قادما من السعودية': the state is where it happens, or where someone came
    from, not who acts; 'العاصمة المصرية', 'الصخيرات المغربية', 'للدولار الأمريكي': its adjective says
    where, or what, not who; 'مقر الأمم المتحدة', 'ميثاق الأمم المتحدة': the body's seat or text."""
    spans = words.spans[mention.paragraph]
    before = _stems(spans[mention.start - 1][0]) if mention.start else set()
    if gazetteer.kinds.get(mention.phrase.target) != "state":
        return not mention.phrase.person and bool(before & BODY_AS_PLACE_OR_TEXT)
    if mention.start >= 2 and spans[mention.start - 1][0] == FROM and spans[mention.start - 2][0] in ARRIVAL_WORDS:
        return True
    if mention.phrase.strength == "adjective":
        return bool(before & (PLACE_NOUNS | gazetteer.places))
    token, first = spans[mention.start][0], mention.phrase.tokens[0]
    clitics = [token[:len(token) - len(stem)] for stem in strip_clitics(token) if stem in (first, first[2:])]
    return any("ب" in clitic for clitic in clitics) or bool(before & VENUE_WORDS)


def inside_an_outlets_name(gazetteer, mention, words: StoryWords) -> bool:
    """'حسبما أفادت وكالة نوفا الإيطالية للأنباء': the outlet relays; it is the source, not an actor."""
    if mention.phrase.person:
        return False
    if (mention.paragraph, mention.start) in words.in_outlet_names:      # 'مصر اليوم', 'ليبيا 24'
        return True
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    following = tuple(token for token, _, _ in spans[mention.end:mention.end + 2])
    if any(following[:len(ending)] == ending for ending in MEDIA_NAME_ENDINGS) \
            and not punctuation_between(text, spans, mention.end):      # 'الإيطالية نيوز'
        return True
    for position in range(mention.start - 1, max(-1, mention.start - 1 - MEDIA_NAME_SPAN), -1):
        if punctuation_between(text, spans, position + 1):
            return False
        if _stems(spans[position][0]) & MEDIA_NOUNS:
            return True
    return False


def in_a_description(gazetteer, mention, words: StoryWords) -> bool:
    """'قوات حفتر المدعوم من مصر وروسيا', 'لجنة مدعومة من الأمم المتحدة': who backs a party is context;
    'الحكومة برئاسة فايز السراج', 'بقيادة المشير، خليفة حفتر': so is who leads it."""
    cues = LEADER_CUES if mention.phrase.person else DESCRIPTIVE
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    for position in range(mention.start - 1, max(-1, mention.start - 1 - DESCRIPTION_SPAN), -1):
        token = spans[position][0]
        if cues is LEADER_CUES and _stems(token) & gazetteer.titles:
            continue                       # 'بقيادة المشير، خليفة حفتر': a rank between cue and name
        if punctuation_between(text, spans, position + 1):
            return False
        if token in cues or (token[:1] == "و" and token[1:] in cues - SAID_LIKE):   # 'ويقودها خليفة حفتر'
            return not (token in BELONGING and position and spans[position - 1][0] in FORCES_NOUNS)
    return False


def naming_a_government(gazetteer, mention, words: StoryWords) -> bool:
    """'حكومة فايز السراج', 'حكومة رئيس الوزراء فايز السراج': the person names the government by its
    head; 'رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة' is the head himself, and counts."""
    if not mention.phrase.person:
        return False
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    position = mention.start - 1
    while position >= 0 and _joined(text, spans, position + 1, mention.start) \
            and (_stems(spans[position][0]) & gazetteer.titles or spans[position][0] == PRIME_MINISTER):
        position -= 1
    if position < 0 or not _joined(text, spans, position + 1, mention.start):
        return False
    heads_it = position > 0 and _stems(spans[position - 1][0]) & gazetteer.titles
    return bool(_stems(spans[position][0]) & GOVERNMENT_NOUNS) and not heads_it


def _joined(text: str, spans, position: int, name_start: int) -> bool:
    """No stop mark before token `position`, but a comma that sets the name off ('رئيس الوزراء، فايز السراج')."""
    if not punctuation_between(text, spans, position):
        return True
    return position == name_start > 0 and text[spans[position - 1][2]:spans[position][1]].strip() in ("،", ",")


def only_alluded_to(gazetteer, mention, words: StoryWords) -> bool:
    """'في إشارة إلى قوات الجيش الوطني الليبي': the writer's aside alludes to it; it does not act."""
    tokens = [token for token, _, _ in words.spans[mention.paragraph][max(0, mention.start - 3 - ALLUSION_SPAN):mention.start]]
    return any(tuple(tokens[i:i + len(cue)]) == cue for cue in ALLUSIONS for i in range(len(tokens)))


def only_the_recipient(gazetteer, mention, words: StoryWords) -> bool:
    """'إحالة الملف الليبي إلى المحكمة الجنائية الدولية', 'أحالت اعتراضاتها للأمم المتحدة': a body or
    state that only receives what is sent or referred to it does not act in the story."""
    if mention.phrase.person:
        return False
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    first = spans[mention.start][0]
    if first.lstrip("و").startswith("ل") and not mention.phrase.tokens[0].startswith("ل"):
        if mention.start and spans[mention.start - 1][0] in DESCRIPTIVE:
            return False                   # 'القوات التابعة لحكومة الوفاق': belonging, not receiving
        to = mention.start                 # 'للأمم المتحدة': the preposition is written on the name
    else:
        to = next((position for position in range(mention.start - 1, max(-1, mention.start - 2 - RECIPIENT_GAP), -1)
                   if spans[position][0] in TO), None)
        if to is None or any(punctuation_between(text, spans, p) for p in range(to + 1, mention.start + 1)):
            return False
    for position in range(to - 1, max(-1, to - 1 - SENDING_SPAN), -1):
        if punctuation_between(text, spans, position + 1, SENTENCE_ENDS):
            return False                   # commas may set off a day: 'أرسلت، الخميس، اتفاقها … للأمم المتحدة'
        if _stems(spans[position][0]) & SENDING_WORDS:
            return True
    return False


def in_a_past_era(gazetteer, mention, words: StoryWords) -> bool:
    """'سقوط نظام العقيد معمر القذافي', 'بعد الإطاحة بفلان', 'أنصار فلان': a person named as an era gone
    by is history, not an actor; titles and a nisba may stand between ('نظام الزعيم الليبي فلان')."""
    if not mention.phrase.person:
        return False
    text, spans = words.texts[mention.paragraph], words.spans[mention.paragraph]
    for position in range(mention.start - 1, max(-1, mention.start - 1 - ERA_SPAN), -1):
        if punctuation_between(text, spans, position + 1):
            return False
        stems = _stems(spans[position][0])
        if stems & PAST_ERA_NOUNS:
            return True
        token = spans[position][0]
        if not (stems & gazetteer.titles or (token.startswith("ال") and token.endswith("ي"))):
            return False
    return False


MENTION_RULES = (in_a_persons_title, only_the_venue, inside_an_outlets_name, in_a_description, naming_a_government,
                 in_a_past_era, only_the_recipient, only_alluded_to)


def drop_states_spoken_for(gazetteer, mentions: list, words: StoryWords, in_titles: set) -> list:
    """A state or body one of whose people counts in the story is spoken for by that person.

    A person's state counts only when the headline names the state itself ('تركيا ترسل الاتفاق…'
    beside 'الرئيس التركي رجب طيب أردوغان'): the story is then about the state, not only its official.
    A body counts unless named right after a title word ('نائب محافظ مصرف ليبيا المركزي' beside the
    governor). The people are those of the registry's affiliations, or of a state or body named in a
    person's title phrase (`in_titles`). 'الوفد الروسي', 'الجانب المصري' with no person of the state
    are the state acting, and stay.
    """
    persons = {m.phrase.target for m in mentions if m.phrase.person}
    spoken_for = {state for person in persons for state in _affiliations(gazetteer, person)} | in_titles
    in_headline = {m.phrase.target for m in mentions if m.paragraph == 0 and not _after_a_title(gazetteer, words, m)}
    return [m for m in mentions if not (m.phrase.target in spoken_for and _spoken_for(gazetteer, words, m, in_headline))]


def _spoken_for(gazetteer, words: StoryWords, mention, in_headline: set) -> bool:
    if gazetteer.kinds.get(mention.phrase.target) == "state":
        return mention.phrase.target not in in_headline
    return _after_a_title(gazetteer, words, mention)


def _after_a_title(gazetteer, words: StoryWords, mention) -> bool:
    """Right after a title word, or after a title and one word of its office ('وزير خارجية إيطاليا')."""
    spans = words.spans[mention.paragraph]
    before = [_stems(token) for token, _, _ in spans[max(0, mention.start - 2):mention.start]]
    return bool(before) and bool(before[-1] & gazetteer.titles or (len(before) == 2 and before[0] & gazetteer.titles))


def _affiliations(gazetteer, actor: str) -> list[str]:
    """The chain of bodies an actor belongs to: ambassador → ministry → state."""
    chain, current = [], gazetteer.affiliations.get(actor)
    while current and current not in chain:
        chain.append(current)
        current = gazetteer.affiliations.get(current)
    return chain
