"""Golden ingest of the five seeds, and the guarantees about what reaches an entry body."""
from __future__ import annotations

import re

import yaml
from golden_ingest import GOLDEN, ingest_into_empty_content
from ingest_helpers import SEEDS, ingest

from mawjaz.arabic import clean_for_display

SEED_LINES = yaml.safe_load((SEEDS.parent / "tests/fixtures/seed_lines.yaml").read_text(encoding="utf-8"))


def test_ingest_of_the_five_seeds_gives_exactly_the_golden_entries():
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    actual = ingest_into_empty_content()
    assert sorted(actual) == sorted(expected), "entry files differ: run `make golden` after a deliberate change"
    for name, text in expected.items():
        assert actual[name] == text, f"{name} differs: run `make golden` after a deliberate change"


def entry_texts() -> list[tuple[str, str, str]]:
    """(seed, title, body) of every entry the five seeds give."""
    result, _ = ingest()
    return [(e.seed, e.title, e.body) for e in result.new_entries]


def test_no_boilerplate_line_of_any_seed_reaches_an_entry_body():
    bodies = "\n".join(body for _, _, body in entry_texts())
    paragraphs = set(bodies.split("\n"))
    for seed, marked in SEED_LINES.items():
        lines = (SEEDS / seed).read_text(encoding="utf-8").split("\n")
        for number in marked["boilerplate"]:
            text = clean_for_display(lines[number - 1])
            assert text not in paragraphs, f"{seed}:{number} reached a body: {text}"


def test_no_sentence_of_a_story_is_lost():
    texts = entry_texts()
    everything = "\n".join(f"{title}\n{body}" for _, title, body in texts)
    for seed, marked in SEED_LINES.items():
        lines = (SEEDS / seed).read_text(encoding="utf-8").split("\n")
        for number in marked["story"]:
            for sentence in re.split(r"(?<=[.!؟])\s+", clean_for_display(lines[number - 1])):
                assert sentence.rstrip(".") in everything, f"{seed}:{number} lost: {sentence}"


def test_every_line_of_every_seed_is_accounted_for_in_the_labels():
    for seed, marked in SEED_LINES.items():
        lines = (SEEDS / seed).read_text(encoding="utf-8").split("\n")
        labelled = set(marked["boilerplate"]) | set(marked["story"])
        unlabelled = [n for n, line in enumerate(lines, 1) if clean_for_display(line) and n not in labelled]
        assert unlabelled == [], f"{seed}: lines {unlabelled} need a label in tests/fixtures/seed_lines.yaml"
