"""The build's shortcuts give exactly what the plain readings give, for any text.

Tokens and search keys are worked out piece by piece between spaces; spans, YAML scalars and a
paragraph's matches are remembered; plain Markdown is read without the parser; digests hash their parts
joined. Each is checked against the
reading it replaces, on text made to hit the edges: marks, compatibility forms, odd spaces.
"""
from __future__ import annotations

import hashlib
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mawjaz import arabic, entry_dates
from mawjaz.incremental.inputs import digest
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


YAML_EDGES = ("yes", "No", "ON", "off", "null", "Null", "~", "true", "1", "-1", "+1", "0x1F", "0o17", "017", "1_000",
              "1e3", "1.5", ".5", "-.inf", ".NaN", "1:20", "2025-01-01", "2025-1-1 10:00", "<<", "=", "---", "...", "-",
              "?", ":", "- a", "? a", ": a", "a: b", "a:", "a #b", "a#b", "#a", "a,b", "[a", "{a}", "&a", "*a", "!a",
              "|a", ">a", "'a", '"a', "%a", "@a", "`a", "a b", " a", "a ", "a  b", "a\tb", "-a", "?a", ":a", "a:b")
yaml_texts = st.one_of(st.sampled_from(YAML_EDGES),
                       st.text(alphabet=SPACES + ARABIC + ODD + ":#'\"{}[]&*!|>%@`?,~=<+\t\x7f\ufffe\U0001f600",
                               max_size=40),
                       st.builds(lambda a, b: a + b, st.sampled_from(YAML_EDGES), st.sampled_from(YAML_EDGES)))


def scalar_as_pyyaml_writes_it(value) -> str:
    from mawjaz.yamlio import YAML_BREAKS
    style = '"' if YAML_BREAKS.search(value) else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True, default_style=style)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


@settings(max_examples=1000, deadline=None)
@given(yaml_texts)
def test_a_yaml_scalar_written_plain_is_the_scalar_pyyaml_writes(value):
    from mawjaz.yamlio import format_scalar, written_plain
    assert format_scalar.__wrapped__(value) == scalar_as_pyyaml_writes_it(value)
    if written_plain(value):
        assert scalar_as_pyyaml_writes_it(value) == value


def test_plain_yaml_text_is_written_without_pyyaml():
    from mawjaz.yamlio import written_plain
    assert [written_plain(v) for v in ("بعثة الأمم المتحدة", "youm7", "2d2beed90c87", "a-b (c), d.")] == [True] * 4
    assert [written_plain(v) for v in ("123456789012", "2025-01-01", "yes", "a: b", "", " a", 7)] == [False] * 7


flat_mappings = st.lists(st.dictionaries(yaml_texts, st.none() | yaml_texts | st.integers() | st.booleans(),
                                         max_size=4), max_size=4)


@settings(max_examples=500, deadline=None)
@given(st.one_of(flat_mappings, st.lists(flat_mappings, max_size=2), st.dictionaries(yaml_texts, yaml_texts, max_size=3)))
def test_a_block_of_plain_mappings_is_the_block_pyyaml_writes(value):
    from mawjaz.yamlio import format_block
    assert format_block(value) == yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**6)


def test_statements_are_written_without_pyyaml():
    from mawjaz.yamlio import _plain_mappings_block
    statements = [{"actor": "unsmil", "text": "عن دعم بلاده الكامل، وجهودها", "kind": "reported"},
                  {"actor": None, "text": "نص", "kind": "direct"}]
    assert _plain_mappings_block(statements) == ("- actor: unsmil\n  text: عن دعم بلاده الكامل، وجهودها\n"
                                                 "  kind: reported\n- actor: null\n  text: نص\n  kind: direct\n")


NAME_WORDS = ("حفتر", "لحفتر", "خليفة", "بلقاسم", "والأمم", "للأمم", "الأمم", "المتحدة", "الأمريكية", "ستيفاني",
              "ويليامز", "بعثة", "في", "ليبيا", "و", "قال", "،", "الانتخابات", "لانتخابات")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_WORDS), max_size=12))
def test_phrases_found_through_remembered_stems_are_those_looked_up_stem_by_stem(words):
    from mawjaz.arabic import strip_clitics
    from mawjaz.ingest.gazetteer import PhraseIndex, _paragraph_matches, build_gazetteer
    from mawjaz.model import Actor, Registries, Theme

    class StemByStem(PhraseIndex):
        def phrases_at(self, token):
            return tuple(self.get(stem, ()) for stem in strip_clitics(token))

    gazetteer = build_gazetteer(Registries.of([
        Actor("khalifa-haftar", "خليفة حفتر", "Khalifa Haftar", "person", short_names=("حفتر",)),
        Actor("stephanie-williams", "ستيفاني ويليامز", "Stephanie Williams", "person"),
        Actor("united-nations", "الأمم المتحدة", "United Nations", "organization"),
        Actor("unsmil", "بعثة الأمم المتحدة للدعم في ليبيا", "UNSMIL", "organization"),
        Actor("united-states", "الولايات المتحدة", "United States", "state", adjectives=("الأمريكية",))],
        [Theme("elections", "الانتخابات", "Elections", ("الانتخابات",))], []))
    for index in (gazetteer.actors, gazetteer.themes):
        stem_by_stem = StemByStem()
        stem_by_stem.update(index)
        text = " ".join(words)
        assert _paragraph_matches(index, text) == _paragraph_matches(stem_by_stem, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SPACES + ARABIC + ODD + "\U0001f600\uffff\U0010fffd", max_size=60))
def test_translating_by_code_point_is_translating_by_the_table(text):
    from mawjaz.arabic import DIGIT_FOLDS, INVISIBLE_CHARACTERS, SPACE_CHARACTERS, _by_code_point
    table = str.maketrans({**DIGIT_FOLDS, **{char: None for char in INVISIBLE_CHARACTERS},
                           **{char: " " for char in SPACE_CHARACTERS}})
    assert text.translate(_by_code_point(table)) == text.translate(table)


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


def digest_part_by_part(*parts: str) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=SPACES + ARABIC + ODD + "\x00\ud800"), max_size=6))
def test_a_digest_of_parts_joined_is_the_digest_of_the_parts_one_by_one(parts):
    assert digest(*parts) == digest_part_by_part(*parts)
