"""Entries brought up to date with today's ingest, a maintainer's edits kept.

For each entry, today's extraction is run again on the seed story behind it (found by story_sha256)
and compared field by field, with the digests of what ingest wrote (mawjaz.entries.ingested):

- the field holds what ingest wrote → today's value is taken (added, changed or removed);
- the field differs from what ingest wrote → a maintainer edited it: "kept (edited)", never written;
- no digest for the field (an entry older than digests) → a field the entry lacks is added; one that
  differs from today's is "kept (cannot tell whether edited)" unless the maintainer names it (--take);
- a rejected entry is never touched; an entry whose seed is gone is kept, with a warning;
- an entry whose seed changed since (no story with its hash; the story found again by seed file and
  lines) is shown but only written with --changed-seeds, which also records the new lines and hash.

Nothing is written here: plan_refresh returns the new text of each entry, which mawjaz.entries.updates
writes.
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..entries import (INGESTED_FIELDS, REMOVE, digest, field_value, front_matter_keys, parse_entry, read_entry_text,
                       update_text)
from ..errors import Problems
from ..ingest import MIN_SIMILARITY, make_context, text_similarity, todays_entries
from ..model import Entry, Registries

ADDED, CHANGED, REMOVED, TAKEN = "added", "changed", "removed", "taken (--take)"
KEPT_EDITED, KEPT_UNKNOWN = "kept (edited)", "kept (cannot tell whether edited)"
KEPT_NO_DATE = "kept (today's ingest finds no date)"
WRITTEN = (ADDED, CHANGED, REMOVED, TAKEN)
OPTIONAL_KEYS = ("date_note", "statements")    # taken out of the front matter when ingest finds nothing


@dataclass(frozen=True)
class FieldChange:
    name: str
    verdict: str
    old: object
    new: object


@dataclass(frozen=True)
class EntryRefresh:
    entry: Entry
    state: str                          # refreshable | seed-changed | rejected | no-seed | seed-gone | story-gone
    changes: tuple[FieldChange, ...] = ()
    text: str = ""                      # the file as read
    new_text: str | None = None         # what --apply writes; None when nothing would change
    note: str = ""

    @property
    def writable(self) -> bool:
        return self.new_text is not None and self.new_text != self.text


@dataclass
class RefreshReport:
    items: list[EntryRefresh] = field(default_factory=list)
    applied: bool = False
    written: int = 0

    def count(self, *verdicts: str) -> int:
        return sum(1 for item in self.items for change in item.changes if change.verdict in verdicts
                   and (item.new_text is not None or change.verdict not in WRITTEN))

    def with_statements(self) -> int:
        def has(item: EntryRefresh) -> bool:
            text = item.new_text if item.new_text is not None else item.text
            return "statements" in front_matter_keys(text)
        return sum(1 for item in self.items if item.text and has(item))

    def lines(self) -> list[str]:
        shown = [line for item in self.items for line in describe_entry(item)]
        changing = sum(1 for item in self.items if item.writable)
        verb = "refreshed" if self.applied else "would change"
        return shown + [
            f"Refresh{' applied' if self.applied else ' (dry run: nothing written; --apply writes)'}: "
            f"{len(self.items)} entries read, {self.written if self.applied else changing} {verb}; fields "
            f"{self.count(ADDED)} added, {self.count(CHANGED, REMOVED, TAKEN)} changed, "
            f"{self.count(KEPT_EDITED)} kept as edited, {self.count(KEPT_UNKNOWN)} kept (cannot tell); "
            f"{sum(1 for item in self.items if item.state == 'rejected')} rejected left as they are; "
            f"{self.with_statements()} entries with statements after"]


def plan_refresh(entries: list[Entry], seeds_dir: Path, registries: Registries, default_status: str,
                 problems: Problems, take: frozenset = frozenset(), changed_seeds: bool = False) -> RefreshReport:
    """What refreshing each entry would change; the new texts are checked as the loader checks them."""
    context = make_context(registries, default_status)
    today: dict[str, list[Entry] | None] = {}
    report = RefreshReport()
    for entry in entries:
        if entry.seed and entry.seed not in today and entry.status != "rejected":
            path = seeds_dir / entry.seed
            today[entry.seed] = todays_entries(path, seeds_dir, context, problems) if path.is_file() else None
        report.items.append(plan_entry(entry, today.get(entry.seed), registries, problems, take, changed_seeds))
    return report


def plan_entry(entry: Entry, stories: list[Entry] | None, registries: Registries, problems: Problems,
               take: frozenset, changed_seeds: bool) -> EntryRefresh:
    if entry.status == "rejected":
        return EntryRefresh(entry, "rejected", note="rejected: never refreshed")
    if not entry.seed:
        return EntryRefresh(entry, "no-seed", note="no seed named: nothing to compare with")
    if stories is None:
        problems.warning(entry.path, None, f"seed '{entry.seed}' is not in the seeds folder: the entry is kept "
                         "as it is", "restore the seed file to refresh this entry; nothing else is needed")
        return EntryRefresh(entry, "seed-gone", note=f"seed {entry.seed} is gone: kept as it is")
    story = next((made for made in stories if made.story_sha256 == entry.story_sha256), None)
    state, note = "refreshable", ""
    if story is None:
        story, similarity = find_changed_story(entry, stories)
        if story is None:
            problems.warning(entry.path, None, f"no story in seed '{entry.seed}' is the entry's (lines "
                             f"{_lines(entry)}): the entry is kept as it is",
                             "if the seed was rewritten, correct 'seed_lines' and 'story_sha256' by hand")
            return EntryRefresh(entry, "story-gone", note=f"its story is no longer in {entry.seed}: kept as it is")
        state = "seed-changed"
        note = (f"seed changed since the entry: the story is now on lines {_lines(story)} ({int(similarity * 100)}% like "
                f"the entry)" + ("" if changed_seeds else "; shown, not applied (--changed-seeds applies it)"))
    text = read_entry_text(Path(entry.path), problems) or ""
    changes = tuple(judge_field(name, entry, story, front_matter_keys(text), take) for name in INGESTED_FIELDS)
    new_text = None
    if text and (state == "refreshable" or changed_seeds):
        new_text = checked_text(entry, text, changes, story if state == "seed-changed" else None, registries,
                                problems)
    return EntryRefresh(entry, state, changes, text, new_text, note)


def find_changed_story(entry: Entry, stories: list[Entry]) -> tuple[Entry | None, float]:
    """The story on the same lines of the seed, or overlapping them with nearly the same text."""
    best, best_similarity = None, 0.0
    for story in stories:
        if not entry.seed_lines or not (story.seed_lines[0] <= entry.seed_lines[1]
                                        and entry.seed_lines[0] <= story.seed_lines[1]):
            continue
        similarity = text_similarity(entry.body, story.body)
        if (similarity >= MIN_SIMILARITY or tuple(entry.seed_lines) == story.seed_lines) and \
                (best is None or similarity > best_similarity):
            best, best_similarity = story, similarity
    return best, best_similarity


def judge_field(name: str, entry: Entry, story: Entry, present: set, take: frozenset) -> FieldChange:
    old, new = field_value(entry, name), field_value(story, name)
    recorded = dict(entry.ingested).get(name)
    if digest(old) == digest(new):
        verdict = "same"
    elif name == "date" and new is None:
        verdict = KEPT_NO_DATE
    elif recorded is not None:
        verdict = (_taken(name, old, new) if digest(old) == recorded else KEPT_EDITED)
    elif name not in present and name != "body":
        verdict = ADDED
    else:
        verdict = TAKEN if name in take else KEPT_UNKNOWN
    return FieldChange(name, verdict, old, new)


def _taken(name: str, old, new) -> str:
    if old in (None, [], ""):
        return ADDED
    return REMOVED if new in (None, [], "") and name in OPTIONAL_KEYS else CHANGED


def checked_text(entry: Entry, text: str, changes: tuple[FieldChange, ...], changed_story: Entry | None,
                 registries: Registries, problems: Problems) -> str | None:
    """The entry's new text, or None (with a warning) if the loader would refuse it."""
    updates = {change.name: _written(change) for change in changes if change.verdict in WRITTEN}
    if changed_story is not None:
        updates["seed_lines"] = list(changed_story.seed_lines)
        updates["story_sha256"] = changed_story.story_sha256
    new_text = update_text(text, updates, new_digests(entry, changes))
    check = Problems()
    if parse_entry(Path(entry.path), new_text, check, registries) is None:
        problems.warning(entry.path, None, "refresh would leave the entry invalid, so it is kept as it is: "
                         + "; ".join(problem.message for problem in check.errors()),
                         "edit the fields named by hand")
        return None
    return new_text


