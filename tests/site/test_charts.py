"""The SVG charts: right data, time running right to left, well-formed and escaped."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from mawjaz.site.charts import heat_level, month_counts, network_svg, timeline_svg
from mawjaz.model import Actor, Entry
from mawjaz.site.network import build_network

SVG = "{http://www.w3.org/2000/svg}"


def entry(entry_id: str, date: str | None, actors=()) -> Entry:
    return Entry(entry_id, "عنوان", date, "published", None, None, tuple(actors), (), "", "نص\n")


def test_month_counts_fill_empty_months_and_leave_out_year_only_dates():
    entries = [entry("a", "2024-11-05"), entry("b", "2025-01"), entry("c", "2025-01-20"), entry("d", "2025")]
    assert month_counts(entries) == [("2024-11", 1), ("2024-12", 0), ("2025-01", 2)]
    assert month_counts([entry("d", "2025"), entry("u", None)]) == []


def test_timeline_runs_right_to_left_and_parses_as_xml():
    svg = ET.fromstring(str(timeline_svg([("2024-12", 1), ("2025-01", 3)], 'مقالات "س" & <ص>')))
    bars = svg.findall(f"{SVG}rect")
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["2024-12: 1", "2025-01: 3"]
    assert float(bars[0].get("x")) > float(bars[1].get("x"))       # the older month stands to the right
    assert svg.get("role") == "img" and svg.get("aria-label") == 'مقالات "س" & <ص>'
    years = [t.text for t in svg.findall(f"{SVG}text")]
    assert "2024" in years and "2025" in years and "3" in years   # the peak's count is written


def test_hostile_actor_names_are_escaped_in_the_network():
    actors = {"x": Actor("x", '<script>alert(1)</script> & "q"', "X", "person"), "y": Actor("y", "ع", "Y", "state")}
    network = build_network("", [entry("e", "2025-01-01", ["x", "y"])], actors)
    text = str(network_svg(network, lambda i: f"/actors/{i}/?a=1&b=2", "الشبكة"))
    svg = ET.fromstring(text)
    assert "<script>" not in text
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert any(label.startswith("<script>") for label in labels)
    assert {a.get("href") for a in svg.iter(f"{SVG}a")} == {"/actors/x/?a=1&b=2", "/actors/y/?a=1&b=2"}


def test_heat_levels_grow_with_the_square_root_of_the_share():
    assert [heat_level(n, 100) for n in (0, 1, 4, 25, 100)] == [0, 1, 1, 3, 5]
    assert heat_level(0, 0) == 0
