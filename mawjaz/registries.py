"""Load and validate the registries in content/: actors.yaml, themes.yaml, sources.yaml.

Kept apart from gazetteer.py (which turns registries into a matcher) so that loading, with its
file-and-line messages, is one job and matching another.
"""
from __future__ import annotations

import re
from pathlib import Path

from .arabic import normalise_for_matching
from .errors import Problems
from .model import ACTOR_KINDS, Actor, Registries, Source, Theme
from .schema import FLAG, TEXT, TEXT_LIST, Field, check_mapping, suggest
from .yamlio import LineDict, LineList, YamlError, parse_yaml

UNUSED_SHOWN = 5
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
    "terms": Field(TEXT_LIST, default=()), "hints": Field(TEXT_LIST, default=()),
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
    _check_alias_collisions(content_dir / "actors.yaml", actors, problems)
    places = _load_names(content_dir / "places.yaml", problems)
    not_actors = _load_names(content_dir / "not_actors.yaml", problems)
    return Registries.of([a for a, _, _ in actors], [t for t, _, _ in themes], [s for s, _, _ in sources],
                         places, not_actors)


def _load_names(path: Path, problems: Problems) -> tuple[str, ...]:
    """An optional list of names, one '- name' per line (places.yaml, not_actors.yaml)."""
    if not path.is_file():
        return ()
    data = _read_yaml_list(path, problems)
    names = []
    for index, item in enumerate(data):
        if not isinstance(item, str) or not item.strip():
            problems.error(path, data.line_of(index), "each item should be a name (text)",
                           "write one '- name' per line")
            continue
        names.append(item.strip())
    return tuple(names)


def _load_list(path: Path, fields: dict, make, problems: Problems) -> list[tuple]:
    """Read a registry file: a YAML list of mappings. Returns (item, line, raw) for the valid items only,
    so later stages (the matcher) never see an item with a missing or mistyped field."""
    data = _read_yaml_list(path, problems)
    items, seen = [], {}
    for index, raw in enumerate(data):
        line = data.line_of(index)
        before = len(problems.errors())
        values = check_mapping(raw, fields, path, problems, line=line)
        item_id = values.get("id")
        if not item_id:
            continue
        if not REGISTRY_ID.match(item_id):
            problems.error(path, line, f"id '{item_id}' may use only a-z, 0-9 and single hyphens",
                           "ids become URLs: write e.g. 'khalifa-haftar'")
            continue
        if item_id in seen:
            problems.error(path, line, f"id '{item_id}' is used twice (first on line {seen[item_id]})",
                           "give each entry of the registry its own id")
            continue
        seen[item_id] = line
        if len(problems.errors()) == before:
            items.append((make(**values), line, raw))
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


def _check_affiliations(path: Path, actors: list[tuple], problems: Problems) -> None:
    known = {actor.id for actor, _, _ in actors}
    for actor, _, raw in actors:
        if actor.affiliation and actor.affiliation not in known:
            problems.error(path, raw.line_of("affiliation"), f"actor '{actor.id}' names affiliation '{actor.affiliation}', "
                           "which is not an actor id", suggest(actor.affiliation, known))


NAME_FIELDS = ("name", "aliases", "short_names", "adjectives")


def _check_alias_collisions(path: Path, actors: list[tuple], problems: Problems) -> None:
    """A name that two actors claim (after normalisation) would tag a story with the wrong one."""
    owner: dict[str, tuple[str, int]] = {}
    for actor, line, raw in actors:
        for name, name_line in _names_with_lines(actor, line, raw):
            key = normalise_for_matching(name)
            first = owner.setdefault(key, (actor.id, name_line))
            if first[0] != actor.id:
                problems.error(path, name_line, f"'{name}' is claimed by two actors: '{first[0]}' (line "
                               f"{first[1]}) and '{actor.id}'",
                               "keep the name on one actor only (spellings are compared after normalisation)")


def _names_with_lines(actor: Actor, line: int, raw) -> list[tuple[str, int]]:
    found = []
    for field_name in NAME_FIELDS:
        value = raw.get(field_name) if isinstance(raw, dict) else None
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for index, name in enumerate(values):
            if isinstance(name, str) and name.strip():
                name_line = value.line_of(index) if isinstance(value, LineList) else (
                    raw.line_of(field_name) if isinstance(raw, LineDict) else line)
                found.append((name, name_line))
    return found


def check_unused_registry_entries(content_dir: Path, registries: Registries, entries, problems: Problems) -> None:
    """A note per registry about the items no entry names yet.

    The registries are also the gazetteer: most actors wait for a story that names them, so an unused
    item is information (a stale or misspelt item shows up in the list), not a failure, even with --strict.
    """
    used = {"actors": {a for e in entries for a in e.actors} | {a.affiliation for a in registries.actors},
            "themes": {t for e in entries for t in e.themes},
            "sources": {e.source for e in entries}}
    for registry, items in (("actors", registries.actors), ("themes", registries.themes),
                            ("sources", registries.sources)):
        unused = [item.id for item in items if item.id not in used[registry]]
        if not unused:
            continue
        path = content_dir / f"{registry}.yaml"
        shown = ", ".join(unused[:UNUSED_SHOWN]) + (f" and {len(unused) - UNUSED_SHOWN} more"
                                                    if len(unused) > UNUSED_SHOWN else "")
        problems.note(path, _id_lines(path).get(unused[0]),
                      f"{len(unused)} of {len(items)} {registry} are named by no entry: {shown}",
                      "fine for names waiting for a story; remove an item only if it is wrong")


def _id_lines(path: Path) -> dict[str, int]:
    """The line of each id in a registry file (read again: Registries keeps values, not positions)."""
    data = _read_yaml_list(path, Problems())
    return {raw["id"]: raw.line_of("id") for raw in data if isinstance(raw, LineDict) and "id" in raw}
