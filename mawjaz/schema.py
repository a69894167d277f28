"""A small typed schema for YAML mappings: exact messages, unknown keys refused with "did you mean"."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problems
from .yamlio import LineDict, LineList

TEXT, NUMBER, FLAG, TEXT_LIST, NUMBER_LIST, SECTION, DATE = (
    "text", "whole number", "true or false", "list of text", "list of numbers", "section", "date")


@dataclass(frozen=True)
class Field:
    kind: str
    required: bool = False
    default: Any = None
    choices: tuple = ()
    nullable: bool = False
    minimum: int | None = None
    allow_empty: bool = False


def suggest(word: str, known) -> str:
    """A "did you mean" hint for a misspelt key or id, or a list of what is allowed."""
    close = difflib.get_close_matches(str(word), sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed: " + ", ".join(sorted(known))


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a section"
    return type(value).__name__


def check_mapping(data: Any, fields: dict[str, Field], path: Path, problems: Problems,
                  where: str = "", line: int = 1) -> dict[str, Any]:
    """Validate `data` against `fields`; report every problem; return the values with defaults filled."""
    label = f"'{where}' " if where else ""
    if not isinstance(data, dict):
        problems.error(path, getattr(data, "line", line) or line,
                       f"{label}should be a section of 'key: value' lines, found {describe(data)}",
                       "see the example in README.md")
        return {name: spec.default for name, spec in fields.items()}
    lines = data.lines if isinstance(data, LineDict) else {}
    for key in data:
        if key not in fields:
            prefix = f"{where}." if where else ""
            problems.error(path, lines.get(key, line), f"unknown key '{prefix}{key}'",
                           suggest(f"{prefix}{key}", [f"{prefix}{name}" for name in fields]))
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        key_line = lines.get(name, getattr(data, "line", line))
        if name not in data:
            if spec.required:
                problems.error(path, getattr(data, "line", line) or line,
                               f"missing key '{where + '.' if where else ''}{name}'", _missing_hint(name, spec))
            values[name] = spec.default
            continue
        values[name] = check_value(data[name], spec, path, problems, f"{where + '.' if where else ''}{name}",
                                   key_line)
    return values


def check_value(value: Any, spec: Field, path: Path, problems: Problems, name: str, line: int) -> Any:
    if value is None and spec.nullable:
        return None
    expected_ok = {
        TEXT: isinstance(value, str) and (spec.allow_empty or value.strip() != ""),
        NUMBER: isinstance(value, int) and not isinstance(value, bool),
        FLAG: isinstance(value, bool),
        TEXT_LIST: isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
        NUMBER_LIST: isinstance(value, list) and all(type(v) is int for v in value),
        SECTION: isinstance(value, dict),
        DATE: isinstance(value, str) or type(value) is int,   # YAML reads `date: 2025` as a number
    }[spec.kind]
    if not expected_ok:
        if spec.kind == TEXT and isinstance(value, str):
            problems.error(path, line, f"'{name}' is empty",
                           "write a value" if spec.required else "write a value or remove the key")
        elif spec.kind == TEXT_LIST and isinstance(value, list):
            _report_bad_items(value, path, problems, name, line)
        else:
            problems.error(path, line, f"'{name}' should be {_article(spec.kind)}, found {describe(value)}",
                           _type_hint(spec.kind))
        return spec.default
    if spec.choices and value not in spec.choices:
        problems.error(path, line, f"'{name}' is '{value}', which is not allowed", _choice_hint(value, spec.choices))
        return spec.default
    if spec.minimum is not None and value < spec.minimum:
        problems.error(path, line, f"'{name}' is {value}, below the minimum {spec.minimum}",
                       f"use {spec.minimum} or more")
        return spec.default
    if isinstance(value, LineList):
        return tuple(v.strip() if isinstance(v, str) else v for v in value)
    if spec.kind == DATE:
        return str(value)
    return value.strip() if isinstance(value, str) else value


def _report_bad_items(items: list, path: Path, problems: Problems, name: str, line: int) -> None:
    """Name the item of a list that is empty or not text, on its own line."""
    for index, item in enumerate(items):
        item_line = items.line_of(index) if isinstance(items, LineList) else line
        if not isinstance(item, str):
            problems.error(path, item_line, f"item {index + 1} of '{name}' should be text, found {describe(item)}",
                           "quote it, e.g. \"2011\"")
        elif not item.strip():
            problems.error(path, item_line, f"item {index + 1} of '{name}' is empty", "remove it from the list")


def _missing_hint(name: str, spec: Field) -> str:
    if spec.choices:
        return f"add a '{name}:' line with one of: " + ", ".join(map(str, spec.choices))
    return f"add a '{name}:' line with {_article(spec.kind)}"


def _choice_hint(value: Any, choices: tuple) -> str:
    allowed = "expected one of: " + ", ".join(map(str, choices))
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? ({allowed})" if close else allowed


def _article(kind: str) -> str:
    return {TEXT: "text", NUMBER: "a whole number", FLAG: "true or false", TEXT_LIST: "a list of text",
            NUMBER_LIST: "a list of whole numbers", SECTION: "a section", DATE: "a date"}[kind]


def _type_hint(kind: str) -> str:
    return {TEXT: "write the value as text, quoted if it starts with a symbol",
            NUMBER: "write digits only, e.g. 20",
            FLAG: "write true or false",
            TEXT_LIST: "write a list, e.g. [a, b] or one '- item' per line",
            NUMBER_LIST: "write numbers in brackets, e.g. [7, 31]",
            SECTION: "indent the keys of this section under it",
            DATE: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-24"}[kind]
