"""Load and validate the registries in content/: actors.yaml, themes.yaml, sources.yaml.

Kept apart from gazetteer.py (which turns registries into a matcher) so that loading, with its
file-and-line messages, is one job and matching another.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import Problems
from .model import ACTOR_KINDS, Actor, Registries, Source, Theme
from .schema import FLAG, TEXT, TEXT_LIST, Field, check_mapping, suggest
from .yamlio import LineDict, LineList, YamlError, parse_yaml

REGISTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ACTOR_FIELDS = {
    "id": Field(TEXT, required=True), "name": Field(TEXT, required=True), "name_en": Field(TEXT, required=True),
    "kind": Field(TEXT, required=True, choices=ACTOR_KINDS), "aliases": Field(TEXT_LIST, default=()),
    "short_names": Field(TEXT_LIST, default=()), "adjectives": Field(TEXT_LIST, default=()),
    "unambiguous": Field(FLAG, default=False), "role": Field(TEXT, nullable=True),
    "affiliation": Field(TEXT, nullable=True),
}
THEME_FIELDS = {
    "id": Field(TEXT, required=True), "name": Field(TEXT, required=True), "name_en": Field(TEXT, required=True),
    "terms": Field(TEXT_LIST, default=()),
}
SOURCE_FIELDS = {
    "id": Field(TEXT, required=True), "name": Field(TEXT, required=True), "name_en": Field(TEXT, required=True),
    "url": Field(TEXT, nullable=True), "signatures": Field(TEXT_LIST, default=()),
}


def load_registries(content_dir: Path, problems: Problems) -> Registries:
    actors = _load_list(content_dir / "actors.yaml", ACTOR_FIELDS, Actor, problems)
    themes = _load_list(content_dir / "themes.yaml", THEME_FIELDS, Theme, problems)
    sources = _load_list(content_dir / "sources.yaml", SOURCE_FIELDS, Source, problems)
    _check_affiliations(content_dir / "actors.yaml", actors, problems)
    _check_shared_aliases(content_dir / "actors.yaml", actors, problems)
    return Registries.of([a for a, _ in actors], [t for t, _ in themes], [s for s, _ in sources])


def _load_list(path: Path, fields: dict, make, problems: Problems) -> list[tuple]:
    """Read a registry file: a YAML list of mappings. Returns (item, raw mapping) pairs of the valid items."""
    data = _read_yaml_list(path, problems)
    items, seen = [], {}
    for index, raw in enumerate(data):
        line = data.line_of(index)
        values = check_mapping(raw, fields, path, problems, line=line)
        item_id = values.get("id")
        if not item_id:
            continue
        line = raw.line_of("id")
        if not REGISTRY_ID.match(item_id):
            problems.error(path, line, f"id '{item_id}' may use only a-z, 0-9 and single hyphens",
                           "ids become URLs: write e.g. 'khalifa-haftar'")
            continue
        if item_id in seen:
            problems.error(path, line, f"id '{item_id}' is used twice (first on line {seen[item_id]})",
                           "give each entry of the registry its own id")
            continue
        seen[item_id] = line
        items.append((make(**values), raw))
    return items


def _read_yaml_list(path: Path, problems: Problems) -> LineList:
    if not path.is_file():
        problems.error(path, None, "registry file not found", f"create {path.name} (see README.md)")
        return LineList()
    try:
        data = parse_yaml(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        problems.error(path, None, "registry file is not UTF-8 text", "save it as UTF-8")
        return LineList()
    except YamlError as error:
        problems.error(path, error.line, error.message, error.hint)
        return LineList()
    if data is None:
        return LineList()
    if not isinstance(data, list):
        problems.error(path, getattr(data, "line", 1), "a registry is a list of items, each starting with '- id:'",
                       "see the examples at the top of the file")
        return LineList()
    return data


def _check_affiliations(path: Path, actors: list[tuple[Actor, LineDict]], problems: Problems) -> None:
    known = {actor.id for actor, _ in actors}
    for actor, raw in actors:
        if actor.affiliation and actor.affiliation not in known:
            problems.error(path, raw.line_of("affiliation"), f"actor '{actor.id}' names affiliation '{actor.affiliation}', "
                           "which is not an actor id", suggest(actor.affiliation, known))


def _check_shared_aliases(path: Path, actors: list[tuple[Actor, LineDict]], problems: Problems) -> None:
    """A name or alias that two actors share cannot tell them apart: the matcher would guess."""
    owner: dict[str, Actor] = {}
    for actor, raw in actors:
        for alias, line in _names_with_lines(actor, raw):
            first = owner.setdefault(" ".join(alias.split()).casefold(), actor)
            if first.id != actor.id:
                problems.error(path, line, f"actor '{actor.id}' has the name or alias '{alias}', "
                               f"which actor '{first.id}' has too",
                               "keep it on one actor; a shared short name belongs in 'short_names'")


def _names_with_lines(actor: Actor, raw: LineDict) -> list[tuple[str, int]]:
    aliases = raw.get("aliases") if isinstance(raw.get("aliases"), LineList) else LineList()
    names = [(actor.name, raw.line_of("name"))] + [(alias, aliases.line_of(i)) for i, alias in enumerate(actor.aliases)]
    return [(name, line) for name, line in names if name]


def check_unused_registry_entries(content_dir: Path, registries: Registries, entries, problems: Problems) -> None:
    """Warn about actors, themes and sources no entry names: a misspelt id, or a page nobody reaches."""
    used = {"actors": {a for e in entries for a in e.actors} | {a.affiliation for a in registries.actors},
            "themes": {t for e in entries for t in e.themes},
            "sources": {e.source for e in entries}}
    for registry, items in (("actors", registries.actors), ("themes", registries.themes),
                            ("sources", registries.sources)):
        path = content_dir / f"{registry}.yaml"
        lines = _id_lines(path)
        for item in items:
            if item.id not in used[registry]:
                problems.warning(path, lines.get(item.id), f"{registry[:-1]} '{item.id}' is named by no entry",
                                 "check the ids in the entries, or remove it if it is not needed")


def _id_lines(path: Path) -> dict[str, int]:
    """The line of each id in a registry file (read again: Registries keeps values, not positions)."""
    data = _read_yaml_list(path, Problems())
    return {raw["id"]: raw.line_of("id") for raw in data if isinstance(raw, LineDict) and "id" in raw}
