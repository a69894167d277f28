"""What `make eval` prints: per page, what was missed and what was wrong; then one closing table."""
from __future__ import annotations

from .annotations import PageAnnotation
from .scoring import Scores, SetCount, StoryFindings, Tally


def page_lines(page: PageAnnotation, findings: list[StoryFindings]) -> list[str]:
    problems = [line for number, story in enumerate(findings, 1) for line in _story_lines(number, story)]
    head = f"{page.key} ({page.outlet}, {page.year or 'undated'})"
    return [f"{head}: all right"] if not problems else [f"{head}:"] + problems


def _story_lines(number: int, story: StoryFindings) -> list[str]:
    label = f"  story {number}"
    if story.entry is None:
        return [f"{label}: not found by ingest (headline line {story.annotation.headline_line})"]
    lines = []
    for what, items in (("actors missed", story.actors_missed), ("actors wrong", story.actors_wrong),
                        ("themes missed", story.themes_missed), ("themes wrong", story.themes_wrong)):
        if items:
            lines.append(f"{label} [{story.entry.id}]: {what}: {', '.join(items)}")
    for field, got, wanted in story.wrong_values:
        lines.append(f"{label} [{story.entry.id}]: {field}: got {got!r}, wanted {wanted!r}")
    return lines


def closing_table(scores: Scores, pages_scored: int, annotated: int, missing: list[str],
                  outlets: int, years: int) -> list[str]:
    lines = ["", "| field | precision | recall | F1 |", "|---|---|---|---|"]
    lines += [_set_row(name, count) for name, count in (("actors", scores.actors), ("themes", scores.themes))]
    lines += ["", "| field | hits | of |", "|---|---|---|"]
    lines += [_tally_row(name, tally) for name, tally in (
        ("titles", scores.titles), ("stated dates", scores.dates), ("sources", scores.sources),
        ("places", scores.places), ("stories found", scores.stories))]
    lines += ["", f"pages scored: {pages_scored} of {annotated} annotated ({outlets} outlets, {years} years); "
                  f"stories ingest found that no annotation has: {scores.extra_stories}"]
    if missing:
        lines.append(f"page texts missing: {len(missing)} (see eval/README.md to gather them): {', '.join(missing)}")
    return lines


def _set_row(name: str, count: SetCount) -> str:
    return (f"| {name} | {count.precision:.2f} | {count.recall:.2f} | {count.f1:.2f} |"
            f"  ({count.hits} right, {count.misses} missed, {count.wrong} wrong)")


def _tally_row(name: str, tally: Tally) -> str:
    return f"| {name} | {tally.hits} | {tally.total} |"
