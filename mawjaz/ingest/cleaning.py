"""Cleaning: an ordered list of small named rules that mark each line of a page for what it is.

A rule never deletes a line: it marks it (boilerplate, source line, publication line, "read also"
marker…), so that line numbers stay true for provenance and the source and publication lines stay
available as evidence. Each rule takes the page's lines and returns them with some TEXT lines
re-marked; it never touches a line another rule has marked. The phrases live in boilerplate.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..arabic import clean_for_display, has_arabic_letters, normalise_for_matching
from . import boilerplate as chrome
from .dates import is_date_line

MAX_DATE_HEADER_WORDS = 14
LABEL_MARKS = ":：/|"
TEXT, BLANK, DROP, SOURCE, PUBLISHED, END, BREAK = (
    "text", "blank", "boilerplate", "source", "published", "end", "read-also")


@dataclass(frozen=True)
class Line:
    number: int                 # 1-based line number in the seed
    raw: str                    # the line as the seed has it
    text: str                   # cleaned for display
    kind: str = TEXT
    rule: str = ""              # the rule that marked it

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_lines(text: str) -> tuple[Line, ...]:
    return tuple(Line(number, raw, clean_for_display(raw)) for number, raw in enumerate(text.split("\n"), 1))


def mark(line: Line, kind: str, rule: str) -> Line:
    return replace(line, kind=kind, rule=rule)


# ---------------------------------------------------------------- phrase helpers


@lru_cache(maxsize=None)
def _normalised(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({normalise_for_matching(p) for p in phrases}, key=len, reverse=True))


def _bare(text: str) -> str:
    """A line normalised, without bullets and the punctuation around it."""
    return normalise_for_matching(text).strip(" :：.،-–—•·*|")


def is_one_of(text: str, phrases: tuple[str, ...]) -> bool:
    return _bare(text) in _normalised(phrases)


def label_of(text: str, labels: tuple[str, ...]) -> str | None:
    """The rest of the line when it starts with one of the labels followed by ':' (or '/', '|': 'مصدر الخبر /
    قناة…') or nothing, else None."""
    folded = normalise_for_matching(text)
    for label in _normalised(labels):
        if folded.startswith(label):
            rest = folded[len(label):].strip()
            if not rest or rest[0] in LABEL_MARKS:
                mark_at = [text.find(mark) for mark in LABEL_MARKS if mark in text]
                return text[min(mark_at) + 1:].strip() if mark_at else ""
    return None


def starts_with_any(text: str, phrases: tuple[str, ...]) -> bool:
    """The line opens with one of the phrases as whole words ('من جانبه، أكد' opens with 'من جانبه')."""
    folded = normalise_for_matching(text)
    return any(folded.startswith(p) and not folded[len(p):len(p) + 1].isalnum() for p in _normalised(phrases))


def _matches_any(text: str, patterns: tuple[str, ...]) -> bool:
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)


def _mostly_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    arabic = sum(1 for char in letters if has_arabic_letters(char))
    return bool(letters) and arabic * 2 < len(letters)


def _relabel(lines, test, kind: str, rule: str) -> tuple[Line, ...]:
    return tuple(mark(line, kind, rule) if line.kind == TEXT and test(line) else line for line in lines)


