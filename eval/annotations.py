"""Read eval/annotations/<key>.yaml: what a careful maintainer would have written for each story."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = ("person", "organization", "state")


class AnnotationError(Exception):
    """An annotation file that cannot be scored: the message names the file and the field."""


@dataclass(frozen=True)
class NamedActor:
    """An actor the registry lacks, annotated by its name as the page writes it."""
    name: str
    kind: str


@dataclass(frozen=True)
class StoryAnnotation:
    headline_line: int | None
    headline: str | None
    date: str | None
    date_stated: bool
    source: str | NamedActor | None      # a sources.yaml id, or a name the registry lacks
    place: str | None
    actors: tuple[str | NamedActor, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class PageAnnotation:
    key: str
    url: str
    outlet: str
    page_date: str | None
    stories: tuple[StoryAnnotation, ...]

    @property
    def year(self) -> str | None:
        return self.page_date[:4] if self.page_date else None


def read_annotations(folder: Path) -> tuple[list[PageAnnotation], list[str]]:
    """Every annotation that can be read, and a message for each that cannot (scored without it)."""
    pages, errors = [], []
    for path in sorted(folder.glob("*.yaml")):
        try:
            pages.append(read_annotation(path))
        except AnnotationError as error:
            errors.append(str(error))
    return pages, errors


def read_annotation(path: Path) -> PageAnnotation:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise AnnotationError(f"{path}: cannot read it: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("stories"), list):
        raise AnnotationError(f"{path}: expected a mapping with url, outlet and a list of stories")
    stories = tuple(_story(path, number, item) for number, item in enumerate(data["stories"], 1))
    return PageAnnotation(key=path.stem, url=str(data.get("url", "")), outlet=str(data.get("outlet", "")),
                          page_date=_text(data.get("page_date")), stories=stories)


def _story(path: Path, number: int, item) -> StoryAnnotation:
    where = f"{path}: story {number}"
    if not isinstance(item, dict):
        raise AnnotationError(f"{where}: expected a mapping")
    line = item.get("headline_line")
    if line is not None and (not isinstance(line, int) or line < 1):
        raise AnnotationError(f"{where}: headline_line must be a line number (1 or more) or null")
    return StoryAnnotation(
        headline_line=line, headline=_text(item.get("headline")), date=_text(item.get("date")),
        date_stated=bool(item.get("date_stated")), source=_actor_or_id(where, "source", item.get("source")),
        place=_text(item.get("place")), themes=tuple(str(theme) for theme in item.get("themes") or ()),
        actors=tuple(_actor_or_id(where, "actors", actor) for actor in item.get("actors") or ()))


def _actor_or_id(where: str, field: str, value) -> str | NamedActor | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        kind = value.get("kind", "organization" if field == "source" else "person")
        if kind not in KINDS:
            raise AnnotationError(f"{where}: {field}: kind '{kind}' is not one of {', '.join(KINDS)}")
        return NamedActor(value["name"].strip(), kind)
    raise AnnotationError(f"{where}: {field}: expected a registry id or {{name: …, kind: …}}, got {value!r}")


def _text(value) -> str | None:
    """Dates come back from YAML as date objects; everything is compared as text."""
    return None if value is None else str(value).strip()
