"""The page types a reader meets, on the built fixture site, and how to open one in the browser."""
from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import quote

SEARCH_QUERY = "الهجرة"

# One page of every type; the long-words entry is the one whose text tries hardest to overflow.
PAGE_TYPES = {
    "home": "",
    "entry": "entries/2025-09-23-united-states-unga/",
    "entry with long words": "entries/2023-06-15-long-words/",
    "actor": "actors/hanna-tetteh/",
    "theme": "themes/political-process/",
    "source": "sources/lana/",
    "actors index": "actors/",
    "themes index": "themes/",
    "sources index": "sources/",
    "archive": "archive/",
    "year": "archive/2025/",
    "search with results": f"search/?q={quote(SEARCH_QUERY)}",
    "about": "about/",
    "404": "404.html",
}

WIDTHS = [360, 390, 768, 1280]

# The search page fills its results list after its script has run; other pages have no such list.
RESULTS_SHOWN = """() => {
  const results = document.querySelector('[data-search-results]');
  return !results || results.children.length > 0;
}"""


def open_page(page, site_url: str, path: str) -> None:
    """Load a page and wait until it is what a reader sees: fonts laid out, search results in."""
    page.goto(site_url + path)
    if "?q=" in path:
        page.wait_for_function(RESULTS_SHOWN, timeout=10_000)
    page.evaluate("document.fonts.ready")



@contextmanager
def pages_at_widths(browser, widths, **options):
    """One tab per width, each in its own context, reused across a module's checks."""
    contexts = {width: browser.new_context(viewport={"width": width, "height": 800}, **options) for width in widths}
    try:
        yield {width: context.new_page() for width, context in contexts.items()}
    finally:
        for context in contexts.values():
            context.close()
