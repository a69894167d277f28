"""Everything a run reads, as one digest, computed before anything is parsed.

When it equals the digest recorded with the site (mawjaz.manifest), the site is up to date and the run
does nothing. Kept apart from mawjaz.fingerprints so that such a run imports almost nothing.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

from .config import Config

FORMAT = "1"          # bump when what a digest covers changes in a way the code digest would not show
LIBRARIES = ("jinja2", "markdown-it-py", "babel", "pyyaml", "hijridate", "pagefind", "pagefind-bin")
PACKAGE_DIR = Path(__file__).resolve().parent


def digest(*parts: str) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


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
    return digest(FORMAT, folder_digest(PACKAGE_DIR, ".py", recursive=False), *versions)


def global_digest(config: Config, drafts: bool) -> str:
    """Everything any output may read, apart from the entries."""
    return digest(code_digest(), repr(config), f"drafts={drafts}", folder_digest(config.paths.templates),
                  folder_digest(config.paths.static), folder_digest(config.paths.content, ".yaml", recursive=False))


def inputs_digest(config: Config, drafts: bool, with_seeds: bool) -> str:
    """All the inputs of a run, read before anything is parsed: equal digests mean nothing to do."""
    parts = [global_digest(config, drafts), folder_digest(config.paths.content / "entries", ".md", recursive=False)]
    if with_seeds:
        parts.append(folder_digest(config.paths.seeds))
    return digest(*parts)
