"""Entries → SiteModel: what is published, in which order, under which URL. No I/O."""
from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .model import Entry, Registries


@dataclass(frozen=True)
class SiteModel:
    config: Config
    registries: Registries
    entries: tuple[Entry, ...]       # published (and drafts with --drafts), newest first


def group_site(config: Config, registries: Registries, entries: list[Entry], drafts: bool = False) -> SiteModel:
    shown = [e for e in entries if e.status == "published" or (drafts and e.status == "draft")]
    shown.sort(key=lambda e: (e.date or "", e.id), reverse=True)
    return SiteModel(config, registries, tuple(shown))