def _nearest_text(lines, index: int, step: int) -> Line | None:
    """The nearest line before (step -1) or after (step +1) that is not blank."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].kind != BLANK:
            return lines[index]
        index += step
    return None


# ---------------------------------------------------------------- the rules, in order


def mark_blank_lines(lines):
    return _relabel(lines, lambda line: not line.text, BLANK, "blank")


LATIN_LINE_WORDS = 4     # a shorter Latin line may be a name or a code the story quotes on its own line


def mark_notices(lines):
    """Latin-script notices ("Sorry, you need to enable JavaScript…"), CMS field hints, and a Latin-script
    line that is a title, not a sentence ("Libyen Zusammenstöße zwischen…", a caption's original)."""
    def is_notice(line):
        if not has_arabic_letters(line.text) and _mostly_latin(line.text) and line.words >= LATIN_LINE_WORDS \
                and not line.text.rstrip().endswith((".", "!", "?", '"', "”")):
            return True    # a Latin-script title on an Arabic page (a caption's original); a sentence stays
        return _matches_any(line.text, chrome.NOTICE_PATTERNS) and _mostly_latin(line.text)
    return _relabel(lines, is_notice, DROP, "notice")


def mark_date_headers(lines):
    """A line holding only a date, such as a page's 'today' header: it is not the story's date."""
    return _relabel(lines, lambda line: line.words <= MAX_DATE_HEADER_WORDS and is_date_line(line.text), DROP,
                    "date-header")


def mark_date_fields(lines):
    """'date 2022-10 قال نائب…': a site's date field run into the text. The date stays in the raw line
    (extract reads it there); the text loses it, and a line that was only the field is boilerplate."""
    result = []
    for line in lines:
        field = re.match(chrome.DATE_FIELD, line.text) if line.kind == TEXT else None
        if field:
            rest = line.text[field.end():].strip()
            line = replace(line, text=rest, rule="date-field") if rest else mark(line, DROP, "date-field")
        result.append(line)
    return tuple(result)


def mark_mastheads(lines):
    """Short lines at the top of the page, before the first line long enough to be a headline."""
    result, in_header = [], True
    for line in lines:
        if in_header and line.kind == TEXT and line.words >= chrome.MAX_MASTHEAD_WORDS + 1:
            in_header = False
        if in_header and line.kind == TEXT:
            line = mark(line, DROP, "masthead")
        result.append(line)
    return tuple(result)


def mark_chrome_lines(lines):
    """Section names, share and follow prompts, "back to top", editor credits, copyright lines, and the
    counters of a share bar ('0', '330'): a line of digits alone; a masthead clock ('توقيت القاهرة المحلي
    23:32:18'); skip links ('1. تخطي إلى المحتوى'); a link alone on its line."""
    def is_chrome(line):
        if line.words > chrome.MAX_CHROME_WORDS:
            return False
        if line.text.strip().isdigit() or re.match(chrome.LINK_LINE, line.text):
            return True
        text = re.sub(chrome.MENU_NUMBER, "", line.text)
        return (is_one_of(text, chrome.STANDALONE_CHROME) or starts_with_any(text, chrome.CHROME_PREFIXES)
                or _matches_any(text, chrome.COPYRIGHT_PATTERNS) or _matches_any(text, chrome.CLOCK_PATTERNS))
    return _relabel(lines, is_chrome, DROP, "chrome")


def mark_breadcrumbs(lines):
    """'الرئيسية > أخبار > ليبيا', 'الرئيسية / عربي ودولي': a trail from a root, its last part included."""
    separators = "|".join(re.escape(mark) for mark in chrome.BREADCRUMB_SEPARATORS)

    def is_trail(line):
        parts = [part.strip() for part in re.split(rf"\s*(?:{separators})\s*", line.text)]
        return len(parts) >= 2 and is_one_of(parts[0], chrome.BREADCRUMB_ROOTS) and \
            all(0 < len(part.split()) <= chrome.MAX_BREADCRUMB_PART_WORDS for part in parts[:-1])
    return _relabel(lines, is_trail, DROP, "breadcrumb")


def mark_share_bars(lines):
    """'شارك', 'فيسبوك تويتر واتساب', 'طباعة | أرسل لصديق', with or without share counts."""
    words = frozenset(word for phrase in _normalised(chrome.SHARE_WORDS) for word in phrase.split())

    def is_share_bar(line):
        tokens = re.findall(r"[^\W_]+", normalise_for_matching(line.text))
        return 0 < len(tokens) <= chrome.MAX_SHARE_BAR_WORDS and \
            all(token in words or token.isdigit() for token in tokens) and any(not t.isdigit() for t in tokens)
    return _relabel(lines, is_share_bar, DROP, "share-bar")


def mark_photo_captions(lines):
    """A caption with a credit in brackets, a 'صورة:' label, or a short line shown twice in a row (alt
    text + caption), unless it is the page's first line: a headline is often shown twice."""
    def is_caption(index, line):
        if line.kind != TEXT or label_of(line.text, chrome.PUBLICATION_LABELS) is not None:
            return False                   # 'نشر بتاريخ: 26/02/2011 (آخر تحديث: …)' is the publication line
        if line.words <= chrome.MAX_CAPTION_WORDS and _matches_any(line.text, chrome.CAPTION_CREDIT_PATTERNS):
            return True
        if label_of(line.text, chrome.CAPTION_LABELS) is not None and line.words <= chrome.MAX_CAPTION_WORDS:
            return True
        neighbours = (_nearest_text(lines, index, -1), _nearest_text(lines, index, +1))
        shown_twice = any(other is not None and other.text == line.text for other in neighbours)
        return shown_twice and (line.words <= 3 or (line.words <= chrome.MAX_CHROME_WORDS
                                                    and line.text != first_text and not _under_a_date(lines, index)))
    first_text = next((line.text for line in lines if line.kind == TEXT), None)   # the headline, often shown twice
    return tuple(mark(line, DROP, "caption") if is_caption(i, line) else line for i, line in enumerate(lines))


def _under_a_date(lines, index: int) -> bool:
    """'26 يناير 2012' on the line above: a page's date stamp, then its headline (often shown twice)."""
    above = next((line for line in reversed(lines[:index]) if line.kind != BLANK), None)
    return above is not None and is_date_line(above.text)


def mark_repeated_lines(lines):
    """A line that repeats an earlier line of the page word for word (a headline shown twice)."""
    seen, result = set(), []
    for line in lines:
        key = normalise_for_matching(line.text)
        if line.kind == TEXT and key in seen:
            line = mark(line, DROP, "repeated")
        if line.kind == TEXT:
            seen.add(key)
        result.append(line)
    return tuple(result)


def mark_publication_lines(lines):
    return _relabel(lines, lambda line: label_of(line.text, chrome.PUBLICATION_LABELS) is not None,
                    PUBLISHED, "published")


def mark_source_lines(lines):
    return _relabel(lines, lambda line: label_of(line.text, chrome.SOURCE_LABELS) is not None, SOURCE, "source")


def mark_tag_lines(lines):
    return _relabel(lines, lambda line: label_of(line.text, chrome.TAG_LABELS) is not None, END, "tags")


def mark_read_also(lines):
    """The 'read also' label, and the linked headline on its line, are chrome; what follows may be a story."""
    return _relabel(lines, lambda line: label_of(line.text, chrome.READ_ALSO_LABELS) is not None, BREAK,
                    "read-also")


def mark_related_lists(lines):
    """A related-headlines header, the headline-length lines under it, and runs of bulleted headlines."""
    result, in_list = list(lines), False
    for index, line in enumerate(result):
        if line.kind == TEXT and is_one_of(line.text, chrome.RELATED_HEADERS):
            result[index], in_list = mark(line, END, "related"), True
        elif line.kind == TEXT and (in_list or _is_bulleted(line)) and line.words <= chrome.MAX_HEADLINE_WORDS:
            result[index] = mark(line, DROP, "related")
        elif line.kind not in (BLANK, DROP):
            in_list = False
    return tuple(result)


def _is_bulleted(line: Line) -> bool:
    return line.text[:1] in chrome.BULLETS and line.text[1:2] == " "


CLEANERS = (
    ("blank", mark_blank_lines),
    ("notice", mark_notices),
    ("chrome", mark_chrome_lines),
    ("breadcrumb", mark_breadcrumbs),
    ("share-bar", mark_share_bars),
    ("caption", mark_photo_captions),
    ("date-header", mark_date_headers),
    ("date-field", mark_date_fields),
    ("masthead", mark_mastheads),
    ("repeated", mark_repeated_lines),
    ("published", mark_publication_lines),
    ("source", mark_source_lines),
    ("tags", mark_tag_lines),
    ("read-also", mark_read_also),
    ("related", mark_related_lists),
)


def clean_lines(text: str, cleaners=CLEANERS) -> tuple[Line, ...]:
    lines = read_lines(text)
    for _name, cleaner in cleaners:
        lines = cleaner(lines)
    return lines
