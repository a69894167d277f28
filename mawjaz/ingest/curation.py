"""Which stories are new. Curation is never lost: a story already recorded is never written again.

- same `story_sha256` as an entry (whatever its status, id or edits): known, skipped;
- same seed and overlapping lines with nearly the same text, or exactly the same lines: the seed
  was corrected; the entry is kept as it is and the maintainer is told;
- otherwise new.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..arabic import normalise_for_matching
from ..model import Entry, RawStory

NEW, KNOWN, CHANGED = "new", "known", "changed"
MIN_SIMILARITY = 0.85           # share of matching text for "the same story, slightly corrected"


@dataclass(frozen=True)
class Verdict:
    status: str                  # NEW | KNOWN | CHANGED
    entry: Entry | None = None
    similarity: float = 1.0


class Curated:
    """The entries already recorded, indexed by story hash and by seed file."""

    def __init__(self, entries: list[Entry]):
        self.by_hash = {entry.story_sha256: entry for entry in entries if entry.story_sha256}
        self.by_seed: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.seed:
                self.by_seed.setdefault(entry.seed, []).append(entry)
        self.ids = {entry.id for entry in entries}

    def judge(self, raw: RawStory, body: str) -> Verdict:
        if raw.sha256 in self.by_hash:
            return Verdict(KNOWN, self.by_hash[raw.sha256])
        best = None
        lines = (raw.first_line, raw.last_line)
        for entry in self.by_seed.get(raw.seed, ()):
            if entry.seed_lines and _overlap(entry.seed_lines, lines):
                similarity = text_similarity(entry.body, body)
                # The same lines of the same seed are the same story even when the maintainer has
                # rewritten the entry's body since.
                if (similarity >= MIN_SIMILARITY or tuple(entry.seed_lines) == lines) and \
                        (best is None or similarity > best.similarity):
                    best = Verdict(CHANGED, entry, similarity)
        return best or Verdict(NEW)

    def record(self, entry: Entry) -> None:
        """A story written in this run counts as known for the rest of the run (a seed copied twice)."""
        self.by_hash[entry.story_sha256] = entry
        self.ids.add(entry.id)
        if entry.seed:
            self.by_seed.setdefault(entry.seed, []).append(entry)


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def text_similarity(first: str, second: str) -> float:
    a, b = normalise_for_matching(first), normalise_for_matching(second)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MIN_SIMILARITY or matcher.quick_ratio() < MIN_SIMILARITY:
        return matcher.quick_ratio()
    return matcher.ratio()
