"""Atom feeds, the sitemap, robots.txt and the JSON and CSV data files → {relative path: text}.

Every date comes from the entries, never from the build clock, so two builds of the same content give
the same bytes.
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import partial

from ..config import Config
from ..markup import render_markdown, shared_markdown
from ..model import Entry, SiteModel
from ..urls import actor_path, entry_path, theme_path
from ..wording import padded_date
from .json_text import indented_json
from .render import canonical_path, page_list

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"   # a feed with no dated entry: a fixed, honest "never"


def render_feeds(config: Config, site: SiteModel) -> dict[str, str]:
    return {path: make() for path, make in feed_makers(config, site).items()}


def feed_makers(config: Config, site: SiteModel) -> dict[str, Callable[[], str]]:
    """Path → a function that writes that file, so that a rebuild makes only the files that changed."""
    markdown = shared_markdown()
    makers = {"feed.xml": partial(atom_feed, config, site, "", config.title, site.entries, markdown)}
    for actor_id, found in site.by_actor.items():
        title = f"{site.registries.actor_by_id[actor_id].name} — {config.title}"
        makers[actor_path(actor_id) + "feed.xml"] = partial(atom_feed, config, site, actor_path(actor_id), title,
                                                            found, markdown)
    for theme_id, found in site.by_theme.items():
        title = f"{site.registries.theme_by_id[theme_id].name} — {config.title}"
        makers[theme_path(theme_id) + "feed.xml"] = partial(atom_feed, config, site, theme_path(theme_id), title,
                                                            found, markdown)
    makers["sitemap.xml"] = partial(sitemap, config, site)
    makers["robots.txt"] = lambda: f"User-agent: *\nAllow: /\nSitemap: {config.base_url}sitemap.xml\n"
    for name, make in data_file_makers(config, site).items():
        makers[name] = make
    return makers


def atom_time(date: str | None) -> str:
    return f"{padded_date(date)}T00:00:00Z" if date else EMPTY_FEED_UPDATED


def atom_feed(config: Config, site: SiteModel, page: str, title: str, entries, markdown) -> str:
    """An RFC 4287 feed of the newest `config.feed_entries` dated entries."""
    shown = [e for e in entries if e.date][:config.feed_entries]
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": config.locale})
    add(feed, "id", config.base_url + page + "feed.xml")
    add(feed, "title", title)
    add(feed, "subtitle", config.description)
    add(feed, "updated", max((atom_time(e.date) for e in shown), default=EMPTY_FEED_UPDATED))
    add(feed, "link", rel="self", type="application/atom+xml", href=config.base_url + page + "feed.xml")
    add(feed, "link", rel="alternate", type="text/html", href=config.base_url + page)
    add(add(feed, "author"), "name", config.title)
    for entry in shown:
        feed.append(atom_entry(config, site, entry, markdown))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def atom_entry(config: Config, site: SiteModel, entry: Entry, markdown) -> ET.Element:
    element = ET.Element("entry")
    url = config.base_url + entry_path(entry.id)
    add(element, "id", url)
    add(element, "title", entry.title)
    add(element, "updated", atom_time(entry.date))
    add(element, "published", atom_time(entry.date))
    add(element, "link", rel="alternate", type="text/html", href=url)
    source = site.registries.source_by_id.get(entry.source) if entry.source else None
    if source:
        add(add(element, "author"), "name", source.name)
    for theme in site.themes_of(entry):
        add(element, "category", term=theme.id, label=theme.name)
    if entry.summary:
        add(element, "summary", entry.summary)
    add(element, "content", str(render_markdown(markdown, entry.body)), type="html")
    return element


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    child = ET.SubElement(parent, tag, attributes)
    if text is not None:
        child.text = text
    return child


def sitemap(config: Config, site: SiteModel) -> str:
    """Every page a search engine should know, entries with their date as lastmod; not the 404 page."""
    urlset = ET.Element("urlset", {"xmlns": SITEMAP})
    for output, _, context in page_list(site):
        if output == "404.html":
            continue
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = config.base_url + canonical_path(output)
        entry = context.get("entry")
        if entry is not None and entry.date:
            ET.SubElement(url, "lastmod").text = padded_date(entry.date)
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def data_file_makers(config: Config, site: SiteModel) -> dict[str, Callable[[], str]]:
    """data/entries.json, actors.json, themes.json and entries.csv: the shown record, for researchers."""
    def entries():
        return [{"id": e.id, "url": config.base_url + entry_path(e.id), "title": e.title, "date": e.date,
                 "source": e.source, "place": e.place, "actors": list(e.actors), "themes": list(e.themes),
                 "summary": e.summary, "body": e.body,
                 "statements": [s.as_front_matter() for s in site.statements[e.id]]} for e in site.entries]

    def actors():
        return [{"id": a.id, "url": config.base_url + actor_path(a.id), "name": a.name, "name_en": a.name_en,
                 "kind": a.kind, "role": a.role, "affiliation": a.affiliation, "entries": len(site.by_actor[a.id])}
                for a in site.registries.actors if a.id in site.by_actor]

    def themes():
        return [{"id": t.id, "url": config.base_url + theme_path(t.id), "name": t.name, "name_en": t.name_en,
                 "entries": len(site.by_theme[t.id])} for t in site.registries.themes if t.id in site.by_theme]

    makers = {f"data/{name}.json": partial(json_text, value) for name, value in
              (("entries", entries), ("actors", actors), ("themes", themes))}
    makers["data/entries.csv"] = partial(entries_csv, config, site)
    return makers


# Inside JSON text these three only occur in strings, where their escapes mean the same characters:
# escaped, the file can be put in an HTML page (a <script> element) as it is. (str.replace, not
# str.translate: translating every character of the 10,000 entries' file took 1.3 s.)
HTML_SAFE_JSON = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def json_text(make_value: Callable[[], object]) -> str:
    text = indented_json(make_value())
    for character, escape in HTML_SAFE_JSON:
        text = text.replace(character, escape)
    return text + "\n"


CSV_COLUMNS = ("id", "date", "date_start", "title", "source", "place", "actors", "themes", "url")


def entries_csv(config: Config, site: SiteModel) -> str:
    """data/entries.csv: one row per shown entry, for spreadsheets. UTF-8 with a byte order mark, which
    spreadsheet programs need to read the Arabic as UTF-8; several actors or themes are joined by ';'."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in site.entries:
        writer.writerow((e.id, e.date or "", date_start(e.date), e.title, e.source or "", e.place or "",
                         ";".join(e.actors), ";".join(e.themes), config.base_url + entry_path(e.id)))
    return "\ufeff" + text.getvalue()


def date_start(date: str | None) -> str:
    """The earliest day an entry's date admits, as YYYY-MM-DD (2021-12 → 2021-12-01); empty when undated."""
    return padded_date(date)
