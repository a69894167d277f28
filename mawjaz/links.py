"""Internal links of a built site: every href and src that points inside the site must lead to a file.

Run over the staging folder before it is swapped in, so a broken link is found before it is published.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Our templates always quote attributes with double quotes (Jinja2 autoescape keeps them closed).
LINK = re.compile(r'\b(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>')
CHECKED_SUFFIXES = (".html", ".xml")


@dataclass(frozen=True)
class BrokenLink:
    page: str       # the page's path inside the site, e.g. entries/x/index.html
    line: int       # the line of the link in that page
    url: str        # the link as written
    reason: str


def find_broken_links(site_dir: Path, base_url: str, base_path: str, pages=None,
                      files: set[str] | None = None) -> list[BrokenLink]:
    """Links of `pages` (default: every page) checked against every file of the site (`files`, when known)."""
    if files is None:
        files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    broken = []
    for page in sorted(f for f in (files if pages is None else pages) if f.endswith(CHECKED_SUFFIXES)):
        text = (site_dir / page).read_text(encoding="utf-8", errors="replace")
        for match in LINK.finditer(text):
            url = (match.group(1) if match.group(1) is not None else match.group(2)).replace("&amp;", "&")
            reason = check_link(page, url, files, base_url, base_path)
            if reason:
                broken.append(BrokenLink(page, text.count("\n", 0, match.start()) + 1, url, reason))
    return broken


def check_link(page: str, url: str, files: set[str], base_url: str, base_path: str) -> str | None:
    """None when the link is fine or leaves the site; otherwise why it is broken."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https") or (not parts.path and not parts.netloc):
        return None                          # mailto:, data:, "#top", "?q=": nothing to resolve
    if parts.scheme or parts.netloc:
        if not url.startswith(base_url):
            return None                      # another site
        site_path = url[len(base_url):]
    elif parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return f"it does not start with the site's base path {base_path}"
        site_path = parts.path[len(base_path):]
    else:
        site_path = posixpath.join(posixpath.dirname(page), parts.path)
    return None if _target_exists(urlsplit(site_path).path, files) else "no file in the site answers it"


def _target_exists(site_path: str, files: set[str]) -> bool:
    path = posixpath.normpath(unquote(site_path)) if site_path else "."
    if path.startswith(".."):
        return False
    path = "" if path == "." else path
    return path in files or posixpath.join(path, "index.html") in files
