"""The build's shortcuts give exactly what the plain readings give, for any text.

Tokens and search keys are worked out piece by piece between spaces; spans, YAML scalars and a
paragraph's matches are remembered; plain Markdown is read without the parser. Each is checked against the
reading it replaces, on text made to hit the edges: marks, compatibility forms, odd spaces.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz import arabic, entry_dates
from mawjaz.markup import make_markdown, read_plain_blocks, read_with_parser
from mawjaz.search import terms as search_terms
from mawjaz.search.terms import META_WORD_END, WORD_END, SearchVocabulary, closed_words, index_text, search_key

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


plain_looking_dates = st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z") | st.text(alphabet="0123456789-/.?~% ", max_size=12)


@settings(max_examples=500, deadline=None)
@given(plain_looking_dates)
def test_a_date_read_without_the_edtf_library_reads_as_the_library_reads_it(text):
    fast = entry_dates._plain_date(text)
    if fast is not None:
        assert fast == entry_dates._read_with_library(text)


@settings(max_examples=300, deadline=None)
@given(text_with_pieces)
def test_remembered_spans_are_the_spans_worked_out_again(text):
    assert arabic.tokenise_with_spans(text) == arabic.tokenise_with_spans.__wrapped__(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.booleans(), st.integers(), st.text(alphabet=SPACES + ARABIC + ODD + ":#'\"{}[]&*!|>%@`", max_size=40)))
def test_a_remembered_yaml_scalar_is_the_scalar_formatted_again(value):
    from mawjaz.yamlio import format_scalar
    assert format_scalar(value) == format_scalar.__wrapped__(value)


def test_a_remembered_yaml_scalar_keeps_values_that_compare_equal_apart():
    from mawjaz.yamlio import format_scalar
    assert [format_scalar(v) for v in (1, True, "1", 1, True)] == ["1", "True", "'1'", "1", "True"]


def test_a_paragraph_matched_again_keeps_its_own_number():
    from mawjaz.ingest.gazetteer import build_gazetteer, find_matches
    from mawjaz.model import Actor, Registries
    gazetteer = build_gazetteer(Registries.of([Actor("turkey", "تركيا", "Turkey", "state")], [], []))
    first = find_matches(gazetteer.actors, ("رحبت تركيا بالاتفاق.",))
    again = find_matches(gazetteer.actors, ("", "رحبت تركيا بالاتفاق.", "رحبت تركيا بالاتفاق."))
    assert [(m.phrase.target, m.paragraph, m.start) for m in first] == [("turkey", 0, 1)]
    assert [(m.paragraph, m.start, m.surface) for m in again] == [(1, 1, "تركيا"), (2, 1, "تركيا")]


# ---------------------------------------------------------------- Markdown without the parser

def parsed(text: str) -> tuple[str, str]:
    return read_with_parser(make_markdown(), text)


LINE_PIECES = st.sampled_from(["ليبيا", "UNSMIL", "(5+5)", "2021", "1.", "3)", "#", "## ", "###### ", "####### ",
                               "-", "+", "=", "---", "،", ".", "«", "»", '"', "'", ":", "؟", "?", "/", "%",
                               "&", "*", "_", "[", "]", "<", ">", "!", "\\", "`", "~", "|", " ", "  ", "\t",
                               "\u00a0", "\u2028", "\u200f", "\u202e", "\r", "\n", "\n\n", "é", "x"])
markdown_like = st.lists(LINE_PIECES, max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(markdown_like)
def test_plain_blocks_read_without_the_parser_are_what_the_parser_gives(text):
    read = read_plain_blocks(text)
    if read is not None:
        assert read == parsed(text)


def test_paragraphs_and_headings_of_an_entry_body_are_read_without_the_parser():
    body = "المنفي يلتقي مبعوث UNSMIL (هانا تيتيه) في طرابلس.\nسطر ثان.\n\n## عنوان فرعي\n\nفقرة 2021: «نص»."
    assert read_plain_blocks(body) is not None and read_plain_blocks(body) == parsed(body)


@pytest.mark.parametrize("text", ["*مهم*", "1. بند", "- بند", "> اقتباس", "    شيفرة", "عنوان\n===", "&amp;",
                                  "[رابط](https://example.org)", "#وسم", "سطر  \nمع فاصل"])
def test_text_markdown_could_read_otherwise_goes_to_the_parser(text):
    assert read_plain_blocks(text) is None
