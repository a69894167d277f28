"""The site from the keyboard alone: every control reachable by Tab, focus always visible, skip link, search."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from reader_pages import PAGE_TYPES, SEARCH_QUERY, open_page, pages_at_widths

pytestmark = pytest.mark.browser

# Marks every visible control with its place in the document, and returns how many there are.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const controls = [...document.querySelectorAll(selector)].filter(el => !el.disabled && visible(el));
  controls.forEach((el, index) => el.dataset.control = index);
  return controls.length;
}"""

# How an element is drawn around its edge: the outline and the shadow that show focus.
DRAWN = """const drawn = el => {
  const style = getComputedStyle(el);
  return {outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                   ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none',
          shadow: style.boxShadow};
};"""

FOCUS_LOOK = "() => {" + DRAWN + """
  const el = document.activeElement, box = el.getBoundingClientRect();
  return {...drawn(el), control: el.dataset.control ?? null,
          onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0};
}"""

UNFOCUSED_LOOK = "control => {" + DRAWN + """
  return drawn(document.querySelector(`[data-control="${control}"]`));
}"""


@pytest.fixture(scope="module")
def phone_and_desktop(browser):
    with pages_at_widths(browser, [360, 1280]) as pages:
        yield pages


def tab_through(page) -> tuple[int, list[dict]]:
    """Press Tab until focus leaves the page or comes round again; the look of each focused element."""
    count = page.evaluate(MARK_CONTROLS)
    seen = []
    for _ in range(count + 1):
        page.keyboard.press("Tab")
        look = page.evaluate(FOCUS_LOOK)
        if look["control"] is None or (seen and look["control"] == seen[0]["control"]):
            break
        seen.append(look)
    return count, seen


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_control_is_reached_by_tab_in_order_with_a_visible_focus(phone_and_desktop, served_site,
                                                                       page_type, width):
    page = phone_and_desktop[width]
    open_page(page, served_site, PAGE_TYPES[page_type])
    count, seen = tab_through(page)
    assert [int(look["control"]) for look in seen] == list(range(count))     # all, once, in reading order
    page.evaluate("document.activeElement.blur()")
    for look in seen:
        assert look["onScreen"], f"control {look['control']} is focused off the screen"
        unfocused = page.evaluate(UNFOCUSED_LOOK, look["control"])
        assert (look["outline"], look["shadow"]) != (unfocused["outline"], unfocused["shadow"]), \
            f"control {look['control']} looks the same focused and unfocused"


def test_skip_link_moves_focus_to_the_main_content(phone_and_desktop, served_site):
    page = phone_and_desktop[360]
    open_page(page, served_site, PAGE_TYPES["entry"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")                                   # the next stop is inside the content
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_header_search_works_without_a_mouse(phone_and_desktop, served_site):
    page = phone_and_desktop[360]
    open_page(page, served_site, PAGE_TYPES["home"])
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    page.keyboard.type(SEARCH_QUERY)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{served_site}search/?q={quote(SEARCH_QUERY)}"


def test_search_page_has_its_own_search_field_reached_by_tab(phone_and_desktop, served_site):
    page = phone_and_desktop[1280]
    open_page(page, served_site, "search/")
    in_main_field = "document.activeElement.matches('main input[type=search]')"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate(in_main_field):
            break
    assert page.evaluate(in_main_field)
