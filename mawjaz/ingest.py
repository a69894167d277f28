"""Seeds → new entries. (First cut: one story per seed file; the cleaning rules come next.)"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems
from .model import Entry, Registries


@dataclass(frozen=True)
class IngestResult:
    seeds_read: int
    stories_found: int
    new_entries: tuple[Entry, ...]
    candidates: tuple[str, ...] = ()


def ingest_seeds(seeds_dir: Path, registries: Registries, existing: list[Entry], default_status: str,
                 problems: Problems, reporter=None) -> IngestResult:
    if not seeds_dir.is_dir():
        problems.error(seeds_dir, None, "seeds folder not found", "create it, or pass --seeds DIR")
        return IngestResult(0, 0, ())
    known = {entry.story_sha256 for entry in existing}
    seeds = sorted(seeds_dir.glob("*.txt"))
    new = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in known:
            continue
        new.append(Entry(id=f"undated-{digest[:10]}", title=lines[0].strip(), date=None, status="draft",
                         source=None, place=None, actors=(), themes=(), summary="",
                         body="\n\n".join(lines[1:]) + "\n", seed=path.name, seed_lines=(1, len(text.splitlines())),
                         story_sha256=digest))
    return IngestResult(len(seeds), len(seeds), tuple(new))
