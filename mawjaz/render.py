"""Jinja2 (autoescape on) and markdown-it-py (raw HTML off) → {relative path: page text}."""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt

from .errors import Problems
from .group import SiteModel


def make_environment(site: SiteModel) -> Environment:
    env = Environment(loader=FileSystemLoader(site.config.paths.templates), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, keep_trailing_newline=True)
    markdown = MarkdownIt("commonmark", {"html": False})
    env.filters["markdown"] = markdown.render
    env.globals["config"] = site.config
    return env


def render_site(config, site: SiteModel, problems: Problems, reporter=None) -> dict[str, str]:
    env = make_environment(site)
    pages = {"index.html": env.get_template("index.html").render(site=site),
             "search/index.html": env.get_template("search.html").render(site=site)}
    entry_template = env.get_template("entry.html")
    for entry in site.entries:
        pages[f"entries/{entry.id}/index.html"] = entry_template.render(site=site, entry=entry)
    return pages
