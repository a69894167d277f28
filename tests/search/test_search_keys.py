"""Search keys and search records, on the Python side (the browser side is in test_search_browser.py)."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.entries import load_entries
from mawjaz.site.group import group_site
from mawjaz.model import Actor, Registries
from mawjaz.registries import load_registries
from mawjaz.search.index import body_text, prepare_search, search_shards
from mawjaz.search.shards import ShardFinder, published_shards, shard_years
from mawjaz.search.terms import WORD_END, SearchVocabulary, build_vocabulary, index_text, search_keys

FIXTURE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "search_content"
ROOT = Path(__file__).resolve().parents[2]
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


def fixture_site(drafts: bool, changed=lambda entries: entries, shard_entries: int = 1):
    """The fixture content grouped; with the default `shard_entries`, every year is a shard of its own."""
    problems = Problems()
    config = load_config(ROOT / "config.yaml", problems).with_overrides(content=FIXTURE_CONTENT)
    config = replace(config, search_shard_entries=shard_entries)
    registries = load_registries(FIXTURE_CONTENT, problems)
    entries = load_entries(FIXTURE_CONTENT / "entries", registries, problems)
    assert problems.items == []
    return group_site(config, registries, changed(entries), drafts=drafts)


def records_of(search) -> list:
    return [record for records in search.shards.values() for record in records]


def test_only_published_entries_are_indexed_even_when_drafts_are_shown():
    site = fixture_site(drafts=True)
    assert any(entry.status == "draft" for entry in site.entries)
    urls = {record.url for record in records_of(prepare_search(site))}
    published = {f"/entries/{e.id}/" for e in site.entries if e.status == "published"}
    assert urls == published


def test_records_are_grouped_in_one_shard_per_year_newest_first():
    site = fixture_site(drafts=True)
    search = prepare_search(site)
    assert list(search.shards) == search_shards(site) == list(site.search_shards) == \
        ["2025", "2024", "2023", "2022", "2021", "2020"]
    for shard, records in search.shards.items():
        assert records and all(record.url.startswith(f"/entries/{shard}-") for record in records)


def test_entries_without_a_date_make_the_last_shard_and_drafts_make_none():
    def with_two_more(entries):
        undated = replace(next(e for e in entries if e.status == "published"), id="undated-entry", date=None)
        return [*entries, undated, replace(undated, id="1999-draft", date="1999-01-02", status="draft")]
    site = fixture_site(drafts=True, changed=with_two_more)
    finder = ShardFinder(site.search_shards)
    added = {entry.id: finder.shard_of(entry) for entry in site.entries if entry.id in ("undated-entry", "1999-draft")}
    assert added == {"undated-entry": "undated", "1999-draft": "1999"}
    assert search_shards(site) == ["2025", "2024", "2023", "2022", "2021", "2020", "undated"]
    assert [record.url for record in prepare_search(site).shards["undated"]] == ["/entries/undated-entry/"]


def test_only_the_named_shards_get_records_and_an_emptied_one_comes_back_empty():
    site = fixture_site(drafts=False)
    search = prepare_search(site, shards=["2020", "1999", "2023"])
    assert list(search.shards) == ["2023", "2020", "1999"] and search.shards["1999"] == ()
    assert search.shards["2020"] == prepare_search(site).shards["2020"]


def test_years_share_a_shard_oldest_first_until_it_holds_the_configured_number_of_entries():
    site = fixture_site(drafts=True, shard_entries=3)     # published: 2020 and 2021 three each, later years two
    search = prepare_search(site)
    assert list(search.shards) == list(site.search_shards) == ["2024-2025", "2022-2023", "2021", "2020"]
    for shard, records in search.shards.items():
        first, last = shard_years(shard)
        assert records and all(first <= record.url.split("/")[2][:4] <= last for record in records)
    assert list(fixture_site(drafts=False, shard_entries=500).search_shards) == ["2020-2025"]


def dated(*dates: str, status: str = "published") -> list:
    entry = next(e for e in fixture_site(drafts=False).entries)
    return [replace(entry, id=f"e{number}", date=date, status=status) for number, date in enumerate(dates)]


def test_a_year_as_big_as_a_shard_stands_alone_and_the_newest_years_may_hold_fewer():
    entries = dated("2011-01-01", "2011-02-01", "2012-03-01", "2012-04-01", *["2013-05-06"] * 5, "2014",
                    "2016-07", None)
    assert published_shards(entries, 4) == ["2014-2016", "2013", "2011-2012", "undated"]
    assert published_shards(entries, 1) == ["2016", "2014", "2013", "2012", "2011", "undated"]
    assert published_shards(dated("2015", status="draft") + dated("2011"), 4) == ["2011"]
    assert ShardFinder(["2014-2016", "2013"]).shard_of(dated("2015-03")[0]) == "2014-2016"


def test_an_entry_added_in_the_newest_year_moves_no_older_shard():
    older = dated(*[f"{year}-01-01" for year in range(2011, 2027) for _ in range(60)])
    shards = published_shards(older, 500)
    assert shards == ["2020-2026", "2011-2019"]
    for added in (1, 79, 80, 200):
        assert published_shards(older + dated(*["2026-06-01"] * added), 500) == shards


def test_every_record_carries_the_date_sort_key_and_arabic_filters():
    for record in records_of(prepare_search(fixture_site(drafts=False))):
        assert re.search(r'data-pagefind-sort="date:\d{4}-\d\d-\d\d"', record.document)
        assert 'data-pagefind-filter="year:20' in record.document
        assert "data-pagefind-body" in record.document


def test_a_summary_is_indexed_once_when_it_only_repeats_the_body_and_kept_when_it_adds_words():
    vocabulary = build_vocabulary(fixture_site(drafts=False).registries)
    def indexed(summary: str) -> str:
        def edited(entries):
            first = next(e for e in entries if e.status == "published")
            return [replace(first, summary=summary, body="رحبت البعثة بالاتفاق.\n\nوقال المبعوث إن الخطوة مهمة.")]
        record = records_of(prepare_search(fixture_site(drafts=False, changed=edited)))[0]
        return re.sub(r"<span [^>]*></span>", "", record.document)     # the words Pagefind indexes
    opening_key = index_text("البعثة", vocabulary)
    assert indexed("رحبت البعثة بالاتفاق.").count(opening_key) == 1          # as the entry page shows it
    assert indexed("البعثة تشيد بخطوة جديدة").count(opening_key) == 2


def test_the_text_excerpts_are_cut_from_is_kept_with_each_record_but_never_indexed():
    """Pagefind indexes every word of metadata but no filter value: the text rides as a filter."""
    site = fixture_site(drafts=False)
    entry = next(e for e in site.entries if e.id == "2021-11-10-williams-hnec")
    [record] = [r for r in prepare_search(site).shards["2021"] if r.url == f"/entries/{entry.id}/"]
    assert f'data-pagefind-filter="text:{html.escape(body_text(entry))}"' in record.document
    assert 'data-pagefind-meta="text:' not in record.document


def test_browser_tables_are_an_es_module_with_the_spelling_folds():
    tables = prepare_search(fixture_site(drafts=False)).browser_tables
    assert tables.startswith("// Generated") and "export default {" in tables
    assert "spellingFolds" in tables and "wordEnd" in tables
