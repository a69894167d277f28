"""Properties that must hold for any text, found by hypothesis rather than by examples.

An entry written by entries.format_entry and read back by entries.parse_entry is the same entry,
whatever Arabic, Latin, digits, YAML-significant punctuation, direction marks or emoji it holds; and
ingest turns any text at all into stories without raising, each a valid entry file.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.arabic import normalise_for_matching
from mawjaz.entries import format_entry, parse_entry
from mawjaz.entries.updates import resolve_proposal
from mawjaz.errors import Problems
from mawjaz.ingest.seeds import make_context, make_entry, read_story, split_page
from mawjaz.model import ACTOR_KINDS, Entry, ProposedActor
from mawjaz.registries import load_registries

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
        date_note=draw(optional_line), path=f"{entry_id}.md",
        proposed_actors=tuple(draw(st.lists(proposals, max_size=3))))


proposals = st.builds(ProposedActor, line_text, st.sampled_from(ACTOR_KINDS), optional_line)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_an_entry_written_and_read_back_is_unchanged(entry):
    problems = Problems()
    read_back = parse_entry(Path(entry.path), format_entry(entry), problems)
    assert problems.errors() == []
    assert read_back == entry


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), registry_id)
def test_accepting_a_proposal_edits_only_the_proposals_and_the_actors(entry, actor_id):
    if not entry.proposed_actors:
        return
    accepted = entry.proposed_actors[0]
    problems = Problems()
    text = resolve_proposal(format_entry(entry), entry, accepted.name, actor_id)
    read_back = parse_entry(Path(entry.path), text, problems)
    assert problems.errors() == []
    same = normalise_for_matching(accepted.name)
    kept = tuple(p for p in entry.proposed_actors if normalise_for_matching(p.name) != same)
    actors = entry.actors if actor_id in entry.actors else (*entry.actors, actor_id)
    assert read_back == replace(entry, proposed_actors=kept, actors=actors)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_reading_any_text_as_an_entry_gives_problems_never_an_exception(text):
    problems = Problems()
    entry = parse_entry(Path("2025-09-24-x.md"), text, problems)
    assert (entry is None) == bool(problems.errors())


# ---------------------------------------------------------------- ingest on any text

BASE_CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "invalid" / "_base" / "content"
SEED_WORDS = ["هانا تيتيه", "البعثة الأممية", "الانتخابات", "العملية السياسية", "طرابلس", "وكالة الأنباء الليبية",
              "24 سبتمبر 2025", "2025-09-24", "(وال)", "نشر بتاريخ:", "اقرأ أيضا", "---", "# ", "- ", "1. ", "> ",
              "Lana News", "UNSMIL", "`", "*", "_", "[رابط](javascript:x)", "<script>", "\u202e", "\u00a0", "ی", "ک"]
seed_piece = st.one_of(st.sampled_from(SEED_WORDS), st.text(alphabet=ALPHABET, max_size=12))
seed_line = st.lists(seed_piece, max_size=12).map(" ".join)
seed_text = st.lists(st.one_of(seed_line, st.just("")), max_size=25).map("\n".join)


@pytest.fixture(scope="module")
def ingest_context():
    problems = Problems()
    registries = load_registries(BASE_CONTENT, problems)
    assert problems.items == []
    return make_context(registries, "published")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(seed_text, st.text(max_size=300)))
def test_ingest_never_raises_and_every_story_becomes_a_valid_entry_file(ingest_context, text):
    page = clean_lines(text)
    taken: set = set()
    for story_lines in split_page(page, ingest_context):
        story, tags = read_story("001_seed.txt", story_lines, page, ingest_context)
        entry = make_entry(story, tags, taken, "published")
        taken.add(entry.id)
        problems = Problems()
        read_back = parse_entry(Path(f"{entry.id}.md"), format_entry(entry), problems)
        assert problems.errors() == [], (problems.errors(), format_entry(entry))
        assert read_back == replace(entry, evidence=(), path=f"{entry.id}.md")
