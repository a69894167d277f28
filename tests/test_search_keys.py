"""Search keys and search records, on the Python side (the browser side is in test_search_browser.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.entries import load_entries
from mawjaz.group import group_site
from mawjaz.model import Actor, Registries
from mawjaz.registries import load_registries
from mawjaz.search_index import prepare_search
from mawjaz.search_terms import WORD_END, SearchVocabulary, build_vocabulary, index_text, search_keys

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "search_content"
ROOT = Path(__file__).parent.parent
NO_FOLDS = SearchVocabulary()


def keys(text: str) -> list[str]:
    return search_keys(text, NO_FOLDS)


@pytest.mark.parametrize("variant, canonical", [
    ("والإمارات", "الإمارات"), ("بالإمارات", "الإمارات"), ("لحفتر", "حفتر"), ("ولحفتر", "حفتر"),
    ("للأمم", "الأمم"), ("روسیا", "روسيا"), ("موسکو", "موسكو"), ("الرئاسى", "الرئاسي"),
    ("المفوضيه", "المفوضية"), ("الانتخابات", "الإنتخابات"), ("مَجلِس", "مجلس"), ("ليـــبيا", "ليبيا"),
    ("كخطوة", "خطوة"), ("٢٠٢٥", "2025"),
])
def test_spelling_and_clitic_variants_share_one_key(variant, canonical):
    assert keys(variant) == keys(canonical)


@pytest.mark.parametrize("word", ["كان", "بان", "وقف", "بلد"])
def test_a_clitic_is_kept_when_too_few_letters_would_remain(word):
    assert keys(word) == [word]


def test_unrelated_words_keep_different_keys():
    assert keys("مصر") != keys("مصرف") and keys("وال") != keys("والإمارات")


def williams() -> Actor:
    return Actor(id="stephanie-williams", name="ستيفاني ويليامز", name_en="Stephanie Williams", kind="person",
                 aliases=("ستيفاني وليامز", "ويليامز", "وليامز"))


def test_spelling_variants_of_a_registry_name_fold_to_the_first_spelling():
    vocabulary = build_vocabulary(Registries.of([williams()], [], []))
    for word in ("وليامز", "لوليامز", "ووليامز", "ويليامز", "لويليامز"):
        assert search_keys(word, vocabulary) == ["يليامز"], word


def test_names_of_different_letters_are_not_spelling_variants():
    emirates = Actor(id="uae", name="الإمارات", name_en="UAE", kind="state", adjectives=("الإماراتي",))
    assert build_vocabulary(Registries.of([emirates], [], [])).spelling_folds == {}


def test_indexed_text_closes_every_key_so_that_prefixes_match_nothing_longer():
    text = index_text("مصرف ليبيا المركزي", NO_FOLDS)
    assert text.split(" ") == [key + WORD_END for key in keys("مصرف ليبيا المركزي")]
    assert not any(word.startswith("مصر" + WORD_END) for word in text.split(" "))


def fixture_site(drafts: bool):
    problems = Problems()
    config = load_config(ROOT / "config.yaml", problems).with_overrides(content=FIXTURE_CONTENT)
    registries = load_registries(FIXTURE_CONTENT, problems)
    entries = load_entries(FIXTURE_CONTENT / "entries", registries, problems)
    assert problems.items == []
    return group_site(config, registries, entries, drafts=drafts)


def test_only_published_entries_are_indexed_even_when_drafts_are_shown():
    site = fixture_site(drafts=True)
    assert any(entry.status == "draft" for entry in site.entries)
    urls = {record.url for record in prepare_search(site).records}
    published = {f"/entries/{e.id}/" for e in site.entries if e.status == "published"}
    assert urls == published


def test_every_record_carries_the_date_sort_key_and_arabic_filters():
    for record in prepare_search(fixture_site(drafts=False)).records:
        assert re.search(r'data-pagefind-sort="date:\d{4}-\d\d-\d\d"', record.document)
        assert 'data-pagefind-filter="year:20' in record.document
        assert "data-pagefind-body" in record.document


def test_browser_tables_are_an_es_module_with_the_spelling_folds():
    tables = prepare_search(fixture_site(drafts=False)).browser_tables
    assert tables.startswith("// Generated") and "export default {" in tables
    assert "spellingFolds" in tables and "wordEnd" in tables
