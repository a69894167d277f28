"""The only module that rewrites existing entries in content/entries: refresh's field updates, and the
review of proposed actors (build.py proposals accept / reject).

mawjaz.entries.reading reads entries and mawjaz.entries.writing writes new ones; this module changes fields of an entry already
written, keeping everything else as the maintainer left it: comment lines, key order, the spelling
of every other field. Each top-level key of the front matter is a block (its line and the indented
or '- ' lines under it); a changed field's block is replaced where it stands, a new field is put
after the field that comes before it in the usual order, and the generated digests end the front
matter. The new text replaces the file in one rename, so a reader (or a killed run) sees the old
file or the new one, never half of either.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from ..arabic import normalise_for_matching
from ..model import Entry
from .fields import FENCE, FIELD_ORDER, PROPOSALS
from .ingested import INGESTED_COMMENT, INGESTED_KEY
from .writing import WRITING_PREFIX, format_field, format_ingested

KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
REMOVE = object()      # a change that takes the field out of the front matter


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """(front matter lines between the fences, the lines after the closing fence)."""
    lines = text.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    return lines[1:closing], lines[closing + 1:]


def key_blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """{key: (first line, end)} for each top-level key; comment lines and blank lines between keys
    belong to no block."""
    blocks, index = {}, 0
    while index < len(lines):
        match = KEY_LINE.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _continues(lines, end):
            end += 1
        blocks[match.group(1)] = (index, end)
        index = end
    return blocks


def _continues(lines: list[str], index: int) -> bool:
    line = lines[index]
    if line.startswith((" ", "\t", "- ")) or line == "-":
        return True
    if line.strip() == "":   # a blank line inside a block scalar, if an indented line follows
        following = next((other for other in lines[index + 1:] if other.strip()), "")
        return following.startswith((" ", "\t"))
    return False


def front_matter_keys(text: str) -> set[str]:
    return set(key_blocks(split_front_matter(text)[0]))


def update_text(text: str, changes: dict, digests: dict[str, str]) -> str:
    """The entry text with `changes` ({field: value, or REMOVE}) made and the digests written."""
    front, body = split_front_matter(text)
    front = _without_ingested(front)
    for key, value in changes.items():
        if key != "body":
            front = _set_field(front, key, value)
    front = [*front, *format_ingested(digests)]
    if "body" in changes:
        body = [changes["body"].strip("\n"), ""]
    return "\n".join([FENCE, *front, FENCE, *body])


def resolve_proposal(text: str, entry: Entry, name: str, actor_id: str | None) -> str | None:
    """The entry's text without the proposal named `name` and, given `actor_id` (accepted), with that id
    in 'actors:'. The digests of what ingest wrote stay as they were, so refresh takes the review for a
    maintainer's edit. None when the entry proposes no such name."""
    key = normalise_for_matching(name)
    kept = [p for p in entry.proposed_actors if normalise_for_matching(p.name) != key]
    if len(kept) == len(entry.proposed_actors):
        return None
    changes = {PROPOSALS: kept or REMOVE}
    if actor_id is not None and actor_id not in entry.actors:
        changes["actors"] = [*entry.actors, actor_id]
    return update_text(text, changes, dict(entry.ingested))


def _without_ingested(front: list[str]) -> list[str]:
    start, end = key_blocks(front).get(INGESTED_KEY, (len(front), len(front)))
    kept = front[:start] + front[end:]
    return [line for line in kept if line != INGESTED_COMMENT]


def _set_field(front: list[str], key: str, value) -> list[str]:
    blocks = key_blocks(front)
    new = [] if value is REMOVE else format_field(key, value).split("\n")
    if key in blocks:
        start, end = blocks[key]
        return front[:start] + new + front[end:]
    at = _insertion_point(front, blocks, key)
    return front[:at] + new + front[at:]


def _insertion_point(front: list[str], blocks: dict, key: str) -> int:
    """After the nearest field that comes before `key` in the usual order, and the comments under it."""
    earlier = FIELD_ORDER[:FIELD_ORDER.index(key)] if key in FIELD_ORDER else FIELD_ORDER
    present = [blocks[name] for name in earlier if name in blocks]
    if not present:
        return len(front)
    at = max(end for _, end in present)
    while at < len(front) and front[at].startswith("#"):
        at += 1
    return at


def replace_entry_file(path: Path, expected: str, text: str) -> bool:
    """Replace the entry with `text` in one rename; False (nothing written) if the file no longer holds
    `expected`, the text that was read and checked."""
    with open(path, encoding="utf-8", newline="") as stream:
        if stream.read().replace("\r\n", "\n").removeprefix("\ufeff") != expected:
            return False
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=WRITING_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def remove_leftovers(entries_dir: Path) -> None:
    """Temporary files of a run that was killed before its rename."""
    for leftover in entries_dir.glob(f"{WRITING_PREFIX}*.tmp"):
        leftover.unlink(missing_ok=True)
