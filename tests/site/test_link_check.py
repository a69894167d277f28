"""The link check over a built folder: every page, or only the pages a rebuild wrote, against all files."""
from __future__ import annotations

from pathlib import Path

from mawjaz.site.links import find_broken_links, site_files

BASE_URL, BASE_PATH = "https://example.org/mawjaz/", "/mawjaz/"


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for relative, text in pages.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(text.encode("utf-8"))
    return root


def found(broken) -> list[tuple[str, int, str, str]]:
    return [(link.page, link.line, link.url, link.reason) for link in broken]


def small_site(root: Path) -> Path:
    return write_site(root, {
        "index.html": '<a href="/mawjaz/entries/a/">أ</a>\n<a href="/mawjaz/entries/gone/">ب</a>\n',
        "entries/a/index.html": '<a href="../../">home</a>\n\n<img src="../../static/missing.png">\n',
        "entries/b/index.html": '<a href="/mawjaz/entries/a/">أ</a> <a href="nowhere/">x</a>\n',
        "sitemap.xml": "<urlset><url><loc>https://example.org/mawjaz/entries/b/</loc></url></urlset>\n",
        "static/style.css": "body {}\n",
    })


def test_every_page_is_checked_by_default(tmp_path):
    site = small_site(tmp_path)
    assert found(find_broken_links(site, BASE_URL, BASE_PATH)) == [
        ("entries/a/index.html", 3, "../../static/missing.png", "no file in the site answers it"),
        ("entries/b/index.html", 1, "nowhere/", "no file in the site answers it"),
        ("index.html", 2, "/mawjaz/entries/gone/", "no file in the site answers it")]


def test_only_the_given_pages_are_read_and_their_links_checked_against_the_whole_site(tmp_path):
    site = small_site(tmp_path)
    broken = find_broken_links(site, BASE_URL, BASE_PATH, pages=["entries/b/index.html", "static/style.css"])
    assert found(broken) == [("entries/b/index.html", 1, "nowhere/", "no file in the site answers it")]


def test_a_known_list_of_files_is_used_instead_of_the_folder(tmp_path):
    site = small_site(tmp_path)
    files = site_files(site) | {"static/missing.png"}      # as if the rebuild kept it from the previous site
    broken = find_broken_links(site, BASE_URL, BASE_PATH, pages=["entries/a/index.html"], files=files)
    assert broken == []
    assert site_files(site) == {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_pages_with_unusual_markup_are_read_as_text_with_the_same_lines(tmp_path):
    site = write_site(tmp_path, {
        "index.html": 'one\r\ntwo\r<a href="gone/">x</a>\nxhref="not-a-link/" <a\nhref="gone-too/">y</a>\n',
        "sitemap.xml": '<loc>https://example.org/mawjaz/x href="y"</loc>\n',
    })
    assert found(find_broken_links(site, BASE_URL, BASE_PATH)) == [
        ("index.html", 3, "gone/", "no file in the site answers it"),
        ("index.html", 5, "gone-too/", "no file in the site answers it"),
        ("sitemap.xml", 1, 'https://example.org/mawjaz/x href="y"', "no file in the site answers it")]
