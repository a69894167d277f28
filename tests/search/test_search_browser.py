"""The search page in a real browser, on a site built from tests/fixtures/search_content.

The fixture entries write names and words the ways readers and scrapers do (Persian letters, ه for ة,
missing hamza, diacritics, tatweel, clitics, two spellings of one name), so every variant class of the
issue is exercised against entries that really contain it.
"""
from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from conftest import ROOT, run_build
from fixturefile import FIXTURES, read_fixture_file
from searchsite import SEARCH_CONTENT, FixtureCorpus, SearchPage, serve_folder, wait_until
from searchvariants import all_variants

from mawjaz.arabic import normalise_for_matching, strip_clitics, tokenise
from mawjaz.search.shards import shard_years

pytestmark = pytest.mark.browser

FIRST_SEARCH_BUDGET = 300 * 1024
RESULTS_PER_PAGE = 4
SHARD_ENTRIES = 3         # the fixture's years hold 2 or 3 published entries: some share a shard, some do not


@pytest.fixture(scope="module")
def corpus() -> FixtureCorpus:
    return FixtureCorpus()


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    """The fixture content built with --drafts (draft pages exist, and must still stay out of search),
    RESULTS_PER_PAGE results a page, so that 'more results' is needed, and shards of SHARD_ENTRIES."""
    work = tmp_path_factory.mktemp("search")
    settings = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    settings["paths"] = {name: str(ROOT / folder) for name, folder in settings["paths"].items()}
    settings["search"]["results_per_page"] = RESULTS_PER_PAGE
    settings["search"]["shard_entries"] = SHARD_ENTRIES
    config = work / "config.yaml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    out = work / "site"
    run_build("build", "--config", str(config), "--content", str(SEARCH_CONTENT), "--out", str(out), "--drafts",
              "--quiet")
    return out


@pytest.fixture(scope="module")
def site_url(search_site):
    with serve_folder(search_site) as url:
        yield url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture()
def search(page, site_url) -> SearchPage:
    driver = SearchPage(page, site_url)
    driver.open()
    return driver


