"""Splitting a cleaned page into stories. A page may hold several; a related-headlines list holds none.

A new story starts:
- after the end of an article (its 'المصدر:' line, its tags, a related list) when text follows;
- at a 'read also' label followed by a headline and a story (not when it is a link inside a story);
- at a headline-like line followed by a lead (a dateline, a wider gap, or a paragraph that opens a
  story and restates the headline), but not at a subheading followed by 'من جانبه…';
- at a paragraph that brings its own day ("الإثنين", a full date) and none of the actors of the
  story so far ("وأعلن الأمين العام… الإثنين… تعيين…" after a meeting of the foreign minister).
A story with a headline and no paragraph is a link, not a story. A story with no headline whose
last lines are a section label, a headline-like line and a date stamp has its headline at its foot.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..arabic import strip_clitics, tokenise
from . import boilerplate as patterns
from .cleaning import BLANK, BREAK, DROP, END, PUBLISHED, SOURCE, TEXT, Line, starts_with_any
from .dates import find_dates, names_a_weekday
from .extract import parse_dateline

MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 3, 25
MIN_SHARED_HEADLINE_WORDS = 2
MIN_PARAGRAPHS_BEFORE_TOPIC_SHIFT = 2
MAX_SECTION_LABEL_WORDS = 2     # 'دوليات', 'شؤون عربية' above a headline printed after the body
MIN_SENTENCE_WORDS = 8          # a shorter line under a headline is a label or a byline, not the story's text


@dataclass(frozen=True)
class StoryLines:
    headline: Line | None
    paragraphs: tuple[Line, ...]
    lines: tuple[Line, ...]          # every page line from the story's first to its last

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number


@dataclass
class _Draft:
    """The story being read: its headline, members and actors so far."""
    headline: Line | None = None
    members: list[Line] = field(default_factory=list)
    paragraphs: list[Line] = field(default_factory=list)
    actors: set = field(default_factory=set)
    ended: bool = False


def split_stories(lines: tuple[Line, ...], actors_in: Callable[[str], set],
                  places: frozenset[str] = frozenset()) -> list[StoryLines]:
    """Stories in page order. `actors_in(text)` gives the actor ids a text names (for topic shifts)."""
    stories, draft, skip = [], _Draft(), set()
    for index, line in enumerate(lines):
        if index in skip or line.kind in (BLANK, DROP):
            continue
        if line.kind == TEXT:
            if draft.paragraphs and (draft.ended or _opens_story(lines, index, draft, actors_in, places)):
                if draft.ended or _tells_something(draft):   # banners above the first story tell nothing
                    stories.append(_finish(draft, lines))
                draft = _Draft()
            _add_text(draft, lines, index, actors_in)
        elif line.kind == BREAK and draft.paragraphs:
            if _story_follows(lines, index, draft, places):
                draft.ended = True
            else:
                skip.add(_next_index(lines, index, TEXT))   # the linked headline of an inline link
        elif line.kind in (SOURCE, PUBLISHED):
            draft.members.append(line)
            # a source line ends a story that has told something; under a headline and a label
            # ('قناة ليبيا 24' above 'مصدر الخبر / قناة ليبيا 24') it opens the story instead
            draft.ended = draft.ended or (line.kind == SOURCE and _has_a_sentence(draft))
        elif line.kind == END and draft.paragraphs:
            draft.ended = True
    stories.append(_finish(draft, lines))
    return [story for story in stories if story is not None]


def _has_a_sentence(draft: _Draft) -> bool:
    return any(line.words >= MIN_SENTENCE_WORDS for line in draft.paragraphs)


def _tells_something(draft: _Draft) -> bool:
    """A sentence, long or ending with a stop: 'وبحث الجانبان العلاقات.' does; a site's banners
    ('تقرير المنظمة لعام 2013' over 'حالة حقوق الإنسان في العالم') do not."""
    return _has_a_sentence(draft) or any(line.text.endswith((".", "!", "؟")) for line in draft.paragraphs)


def _add_text(draft: _Draft, lines, index: int, actors_in) -> None:
    line = lines[index]
    draft.members.append(line)
    draft.actors |= actors_in(line.text)
    lead = _next_index(lines, index, TEXT, passing=(BLANK, DROP, PUBLISHED, SOURCE))
    if draft.headline is None and not draft.paragraphs and _is_headline(line, final_stop=True) and lead is not None:
        draft.headline = line
    elif not draft.paragraphs and _takes_over_headline(draft.headline, line, lead, lines):
        draft.headline = line
    else:
        draft.paragraphs.append(line)


def _takes_over_headline(headline: Line | None, line: Line, lead: int | None, lines) -> bool:
    """A site's name line ('بوابة المثال - أخبار ليبيا على مدار الساعة') read as the headline gives way to the
    next headline-like line when that one shares words with the lead and the first does not."""
    if headline is None or lead is None or not _is_headline(line):
        return False
    opening = lines[lead].text
    return max(_shared_words(headline.text, opening), _shared_words(headline.text, line.text)) \
        < MIN_SHARED_HEADLINE_WORDS <= _shared_words(line.text, opening)


def _finish(draft: _Draft, lines) -> StoryLines | None:
    if not draft.paragraphs:
        return None
    headline, paragraphs, last = draft.headline, list(draft.paragraphs), draft.members[-1].number
    footer = _footer_headline(draft, lines)
    if footer is not None:                 # the body first, then a section label, the headline and the date
        headline, date_line = footer
        paragraphs = paragraphs[:-1]       # the headline was the last paragraph
        if paragraphs[-1].words <= MAX_SECTION_LABEL_WORDS:
            paragraphs = paragraphs[:-1]   # 'دوليات' right above it
        last = date_line.number
    first = draft.members[0].number
    return StoryLines(headline, tuple(paragraphs), tuple(line for line in lines if first <= line.number <= last))


def _footer_headline(draft: _Draft, lines) -> tuple[Line, Line] | None:
    """'استضافت القاهرة… (the body) / دوليات / القاهرة تستضيف اجتماعا… / 16-02-2018' at the page's end:
    a story with no headline whose last line reads as one, under a paragraph and over a date stamp."""
    candidate = draft.paragraphs[-1]
    if draft.headline is not None or len(draft.paragraphs) < 2 or not _is_headline(candidate) \
            or not _has_a_sentence(draft):
        return None
    after = next((line for line in lines if line.number > candidate.number and line.kind != BLANK), None)
    return (candidate, after) if after is not None and after.rule == "date-header" else None



def _next_index(lines, index: int, kind: str, passing=(BLANK, DROP)) -> int | None:
    """The next line of `kind`, looking past lines of the `passing` kinds only."""
    for later in range(index + 1, len(lines)):
        if lines[later].kind == kind:
            return later
        if lines[later].kind not in passing:
            return None
    return None


def _is_headline(line: Line, final_stop: bool = False) -> bool:
    text = line.text
    return (MIN_HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS and "،" not in text
            and not text.endswith((":", "؟", "!")) and (final_stop or not text.endswith(".")))


def _story_follows(lines, index: int, draft: _Draft, places) -> bool:
    """After 'read also': a headline and a paragraph follow, and the story before has ended or the next opens one."""
    headline = _next_index(lines, index, TEXT)
    lead = _next_index(lines, headline, TEXT) if headline is not None else None
    if lead is None:
        return False
    return draft.ended or parse_dateline(lines[lead].text, places) is not None


def _opens_story(lines, index: int, draft: _Draft, actors_in, places) -> bool:
    line = lines[index]
    if _is_headline(line):
        lead = _next_index(lines, index, TEXT)
        return lead is not None and _headline_opens_story(lines, index, lead, places)
    return _changes_topic(line, draft, actors_in)


def _headline_opens_story(lines, headline: int, lead: int, places) -> bool:
    text = lines[lead].text
    if starts_with_any(text, patterns.CONTINUATION_OPENERS):
        return False
    previous = max((i for i in range(headline) if lines[i].kind != BLANK), default=headline - 1)
    gap = headline - previous - 1
    return parse_dateline(text, places) is not None or gap >= 2 or _shared_words(lines[headline].text, text) \
        >= MIN_SHARED_HEADLINE_WORDS


def _shared_words(headline: str, paragraph: str) -> int:
    stems = {stem for token in tokenise(paragraph)[:30] for stem in strip_clitics(token) if len(stem) > 2}
    return sum(1 for token in tokenise(headline) if len(token) > 2 and set(strip_clitics(token)) & stems)


def _changes_topic(line: Line, draft: _Draft, actors_in) -> bool:
    if len(draft.paragraphs) < MIN_PARAGRAPHS_BEFORE_TOPIC_SHIFT or not draft.actors:
        return False
    if starts_with_any(line.text, patterns.REPORTING_OPENERS):   # 'وقال…', 'وأضاف…' go on reporting
        return False
    first_sentence = line.text.split(".")[0]
    if not (names_a_weekday(first_sentence) or find_dates(first_sentence)):
        return False
    actors = actors_in(line.text)
    return bool(actors) and not actors & draft.actors
