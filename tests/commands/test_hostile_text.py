"""Seeds and entries are untrusted: markup, script, javascript: links, quotes and direction tricks in
any field show as text in pages, feeds, JSON and meta tags, and no script of theirs ever runs.

tests/fixtures/hostile/ is a project whose titles, bodies, summaries, places, actor, theme and source
names (and the site title) all carry such payloads; each payload sets `window.__pwned` if it runs.
"""
from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import HOSTILE

from mawjaz.entries import read_entry
from mawjaz.errors import Problems

ATOM = "{http://www.w3.org/2005/Atom}"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
DIRECTION_OVERRIDES = "\u202a\u202b\u202d\u202e"
HOSTILE_TAGS = {"iframe", "object", "embed", "frame", "base"}


def hostile_entries():
    return [read_entry(path, Problems()) for path in sorted((HOSTILE / "content/entries").glob("*.md"))]


class PageParts(HTMLParser):
    """Every element with its attributes, the text inside each element, and the open-element stack."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []   # (ancestors, text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "img", "input", "br", "hr"):   # elements that hold text
            marks = "".join(f"[{name}]" for name, _ in attrs if name in ("dir", "hidden"))
            self.stack.append(tag + marks)

    def handle_endtag(self, tag):
        names = [entry.split("[")[0] for entry in self.stack]
        if tag in names:
            del self.stack[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data):
        self.texts.append((tuple(self.stack), data))

    def text_of(self, tag: str) -> str:
        return "".join(text for ancestors, text in self.texts if tag in ancestors)


def parse_html(text: str) -> PageParts:
    parts = PageParts()
    parts.feed(text)
    return parts


def assert_no_active_markup(parts: PageParts, where: str) -> None:
    for tag, attributes in parts.elements:
        assert tag not in HOSTILE_TAGS, (where, tag)
        assert not [name for name in attributes if name.startswith("on")], (where, tag, attributes)
        if tag == "script":
            assert attributes.get("src", "").startswith("/"), (where, "inline script")
        for name in ("href", "src", "action", "formaction"):
            value = "".join((attributes.get(name) or "").split()).lower()
            assert not value.startswith(BAD_SCHEMES), (where, tag, name, attributes[name])


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_markup_from_the_content_becomes_an_element_or_attribute(hostile_site):
    for page in html_pages(hostile_site):
        parts = parse_html(page.read_text(encoding="utf-8"))
        assert_no_active_markup(parts, page.relative_to(hostile_site).as_posix())
        scripts = [text for ancestors, text in parts.texts if ancestors and ancestors[-1] == "script"]
        assert scripts == [], page


def test_titles_show_as_their_exact_text_in_headings_titles_and_meta_tags(hostile_site):
    for entry in hostile_entries():
        parts = parse_html((hostile_site / f"entries/{entry.id}/index.html").read_text(encoding="utf-8"))
        assert parts.text_of("h1") == entry.title
        assert parts.text_of("title").startswith(entry.title)
        meta = {a.get("property") or a.get("name"): a.get("content") for t, a in parts.elements if t == "meta"}
        assert meta["og:title"].startswith(entry.title)
        assert meta["description"] == entry.summary


def test_actor_theme_and_source_names_show_as_text(hostile_site):
    names = {"actors/script-actor/": "فاعل <script>window.__pwned = 'script'; alert(1)</script>",
             "themes/quotes-theme/": "موضوع \"'><svg onload=\"window.__pwned='svg'\">",
             "sources/img-source/": "مصدر <img src=x onerror=\"window.__pwned = 'img'\">"}
    for path, name in names.items():
        parts = parse_html((hostile_site / path / "index.html").read_text(encoding="utf-8"))
        assert parts.text_of("h1") == name, path


def test_direction_overrides_never_reach_beyond_their_own_field(hostile_site):
    """An unclosed U+202E would reverse whatever follows it; inside <bdi> it ends where the field ends."""
    for page in html_pages(hostile_site):
        parts = parse_html(page.read_text(encoding="utf-8"))
        for ancestors, text in parts.texts:
            if not any(mark in text for mark in DIRECTION_OVERRIDES) or "title" in ancestors:
                continue
            if any("[hidden]" in element for element in ancestors):
                continue                  # search metadata: never laid out
            isolated = [element for element in ancestors if element == "bdi" or "[dir]" in element]
            assert isolated, (page.relative_to(hostile_site).as_posix(), ancestors, text[:40])


def test_feeds_carry_the_exact_text_and_only_inert_markup(hostile_site):
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    by_title = {e.findtext(f"{ATOM}title"): e for e in feed.iter(f"{ATOM}entry")}
    for entry in hostile_entries():
        element = by_title[entry.title]
        assert (element.findtext(f"{ATOM}summary") or "") == entry.summary
        assert_no_active_markup(parse_html(element.findtext(f"{ATOM}content")), f"feed: {entry.id}")
    assert feed.findtext(f"{ATOM}title") == "موجز <b>عريض</b>"


def test_json_data_holds_the_exact_text(hostile_site):
    data = json.loads((hostile_site / "data/entries.json").read_text(encoding="utf-8"))
    assert {item["title"]: item["body"] for item in data} == {e.title: e.body for e in hostile_entries()}
    actors = json.loads((hostile_site / "data/actors.json").read_text(encoding="utf-8"))
    assert "فاعل <script>window.__pwned = 'script'; alert(1)</script>" in [a["name"] for a in actors]


def test_json_data_escapes_markup_so_that_a_page_can_embed_it(hostile_site):
    for name in ("entries", "actors", "themes"):
        raw = (hostile_site / f"data/{name}.json").read_text(encoding="utf-8")
        assert not set("<>&") & set(raw), name
    raw = (hostile_site / "data/entries.json").read_text(encoding="utf-8")
    assert r"\u003cscript\u003ewindow.__pwned = 'script'; alert(1)\u003c/script\u003e" in raw
    titles = [item["title"] for item in json.loads(raw)]
    assert "عنوان <script>window.__pwned = 'script'; alert(1)</script>" in titles


def test_csv_data_holds_the_exact_text(hostile_site):
    text = (hostile_site / "data/entries.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert {row["title"] for row in rows} == {e.title for e in hostile_entries() if e.status == "published"}


# ---------------------------------------------------------------- in a real browser


@pytest.fixture(scope="session")
def hostile_server(hostile_site):
    """The hostile site on 127.0.0.1 at a free port, as a web server would serve it."""
    handler = functools.partial(QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    event => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


@pytest.mark.browser
def test_no_script_runs_and_the_security_policy_holds_on_every_page(browser, hostile_site, hostile_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    dialogs, console_violations, errors = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: "Content Security Policy" in message.text
            and console_violations.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in html_pages(hostile_site):
        relative = path.relative_to(hostile_site).as_posix().removesuffix("index.html")
        page.goto(hostile_server + relative, wait_until="load")
        page.mouse.move(5, 5)
        page.mouse.move(200, 400)   # hover over links: an injected onmouseover would fire
        assert page.evaluate("typeof window.__pwned") == "undefined", relative
        assert page.evaluate("window.__violations") == [], relative
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), \
            f"{relative}: a long word pushes the page wider than the screen"
    context.close()
    assert (dialogs, console_violations, errors) == ([], [], [])


def test_every_page_declares_a_security_policy_without_inline_script(hostile_site):
    for page in html_pages(hostile_site):
        parts = parse_html(page.read_text(encoding="utf-8"))
        [policy] = [a["content"] for t, a in parts.elements
                    if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")


@pytest.mark.browser
def test_search_results_and_filters_show_hostile_text_as_text(browser, hostile_server):
    """The search page runs its own script under the same policy; what it shows from the index is text."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server + "search/?q=" + quote("عنوان"), wait_until="load")
    # Not wait_for_function: Playwright evaluates its predicate with eval, which the policy forbids.
    page.wait_for_selector("#search[data-search-runs]", state="attached")
    results = page.locator("[data-search-results] li")
    assert results.count() == 3
    assert "<script>window.__pwned = 'script'; alert(1)</script>" in results.all_inner_texts()[0] + \
        results.all_inner_texts()[1] + results.all_inner_texts()[2]
    actors = page.locator("select[name=actor] option").all_inner_texts()
    assert "فاعل <script>window.__pwned = 'script'; alert(1)</script>" in actors
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("window.__violations") == [] and errors == []
    context.close()
