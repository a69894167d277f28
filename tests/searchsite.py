"""Helpers for the search tests: the fixture site served on a free local port, and a driver for its page."""
from __future__ import annotations

import functools
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mawjaz.config import load_config
from mawjaz.entries import load_entries
from mawjaz.errors import Problems
from mawjaz.site.group import group_site
from mawjaz.registries import load_registries
from mawjaz.search.index import SearchSource, body_text, described_by
from mawjaz.search.terms import build_vocabulary, search_keys

ROOT = Path(__file__).resolve().parent.parent
SEARCH_CONTENT = Path(__file__).resolve().parent / "fixtures" / "search_content"


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll a JavaScript expression until it is true. Not page.wait_for_function: Playwright runs its
    predicate through eval, which the site's Content-Security-Policy (rightly) refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(25)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):   # noqa: A002 - the name is the base class's
        pass


@contextmanager
def serve_folder(folder: Path):
    """Serve folder on 127.0.0.1 at a free port, in a thread; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class FixtureCorpus:
    """The fixture entries as the index sees them: the search keys of each published entry."""

    def __init__(self, content: Path = SEARCH_CONTENT):
        problems = Problems()
        config = load_config(ROOT / "config.yaml", problems).with_overrides(content=content)
        self.registries = load_registries(content, problems)
        entries = load_entries(content / "entries", self.registries, problems)
        assert problems.items == [], problems.items
        self.site = group_site(config, self.registries, entries)
        self.vocabulary = build_vocabulary(self.registries)
        self.published = [entry for entry in self.site.entries if entry.status == "published"]
        self.keys_by_url = {f"/entries/{entry.id}/": set(self.keys(self.entry_text(entry)))
                            for entry in self.published}

    def keys(self, text: str) -> list[str]:
        return search_keys(text, self.vocabulary)

    def entry_text(self, entry) -> str:
        return " ".join((entry.title, entry.summary, body_text(entry), described_by(entry, SearchSource.of_site(self.site))))

    def expected(self, query: str) -> set[str]:
        """Entries holding every key of a query without quotes: what the search must find, no more."""
        wanted = set(self.keys(query))
        return {url for url, keys in self.keys_by_url.items() if wanted and wanted <= keys}

    def urls_with_actor(self, actor_id: str) -> set[str]:
        return {f"/entries/{entry.id}/" for entry in self.published if actor_id in entry.actors}


class SearchPage:
    """Drives the search page as a reader does: types, submits, chooses filters, reads the results."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url

    def runs(self) -> int:
        return int(self.page.get_attribute("#search", "data-search-runs") or 0)

    def wait_for_run(self, before: int) -> None:
        wait_until(self.page, f"Number(document.getElementById('search').dataset.searchRuns ?? 0) > {before}")

    def open(self, query_string: str = "") -> None:
        self.page.goto(f"{self.base_url}/search/{query_string}")
        self.wait_for_run(0)

    def submit(self, query: str) -> None:
        before = self.runs()
        self.page.fill("#search-query", query)
        self.page.press("#search-query", "Enter")
        self.wait_for_run(before)

    def search(self, query: str) -> list[str]:
        self.submit(query)
        return self.all_results()

    def choose(self, name: str, value: str) -> list[str]:
        before = self.runs()
        self.page.select_option(f"#search select[name={name}]", value)
        self.wait_for_run(before)
        return self.all_results()

    def all_results(self) -> list[str]:
        """Every result link, pressing 'more results' until there are no more."""
        while self.page.is_visible("[data-search-more]"):
            count = self.page.locator("[data-search-results] > li").count()
            self.page.click("[data-search-more]")
            wait_until(self.page, f"document.querySelectorAll('[data-search-results] > li').length > {count}")
        return self.page.eval_on_selector_all("[data-search-results] > li a",
                                              "links => links.map(link => link.getAttribute('href'))")

    def status(self) -> str:
        return self.page.inner_text("[data-search-status]")
