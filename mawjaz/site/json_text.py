"""JSON text indented by one space, as json.dumps(value, ensure_ascii=False, indent=1) writes it, made fast.

With an indent, the json module falls back to its pure-Python encoder, which took 2.3 s for the data
file of 10,000 entries, on every rebuild (the file holds every entry). Strings are still escaped by
the module's own C function; only the layout is ours. A value of any other shape (a float, a key
that is not a string) goes to json.dumps itself, so the text is always the module's.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring      # the C escaper that ensure_ascii=False uses

INDENT = " "


class _OtherShape(Exception):
    """A value this writer leaves to json.dumps."""


def indented_json(value: object) -> str:
    parts: list[str] = []
    try:
        _write(value, parts, "\n")
    except _OtherShape:
        return json.dumps(value, ensure_ascii=False, indent=len(INDENT))
    return "".join(parts)


def _write(value: object, parts: list[str], newline: str) -> None:
    if type(value) is str:
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True or value is False:
        parts.append("true" if value else "false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif type(value) is dict:
        _write_mapping(value, parts, newline)
    elif isinstance(value, (list, tuple)):
        _write_sequence(value, parts, newline)
    elif isinstance(value, str):
        parts.append(encode_basestring(value))
    else:
        raise _OtherShape


def _write_mapping(mapping: dict, parts: list[str], newline: str) -> None:
    if not mapping:
        parts.append("{}")
        return
    inner = newline + INDENT
    separator = "{" + inner
    for key, item in mapping.items():
        if type(key) is not str:
            raise _OtherShape
        parts.append(separator)
        parts.append(encode_basestring(key))
        parts.append(": ")
        if type(item) is str:           # the common case, without another call
            parts.append(encode_basestring(item))
        else:
            _write(item, parts, inner)
        separator = "," + inner
    parts.append(newline + "}")


def _write_sequence(items: list | tuple, parts: list[str], newline: str) -> None:
    if not items:
        parts.append("[]")
        return
    inner = newline + INDENT
    separator = "[" + inner
    for item in items:
        parts.append(separator)
        if type(item) is str:
            parts.append(encode_basestring(item))
        else:
            _write(item, parts, inner)
        separator = "," + inner
    parts.append(newline + "]")
