"""The built sites as a reader's browser sees them: every link lands, every entry can be reached."""
from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from conftest import ROOT, SITE_FIXTURE
from site_html import read_pages, resolve

from mawjaz.entries import load_entries
from mawjaz.errors import Problems

# (fixture, base URL it was built with, the content it was built from)
SITES = [("fixture_site", "https://example.org/", SITE_FIXTURE),
         ("fixture_site_under_path", "https://example.org/mawjaz/", SITE_FIXTURE),
         ("built_site", "https://mawjaz.example.org/", ROOT / "content")]   # the repository's own content


def published_pages(content: Path) -> set[str]:
    entries = load_entries(content / "entries", None, Problems())
    return {f"entries/{e.id}/index.html" for e in entries if e.status == "published"}


def reachable_pages(root: Path, base_url: str) -> set[str]:
    """Every page a reader reaches by following links from the home page."""
    pages = read_pages(root)
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        path = queue.popleft()
        for link in pages[path].links():
            target = resolve(root, base_url, path, link.partition("#")[0])
            if target is None or target.suffix != ".html" or not target.is_file():
                continue
            relative = str(target.relative_to(root))
            if relative not in seen:
                seen.add(relative)
                queue.append(relative)
    return seen


@pytest.mark.parametrize("site_name, base_url, content", SITES)
def test_every_internal_link_and_asset_resolves(site_name, base_url, content, request):
    root: Path = request.getfixturevalue(site_name)
    pages = read_pages(root)
    broken = []
    for path, page in pages.items():
        for link in page.links() + [page.canonical() or "", page.meta("og:url") or ""]:
            target = resolve(root, base_url, path, link) if link else None
            if target is not None and not target.is_file():
                broken.append(f"{path}: {link}")
            fragment = link.partition("#")[2]
            if target is not None and fragment and target.suffix == ".html":
                if fragment not in pages[str(target.relative_to(root))].ids():
                    broken.append(f"{path}: {link} (no such id)")
    assert broken == []


@pytest.mark.parametrize("site_name, base_url, content", SITES)
def test_every_published_entry_is_reachable_from_the_home_page(site_name, base_url, content, request):
    root: Path = request.getfixturevalue(site_name)
    published = published_pages(content)
    assert published <= reachable_pages(root, base_url), sorted(published - reachable_pages(root, base_url))
    if content == SITE_FIXTURE:
        assert len(published) == 12


def test_links_carry_the_base_path(fixture_site_under_path):
    home = (fixture_site_under_path / "index.html").read_text(encoding="utf-8")
    assert 'href="/mawjaz/static/style.css"' in home and 'action="/mawjaz/search/"' in home
    assert 'href="/actors/' not in home and 'href="/entries/' not in home
    robots = (fixture_site_under_path / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/mawjaz/sitemap.xml" in robots
