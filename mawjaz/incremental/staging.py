"""The folder a new site is made in, beside the live one, and the one atomic swap that puts it in place.

A build that fails or is killed at any moment leaves the previous site/ as it was: the new site is
complete before it replaces the old one, and the replacement is one exchange of two folders. Loads
nothing but the standard library, so the build can start linking before the stages are imported.

The site a build replaces is kept as the next build's starting point (the spare, in the cache folder,
with the manifest that describes it): that build only replaces the outputs that differ from it, where
linking every file of the live site into a new folder cost 10,000 folders and 21,000 links at 10,000
entries (1.2 s of the kernel's time on a quiet disk, seconds more while the disk was still freeing the
site deleted by the build before).
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

from .manifest import CACHE_FOLDER, Manifest, cache_path, forget_manifest, read_manifest_file, write_manifest_file

BUILDING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"
DISCARDED_PREFIX = "discarded-"
WORK_FOLDER_PREFIX = ".mawjaz-"   # the build's own folders inside the staging folder (search.index.WORK_PREFIX)
SPARE = "spare"                 # .mawjaz-cache/<site>.spare/, described by .mawjaz-cache/<site>.spare.json


class Staging:
    """The folder a new site is made in, beside the live one, and swapped in only when complete.

    It starts as the spare when there is one (the site the last build replaced), tidied of what its manifest
    does not list; otherwise the previous site's outputs are hard-linked into it. Either is done from the
    start of the run by a forked process of its own: it waits on the disk while loading the entries works
    the processor (a thread would wait for the interpreter lock after every link). Files shared with the
    live site are never written to: an output that changed is removed from the staging folder and made as
    a new file (mawjaz.incremental.outputs opens it exclusively).
    """

    def __init__(self, out: Path, previous: Manifest | None, everything: str):
        self.out, self.previous = out, previous
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        self.path = out.parent / f"{BUILDING_PREFIX}{out.name}-{os.getpid()}"
        self._preparer: tuple[int, int] | None = None    # (process id, read end of its pipe)
        self._in_place: list[str] = []                    # outputs of `base` in the folder, as recorded
        self.base = take_spare(out, self.path, everything) if previous is not None else None
        if self.base is not None:       # the spare: what its manifest lists is in place, once tidied
            self._preparer = self._start(_tidy_outputs, self.path, self.base.outputs)
            return
        discard_spare(out)
        self.path.mkdir()
        self.base = previous            # what the staging folder starts from, once linked
        if previous is not None and previous.outputs:
            self._preparer = self._start(_link_outputs, self.out, self.path, previous.outputs)

    @staticmethod
    def _start(prepare, *arguments) -> tuple[int, int]:
        """Fork the process that prepares the folder (links or tidies it) and reports the outputs in place."""
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:                    # the preparing process: prepares, reports, and ends
            code = 1
            try:
                os.close(reading)
                in_place = prepare(*arguments)
                with os.fdopen(writing, "w", encoding="utf-8") as pipe:
                    pipe.write("\n".join(in_place))
                code = 0
            finally:
                os._exit(code)
        os.close(writing)
        return pid, reading

    def reuse(self, digests: dict[str, str]) -> set[str]:
        """The outputs carried over unchanged (as `base` records them); those in place whose digest changed,
        or that the new site has no more, are taken out again."""
        self._join()
        kept = set()
        for path in self._in_place:
            if digests.get(path) == self.base.outputs[path][0]:
                kept.add(path)
            else:
                _remove(self.path / path)
        return kept

    def swap_in(self) -> None:
        """The new site in place; the one it replaces becomes the spare (described by `previous`)."""
        forget_manifest(self.out)   # written again once the new site is in place
        retired = swap_into_place(self.path, self.out)
        if retired is not None:
            keep_as_spare(retired, self.out, self.previous)

    def discard(self) -> None:
        """After a failed or interrupted run: the live site stays as it was."""
        if self._preparer is not None:
            os.kill(self._preparer[0], signal.SIGKILL)
        self._join()
        discard_tree(self.path, self.out)

    def _join(self) -> None:
        if self._preparer is None:
            return
        pid, reading = self._preparer
        self._preparer = None
        with os.fdopen(reading, encoding="utf-8") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0:
            self._in_place = report.split("\n") if report else []
        else:                           # it failed part way: start from an empty folder, as a full build
            shutil.rmtree(self.path, ignore_errors=True)
            self.path.mkdir(exist_ok=True)
            self._in_place = []


def _link_outputs(out: Path, staging: Path, outputs: dict[str, tuple[str, int]]) -> list[str]:
    """Link each recorded output of the site in `out` into `staging`; returns those linked."""
    linked, made_folders = [], {staging}
    for path, (_, size) in outputs.items():
        try:
            if path.endswith("/"):
                _link_tree(out / path, staging / path, made_folders)
            elif _intact(out / path, size):
                _link_file(out / path, staging / path, made_folders)
            else:
                continue                # changed or removed by hand since: made again
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


def swap_into_place(staging: Path, out: Path) -> Path | None:
    """The staging folder becomes `out`; returns where the site it replaced now is (None if there was none)."""
    if not out.exists():
        os.rename(staging, out)
        return None
    if _exchange(staging, out):
        return staging             # after the exchange, the old site sits at the staging path
    retired = out.parent / f"{RETIRED_PREFIX}{out.name}-{os.getpid()}"   # no atomic exchange: a brief gap
    os.rename(out, retired)
    os.rename(staging, out)
    return retired


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


# ---------------------------------------------------------------- the spare: the site the last build replaced


def spare_folder(out: Path) -> Path:
    return cache_path(out, SPARE)


def spare_manifest(out: Path) -> Path:
    return cache_path(out, f"{SPARE}.json")


def keep_as_spare(retired: Path, out: Path, described_by: Manifest | None) -> None:
    """The replaced site, kept for the next build with the manifest of the build that made it; discarded
    when there is none (then nothing says what it holds)."""
    discard_spare(out)
    if described_by is None:
        discard_tree(retired, out)
        return
    try:
        os.rename(retired, spare_folder(out))
        write_manifest_file(spare_manifest(out), described_by)
    except OSError:
        spare_manifest(out).unlink(missing_ok=True)
        discard_tree(spare_folder(out) if spare_folder(out).exists() else retired, out)


def take_spare(out: Path, staging: Path, everything: str) -> Manifest | None:
    """The spare moved to `staging`, and its manifest; None (and no folder) when there is no usable spare:
    none, or one made from other code, templates, config or registries (`everything`), where every
    output differs and linking the live site's does better. Its manifest is removed first: a build killed
    from here on leaves a leftover folder, never a spare that its manifest no longer describes."""
    described = read_manifest_file(spare_manifest(out))
    spare_manifest(out).unlink(missing_ok=True)
    if described is None or not described.everything or described.everything != everything \
            or not spare_folder(out).is_dir():
        return None
    try:
        os.rename(spare_folder(out), staging)
    except OSError:
        return None
    return described


def discard_spare(out: Path) -> None:
    spare_manifest(out).unlink(missing_ok=True)
    if spare_folder(out).exists():
        discard_tree(spare_folder(out), out)


def _tidy_outputs(folder: Path, outputs: dict[str, tuple[str, int]]) -> list[str]:
    """The spare's outputs that are still as its manifest records them; the others, and anything it does
    not list, are removed."""
    _remove_unlisted(folder, outputs)
    in_place = []
    for path, (_, size) in outputs.items():
        if _intact(folder / path, size):
            in_place.append(path)
        else:
            _remove(folder / path)
    return in_place


def _intact(path: Path, size: int) -> bool:
    """The output is still as recorded: a folder is there, a file has its size (not changed by hand)."""
    try:
        return path.is_dir() if size < 0 else os.stat(path).st_size == size
    except OSError:
        return False


def _remove_unlisted(folder: Path, outputs: dict[str, tuple[str, int]]) -> None:
    """Files the manifest does not list (put into the live site by hand), and the folders left empty. The
    build's own work folders at the top (".mawjaz-…", a search bundle being made) are left alone."""
    listed_folders = {path for path in outputs if path.endswith("/")}
    _clear_unlisted(str(folder), "", outputs, listed_folders)


def _clear_unlisted(root: str, prefix: str, outputs: dict, listed_folders: set[str]) -> bool:
    """Remove what is unlisted under root/prefix; True when the folder is left empty."""
    empty = True
    with os.scandir(os.path.join(root, prefix) if prefix else root) as found:
        items = list(found)
    for item in items:
        relative = prefix + item.name
        if item.is_dir(follow_symlinks=False):
            if relative + "/" in listed_folders or (not prefix and item.name.startswith(WORK_FOLDER_PREFIX)):
                empty = False
            elif _clear_unlisted(root, relative + "/", outputs, listed_folders):
                os.rmdir(item.path)
            else:
                empty = False
        elif relative in outputs:
            empty = False
        else:
            os.unlink(item.path)
    return empty
