"""Write the site to a temporary folder, copy static files, index for search, then swap it in.

A build that fails or is killed at any moment leaves the previous site/ as it was: the new site is
complete before it replaces the old one, and the replacement is one atomic exchange of two folders.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import Problems
from .links import find_broken_links
from .progress import Reporter
from .search_index import SearchInput, build_search_index

BUILDING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"


@dataclass(frozen=True)
class PublishReport:
    pages_written: int
    index_bytes: int


def publish_site(config: Config, pages: dict[str, str | bytes], problems: Problems,
                 reporter: Reporter, search: SearchInput | None = None, strict: bool = False) -> PublishReport:
    out = config.paths.out
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    staging = out.parent / f"{BUILDING_PREFIX}{out.name}-{os.getpid()}"
    staging.mkdir()
    try:
        write_pages(staging, pages, reporter)
        copy_static(config.paths.static, staging / "static")
        index_bytes = build_search_index(config, staging, search, problems) if search else 0
        report_broken_links(config, staging, problems)
        problems.stop_if_errors(strict)
        swap_into_place(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return PublishReport(pages_written=len(pages), index_bytes=index_bytes)


def report_broken_links(config: Config, staging: Path, problems: Problems) -> None:
    """One warning per link that leads nowhere, named by a page it will have in the published site.

    The same link repeats in lists and feeds; it is named once, by the entry it comes from if any.
    """
    by_url: dict[str, list] = {}
    for link in find_broken_links(staging, config.base_url, config.base_path):
        by_url.setdefault(link.url, []).append(link)
    for url, links in sorted(by_url.items()):
        first = min(links, key=lambda link: (not link.page.startswith("entries/"), link.page, link.line))
        others = len({link.page for link in links}) - 1
        also = f" (and on {others} other page{'s' if others > 1 else ''})" if others else ""
        entry_id = first.page.split("/")[1] if first.page.startswith("entries/") else None
        hint = (f"fix it in content/entries/{entry_id}.md, or in the template that makes it" if entry_id
                else "fix the template or page that makes it")
        problems.warning(config.paths.out / first.page, first.line,
                         f"link '{url}' leads to no page: {first.reason}{also}", hint)


def write_pages(root: Path, pages: dict[str, str | bytes], reporter: Reporter) -> None:
    resolved_root = root.resolve()
    total = len(pages)
    for done, (relative, content) in enumerate(sorted(pages.items()), start=1):
        target = root / relative
        if not target.resolve().is_relative_to(resolved_root) or relative.startswith("/"):
            raise ValueError(f"refusing to write outside the site: {relative!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        target.write_bytes(content)
        reporter.progress("pages", done, total)


def copy_static(static_dir: Path, target: Path) -> None:
    if static_dir.is_dir():
        shutil.copytree(static_dir, target, dirs_exist_ok=True)


def remove_leftovers(out: Path) -> None:
    """Folders left by a build that was killed: never the live site, only our own prefixes."""
    for prefix in (BUILDING_PREFIX, RETIRED_PREFIX):
        for leftover in out.parent.glob(f"{prefix}{out.name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


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
    shutil.rmtree(retired, ignore_errors=True)


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
