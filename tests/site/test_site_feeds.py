"""Atom feeds, the sitemap and the data files of the built fixture site."""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from conftest import SITE_FIXTURE

from mawjaz.entries import load_entries
from mawjaz.errors import Problems

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"


def published() -> list:
    entries = load_entries(SITE_FIXTURE / "entries", None, Problems())
    return [e for e in entries if e.status == "published"]


def entry_url(base: str, entry_id: str) -> str:
    return f"{base}entries/{entry_id}/"


def test_site_feed_is_valid_atom_and_lists_every_published_entry(fixture_site):
    feed = ET.parse(fixture_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/feed.xml"
    ids = [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]
    assert sorted(ids) == sorted(entry_url("https://example.org/", e.id) for e in published())
    for element in [feed] + feed.findall(f"{ATOM}entry"):       # RFC 4287: exactly one of each
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1
        assert re.fullmatch(RFC3339, element.find(f"{ATOM}updated").text)
        assert element.find(f"{ATOM}id").text.startswith("https://")
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert entry.find(f"{ATOM}content").get("type") == "html"


def test_feed_dates_come_from_the_entries_never_from_the_clock(fixture_site):
    feed = ET.parse(fixture_site / "feed.xml").getroot()
    assert feed.find(f"{ATOM}updated").text == "2025-09-23T00:00:00Z"
    by_id = {e.find(f"{ATOM}id").text: e.find(f"{ATOM}updated").text for e in feed.findall(f"{ATOM}entry")}
    assert by_id[entry_url("https://example.org/", "2025-08-dbeibah-oil")] == "2025-08-01T00:00:00Z"
    assert by_id[entry_url("https://example.org/", "2025-hostile-markup")] == "2025-01-01T00:00:00Z"


def test_actor_and_theme_feeds_hold_their_own_entries(fixture_site):
    actor = ET.parse(fixture_site / "actors/hanna-tetteh/feed.xml").getroot()
    ids = {e.find(f"{ATOM}id").text for e in actor.findall(f"{ATOM}entry")}
    assert ids == {entry_url("https://example.org/", i)
                   for i in ("2025-09-23-united-states-unga", "2025-09-10-tetteh-roadmap")}
    theme = ET.parse(fixture_site / "themes/covid/feed.xml").getroot()
    assert theme.find(f"{ATOM}updated").text == "2020-04-01T00:00:00Z"
    assert "كوفيد-19" in theme.find(f"{ATOM}title").text


def test_feed_content_is_escaped_html(fixture_site):
    text = (fixture_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    ET.fromstring(text.encode("utf-8"))


def test_sitemap_lists_every_published_entry_and_no_404(fixture_site_under_path):
    urlset = ET.parse(fixture_site_under_path / "sitemap.xml").getroot()
    locations = [u.find(f"{SITEMAP}loc").text for u in urlset.findall(f"{SITEMAP}url")]
    assert len(locations) == len(set(locations))
    base = "https://example.org/mawjaz/"
    assert {entry_url(base, e.id) for e in published()} <= set(locations)
    assert base in locations and base + "about/" in locations
    assert not [loc for loc in locations if "404" in loc or not loc.startswith(base)]


def test_data_files_hold_the_published_record(fixture_site):
    entries = json.loads((fixture_site / "data/entries.json").read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in entries) == sorted(e.id for e in published())
    assert {"id", "url", "title", "date", "source", "actors", "themes", "summary", "body"} <= set(entries[0])
    actors = json.loads((fixture_site / "data/actors.json").read_text(encoding="utf-8"))
    assert {a["id"]: a["entries"] for a in actors}["hanna-tetteh"] == 2
    assert "unused-actor" not in {a["id"] for a in actors}
    themes = json.loads((fixture_site / "data/themes.json").read_text(encoding="utf-8"))
    assert {t["id"] for t in themes} == {"elections", "political-process", "security-unification", "oil",
                                         "migration", "covid"}


def read_csv(site) -> list[dict[str, str]]:
    raw = (site / "data/entries.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8), "a spreadsheet reads the Arabic as UTF-8 only after a BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_csv_export_has_one_row_per_published_entry_with_its_fields(fixture_site):
    rows = read_csv(fixture_site)
    entries = json.loads((fixture_site / "data/entries.json").read_text(encoding="utf-8"))
    assert list(rows[0]) == ["id", "date", "date_start", "title", "source", "place", "actors", "themes", "url"]
    assert [row["id"] for row in rows] == [e["id"] for e in entries]     # the same order: newest first
    by_id = {e.id: e for e in published()}
    assert sorted(by_id) == sorted(row["id"] for row in rows)
    for row in rows:
        entry = by_id[row["id"]]
        assert row == {"id": entry.id, "date": entry.date or "", "date_start": (entry.date + "-01-01")[:10],
                       "title": entry.title, "source": entry.source or "", "place": entry.place or "",
                       "actors": ";".join(entry.actors), "themes": ";".join(entry.themes),
                       "url": entry_url("https://example.org/", entry.id)}, entry.id
    assert {len(row["date"]) for row in rows} == {4, 7, 10}        # a year, a month and a day all have a start


def test_the_csv_export_is_linked_beside_the_json_on_the_home_page(fixture_site):
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="/data/entries.json">JSON</a>، <a href="/data/entries.csv">CSV</a>', home)


def test_two_builds_give_the_same_bytes(fixture_site, tmp_path):
    from conftest import build_fixture_site
    again = build_fixture_site(tmp_path, "https://example.org/")
    for name in ("index.html", "feed.xml", "sitemap.xml", "data/entries.json", "data/entries.csv",
                 "entries/2025-09-23-united-states-unga/index.html"):
        assert (again / name).read_bytes() == (fixture_site / name).read_bytes(), name