@pytest.fixture(scope="module")
def reader(browser, site_url) -> SearchPage:
    """One search page kept open for the tests that only type queries and read results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    driver = SearchPage(context.new_page(), site_url)
    errors = []
    driver.page.on("pageerror", lambda error: errors.append(str(error)))
    driver.open()
    yield driver
    context.close()
    assert errors == []


def keys_module(page) -> None:
    page.evaluate("async () => { window.keys = await import('/static/search-keys.js'); }")


# ---------------------------------------------------------------- the browser computes the same keys


def shared_cases(corpus) -> list[str]:
    fixtures = [case.input for name in ("normalise", "tokenise", "display")
                for case in read_fixture_file(FIXTURES / "arabic" / f"{name}.txt")]
    queries = [text for case in all_variants(corpus) for text in (case.canonical, case.variant)]
    entries = [corpus.entry_text(entry) for entry in corpus.published]
    return fixtures + queries + entries + ["Straße ΣΊΣΥΦΟΣ ﻻ ﷺ ١٢٣ ۴۵۶ x\u200fy\u00a0z"]


def test_browser_normalises_tokenises_and_keys_exactly_as_python(page, site_url, corpus):
    page.goto(f"{site_url}/search/")
    keys_module(page)
    cases = shared_cases(corpus)
    browser = page.evaluate("cases => cases.map(text => [window.keys.normaliseForMatching(text), "
                            "window.keys.tokenise(text), window.keys.searchKeys(text)])", cases)
    python = [[normalise_for_matching(text), tokenise(text), corpus.keys(text)] for text in cases]
    differences = [(text, got, wanted) for text, got, wanted in zip(cases, browser, python) if got != wanted]
    assert len(cases) > 300 and differences == []


def test_browser_strips_clitics_exactly_as_python(page, site_url):
    page.goto(f"{site_url}/search/")
    keys_module(page)
    tokens = [case.input for case in read_fixture_file(FIXTURES / "arabic" / "clitics.txt")]
    tokens += ["والامم", "للامم", "لحفتر", "وبالعاصمه", "فللامم", "ول", "بال", "لل", "كالسابق"]
    assert page.evaluate("tokens => tokens.map(window.keys.stripClitics)", tokens) == \
        [strip_clitics(token) for token in tokens]


def test_browser_folds_every_character_of_the_basic_plane_as_python(page, site_url):
    page.goto(f"{site_url}/search/")
    keys_module(page)
    characters = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)
    browser = page.evaluate("text => [...text].map(window.keys.normaliseForMatching)", characters)
    different = [char for char, got in zip(characters, browser) if got != normalise_for_matching(char)]
    # Chromium may know a newer Unicode than this Python: only characters Python has never heard of differ.
    assert [hex(ord(char)) for char in different if unicodedata.category(char) != "Cn"] == []


# ---------------------------------------------------------------- every way of typing finds the same


def test_variant_queries_find_exactly_what_their_canonical_form_finds(reader, corpus):
    variants = all_variants(corpus)
    kinds = {case.kind for case in variants}
    assert len(variants) >= 100 and len(kinds) >= 11, (len(variants), kinds)
    found: dict[str, list[str]] = {}
    failures = []
    for case in variants:
        for query in (case.canonical, case.variant):
            if query not in found:
                found[query] = sorted(reader.search(query))
        if not found[case.canonical] or found[case.variant] != found[case.canonical]:
            failures.append((case.kind, case.canonical, case.variant, found[case.canonical], found[case.variant]))
    assert failures == []


def test_loose_queries_find_the_entries_holding_every_word_and_nothing_else(reader, corpus):
    """No prefix fallback: every result holds each query word; every entry holding them is a result."""
    queries = [case.variant for case in all_variants(corpus) if not case.variant.startswith(('"', "«"))]
    wrong = [(query, sorted(set(reader.search(query)) ^ corpus.expected(query))) for query in queries[::3]]
    assert [item for item in wrong if item[1]] == []


@pytest.mark.parametrize("query, expected", [
    ("وليامز", {"2021-03-26-williams-elections", "2021-11-10-williams-hnec", "2020-10-23-ceasefire-geneva"}),
    ("ويليامز", {"2021-03-26-williams-elections", "2021-11-10-williams-hnec", "2020-10-23-ceasefire-geneva"}),
    ("الأميركية", {"2022-01-15-us-statement", "2025-09-23-us-unga"}),
    ("الإمارات", {"2025-09-23-us-unga", "2024-08-05-uae-visit"}),
    ("لحفتر", {"2020-06-04-haftar-offensive", "2020-01-13-russia-talks"}),
    ("روسيا", {"2020-01-13-russia-talks"}),
    ("طرابلس", {"2021-11-10-williams-hnec", "2020-06-04-haftar-offensive", "2023-05-30-tripoli-clashes",
                "2025-02-12-tetteh-council", "2021-03-26-williams-elections"}),
    ("الرئاسي", {"2025-02-12-tetteh-council", "2020-10-23-ceasefire-geneva"}),
    ('"مجلس النواب"', {"2023-02-08-egypt-meeting", "2021-12-22-elections-postponed", "2024-01-17-dbeibah-budget"}),
])
def test_issue_examples_find_the_entries_that_mean_them(reader, query, expected):
    assert {urlsplit(url).path.split("/")[2] for url in reader.search(query)} == expected


def test_a_quoted_phrase_and_loose_words_must_all_match(reader):
    assert reader.search('"مجلس النواب" الدبيبة') == ["/entries/2024-01-17-dbeibah-budget/"]


def test_more_results_come_a_page_at_a_time_and_take_the_focus(search, corpus):
    expected = corpus.expected("في")
    search.submit("في")
    assert len(expected) > RESULTS_PER_PAGE
    assert search.page.locator("[data-search-results] > li").count() == RESULTS_PER_PAGE
    search.page.click("[data-search-more]")
    wait_until(search.page, f"document.querySelectorAll('[data-search-results] > li').length > {RESULTS_PER_PAGE}")
    assert search.page.evaluate("document.activeElement.closest('li') === "
                                f"document.querySelectorAll('[data-search-results] > li')[{RESULTS_PER_PAGE}]")
    assert set(search.all_results()) == expected and search.page.is_hidden("[data-search-more]")


@pytest.mark.parametrize("query, unwanted", [
    ("مصر", "2022-07-19-central-bank"),           # مصرف
    ("وال", "2024-08-05-uae-visit"),              # the agency's "(وال)" against والإمارات
    ("وال", "2020-10-23-ceasefire-geneva"),       # والقوات، والولايات
    ("الأمم", "2025-09-23-us-unga"),
])
def test_a_short_word_never_lands_on_longer_unrelated_words(reader, query, unwanted):
    assert f"/entries/{unwanted}/" not in reader.search(query)


@pytest.mark.parametrize("partial", ["الانتخا", "طراب", "ويليا", "مص"])
def test_an_unfinished_word_finds_nothing_rather_than_guesses(reader, partial):
    assert reader.search(partial) == []


def test_aliases_lead_to_every_entry_of_their_actor(reader, corpus):
    missing = []
    for actor in corpus.registries.actors:
        tagged = corpus.urls_with_actor(actor.id)
        for alias in actor.aliases:
            if not tagged <= set(reader.search(alias)):
                missing.append((actor.id, alias))
    assert missing == []


def test_drafts_and_rejected_entries_are_never_found(reader, search_site):
    assert (search_site / "entries" / "2025-06-01-haftar-draft" / "index.html").is_file()
    assert reader.search("مسودة") == [] and reader.search("مرفوض") == []


# ---------------------------------------------------------------- filters, sorting, the URL, no results


def dates_of(page) -> list[str]:
    return page.eval_on_selector_all("[data-search-results] time", "times => times.map(t => t.dateTime)")


def test_filters_offer_arabic_names_and_narrow_the_results(search, corpus):
    options = search.page.eval_on_selector_all("select[name=actor] option", "os => os.map(o => o.value)")
    assert "ستيفاني ويليامز" in options and "خليفة حفتر" in options
    everything = set(search.search("طرابلس"))
    narrowed = set(search.choose("actor", "ستيفاني ويليامز"))
    assert narrowed and narrowed < everything and narrowed <= corpus.urls_with_actor("stephanie-williams")
    assert "actor=" in search.page.url and "q=" in search.page.url
    by_year = search.choose("year", "2021")
    assert by_year and all("/2021-" in url for url in by_year)


def test_a_filter_alone_lists_its_entries_newest_first(search, corpus):
    search.page.goto(f"{search.base_url}/search/?theme={quote('الانتخابات')}")
    search.wait_for_run(0)
    results = search.all_results()
    assert len(results) == 3 and dates_of(search.page) == sorted(dates_of(search.page), reverse=True)
    assert search.choose("source", "بوابة الوسط") == ["/entries/2021-11-10-williams-hnec/"]


def test_results_sort_by_relevance_newest_or_oldest(search):
    relevance = search.search("الأمم")
    assert len(relevance) >= 3
    search.choose("sort", "newest")
    newest = dates_of(search.page)
    assert newest == sorted(newest, reverse=True) and "sort=newest" in search.page.url
    search.choose("sort", "oldest")
    assert dates_of(search.page) == sorted(newest)


def test_the_url_carries_the_search_and_the_back_button_returns_to_it(search, site_url):
    search.page.goto(f"{site_url}/search/?q={quote('حفتر')}&year=2020&sort=oldest")
    search.wait_for_run(0)
    assert search.page.input_value("#search-query") == "حفتر"
    assert search.page.input_value("select[name=year]") == "2020"
    first = search.all_results()
    assert first and dates_of(search.page) == sorted(dates_of(search.page))
    second = search.search("الدبيبة")
    assert second != first and "q=%D8%A7%D9%84%D8%AF" in search.page.url
    before = search.runs()
    search.page.go_back()
    search.wait_for_run(before)
    assert search.page.input_value("#search-query") == "حفتر" and search.all_results() == first


def test_typing_updates_the_url_without_pressing_enter(search):
    before = search.runs()
    search.page.fill("#search-query", "جنيف")
    search.wait_for_run(before)
    assert "q=%D8%AC%D9%86%D9%8A%D9%81" in search.page.url and search.all_results()


def test_a_search_with_no_result_says_so_in_arabic(reader):
    assert reader.search("زلزال") == []
    assert reader.status().startswith("لا نتائج") and "زلزال" in reader.status()


def test_counts_use_arabic_plural_forms(reader):
    reader.search("روسيا")
    assert reader.status().startswith("نتيجة واحدة")
    reader.search("الإمارات")
    assert reader.status().startswith("نتيجتان")
    reader.search("طرابلس")
    assert reader.status().startswith("5 نتائج")


# ---------------------------------------------------------------- one index in shards of whole years


def years_of(urls) -> set[str]:
    return {urlsplit(url).path.split("/")[2][:4] for url in urls}


def shards_of(search_site: Path) -> list[str]:
    page = (search_site / "search" / "index.html").read_text(encoding="utf-8")
    return page.split('data-shards="', 1)[1].split('"', 1)[0].split()


def shard_holding(year: str, shards: list[str]) -> str:
    return next(shard for shard in shards if shard_years(shard)[0] <= year <= shard_years(shard)[1])


def test_the_index_has_shards_of_whole_years_each_holding_enough_entries(search_site, corpus):
    published_years = sorted({entry.date[:4] for entry in corpus.published}, reverse=True)
    assert len(published_years) >= 6
    assert shards_of(search_site) == ["2024-2025", "2022-2023", "2021", "2020"]
    assert sorted(path.name for path in (search_site / "pagefind").iterdir()) == sorted(shards_of(search_site))


def test_a_query_finds_its_entries_in_every_year_s_shard(reader, corpus):
    expected = corpus.expected("طرابلس")
    assert len(years_of(expected)) >= 3
    assert set(reader.search("طرابلس")) == expected


@pytest.mark.parametrize("sort, newest_first", [("newest", True), ("oldest", False)])
def test_sorted_results_run_in_date_order_across_shards_page_after_page(search, corpus, sort, newest_first):
    search.page.goto(f"{search.base_url}/search/?q={quote('في')}&sort={sort}")
    search.wait_for_run(0)
    results = search.all_results()
    dates = dates_of(search.page)
    assert set(results) == corpus.expected("في") and len(years_of(results)) >= 5
    assert len(results) > 2 * RESULTS_PER_PAGE and dates == sorted(dates, reverse=newest_first)


def requests_of_a_first_search(browser, site_url, query_string: str) -> tuple[list[str], list[str]]:
    """The URLs a fresh page asks for while it runs one search, and the results it shows."""
    context = browser.new_context()
    page = context.new_page()
    asked: list[str] = []
    context.on("request", lambda request: asked.append(urlsplit(request.url).path))
    driver = SearchPage(page, site_url)
    page.goto(f"{site_url}/search/?{query_string}")
    driver.wait_for_run(0)
    page.wait_for_load_state("networkidle")
    results = driver.all_results()
    context.close()
    return asked, results


def test_merged_shards_share_one_pagefind_script_and_one_webassembly_module(browser, site_url, search_site):
    asked, results = requests_of_a_first_search(browser, site_url, f"q={quote('طرابلس')}")
    shards = shards_of(search_site)
    assert [path for path in asked if path.endswith("/pagefind.js")] == [f"/pagefind/{shards[0]}/pagefind.js"]
    assert len([path for path in asked if path.endswith(".pagefind")]) == 1          # the WebAssembly
    assert sorted(path for path in asked if path.endswith("pagefind-entry.json")) == \
        sorted(f"/pagefind/{shard}/pagefind-entry.json" for shard in shards)
    fragments = {path.split("/")[2] for path in asked if path.endswith(".pf_fragment")}
    assert len(fragments) >= 3 and fragments == {shard_holding(year, shards) for year in years_of(results)}


def test_a_search_within_a_year_asks_for_that_year_s_shard_only(browser, site_url):
    asked, results = requests_of_a_first_search(browser, site_url, f"q={quote('طرابلس')}&year=2021")
    assert results and years_of(results) == {"2021"}
    assert {path.split("/")[2] for path in asked if path.startswith("/pagefind/")} == {"2021"}
    assert len([path for path in asked if path.endswith(".pf_filter")]) == 1     # the year's, not the excerpts'


def test_a_search_within_a_year_of_a_shard_of_several_asks_for_that_shard_only(browser, site_url):
    asked, results = requests_of_a_first_search(browser, site_url, f"q={quote('في')}&year=2023")
    assert results and years_of(results) == {"2023"}
    assert {path.split("/")[2] for path in asked if path.startswith("/pagefind/")} == {"2022-2023"}


def test_a_year_with_nothing_published_finds_nothing_and_asks_for_no_shard(browser, site_url):
    asked, results = requests_of_a_first_search(browser, site_url, f"q={quote('طرابلس')}&year=1999")
    assert results == [] and not [path for path in asked if path.startswith("/pagefind/")]


# ---------------------------------------------------------------- results, keyboard, direction, loading


def test_each_result_shows_title_date_source_and_a_highlighted_excerpt(search):
    search.search("لحفتر")
    first = search.page.locator("[data-search-results] > li").first
    assert first.locator("a").get_attribute("href").startswith("/entries/")
    assert first.locator("time").inner_text() in ("4 يونيو 2020", "13 يناير 2020")
    assert first.locator(".search-result-details span").inner_text() in ("ليبيا أوبزرفر", "بوابة الوسط")
    marks = search.page.eval_on_selector_all("[data-search-results] mark", "ms => ms.map(m => m.textContent)")
    assert marks and all(normalise_for_matching(mark).endswith("حفتر") for mark in marks)


def test_an_entry_found_by_its_actor_s_names_says_which(reader):
    reader.search("أونسميل")          # an alias of the mission: no entry's text has it
    filed = reader.page.eval_on_selector_all(".search-result-filed", "ps => ps.map(p => p.textContent)")
    assert filed and all("بعثة الأمم المتحدة للدعم في ليبيا" in line for line in filed)


def test_the_search_is_usable_from_the_keyboard_alone(page, site_url):
    driver = SearchPage(page, site_url)
    driver.open()
    page.focus("#search-query")
    before = driver.runs()
    page.keyboard.type("جنيف")
    page.keyboard.press("Enter")
    driver.wait_for_run(before)
    assert page.is_visible("[data-search-clear]")
    page.keyboard.press("Tab")                     # the clear button follows the field
    assert page.evaluate("document.activeElement.matches('[data-search-clear]')")
    for _ in range(8):                               # submit, filters and sort, then the first result
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('[data-search-results]')"):
            break
    assert page.evaluate("document.activeElement.matches('[data-search-results] a')")
    page.focus("[data-search-clear]")
    before = driver.runs()
    page.keyboard.press("Enter")
    driver.wait_for_run(before)
    assert page.input_value("#search-query") == "" and driver.all_results() == []
    assert page.evaluate("document.activeElement.id") == "search-query"


def test_the_interface_is_right_to_left_with_mirrored_icon_and_clear_button(search):
    page = search.page
    search.search("جنيف")
    assert page.evaluate("getComputedStyle(document.getElementById('search-query')).direction") == "rtl"
    icon, clear, field = (page.locator(selector).bounding_box()
                          for selector in (".search-icon", "[data-search-clear]", "#search-query"))
    assert icon["x"] > field["x"] + field["width"] / 2       # the magnifier at the start: the right
    assert clear["x"] < field["x"] + field["width"] / 2      # the clear button at the end: the left
    transform = page.evaluate("getComputedStyle(document.querySelector('.search-icon')).transform")
    assert transform.startswith("matrix(-1")                 # drawn mirrored


def test_nothing_loads_from_outside_the_site_and_the_first_search_stays_small(browser, site_url, record_property):
    context = browser.new_context()
    page = context.new_page()
    loaded: list[tuple[str, int]] = []
    context.on("response", lambda response: loaded.append((response.url, int(response.headers["content-length"]))))
    driver = SearchPage(page, site_url)
    page.goto(f"{site_url}/search/?q={quote('الأمم المتحدة')}")
    driver.wait_for_run(0)
    page.wait_for_load_state("networkidle")
    assert len(driver.all_results()) == len([url for url, _ in loaded if url.endswith(".pf_fragment")])
    total = sum(size for _, size in loaded)
    context.close()
    outside = [url for url, _ in loaded if not url.startswith(site_url)]
    record_property("first_search_bytes", total)
    print(f"\nfirst search downloads {total} bytes ({total / 1024:.0f} KB) in {len(loaded)} requests")
    for url, size in sorted(loaded, key=lambda item: -item[1]):
        print(f"  {size:>8}  {url.removeprefix(site_url)}")
    assert outside == [] and total < FIRST_SEARCH_BUDGET


def test_a_site_with_nothing_published_says_search_is_not_available_yet(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEARCH_CONTENT, content, ignore=shutil.ignore_patterns("entries"))
    run_build("build", "--content", str(content), "--out", str(tmp_path / "site"), "--quiet")
    with serve_folder(tmp_path / "site") as url:
        context = browser.new_context()
        driver = SearchPage(context.new_page(), url)
        driver.open(f"?q={quote('حفتر')}")
        status = driver.status()
        context.close()
    assert status.startswith("البحث غير متاح بعد")


def test_search_page_at_phone_and_desktop_widths_in_light_and_dark(browser, site_url, tmp_path):
    """Screenshots for a person to look at (kept where MAWJAZ_SCREENSHOTS points), and no sideways scroll."""
    folder = Path(os.environ.get("MAWJAZ_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
            page = context.new_page()
            driver = SearchPage(page, site_url)
            page.goto(f"{site_url}/search/?q={quote('الأمم المتحدة')}")
            driver.wait_for_run(0)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path=str(folder / f"search-{width}-{scheme}.png"), full_page=True)
            context.close()


def test_links_honour_a_base_path(browser, tmp_path):
    served = tmp_path / "served"
    run_build("build", "--content", str(SEARCH_CONTENT), "--out", str(served / "mawjaz"), "--quiet",
              "--base-url", "https://example.org/mawjaz/")
    with serve_folder(served) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/mawjaz/search/?q={quote('حفتر')}")
        wait_until(page, "Number(document.getElementById('search').dataset.searchRuns ?? 0) > 0")
        links = page.eval_on_selector_all("[data-search-results] a", "ls => ls.map(l => l.getAttribute('href'))")
        context.close()
    assert links and all(link.startswith("/mawjaz/entries/") for link in links)
