"""The folder a new site is made in, beside the live one, and the one atomic swap that puts it in place.

A build that fails or is killed at any moment leaves the previous site/ as it was: the new site is
complete before it replaces the old one, and the replacement is one exchange of two folders. Loads
nothing but the standard library, so the build can start linking before the stages are imported.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .manifest import CACHE_FOLDER, Manifest, forget_manifest

BUILDING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"
DISCARDED_PREFIX = "discarded-"


class Staging:
    """The folder a new site is made in, beside the live one, and swapped in only when complete.

    The previous site's outputs are hard-linked into it from the start of the run, by a forked process of
    its own: linking waits on the disk while loading the entries works the processor (a thread would wait
    for the interpreter lock after every link). Links cost no copying, and the files they share with the
    live site are never written to: an output that changed is removed from the staging folder and made as a
    new file (mawjaz.incremental.outputs opens it exclusively).
    """

    def __init__(self, out: Path, previous: Manifest | None):
        self.out, self.previous = out, previous
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        self.path = out.parent / f"{BUILDING_PREFIX}{out.name}-{os.getpid()}"
        self.path.mkdir()
        self._linker: tuple[int, int] | None = None      # (process id, read end of its pipe)
        self._linked: list[str] = []
        if previous is not None and previous.outputs:
            self._linker = self._start_linking()

    def _start_linking(self) -> tuple[int, int]:
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:                    # the linking process: links, reports what it linked, and ends
            code = 1
            try:
                os.close(reading)
                linked = _link_outputs(self.out, self.path, self.previous.outputs)
                with os.fdopen(writing, "w", encoding="utf-8") as pipe:
                    pipe.write("\n".join(linked))
                code = 0
            finally:
                os._exit(code)
        os.close(writing)
        return pid, reading

    def reuse(self, digests: dict[str, str]) -> set[str]:
        """The outputs carried over unchanged; linked outputs whose digest changed are taken out again."""
        self._join()
        kept = set()
        for path in self._linked:
            if digests.get(path) == self.previous.outputs[path][0]:
                kept.add(path)
            else:
                _remove(self.path / path)
        return kept

    def swap_in(self) -> None:
        forget_manifest(self.out)   # written again once the new site is in place
        swap_into_place(self.path, self.out)

    def discard(self) -> None:
        """After a failed or interrupted run: the live site stays as it was."""
        if self._linker is not None:
            os.kill(self._linker[0], signal.SIGKILL)
        self._join()
        discard_tree(self.path, self.out)

    def _join(self) -> None:
        if self._linker is None:
            return
        pid, reading = self._linker
        self._linker = None
        with os.fdopen(reading, encoding="utf-8") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0:
            self._linked = report.split("\n") if report else []
        else:                           # it failed part way: start from an empty folder, as a full build
            shutil.rmtree(self.path, ignore_errors=True)
            self.path.mkdir(exist_ok=True)


def _link_outputs(out: Path, staging: Path, outputs: dict[str, tuple[str, int]]) -> list[str]:
    """Link each recorded output of the site in `out` into `staging`; returns those linked."""
    linked, made_folders = [], {staging}
    for path, (_, size) in outputs.items():
        try:
            if path.endswith("/"):
                _link_tree(out / path, staging / path, made_folders)
            elif os.stat(out / path).st_size == size:
                _link_file(out / path, staging / path, made_folders)
            else:
                continue                # changed by hand since: made again
        except FileNotFoundError:       # removed by hand since: made again
            _remove(staging / path)
            continue
        linked.append(path)
    return linked


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _link_file(source: Path, target: Path, made_folders: set[Path]) -> None:
    if target.parent not in made_folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        made_folders.add(target.parent)
    try:
        os.link(source, target)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        shutil.copy2(source, target)    # a file system without hard links: copy instead


def _link_tree(source: Path, target: Path, made_folders: set[Path]) -> None:
    if not source.is_dir():
        raise FileNotFoundError(source)
    for folder, _, names in os.walk(source):
        relative = Path(folder).relative_to(source)
        for name in names:
            _link_file(Path(folder) / name, target / relative / name, made_folders)


def remove_leftovers(out: Path) -> None:
    """Folders left by a build that was killed: never the live site, only our own prefixes."""
    for prefix in (BUILDING_PREFIX, RETIRED_PREFIX):
        for leftover in out.parent.glob(f"{prefix}{out.name}-*"):
            discard_tree(leftover, out)
    for leftover in (out.parent / CACHE_FOLDER).glob(f"{DISCARDED_PREFIX}*"):
        delete_in_background(leftover)      # a deletion that a reboot or a kill cut short


def swap_into_place(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        retired = staging          # after the exchange, the old site sits at the staging path
    else:                          # no atomic exchange on this system: two renames, a brief gap
        retired = out.parent / f"{RETIRED_PREFIX}{out.name}-{os.getpid()}"
        os.rename(out, retired)
        os.rename(staging, out)
    discard_tree(retired, out)


def discard_tree(tree: Path, out: Path) -> None:
    """Remove a folder without waiting for the disk: it is renamed into the cache folder at once (so no
    build mistakes it for a site), and deleted there by a process of its own that outlives the build."""
    trash = out.parent / CACHE_FOLDER / f"{DISCARDED_PREFIX}{os.getpid()}-{time.monotonic_ns()}"
    try:
        trash.parent.mkdir(exist_ok=True)
        os.rename(tree, trash)
    except OSError:
        shutil.rmtree(tree, ignore_errors=True)
        return
    delete_in_background(trash)


def delete_in_background(folder: Path) -> None:
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically with Linux renameat2(RENAME_EXCHANGE); False where unavailable."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0
