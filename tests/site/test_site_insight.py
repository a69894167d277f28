"""The insight pages of the built fixture site: the network, timelines and the actor × theme matrix."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

from conftest import ROOT, SITE_FIXTURE, run_build
from site_html import read_page, read_pages

from mawjaz.config import load_config
from mawjaz.entries import load_entries
from mawjaz.errors import Problems
from mawjaz.site.group import group_site
from mawjaz.registries import load_registries
from mawjaz.search.index import prepare_search
from mawjaz.search.terms import build_vocabulary, index_text

SVG_BLOCK = re.compile(r"<svg\b.*?</svg>", re.S)
NETWORK_PAGES = ["network/index.html", "network/2025/index.html", "network/states/index.html"]


def inline_svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(block) for block in SVG_BLOCK.findall(html)]


def test_every_inline_svg_parses_as_xml(fixture_site):
    parsed = 0
    for path in fixture_site.rglob("*.html"):
        parsed += len(inline_svgs(path.read_text(encoding="utf-8")))
    assert parsed > 20


def test_network_pages_link_every_node_to_its_actor_and_filter_by_year_and_kind(fixture_site):
    for path in NETWORK_PAGES:
        page = read_page(fixture_site, fixture_site / path)
        assert page.first("html") == {"lang": "ar", "dir": "rtl"}
        assert {"/network/", "/network/2025/", "/network/states/", "/network/people/"} <= set(page.links())
    html = (fixture_site / "network/index.html").read_text(encoding="utf-8")
    svg = inline_svgs(html)[-1]
    nodes = svg.findall(".//{http://www.w3.org/2000/svg}a")
    assert nodes and all(re.fullmatch(r"/actors/[a-z0-9-]+/", a.get("href")) for a in nodes)
    assert 'aria-current="page">كل السنوات' in html


def test_network_page_has_a_table_of_the_strongest_pairs(fixture_site):
    page = read_page(fixture_site, fixture_site / "network/index.html")
    text = " ".join(page.text.split())
    assert "أقوى الثنائيات" in text and "الفاعلان" in text
    html = (fixture_site / "network/index.html").read_text(encoding="utf-8")
    first_row = re.search(r'<table class="pairs">.*?<tbody>\s*<tr>(.*?)</tr>', html, re.S).group(1)
    assert "/actors/hanna-tetteh/" in first_row and "/actors/unsmil/" in first_row and "<td>2</td>" in first_row


def test_actor_and_theme_pages_show_entries_per_month_with_a_table(fixture_site):
    for path in ("actors/abdulhamid-dbeibah/index.html", "themes/political-process/index.html"):
        html = (fixture_site / path).read_text(encoding="utf-8")
        svg = next((svg for svg in inline_svgs(html) if svg.get("class") == "chart timeline"), None)
        assert svg is not None and svg.get("role") == "img" and "شهرًا بشهر" in svg.get("aria-label"), path
        assert "<th scope=\"col\">الشهر</th>" in html and "<figcaption>" in html
    single_month = (fixture_site / "actors/hanna-tetteh/index.html").read_text(encoding="utf-8")
    assert "chart timeline" not in single_month          # one month is no timeline


def test_themes_page_has_the_actor_by_theme_matrix(fixture_site):
    html = (fixture_site / "themes/index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="heat-map">.*?</table>', html, re.S).group(0)
    assert '<th scope="row"><a href="/actors/united-states/">' in table
    assert re.search(r'<td class="heat-5">\d+</td>', table)


def test_sitemap_lists_the_network_pages(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/network/</loc>" in sitemap
    assert "<loc>https://example.org/network/states/</loc>" in sitemap


def test_the_network_is_the_same_on_every_build(fixture_site, tmp_path):
    run_build("build", "--content", str(SITE_FIXTURE), "--out", str(tmp_path / "site"), "--base-url",
              "https://example.org/", "--quiet")
    for path in NETWORK_PAGES + ["themes/index.html", "actors/hanna-tetteh/index.html"]:
        assert (tmp_path / "site" / path).read_bytes() == (fixture_site / path).read_bytes(), path


def test_hostile_actor_names_stay_text_in_every_chart(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, content)
    actors = content / "actors.yaml"
    hostile = '"<script>alert(1)</script> & <b onload=x>"'
    actors.write_text(actors.read_text(encoding="utf-8").replace("name: تركيا", f"name: {hostile}"), encoding="utf-8")
    run_build("build", "--content", str(content), "--out", str(tmp_path / "site"), "--base-url",
              "https://example.org/", "--quiet")
    for path, page in read_pages(tmp_path / "site").items():
        html = (tmp_path / "site" / path).read_text(encoding="utf-8")
        inline_svgs(html)                                   # still well-formed XML
        assert "<script>alert" not in html and "<b onload" not in html, path
    network = (tmp_path / "site/network/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onload=x&gt;" in network


def test_entry_page_shows_its_statements_and_search_indexes_them(fixture_site):
    html = (fixture_site / "entries/2025-09-23-united-states-unga/index.html").read_text(encoding="utf-8")
    assert '<a href="/actors/hanna-tetteh/">هانا تيتيه</a>:</span> <q>البعثة <bdi>(UNSMIL)</bdi> ستواصل' in html
    problems = Problems()
    registries = load_registries(SITE_FIXTURE, problems)
    entries = load_entries(SITE_FIXTURE / "entries", registries, problems)
    site = group_site(load_config(ROOT / "config.yaml", problems), registries, entries)
    records = [r for shard in prepare_search(site).shards.values() for r in shard]
    record = next(r for r in records if r.url == "/entries/2025-hostile-markup/")
    only_said = "كلام بلا متحدث معروف"          # in the entry's statements, not in its body
    assert only_said not in next(e for e in entries if e.id == "2025-hostile-markup").body
    assert index_text(only_said, build_vocabulary(registries)) in record.document


def test_actor_page_lists_what_the_actor_said_newest_first_linked_to_each_entry(fixture_site):
    page = read_page(fixture_site, fixture_site / "actors/hanna-tetteh/index.html")
    assert "ما قاله" in page.text and "ستواصل العمل مع الأطراف كافة" in page.text
    html = (fixture_site / "actors/hanna-tetteh/index.html").read_text(encoding="utf-8")
    said = html.split('id="said-heading"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/entries/2025-09-23-united-states-unga/">' in said
    assert "ما قاله" not in (fixture_site / "actors/turkey/index.html").read_text(encoding="utf-8")


def test_a_hostile_statement_stays_text(fixture_site):
    page = read_page(fixture_site, fixture_site / "entries/2025-hostile-markup/index.html")
    assert "<script>alert(4)</script>" in page.text and "متحدث لم يُسمَّ" in page.text
    italy = read_page(fixture_site, fixture_site / "actors/italy/index.html")
    assert "<script>alert(4)</script>" in italy.text
    assert not [tag for tag, _ in italy.tags if tag == "script"]


def test_entries_of_one_event_link_each_other_both_ways(fixture_site):
    for here, there in (("2025-09-23-unsmil-briefing", "2025-09-23-united-states-unga"),
                        ("2025-09-23-united-states-unga", "2025-09-23-unsmil-briefing")):
        html = (fixture_site / f"entries/{here}/index.html").read_text(encoding="utf-8")
        also = html.split('class="also-reported"', 1)[1].split("</section>", 1)[0]
        assert f'<a href="/entries/{there}/">' in also and "وكالة الأنباء الليبية" in also
    assert "also-reported" not in (fixture_site / "entries/2025-08-dbeibah-oil/index.html").read_text(encoding="utf-8")
