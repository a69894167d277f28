"""The site: entries and registries → SiteModel → the pages, feeds and data files of the right-to-left site.

Takes: the loaded entries and registries, the config, and the templates.
Gives: the text of each output, and the links in a built folder that lead nowhere.
Never: reads seeds, writes into content/, or writes the live site/ (publishing is mawjaz.incremental's).
"""
from .feeds import feed_makers, render_feeds
from .group import entry_statements, group_site, sort_key
from .links import CHECKED_SUFFIXES, BrokenLink, LinkProof, find_broken_links, site_files
from .memo import GroupMemo
from .network import Layouts
from .render import canonical_path, make_environment, page_list, render_page, render_site

__all__ = ["CHECKED_SUFFIXES", "BrokenLink", "GroupMemo", "Layouts", "LinkProof", "canonical_path",
           "entry_statements", "feed_makers", "find_broken_links", "group_site", "make_environment", "page_list",
           "render_feeds", "render_page", "render_site", "site_files", "sort_key"]