def _written(change: FieldChange):
    if change.name in OPTIONAL_KEYS and change.new in (None, []):
        return REMOVE
    return change.new


def new_digests(entry: Entry, changes: tuple[FieldChange, ...]) -> dict[str, str]:
    """What ingest wrote, as known after this run: today's value for every field that holds it now; the
    earlier digest for an edited field; none where no one can tell (so --take still can)."""
    recorded = dict(entry.ingested)
    digests = {}
    for change in changes:
        if change.verdict == "same" or change.verdict in WRITTEN:
            digests[change.name] = digest(change.new)
        elif change.name in recorded:
            digests[change.name] = recorded[change.name]
    return digests


# ---------------------------------------------------------------- the report a maintainer reads


def describe_entry(item: EntryRefresh) -> list[str]:
    shown = [change for change in item.changes if change.verdict != "same"]
    head = f"{item.entry.id}: " + (item.note or ("up to date" if not shown else ""))
    lines = [head.rstrip(": ").rstrip()]
    for change in shown:
        lines.append(f"  {change.name}: {change.verdict}"
                     + (f" — --take {change.name} takes today's value" if change.verdict == KEPT_UNKNOWN else ""))
        lines.extend("      " + line for line in diff_lines(change.old, change.new))
    return lines


def diff_lines(old, new) -> list[str]:
    if isinstance(old, list) or isinstance(new, list):
        before, after = [_item(v) for v in old or []], [_item(v) for v in new or []]
        if sorted(before) == sorted(after):
            return [f"− order: {', '.join(before)}", f"+ order: {', '.join(after)}"]
        return [f"− {v}" for v in before if v not in after] + [f"+ {v}" for v in after if v not in before]
    if isinstance(old, str) and isinstance(new, str) and "\n" in old + new:
        paragraphs = difflib.SequenceMatcher(None, old.split("\n\n"), new.split("\n\n"), autojunk=False)
        lines = []
        for _, a1, a2, b1, b2 in (op for op in paragraphs.get_opcodes() if op[0] != "equal"):
            for first, second in zip(paragraphs.a[a1:a2] + [None] * (b2 - b1), paragraphs.b[b1:b2] + [None] * (a2 - a1)):
                lines.extend(_pair(first, second, both=first is not None and second is not None))
        return lines
    return _pair(old, new)


def _pair(old, new, both: bool = True) -> list[str]:
    """'− old' and '+ new', cut to the part where they differ when they are long."""
    start = 0
    if isinstance(old, str) and isinstance(new, str):
        start = max(0, len(os.path.commonprefix([old, new])) - 30)
        start = old.rfind(" ", 0, start) + 1 if start else 0     # from the start of a word
    return [f"{sign} {_short(value, start=start)}" for sign, value in (("−", old), ("+", new))
            if both or value is not None]


def _item(value) -> str:
    if isinstance(value, dict):
        return f"{value.get('actor') or '?'} ({value.get('kind')}): {_short(value.get('text'), 70)}"
    return str(value)


def _short(value, width: int = 100, start: int = 0) -> str:
    if value is None:
        return "null"
    text = str(value)
    head = "…" if start else ""
    text = text[start:]
    return head + (text if len(text) <= width else text[:width - 1] + "…")


def _lines(entry: Entry) -> str:
    return "–".join(str(number) for number in entry.seed_lines) if entry.seed_lines else "?"
