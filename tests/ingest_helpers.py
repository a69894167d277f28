"""Shared helpers for the ingest tests: the small fixture registries and a one-call ingest."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from mawjaz.errors import Problems
from mawjaz.ingest.seeds import ingest_seeds, make_context, split_page
from mawjaz.ingest.cleaning import clean_lines
from mawjaz.registries import load_registries

FIXTURE_REGISTRIES = ROOT / "tests" / "fixtures" / "registries"
SEEDS = ROOT / "seeds"


def fixture_registries():
    problems = Problems()
    registries = load_registries(FIXTURE_REGISTRIES, problems)
    assert problems.items == [], problems.sorted()
    return registries


def stories_of(seed_name: str, registries=None):
    """The stories split from one seed of the repository."""
    context = make_context(registries or fixture_registries(), "published")
    text = (SEEDS / seed_name).read_text(encoding="utf-8")
    return split_page(clean_lines(text), context)


def ingest(seeds_dir: Path = SEEDS, registries=None, existing=(), root: Path = ROOT):
    problems = Problems(root=root)
    result = ingest_seeds(seeds_dir, registries or fixture_registries(), list(existing), "published", problems)
    return result, problems
