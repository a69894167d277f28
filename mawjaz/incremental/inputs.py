"""Everything a run reads, as digests worked out once, before anything is parsed, and passed forward.

When the whole equals the digest recorded with the site (mawjaz.incremental.manifest), the site is up to date and the
run does nothing; otherwise the parts serve the entry cache (one digest per entry file) and the plan of
outputs (the global digest, one digest per static file). Kept apart from mawjaz.incremental.fingerprints so that a
run with nothing to do imports almost nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from ..config import Config
from .manifest import write_cache_file

FORMAT = "1"          # bump when what a digest covers changes in a way the code digest would not show
LIBRARIES = ("jinja2", "markdown-it-py", "babel", "pyyaml", "hijridate", "edtf", "pagefind", "pagefind-bin")
PACKAGE_DIR = Path(__file__).resolve().parent.parent      # mawjaz/, every stage's code


def digest(*parts: str) -> str:
    """The parts, each followed by a NUL, hashed: joined first, as one string is encoded and hashed faster
    than many (a rebuild at 10,000 entries works out 50,000 of these)."""
    joined = "\x00".join(parts) + "\x00" if parts else ""
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def file_digest(path) -> str:
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()


def folder_digest(folder: Path, suffix: str = "", recursive: bool = True) -> str:
    """Names and contents of the files in `folder` (those ending in `suffix`), in a fixed order.

    Plain strings and os.scandir rather than pathlib: at 10,000 entries this runs on every build,
    including the ones that find nothing to do.
    """
    hasher = hashlib.blake2b(digest_size=16)
    for relative in sorted(files_under(str(folder), "", suffix, recursive)):
        hasher.update(f"{relative}={file_digest(os.path.join(folder, relative))}\x00".encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def files_under(root: str, prefix: str, suffix: str, recursive: bool):
    try:
        listing = list(os.scandir(os.path.join(root, prefix) if prefix else root))
    except (FileNotFoundError, NotADirectoryError):
        return
    for item in listing:
        relative = f"{prefix}/{item.name}" if prefix else item.name
        if item.is_file():
            if item.name.endswith(suffix):
                yield relative
        elif recursive and item.is_dir():
            yield from files_under(root, relative, suffix, recursive)


def code_digest() -> str:
    """Our own code and the versions of the libraries that shape the output."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return digest(FORMAT, folder_digest(PACKAGE_DIR, ".py"), *versions)


@dataclass(frozen=True)
class RunInputs:
    code: str                      # our code and the libraries' versions
    registries: str                # content/*.yaml
    everything: str                # what any output may read, apart from the entries
    static: dict[str, str]         # "static/<file>" → digest of its bytes
    entries: dict[str, str]        # entry file name → digest of its bytes
    seeds: str = ""                # "" when the run does not ingest

    @property
    def digest(self) -> str:
        return digest(self.everything, *(f"{name}={value}" for name, value in sorted(self.entries.items())),
                      self.seeds)

    def with_entries_of(self, config: Config, known: KnownFiles | None = None) -> RunInputs:
        """The same inputs, after new entries were written."""
        return replace(self, entries=entry_digests(config.paths.content / "entries", known))


def read_inputs(config: Config, drafts: bool, with_seeds: bool, known: KnownFiles | None = None) -> RunInputs:
    """`known`: the entry files an earlier run read, whose digests hold while the files are as they were."""
    code = code_digest()
    registries = folder_digest(config.paths.content, ".yaml", recursive=False)
    static_dir = str(config.paths.static)
    static = {f"static/{relative}": file_digest(os.path.join(static_dir, relative))
              for relative in sorted(files_under(static_dir, "", "", True))}
    everything = digest(code, config_description(config), f"drafts={drafts}", folder_digest(config.paths.templates),
                        *(f"{path}={value}" for path, value in static.items()), registries)
    return RunInputs(code, registries, everything, static, entry_digests(config.paths.content / "entries", known),
                     folder_digest(config.paths.seeds) if with_seeds else "")


def config_description(config: Config) -> str:
    """The settings as the digest sees them, with every folder relative to config.yaml's: the same project
    checked out somewhere else (a CI runner that restored the last build) has the same digest, and its
    rebuild reuses the pages that did not change. No output shows where the project lies."""
    root = config.path.parent
    folders = {name: Path(os.path.relpath(folder, root)) for name, folder in vars(config.paths).items()}
    return repr(replace(config, path=Path(config.path.name), paths=replace(config.paths, **folders)))


def entry_digests(entries_dir: Path, known: KnownFiles | None = None) -> dict[str, str]:
    """Entry file name → digest of its bytes. A file that cannot be read gets none here: the loader
    reports it, with its name and what is wrong."""
    found = {}
    for name in files_under(str(entries_dir), "", ".md", False):
        path = os.path.join(entries_dir, name)
        try:
            found[name] = file_digest(path) if known is None else known.digest_of(name, path)
        except OSError:
            found[name] = "unreadable"
    return found


class KnownFiles:
    """Digests of files an earlier run read, each with what the file system said of the file then (size,
    modification and change times in nanoseconds, inode), so that an unchanged file is not read again:
    at 10,000 entries, stat takes a fifth of the time of reading and hashing every file.

    A file is remembered only once its times are two seconds old, so a write within the same tick of
    the clock as the reading is never mistaken for no change. The change time moves on every write and
    cannot be set back by tools that restore a modification time. The cache is JSON; anything unexpected
    in it makes every file be read."""

    SETTLED_NS = 2_000_000_000
    FORMAT = 1

    def __init__(self, cache_file: Path):
        self.cache_file = cache_file
        self.started = time.time_ns()
        self.earlier: dict = {}
        self.now: dict[str, list] = {}
        try:
            data = json.loads(cache_file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == self.FORMAT and isinstance(data.get("files"), dict):
                self.earlier = data["files"]
        except (OSError, ValueError):
            pass

    def digest_of(self, name: str, path: str) -> str:
        status = os.stat(path)
        seen = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
        remembered = self.earlier.get(name)
        if isinstance(remembered, list) and len(remembered) == 5 and remembered[:4] == seen \
                and isinstance(remembered[4], str):
            found = remembered[4]
        else:
            found = file_digest(path)
        if max(status.st_mtime_ns, status.st_ctime_ns) < self.started - self.SETTLED_NS:
            self.now[name] = [*seen, found]
        return found

    def write(self) -> None:
        """Written only when it differs from the one read."""
        if self.now != self.earlier:
            write_cache_file(self.cache_file, json.dumps({"format": self.FORMAT, "files": self.now}, ensure_ascii=False,
                                                         separators=(",", ":")).encode("utf-8"))
