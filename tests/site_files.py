"""A built folder as {relative path: bytes}, for tests that compare whole sites."""
from __future__ import annotations

import re
from pathlib import Path

# Pagefind 1.5 writes its filter and metadata indexes (and so the hash in pagefind-entry.json) in
# hash-map order, different on every run even in one folder (Pagefind issue #638: fragments were
# made stable in 1.3, "other files will still change").
PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(filter/.*|pagefind-entry\.json|pagefind\.[^/]*\.pf_meta)$")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files with Pagefind's run-dependent indexes replaced by how many there are."""
    stable = {name: data for name, data in files.items() if not PAGEFIND_UNSTABLE.match(name)}
    unstable = [name for name in files if PAGEFIND_UNSTABLE.match(name)]
    stable["(pagefind filter and metadata indexes)"] = str(len(unstable)).encode()
    return stable
