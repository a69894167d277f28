"""The record of the last build of a site: each output's digest, what that build reported, and its inputs.

It lives beside the site, in `.mawjaz-cache/<site folder name>.manifest.json`, so the published folder holds
only the site. A build removes it before swapping a new site in and writes the new one after, so a manifest
always describes the site next to it; a missing or unreadable one only means a full build.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import Problem

FORMAT = 1
CACHE_FOLDER = ".mawjaz-cache"


@dataclass(frozen=True)
class Manifest:
    inputs: str                                  # inputs.RunInputs.digest of the run that built the site
    outputs: dict[str, tuple[str, int]] = field(default_factory=dict)      # path → (digest, size; -1 = folder)
    broken_links: dict[str, list] = field(default_factory=dict)            # page → [[line, url, reason], …]
    problems: tuple[Problem, ...] = ()           # what that run reported, repeated when nothing changed
    index_bytes: int = 0
    everything: str = ""                         # inputs.RunInputs.everything: what every output is made from


def manifest_path(out: Path) -> Path:
    return cache_path(out, "manifest.json")


def cache_path(out: Path, name: str) -> Path:
    """A file of the build's own cache for the site in `out`: beside it, never in it."""
    return out.parent / CACHE_FOLDER / f"{out.name}.{name}"


def write_cache_file(path: Path, data: bytes) -> None:
    """A file of the build's cache, replaced whole (a reader never sees half of it); one that cannot be
    written only makes the next build slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass


def read_manifest(out: Path) -> Manifest | None:
    """The manifest of the site in `out`, or None when there is no usable one (then the build is full)."""
    return read_manifest_file(manifest_path(out)) if out.is_dir() else None


def read_manifest_file(path: Path) -> Manifest | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Manifest(inputs=data["inputs"],
                        outputs={path: (digest, size) for path, (digest, size) in data["outputs"].items()},
                        broken_links=data["broken_links"],
                        problems=tuple(Problem(**problem) for problem in data["problems"]),
                        index_bytes=data["index_bytes"], everything=data.get("everything", ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def forget_manifest(out: Path) -> None:
    """Called before a new site replaces the old: from here until the new manifest is written, none is trusted."""
    manifest_path(out).unlink(missing_ok=True)


def write_manifest(out: Path, manifest: Manifest) -> None:
    write_manifest_file(manifest_path(out), manifest)


def write_manifest_file(path: Path, manifest: Manifest) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Shallow: dataclasses.asdict copied every output's entry again (0.17 s at 10,000 entries); JSON
    # writes the tuples as the lists it would have made.
    data = {"format": FORMAT, **{item.name: getattr(manifest, item.name) for item in fields(manifest)}}
    data["problems"] = [asdict(problem) for problem in manifest.problems]
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def outputs_intact(out: Path, manifest: Manifest) -> bool:
    """Every recorded output is still there with its size: nobody removed or changed a file by hand."""
    root = str(out)
    for relative, (_, size) in manifest.outputs.items():
        try:
            stat = os.stat(f"{root}/{relative}")
        except OSError:
            return False
        if size >= 0 and stat.st_size != size:
            return False
    return True
