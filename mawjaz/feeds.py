"""Atom feeds and the sitemap → {relative path: text}."""
from __future__ import annotations

from .config import Config
from .group import SiteModel


def render_feeds(config: Config, site: SiteModel) -> dict[str, str]:
    return {"robots.txt": f"User-agent: *\nAllow: /\nSitemap: {config.base_url}sitemap.xml\n"}
