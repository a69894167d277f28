"""Page budgets for readers on slow phone networks, measured on the built sites."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from reader_pages import PAGE_TYPES, open_page
from site_html import read_pages

ENTRY_PAGE_BUDGET = 30 * 1024        # an entry page's HTML and CSS, gzip-compressed
FIRST_SEARCH_BUDGET = 300 * 1024     # everything the search page downloads to show its first results


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def stylesheets(root: Path, page) -> list[Path]:
    return [root / attrs["href"].lstrip("/") for tag, attrs in page.tags
            if tag == "link" and attrs.get("rel") == "stylesheet"]


@pytest.mark.parametrize("site_name", ["fixture_site", "built_site"])    # built_site: the repository
def test_every_entry_page_with_its_css_stays_under_30_kb_compressed(site_name, request):
    root: Path = request.getfixturevalue(site_name)
    pages = {path: page for path, page in read_pages(root).items() if path.startswith("entries/")}
    sizes = {path: gzipped_size(root / path) + sum(gzipped_size(css) for css in stylesheets(root, page))
             for path, page in pages.items()}
    if not sizes:
        pytest.skip(f"{site_name} has no entries yet")
    largest = max(sizes, key=sizes.get)
    print(f"\nlargest entry page with CSS: {largest}, {sizes[largest]} bytes compressed")
    assert sizes[largest] < ENTRY_PAGE_BUDGET, largest


@pytest.mark.parametrize("site_name", ["fixture_site", "built_site"])
def test_every_image_has_its_width_and_height(site_name, request):
    unsized = [(path, attrs.get("src")) for path, page in read_pages(request.getfixturevalue(site_name)).items()
               for tag, attrs in page.tags if tag in ("img", "svg")
               and not (attrs.get("width") and attrs.get("height"))]
    assert unsized == []


@pytest.mark.browser
def test_no_page_requests_anything_from_another_origin(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in [*PAGE_TYPES.values(), "entries/2025-hostile-markup/"]:
        open_page(page, served_site, path)
    context.close()
    assert requested and [url for url in requested if not url.startswith(served_site)] == []


@pytest.mark.browser
def test_first_search_downloads_stay_under_300_kb(browser, served_site, record_property):
    """Every byte the search page fetches until its first results show, reported for the record."""
    context = browser.new_context()
    page = context.new_page()
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: loaded.append((request.url, len(request.response().body()))))
    open_page(page, served_site, PAGE_TYPES["search with results"])
    context.close()
    total = sum(size for _, size in loaded)
    record_property("first_search_bytes", total)
    print(f"\nfirst search: {total} bytes in {len(loaded)} requests")
    assert total < FIRST_SEARCH_BUDGET
