"""Every page of the built fixture site: Arabic and right to left, titled, canonical, escaped."""
from __future__ import annotations

import gzip

import pytest
from site_html import read_page, read_pages

HOSTILE = "entries/2025-hostile-markup/index.html"
BOTH_SITES = pytest.mark.parametrize("site_name", ["fixture_site", "built_site"])   # built_site: the repository
MARKERS = ("DRAFTMARKER", "REJECTEDMARKER", "2025-09-30-draft-entry", "2025-09-29-rejected-entry")


@BOTH_SITES
def test_every_page_is_arabic_and_right_to_left(site_name, request):
    for path, page in read_pages(request.getfixturevalue(site_name)).items():
        html = page.first("html")
        assert html == {"lang": "ar", "dir": "rtl"}, path


@BOTH_SITES
def test_every_page_has_a_unique_title(site_name, request):
    titles = {path: page.title.strip() for path, page in read_pages(request.getfixturevalue(site_name)).items()}
    assert all(titles.values())
    assert len(set(titles.values())) == len(titles), sorted(titles.values())


def test_every_page_has_a_canonical_url_and_opengraph_tags(fixture_site):
    for path, page in read_pages(fixture_site).items():
        canonical = page.canonical()
        assert canonical and canonical.startswith("https://example.org/"), path
        assert page.meta("og:url") == canonical, path
        for key in ("og:title", "og:description", "og:type", "og:site_name", "description"):
            assert page.meta(key), f"{path}: {key}"
    entry = read_page(fixture_site, fixture_site / "entries/2025-09-23-united-states-unga/index.html")
    assert entry.canonical() == "https://example.org/entries/2025-09-23-united-states-unga/"
    assert entry.meta("og:type") == "article" and entry.meta("article:published_time") == "2025-09-23"


def test_script_in_title_summary_and_body_shows_as_text(fixture_site):
    page = read_page(fixture_site, fixture_site / HOSTILE)
    assert "<script>alert(1)</script>" in page.text and "<script>alert(2)</script>" in page.text
    assert '"><img src=x onerror=alert(1)>' in page.text
    assert not [tag for tag, _ in page.tags if tag in ("script", "iframe")]
    assert [attrs["src"] for tag, attrs in page.tags if tag == "img"] == ["/static/icon.svg"]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    assert not [attrs for tag, attrs in page.tags if tag == "a" and "javascript" in attrs.get("href", "")]
    assert "<bdi>https://example.com/page</bdi>" not in page.text   # the safe link stays a link
    assert any(attrs.get("href") == "https://example.com/page" for tag, attrs in page.tags if tag == "a")


@BOTH_SITES
def test_no_page_but_search_has_javascript(site_name, request):
    for path, page in read_pages(request.getfixturevalue(site_name)).items():
        if path != "search/index.html":
            assert not [t for t, _ in page.tags if t == "script"], path


def test_nothing_is_loaded_from_outside_the_site(fixture_site):
    for path, page in read_pages(fixture_site).items():
        for tag, attrs in page.tags:
            if tag in ("link", "script", "img", "iframe") and attrs.get("rel") not in ("canonical", "alternate"):
                address = attrs.get("href") or attrs.get("src") or ""
                assert not address.startswith(("http:", "https:", "//")), f"{path}: {address}"


def test_drafts_and_rejected_entries_appear_nowhere(fixture_site):
    for path in fixture_site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":            # Pagefind's index files are gzip-compressed
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        for marker in MARKERS:
            assert marker not in text, f"{path.relative_to(fixture_site)} holds {marker}"
    assert not (fixture_site / "actors/unused-actor").exists()
    assert not (fixture_site / "sources/unused-source").exists()


def test_pages_carry_no_pagefind_markup_because_the_index_is_built_from_the_entries(fixture_site):
    """mawjaz/search/index.py indexes each published entry's search keys; markup in pages would do nothing."""
    for path, page in read_pages(fixture_site).items():
        assert not [attrs for _, attrs in page.tags if any(name.startswith("data-pagefind") for name in attrs)], path
    search = read_page(fixture_site, fixture_site / "search/index.html")
    assert any("data-search-results" in attrs for _, attrs in search.tags)
    [shards] = [attrs["data-shards"].split() for _, attrs in search.tags if "data-shards" in attrs]
    assert shards and shards == sorted(shards, reverse=True)
    assert sorted(path.name for path in (fixture_site / "pagefind").iterdir()) == sorted(shards)
    assert all((fixture_site / "pagefind" / shard / "pagefind.js").is_file() for shard in shards)


def test_every_page_has_the_search_form_and_a_skip_link(fixture_site):
    for path, page in read_pages(fixture_site).items():
        form = page.first("form")
        assert form and form["action"] == "/search/" and form["role"] == "search", path
        assert any(t == "input" and a.get("name") == "q" and a.get("type") == "search" for t, a in page.tags)
        assert page.first("a")["href"] == "#main" and "main" in page.ids(), path


