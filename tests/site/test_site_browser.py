"""The built fixture site in a real browser: nothing runs from entry text, nothing overflows a phone."""
from __future__ import annotations

import pytest

PAGES = ["", "entries/2025-09-23-united-states-unga/", "entries/2025-hostile-markup/", "actors/", "network/", "network/states/", "actors/abdulhamid-dbeibah/",
         "actors/hanna-tetteh/", "themes/", "themes/political-process/", "archive/2025/", "about/", "search/"]


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


@pytest.mark.browser
@pytest.mark.parametrize("scheme, accent", [("light", "rgb(155, 34, 38)"), ("dark", "rgb(240, 138, 128)")])
def test_charts_take_the_colours_of_the_reader_scheme(browser, served_site, scheme, accent):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site + "actors/abdulhamid-dbeibah/")
    assert page.eval_on_selector(".chart-bar", "bar => getComputedStyle(bar).fill") == accent
    page.goto(served_site + "network/")
    label = page.eval_on_selector(".network-node text", "text => getComputedStyle(text).fill")
    ink = page.evaluate("getComputedStyle(document.body).color")
    assert label == ink
    page.keyboard.press("Tab")
    for _ in range(40):
        if page.evaluate("document.activeElement.closest('svg') !== null"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("/actors/")
    context.close()
