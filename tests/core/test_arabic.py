"""mawjaz.arabic: every rule has a case in tests/fixtures/arabic/*.txt; properties checked with hypothesis."""
from __future__ import annotations

import unicodedata

import pytest
from fixturefile import fixture_cases
from hypothesis import given
from hypothesis import strategies as st

from mawjaz import arabic
from mawjaz.arabic import clean_for_display, normalise_for_matching, strip_clitics, tokenise

SEPARATOR = " | "


@pytest.mark.parametrize("case", fixture_cases("arabic/normalise.txt"))
def test_normalise_for_matching_follows_each_rule(case):
    assert normalise_for_matching(case.input) == case.expected, case


@pytest.mark.parametrize("case", fixture_cases("arabic/display.txt"))
def test_clean_for_display_repairs_artefacts_and_keeps_spelling(case):
    assert clean_for_display(case.input) == case.expected, case


@pytest.mark.parametrize("case", fixture_cases("arabic/tokenise.txt"))
def test_tokenise_splits_on_arabic_punctuation(case):
    assert tokenise(case.input) == case.expected.split(SEPARATOR), case


@pytest.mark.parametrize("case", fixture_cases("arabic/clitics.txt"))
def test_strip_clitics_gives_candidate_stems(case):
    assert strip_clitics(case.input) == case.expected.split(SEPARATOR), case


def test_every_fixture_file_has_cases():
    for name in ("normalise", "display", "tokenise", "clitics"):
        assert len(fixture_cases(f"arabic/{name}.txt")) >= 5, name


def test_to_ascii_digits_changes_only_digits():
    assert arabic.to_ascii_digits("٢٤ سبتمبر ۲۰۲۵") == "24 سبتمبر 2025"


# ---------------------------------------------------------------- properties

WAW_TEXT = st.text(alphabet="و أعادت،.", max_size=30)
ARABIC_TEXT = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40)
MIXED_TEXT = st.one_of(st.text(max_size=40), ARABIC_TEXT, WAW_TEXT,
                       st.text(alphabet="أإآاؤئىيةهیکـًٌٍَُِّْ \u00a0\u200f\u200bﻻ٣۳،؛؟«»", max_size=40))


@given(MIXED_TEXT)
def test_normalisation_is_idempotent(text):
    once = normalise_for_matching(text)
    assert normalise_for_matching(once) == once


@given(MIXED_TEXT)
def test_normalised_text_holds_no_folded_character(text):
    folded = set(arabic.MATCH_LETTER_FOLDS) | set(arabic.DIGIT_FOLDS) | set(arabic.INVISIBLE_CHARACTERS)
    folded |= {arabic.TATWEEL, "\u00a0"}
    assert not folded & set(normalise_for_matching(text))


@given(MIXED_TEXT)
def test_display_cleaning_is_idempotent(text):
    once = clean_for_display(text)
    assert clean_for_display(once) == once


@given(MIXED_TEXT)
def test_display_and_matching_agree(text):
    """Cleaning for display never changes the letters a text matches (only the spaces between words)."""
    assert "".join(tokenise(clean_for_display(text))) == "".join(tokenise(text))


@given(MIXED_TEXT)
def test_tokens_are_normalised_words(text):
    for token in tokenise(text):
        assert token and " " not in token
        assert normalise_for_matching(token) == token
        assert all(unicodedata.category(char)[0] in "LNM" for char in token)


@given(ARABIC_TEXT)
def test_strip_clitics_puts_the_token_first_and_returns_stems_of_it(text):
    for token in tokenise(text):
        candidates = strip_clitics(token)
        assert candidates[0] == token
        assert len(candidates) == len(set(candidates))
        for stem in candidates:
            restored_lam_article = stem.startswith(arabic.ARTICLE) and token.endswith("ل" + stem[2:])
            assert token.endswith(stem) or restored_lam_article, (token, stem)