def test_search_page_has_the_region_the_search_fills(fixture_site):
    page = read_page(fixture_site, fixture_site / "search/index.html")
    assert "search" in page.ids()


def test_entry_page_shows_gregorian_and_hijri_dates_and_partial_dates_as_partial(fixture_site):
    full = (fixture_site / "entries/2025-09-23-united-states-unga/index.html").read_text(encoding="utf-8")
    assert "23 سبتمبر 2025" in full and "1 ربيع الثاني 1447 هـ" in full
    month = read_page(fixture_site, fixture_site / "entries/2025-08-dbeibah-oil/index.html")
    assert "أغسطس 2025" in month.text and "هـ" not in month.text.split("الفاعلون")[0]
    year = read_page(fixture_site, fixture_site / HOSTILE)
    assert '<time datetime="2025">2025</time>' in (fixture_site / HOSTILE).read_text(encoding="utf-8")
    assert "هـ" not in year.text


def test_latin_names_inside_arabic_text_are_isolated(fixture_site):
    html = (fixture_site / "entries/2025-09-23-united-states-unga/index.html").read_text(encoding="utf-8")
    assert "<bdi>(Hanna Tetteh)</bdi>" in html and "<bdi>(UNSMIL)</bdi>" in html


def test_actor_page_lists_co_actors_themes_and_feed(fixture_site):
    page = read_page(fixture_site, fixture_site / "actors/hanna-tetteh/index.html")
    assert "بعثة الأمم المتحدة للدعم في ليبيا مرتان" in " ".join(page.text.split())
    assert "/actors/hanna-tetteh/feed.xml" in page.links()
    assert "/themes/political-process/" in page.links()


def test_actor_index_groups_actors_by_kind(fixture_site):
    page = read_page(fixture_site, fixture_site / "actors/index.html")
    assert {"person", "organization", "state"} <= page.ids()
    text = " ".join(page.text.split())
    assert text.index("أشخاص") < text.index("منظمات ومؤسسات") < text.index("دول (")


def test_without_search_there_is_no_search_page_or_form(tmp_path):
    from conftest import ROOT, SITE_FIXTURE, run_build
    config = tmp_path / "config.yaml"
    config.write_text(f"title: موجز\ndescription: وصف\nbase_url: https://example.org/\n"
                      f"paths:\n  templates: {ROOT / 'templates'}\n  static: {ROOT / 'static'}\n"
                      f"search:\n  enabled: false\n", encoding="utf-8")
    run_build("build", "--config", str(config), "--content", str(SITE_FIXTURE), "--out", str(tmp_path / "site"),
              "--quiet")
    assert not (tmp_path / "site/search").exists()
    for path, page in read_pages(tmp_path / "site").items():
        assert page.first("form") is None and "/search/" not in page.links(), path


def test_organisation_page_links_its_affiliated_actors(fixture_site):
    page = read_page(fixture_site, fixture_site / "actors/unsmil/index.html")
    assert "/actors/hanna-tetteh/" in page.links()
    person = read_page(fixture_site, fixture_site / "actors/hanna-tetteh/index.html")
    assert "/actors/unsmil/" in person.links() and "الانتماء" in person.text


@pytest.mark.parametrize("entries", [0, 300], ids=["fixture site, made by threads", "300 entries, by the worker pool"])
def test_a_template_mistake_names_its_file_and_line(tmp_path, entries):
    """Also when the templates are compiled before the worker pool forks (a site of 400 outputs or more)."""
    import shutil

    from conftest import ROOT, SITE_FIXTURE, run_build
    content = SITE_FIXTURE
    if entries:
        from bench.corpus import write_corpus
        content = tmp_path / "content"
        write_corpus(content, entries)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    theme = tmp_path / "templates/theme.html"
    theme.write_text(theme.read_text(encoding="utf-8").replace("{{ theme.name_en }}", "{{ theme.nmae_en }}"),
                     encoding="utf-8")
    about = tmp_path / "templates/about.html"
    about.write_text(about.read_text(encoding="utf-8").replace("{% endblock %}", "{% endblok %}"), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"title: موجز\ndescription: وصف\nbase_url: https://example.org/\n"
                      f"paths:\n  static: {ROOT / 'static'}\n", encoding="utf-8")
    result = run_build("build", "--config", str(config), "--content", str(content), "--out",
                       str(tmp_path / "site"), check=False, env={"MAWJAZ_WORKERS": "2"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(n for n, text in enumerate(theme.read_text(encoding="utf-8").split("\n"), 1) if "nmae_en" in text)
    assert f"templates/theme.html:{line}: template error: 'mawjaz.model.Theme object' has no attribute 'nmae_en'" \
        in result.stderr
    assert result.stderr.count("templates/theme.html") == 1
    assert "templates/about.html:" in result.stderr and "template syntax error" in result.stderr
    assert not (tmp_path / "site").exists()
