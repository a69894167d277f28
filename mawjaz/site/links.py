"""Internal links of a built site: every href and src that points inside the site must lead to a file.

Run over the staging folder before it is swapped in, so a broken link is found before it is published.
"""
from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Our templates always quote attributes with double quotes (Jinja2 autoescape keeps them closed).
LINK = re.compile(r'\b(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>')
CHECKED_SUFFIXES = (".html", ".xml")
# The same links, found in the page's bytes one kind at a time: each pattern starts with fixed text,
# which the regex engine finds many times faster than LINK's alternatives (see _links_at_a_glance).
SPACED_HREF, SPACED_SRC = re.compile(rb' href="([^"]*)"'), re.compile(rb' src="([^"]*)"')
LOC = re.compile(rb"<loc>([^<]*)</loc>")


@dataclass(frozen=True)
class BrokenLink:
    page: str       # the page's path inside the site, e.g. entries/x/index.html
    line: int       # the line of the link in that page
    url: str        # the link as written
    reason: str


def find_broken_links(site_dir: Path, base_url: str, base_path: str, pages: Iterable[str] | None = None,
                      files: set[str] | None = None) -> list[BrokenLink]:
    """Every link of the checked pages that leads to no file of the site, page by page, in page order.

    `pages` (site-relative paths) limits the pages read, e.g. to those a rebuild rewrote; the links
    are still checked against the whole site. `files`, the site-relative paths of all the site's
    files, saves walking the folder when the caller knows them.
    """
    files = site_files(site_dir) if files is None else files
    proof = LinkProof(files, base_url, base_path)
    broken = []
    for page in sorted(f for f in (files if pages is None else set(pages)) if f.endswith(CHECKED_SUFFIXES)):
        raw = (site_dir / page).read_bytes()
        if proof.all_fine(page, raw):
            continue                  # the common case: every link lands, and no line needs counting
        text = _as_read_text(raw)
        for match in LINK.finditer(text):
            url = _url_of(match)
            reason = proof.reason(page, url)
            if reason:
                broken.append(BrokenLink(page, text.count("\n", 0, match.start()) + 1, url, reason))
    return broken


class LinkProof:
    """Pages shown, as they are made, to have every link land on one of `files`: the outputs a site is sure to
    hold, so that such a page needs no reading once the site is complete. A page not shown fine is read then
    (find_broken_links), against every file the site has."""

    def __init__(self, files: set[str], base_url: str, base_path: str):
        self._verdicts = _Verdicts(files, base_url, base_path)

    def reason(self, page: str, url: str) -> str | None:
        """Why the link is broken, or None."""
        return self._verdicts.reason(page, url)

    def all_fine(self, page: str, raw: bytes) -> bool:
        links = _links_at_a_glance(raw)
        if links is not None:
            return self._verdicts.all_fine(page, links)
        return not any(self._verdicts.reason(page, _url_of(match)) for match in LINK.finditer(_as_read_text(raw)))


def _url_of(match: re.Match) -> str:
    return (match.group(1) if match.group(1) is not None else match.group(2)).replace("&amp;", "&")


def _as_read_text(raw: bytes) -> str:
    """The page as Path.read_text(errors="replace") gives it: decoded, with \\r\\n and \\r read as \\n."""
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def site_files(site_dir: Path) -> set[str]:
    """Site-relative paths of the files under site_dir (as site_dir.rglob("*") finds them: symbolic
    links to folders are not followed)."""
    files, folders = set(), [""]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(site_dir / folder) as found:
                for entry in found:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(f"{folder}{entry.name}/")
                    elif entry.is_file():
                        files.add(folder + entry.name)
        except PermissionError:
            continue
    return files


def _links_at_a_glance(raw: bytes) -> set[bytes] | None:
    """The page's links as LINK finds them (as bytes, before decoding), with three fast searches; None
    when that cannot be certain, and the page is read with LINK instead.

    Certain when every href=" and src=" follows a space (LINK's \\b holds) and is closed, no link
    starts inside another (then LINK's single scan meets exactly the links the searches found), and
    the page has no carriage return (which reading it as text would turn into a line end)."""
    quoted = SPACED_HREF.findall(raw) + SPACED_SRC.findall(raw)
    if b"\r" in raw or len(quoted) != raw.count(b'href="') + raw.count(b'src="'):
        return None
    located = LOC.findall(raw)
    # A quoted link holds no '"', a <loc> none of '<': joined by those, no start of a link can run across two.
    joined_quoted, joined_located = b'"'.join(quoted), b"<".join(located)
    if b"<loc>" in joined_quoted or b'href="' in joined_located or b'src="' in joined_located:
        return None
    return {*quoted, *located}


def _link_text(written: bytes) -> str:
    return written.decode("utf-8", errors="replace").replace("&amp;", "&")


class _Verdicts:
    """check_link for one site, each answer remembered: most links (menus, actors, themes) do not
    depend on the page they are on, and are worked out once for the whole site."""

    def __init__(self, files: set[str], base_url: str, base_path: str):
        self.files, self.base_url, self.base_path = files, base_url, base_path
        self.by_url: dict[str, tuple[str, str | None]] = {}       # ("done", verdict) or ("relative", path)
        self.by_folder: dict[tuple[str, str], str | None] = {}
        self.fine_anywhere: set[bytes] = set()                    # links, as written, that land from any page

    def reason(self, page: str, url: str) -> str | None:
        read = self.by_url.get(url)
        if read is None:
            read = _read_link(url, self.base_url, self.base_path)
            if read[0] == "site":
                read = ("done", _site_path_verdict(read[1], self.files))
            self.by_url[url] = read
        kind, value = read
        if kind == "done":
            return value
        key = (posixpath.dirname(page), url)
        if key not in self.by_folder:
            self.by_folder[key] = _site_path_verdict(posixpath.join(key[0], value), self.files)
        return self.by_folder[key]

    def all_fine(self, page: str, links: set[bytes]) -> bool:
        for written in links - self.fine_anywhere:
            url = _link_text(written)
            if self.reason(page, url):
                return False
            if self.by_url[url][0] == "done":
                self.fine_anywhere.add(written)
        return True


def check_link(page: str, url: str, files: set[str], base_url: str, base_path: str) -> str | None:
    """None when the link is fine or leaves the site; otherwise why it is broken."""
    kind, value = _read_link(url, base_url, base_path)
    if kind == "done":
        return value
    return _site_path_verdict(posixpath.join(posixpath.dirname(page), value) if kind == "relative" else value, files)


def _read_link(url: str, base_url: str, base_path: str) -> tuple[str, str | None]:
    """("done", None or why it is broken), ("site", path from the site root) or ("relative", path from
    the page's folder)."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https") or (not parts.path and not parts.netloc):
        return "done", None                  # mailto:, data:, "#top", "?q=": nothing to resolve
    if parts.scheme or parts.netloc:
        if not url.startswith(base_url):
            return "done", None              # another site
        return "site", url[len(base_url):]
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return "done", f"it does not start with the site's base path {base_path}"
        return "site", parts.path[len(base_path):]
    return "relative", parts.path


def _site_path_verdict(site_path: str, files: set[str]) -> str | None:
    return None if _target_exists(urlsplit(site_path).path, files) else "no file in the site answers it"


def _target_exists(site_path: str, files: set[str]) -> bool:
    path = posixpath.normpath(unquote(site_path)) if site_path else "."
    if path.startswith(".."):
        return False
    path = "" if path == "." else path
    return path in files or posixpath.join(path, "index.html") in files
