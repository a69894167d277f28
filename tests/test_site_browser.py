"""The built fixture site in a real browser: nothing runs from entry text, nothing overflows a phone."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

PAGES = ["", "entries/2025-09-23-united-states-unga/", "entries/2025-hostile-markup/", "actors/",
         "actors/hanna-tetteh/", "themes/", "themes/political-process/", "archive/2025/", "about/", "search/"]


@pytest.fixture(scope="module")
def served_site(fixture_site):
    """The site on 127.0.0.1, on a free port chosen by the system."""
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(fixture_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
def test_script_in_entry_text_runs_nothing_and_shows_as_text(browser, served_site):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(served_site + "entries/2025-hostile-markup/")
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert page.locator("a", has_text="رابط خبيث").count() == 0     # a javascript: link stays text
    assert dialogs == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_fit_a_360_pixel_phone_and_load_nothing_from_outside(browser, served_site, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(served_site) else None)
    for path in PAGES:
        page.goto(served_site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    assert outside == []
    context.close()


@pytest.mark.browser
def test_skip_link_is_first_and_visible_when_focused(browser, served_site):
    page = browser.new_page()
    page.goto(served_site)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.getAttribute('href'), "
                            "document.activeElement.getBoundingClientRect().top]")
    assert focused[0] == "#main" and focused[1] >= 0
    page.close()
