"""Every page's URL, relative to the site root ("entries/<id>/"), built from ids only.

Ids are ASCII and stable (checked when registries and entries are read), never Arabic text, so a URL
never changes with a title. Templates put config.base_path or config.base_url in front.
"""
from __future__ import annotations


def entry_path(entry_id: str) -> str:
    return f"entries/{entry_id}/"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def theme_path(theme_id: str) -> str:
    return f"themes/{theme_id}/"


def source_path(source_id: str) -> str:
    return f"sources/{source_id}/"


def year_path(year: str) -> str:
    return f"archive/{year}/"


def network_path(slug: str) -> str:
    """'network/' for the whole network, 'network/2025/' or 'network/states/' for a view of it."""
    return f"network/{slug}/" if slug else "network/"
