"""The build's shortcuts give exactly what the plain readings give, for any text.

Tokens and search keys are worked out piece by piece between spaces; plain paragraphs skip the
Markdown parser; flat front matter skips the YAML machinery. Each is checked here against the
reading it replaces, on text made to hit the edges: marks, compatibility forms, odd spaces,
Markdown and YAML punctuation.
"""
from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz import arabic, search_terms, yamlio
from mawjaz.markup import make_markdown, plain_text, render_markdown
from mawjaz.search_terms import META_WORD_END, WORD_END, SearchVocabulary, closed_words, index_text, search_key

SPACES = " \n\t\u00a0\u2003\u3000\u202f\x1c\x85\u2028"
ARABIC = "ابتةىأإآؤئلوفكـًٌٍَُِّْ٠١٩یکﻻﷲ"
ODD = "abcAZ019_-.،؛«»ß\u0130\u03a3\u00a8\u0301\u200b\u200f\ufeff" + META_WORD_END + WORD_END
text_with_pieces = st.text(alphabet=SPACES + ARABIC + ODD, max_size=80)


@settings(max_examples=500, deadline=None)
@given(text_with_pieces)
def test_tokenising_piece_by_piece_is_tokenising_the_whole_text(text):
    assert arabic.tokenise(text) == re.findall(r"[^\W_]+", arabic.normalise_for_matching(text))


@settings(max_examples=300, deadline=None)
@given(text_with_pieces)
def test_indexed_text_and_closed_words_piece_by_piece_are_those_of_the_whole_text(text):
    vocabulary = SearchVocabulary(spelling_folds={"امم": "امم", "ليامز": "يليامز"})
    tokens = re.findall(r"[^\W_]+", arabic.normalise_for_matching(text))
    assert index_text(text, vocabulary) == " ".join(search_key(t, vocabulary) + WORD_END for t in tokens)
    whole = search_terms._WRITTEN_WORD.sub(lambda word: word.group() + META_WORD_END, text.replace(META_WORD_END, ""))
    assert closed_words(text) == whole


MARKDOWN_PIECES = ["نص عربي", "Latin words", "(UN)", "2025", " ", "  ", "\n", "\n\n", "## ", "# ", "####### ",
                   "#", "-", "* ", "1. ", "> ", "`", "_", "*", "[a](b)", "&amp;", "<b>", "\\", "\t", "    ", "!",
                   "\"", "«", "»", "\u00a0", "\u2028", "\x85", "===", "---", "~~~", "|", ":", "\r"]


def markdown_it_plain_text(markdown, text: str) -> str:
    """plain_text as it read every text before the shortcut."""
    words = []
    for token in markdown.parse(text):
        if token.type == "inline":
            words.extend(child.content for child in token.children or () if child.type in ("text", "code_inline"))
            words.append(" ")
    return re.sub(r"\s+", " ", "".join(words)).strip()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("".join))
def test_paragraphs_read_without_the_parser_are_what_markdown_it_makes_of_them(text):
    markdown = make_markdown()
    assert str(render_markdown(markdown, text)) == markdown.render(text)
    assert plain_text(markdown, text) == markdown_it_plain_text(markdown, text)


FRONT_MATTER_KEYS = ["id", "title", "date", "actors", "on", "null", "y", "x_1", "id"]
FRONT_MATTER_VALUES = ["", "2011", "2011-01-01", "2011-01", "007", "1.5", "yes", "~", "null", "نص عربي", "نص: ثان",
                       "a #b", "a#b", "'q'", '"d"', '"a\\n"', "[a, b-c]", "[1, 7]", "[]", "[yes]", "[ a ]", "{a: b}",
                       "- x", "&a x", "*a", "!x", "|", "«x»", "a\u00a0", "a\tb", "http://x/y", "x:", "a  b"]
OTHER_LINES = ["", "# note", "  indented: x", "- item", "---", "key", " "]
front_matter_line = st.one_of(
    st.tuples(st.sampled_from(FRONT_MATTER_KEYS), st.sampled_from(FRONT_MATTER_VALUES))
    .map(lambda pair: f"{pair[0]}:" + (f" {pair[1]}" if pair[1] else "")),
    st.sampled_from(OTHER_LINES))


def shape(value):
    """A value with the lines LineDict and LineList carry, to compare two readings completely."""
    if isinstance(value, dict):
        return ("map", getattr(value, "line", None), dict(getattr(value, "lines", {})),
                [(shape(key), shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", getattr(value, "line", None), list(getattr(value, "lines", [])), [shape(v) for v in value])
    return (type(value).__name__, value)


@settings(max_examples=500, deadline=None)
@given(st.lists(front_matter_line, max_size=8).map("\n".join), st.sampled_from([1, 2, 7]))
def test_front_matter_read_directly_is_what_pyyaml_reads(text, first_line):
    direct = yamlio._parse_flat(text, first_line)
    if direct is None:
        return                              # left to PyYAML, as before
    by_pyyaml = yaml.load(text, Loader=yamlio._FastLineLoader)  # noqa: S506 — SafeLoader subclass
    yamlio._shift_lines(by_pyyaml, first_line - 1)
    assert shape(direct) == shape(by_pyyaml)
