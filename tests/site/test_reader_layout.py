"""Every page type at phone, tablet and desktop widths: nothing scrolls sideways, nothing spills, taps land."""
from __future__ import annotations

import pytest
from reader_pages import PAGE_TYPES, WIDTHS, open_page, pages_at_widths

pytestmark = pytest.mark.browser

# Boxes that stick out of the screen, and blocks whose text runs past their own edge (a long word or URL
# that does not wrap). Elements inside a clipping box (the visually hidden labels) are left out.
SPILLS = """() => {
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                     (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
  const clipped = el => { for (let p = el; p; p = p.parentElement)
                            if (getComputedStyle(p).overflowX !== 'visible') return true;
                          return false; };
  const spills = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.getClientRects().length || clipped(el)) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (box.left < -1 || box.right > innerWidth + 1) spills.push(`${name(el)} sticks out: ${box.left}..${box.right}`);
    if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      spills.push(`${name(el)} text runs past its edge: ${el.scrollWidth} > ${el.clientWidth}`);
  }
  return spills;
}"""

# Controls and the links of navigation and lists must be at least 44 x 44 px (WCAG 2.5.5). Links inside
# running text are exempt, as WCAG 2.5.8 exempts inline targets: a link in a paragraph or in a sentence of
# a list, or an entry title's link in a heading, is as tall as its line of text, and padding it would
# break the line spacing. A link drawn as a button or a pill (not display: inline) is a control wherever
# it stands.
SMALL_TARGETS = """() => {
  const inline = el => el.tagName === 'A' && getComputedStyle(el).display === 'inline'
    && !!el.closest('p, h1, h2, h3, h4, h5, h6, .prose li');
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea')) {
    if (!el.getClientRects().length || inline(el) || el.closest('.visually-hidden')) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 44 || box.height < 44)
      small.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return small;
}"""


@pytest.fixture(scope="module")
def page_at(browser):
    with pages_at_widths(browser, WIDTHS) as pages:
        yield pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_fits_its_width_with_nothing_spilling_and_large_tap_targets(page_at, served_site, page_type, width):
    page = page_at[width]
    open_page(page, served_site, PAGE_TYPES[page_type])
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth")
    assert page.evaluate(SPILLS) == []
    assert page.evaluate(SMALL_TARGETS) == []
