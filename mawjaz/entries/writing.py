"""The only code that writes new entry files or replaces a file whole: write_new_entries, replace_file_text.

Entries are the curated record: a new entry never replaces a file that exists, and every file is
written whole or not at all (a temporary file beside it, then a link or a rename). Fields of an
entry already written are changed only by mawjaz.entries.updates, for refresh and review.
"""
from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import yaml

from ..entry_dates import PLAIN_DATE
from ..model import Entry, ProposedActor
from ..yamlio import DUMP_WIDTH, YAML_BREAKS, format_block, format_scalar as _scalar
from .fields import FENCE, PROPOSALS
from .ingested import INGESTED_COMMENT, INGESTED_FIELDS, INGESTED_KEY, field_digests

WRITING_PREFIX = ".writing-"   # an entry being written; renamed into place only when whole
SYNCS_AT_ONCE = 8              # threads waiting on fsync: they wait on the disk, not on the processor


def format_entry(entry: Entry) -> str:
    """The entry file's text: front matter in a fixed key order, then the body."""
    values = {
        "id": entry.id, "title": entry.title, "date": entry.date, "status": entry.status,
        "source": entry.source, "place": entry.place, "actors": list(entry.actors),
        PROPOSALS: entry.proposed_actors, "themes": list(entry.themes), "summary": entry.summary,
        "date_note": entry.date_note,
        "seed": entry.seed, "seed_lines": list(entry.seed_lines) if entry.seed_lines else None,
        "story_sha256": entry.story_sha256, **dict(entry.extra),
    }
    lines = [FENCE]
    for key, value in values.items():
        if (key == "date_note" and value is None) or (key == PROPOSALS and not value):
            continue
        lines.append(format_field(key, value))
        if key == "themes" and entry.evidence:
            lines.extend(_evidence_comments(entry))
    lines.extend(format_ingested(dict(entry.ingested)))
    lines.append(FENCE)
    return "\n".join(lines) + "\n" + entry.body.strip("\n") + "\n"


def format_ingested(digests: dict[str, str]) -> list[str]:
    """The generated block that ends the front matter: a comment line and one line of digests."""
    if not digests:
        return []
    pairs = ", ".join(f"{key}: {_scalar(digests[key])}" for key in INGESTED_FIELDS if key in digests)
    return [INGESTED_COMMENT, f"{INGESTED_KEY}: {{{pairs}}}"]


def format_proposals(proposals) -> list[str]:
    """'proposed_actors:' and one '- {name: …, kind: …, role: …}' line per proposal ([] for none)."""
    if not proposals:
        return []
    return [f"{PROPOSALS}:"] + ["  - " + _flow_mapping(p.as_front_matter() if isinstance(p, ProposedActor) else p)
                                for p in proposals]


def _flow_mapping(values: dict) -> str:
    """'{name: …, kind: …}' on one line; quoted throughout when a value holds what YAML reads as a line end."""
    style = '"' if any(isinstance(v, str) and YAML_BREAKS.search(v) for v in values.values()) else None
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, default_flow_style=True, width=DUMP_WIDTH,
                          default_style=style).strip()


def _evidence_comments(entry: Entry) -> list[str]:
    """Why ingest gave each tag, for the reviewer: '# unsmil: «بعثة الأمم المتحدة» (paragraph 2)'."""
    lines = ["# evidence (words that matched; delete these lines once reviewed):"]
    for item in entry.evidence:
        where = "title" if item.paragraph == 0 else f"paragraph {item.paragraph}"
        lines.append(f"#   {item.id}: «{item.matched}» ({where})")
    return lines


def format_field(key: str, value) -> str:
    if key == PROPOSALS:
        return "\n".join(format_proposals(value))
    if key == "date" and isinstance(value, str) and PLAIN_DATE.match(value) and not value.startswith("0"):
        return f"date: {value}"   # plain, as a maintainer writes it; the loader keeps dates as text
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return f"{key}: [" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, (list, dict)):
        block = format_block(value)
        return f"{key}:\n" + "".join("  " + line + "\n" for line in block.splitlines()).rstrip("\n")
    return f"{key}: {_scalar(value)}"


def write_new_entries(entries_dir: Path, new_entries: list[Entry]) -> list[Path]:
    """Write each new entry under a free file name (the caller has already dropped known stories),
    with the digests of what it holds: refresh compares them to tell a maintainer's edits.

    Each entry becomes a temporary file first; a temporary file gets its entry's name only once it
    is on disk, and the folder is synced last, so an entry is whole when its name appears and every
    entry is on disk when this returns. Raises FileExistsError for an entry whose file exists (the
    entries before it are written), ValueError for an id that would leave the folder (nothing is)."""
    entries_dir.mkdir(parents=True, exist_ok=True)
    for leftover in entries_dir.glob(f"{WRITING_PREFIX}*.tmp"):   # from an ingest that was killed
        leftover.unlink(missing_ok=True)
    targets = [_entry_path(entries_dir, entry) for entry in new_entries]
    temporaries: list[str] = []
    try:
        for entry in new_entries:
            temporaries.append(_write_temporary(entries_dir, format_entry(
                replace(entry, ingested=tuple(field_digests(entry).items()))), synced=False))
        _link_when_synced(temporaries, targets)
    finally:
        for temporary in temporaries:
            Path(temporary).unlink(missing_ok=True)
    _sync_file(entries_dir)   # the new names themselves are on disk
    return targets


def _link_when_synced(temporaries: list[str], targets: list[Path]) -> None:
    """Give each temporary file its target's name, in order, as soon as the file is on disk.

    The files are synced several at a time: the file system commits the files synced together in
    one flush, where syncing them one after the other costs a flush each."""
    with ThreadPoolExecutor(SYNCS_AT_ONCE) as pool:
        for temporary, target, _ in zip(temporaries, targets, pool.map(_sync_file, temporaries)):
            os.link(temporary, target)   # fails if the target exists: an entry is never overwritten
            os.unlink(temporary)


def _entry_path(entries_dir: Path, entry: Entry) -> Path:
    target = entries_dir / f"{entry.id}.md"
    if not target.resolve().is_relative_to(entries_dir.resolve()):
        raise ValueError(f"entry id '{entry.id}' would leave the entries folder")
    return target


def _write_temporary(folder: Path, text: str, synced: bool = True) -> str:
    """A new file in `folder` holding `text`, on disk unless `synced` is False; its path."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=WRITING_PREFIX, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
        stream.flush()
        if synced:
            os.fsync(stream.fileno())
    return temporary


def _sync_file(path) -> None:
    """Wait until the file (or folder) and what it holds are on disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def replace_file_text(path: Path, text: str) -> None:
    """Write `path` whole or not at all: a temporary file beside it, renamed over it."""
    temporary = _write_temporary(path.parent, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
