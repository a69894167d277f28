"""Make the outputs that changed in the staging folder, beside the unchanged ones, check the links, swap in.

The staging folder and the swap are mawjaz.incremental.staging: nothing here writes to the live site.
"""
from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import Problems
from ..progress import Reporter
from ..site import CHECKED_SUFFIXES, BrokenLink, find_broken_links, site_files
from .manifest import Manifest
from .outputs import Made, Plan, make_outputs
from .search_ahead import SearchAhead
from .staging import Staging


@dataclass(frozen=True)
class PublishReport:
    pages_written: int                     # outputs made by this build
    pages_kept: int                        # outputs carried over unchanged from the previous site
    index_bytes: int
    sizes: dict[str, int]                  # every output → its size (-1 for a folder), for the manifest
    broken_links: dict[str, list]          # page → [[line, url, reason], …], for the manifest


def publish_site(config: Config, plan: Plan, staging: Staging, problems: Problems,
                 reporter: Reporter, strict: bool = False, ahead: SearchAhead | None = None) -> PublishReport:
    """Make the outputs that changed since the previous build (all of them without one) beside the unchanged
    ones in `staging`, check the links, and swap the new site in. `ahead` is indexing some shards already."""
    base = staging.base                    # what the staging folder started from: the outputs kept come from it
    with reporter.stage("Reuse unchanged"):
        kept = staging.reuse(plan.digests)
    wanted = sorted(path for path in plan.digests if path not in kept)
    with reporter.stage("Render and index"):
        made = make_outputs(plan, wanted, staging.path, reporter, ahead)
    for problem in made.problems:
        problems.add(problem)
    problems.stop_if_errors(strict)
    with reporter.stage("Check links"):
        broken = find_site_broken_links(config, staging.path, made, kept, base, plan.digests.keys())
        report_broken_links(config, broken, problems)
    problems.stop_if_errors(strict)
    with reporter.stage("Swap in"):
        staging.swap_in()
    sizes = {**{path: base.outputs[path][1] for path in kept}, **made.sizes}
    return PublishReport(pages_written=len(made.sizes), pages_kept=len(kept), index_bytes=made.index_bytes,
                         sizes=sizes, broken_links=broken)


def find_site_broken_links(config: Config, staging: Path, made: Made, kept: set[str], previous: Manifest | None,
                           outputs: Set[str]) -> dict[str, list]:
    """Page → its broken links. Pages made by this build were checked as they were made; only those that
    could not be shown fine are read. A kept page keeps what the previous build found when no output has
    gone since (a link that landed still lands): only kept pages that had broken links are read again.
    Otherwise every kept page is read."""
    previous_broken = previous.broken_links if previous is not None else {}
    nothing_gone = previous is not None and previous.outputs.keys() <= outputs
    kept_pages = [page for page in kept if page.endswith(CHECKED_SUFFIXES)]
    to_read = [*made.unproven, *(page for page in kept_pages if page in previous_broken or not nothing_gone)]
    broken: dict[str, list] = {}
    if to_read:
        for link in find_broken_links(staging, config.base_url, config.base_path, pages=to_read,
                                      files=site_files(staging)):
            broken.setdefault(link.page, []).append([link.line, link.url, link.reason])
    return dict(sorted(broken.items()))


def report_broken_links(config: Config, broken: dict[str, list], problems: Problems) -> None:
    """One warning per link that leads nowhere, named by a page it will have in the published site.

    The same link repeats in lists and feeds; it is named once, by the entry it comes from if any.
    """
    by_url: dict[str, list] = {}
    for page, links in broken.items():
        for line, url, reason in links:
            by_url.setdefault(url, []).append(BrokenLink(page, line, url, reason))
    for url, links in sorted(by_url.items()):
        first = min(links, key=lambda link: (not link.page.startswith("entries/"), link.page, link.line))
        others = len({link.page for link in links}) - 1
        also = f" (and on {others} other page{'s' if others > 1 else ''})" if others else ""
        entry_id = first.page.split("/")[1] if first.page.startswith("entries/") else None
        hint = (f"fix it in content/entries/{entry_id}.md, or in the template that makes it" if entry_id
                else "fix the template or page that makes it")
        problems.warning(config.paths.out / first.page, first.line,
                         f"link '{url}' leads to no page: {first.reason}{also}", hint)
