"""Properties that must hold for any text, found by hypothesis rather than by examples.

An entry written by entries.format_entry and read back by entries.parse_entry is the same entry,
whatever Arabic, Latin, digits, YAML-significant punctuation, direction marks or emoji it holds.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mawjaz.entries import format_entry, parse_entry
from mawjaz.errors import Problems
from mawjaz.model import Entry

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى" + "ًٌٍَُِّْ" + "ـ،؛؟٠١٢٣٤٥٦٧٨٩" + "یک"
LATIN = "abcXYZ019 "
YAML_SIGNIFICANT = ":#-'\"[]{},&*!|>%@`?\\/<=~"
UNUSUAL = "\u00a0\u200c\u200d\u200e\u200f\u202e\u202c\u2066\u2069\u2028\u2029\x85\ufeff\t" + "😀✓«»…–—"
ALPHABET = ARABIC + LATIN + YAML_SIGNIFICANT + UNUSUAL

line_text = st.text(alphabet=ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)
optional_line = st.one_of(st.none(), line_text)
body_text = st.text(alphabet=ALPHABET + "\n", max_size=300)
registry_id = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
dates = st.one_of(st.just("2025"), st.just("2011-02"), st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
                                                                        if d.year >= 1000 else "2025-09-24"))


@st.composite
def entries(draw) -> Entry:
    entry_id = draw(registry_id)
    status = draw(st.sampled_from(("published", "draft", "rejected")))
    return Entry(
        id=entry_id, title=draw(line_text), date=draw(dates) if status == "published" else draw(st.one_of(st.none(), dates)),
        status=status, source=draw(st.one_of(st.none(), registry_id)), place=draw(optional_line),
        actors=tuple(draw(st.lists(registry_id, max_size=4))), themes=tuple(draw(st.lists(registry_id, max_size=3))),
        summary=draw(st.one_of(st.just(""), line_text)), body=draw(body_text).strip("\n") + "\n",
        seed=draw(optional_line), seed_lines=draw(st.one_of(st.none(), st.tuples(st.integers(1, 50), st.integers(50, 90)))),
        story_sha256=draw(st.one_of(st.none(), st.from_regex(r"\A[0-9a-f]{64}\Z"))),
        date_note=draw(optional_line), path=f"{entry_id}.md")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_an_entry_written_and_read_back_is_unchanged(entry):
    problems = Problems()
    read_back = parse_entry(Path(entry.path), format_entry(entry), problems)
    assert problems.errors() == []
    assert read_back == entry


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_reading_any_text_as_an_entry_gives_problems_never_an_exception(text):
    problems = Problems()
    entry = parse_entry(Path("2025-09-24-x.md"), text, problems)
    assert (entry is None) == bool(problems.errors())
