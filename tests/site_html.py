"""Reading a built site in tests: its pages, their links, titles and meta tags (stdlib parser only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action",
                   "iframe": "src", "source": "src"}


@dataclass
class Page:
    path: str                                   # relative to the site root, e.g. entries/x/index.html
    tags: list[tuple[str, dict]] = field(default_factory=list)
    title: str = ""
    text: str = ""

    def links(self) -> list[str]:
        return [attrs[LINK_ATTRIBUTES[tag]] for tag, attrs in self.tags
                if tag in LINK_ATTRIBUTES and attrs.get(LINK_ATTRIBUTES[tag])]

    def meta(self, key: str) -> str | None:
        for tag, attrs in self.tags:
            if tag == "meta" and key in (attrs.get("property"), attrs.get("name")):
                return attrs.get("content")
        return None

    def first(self, tag_name: str) -> dict | None:
        return next((attrs for tag, attrs in self.tags if tag == tag_name), None)

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}

    def canonical(self) -> str | None:
        return next((a.get("href") for t, a in self.tags if t == "link" and a.get("rel") == "canonical"), None)


class _Collector(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page, self.in_title, self.text = page, False, []

    def handle_starttag(self, tag, attrs):
        self.page.tags.append((tag, {k: (v if v is not None else "") for k, v in attrs}))
        self.in_title = self.in_title or tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        self.text.append(data)


def read_page(root: Path, path: Path) -> Page:
    page = Page(str(path.relative_to(root)))
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    page.text = "".join(collector.text)
    return page


def read_pages(root: Path) -> dict[str, Page]:
    """Every HTML page of the site except Pagefind's own files."""
    return {str(p.relative_to(root)): read_page(root, p) for p in sorted(root.rglob("*.html"))
            if "pagefind" not in p.relative_to(root).parts}


def resolve(root: Path, base_url: str, page_path: str, link: str) -> Path | None:
    """The file an internal link points at, or None for an address outside the site."""
    parts = urlsplit(link)
    base = urlsplit(base_url)
    if parts.scheme in ("mailto", "tel"):
        return None
    if parts.scheme or parts.netloc:
        if parts.netloc != base.netloc or not parts.path.startswith(base.path):
            return None
    if not parts.path:
        return root / page_path                       # "#fragment" on the same page
    assert parts.path.startswith(base.path), f"{page_path}: link {link!r} ignores the base path {base.path}"
    relative = parts.path[len(base.path):]
    target = root / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target
