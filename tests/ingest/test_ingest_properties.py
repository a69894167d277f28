"""Any text a seed may hold is read as stories (or none), never as an exception."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import SEEDS, fixture_registries

from mawjaz.ingest.cleaning import clean_lines
from mawjaz.ingest.seeds import make_context, read_story, split_page

CONTEXT = make_context(fixture_registries(), "published")
SEED_LINES = [line for seed in sorted(SEEDS.glob("*.txt")) for line in seed.read_text(encoding="utf-8").split("\n")]
PAGES = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from([".", "،", "-", "(وال)", "ليبيا –", "x", "نص قصير.", ""]), max_size=12).map("\n".join),
    st.lists(st.sampled_from(SEED_LINES + ["", " ", "•", "اقرأ أيضا:", "المصدر:", "-", "«»", "٢٤ سبتمبر ٢٠٢٥"]),
             max_size=40).map("\n".join),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(PAGES)
def test_any_page_splits_into_stories_with_consistent_fields(text):
    page = clean_lines(text)
    for story_lines in split_page(page, CONTEXT):
        story, tags = read_story("seed.txt", story_lines, page, CONTEXT)
        assert story.raw.first_line <= story.raw.last_line
        assert story.title.strip(), "an entry needs a title"
        assert story.paragraphs and all(p.strip() for p in story.paragraphs)
        assert len(story.summary.split()) <= 51
        assert set(tags.actors) <= set(CONTEXT.registries.actor_by_id)
        assert set(tags.themes) <= set(CONTEXT.registries.theme_by_id)
