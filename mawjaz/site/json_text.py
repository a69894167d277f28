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
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True or value is False:
        parts.append("true" if value else "false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif isinstance(value, (list, tuple)):
        _write_items(value, parts, newline, "[", "]", lambda item, inner: _write(item, parts, inner))
    elif type(value) is dict:
        _write_items(value.items(), parts, newline, "{", "}", lambda pair, inner: _write_pair(pair, parts, inner))
    else:
        raise _OtherShape


def _write_pair(pair: tuple, parts: list[str], newline: str) -> None:
    key, value = pair
    if type(key) is not str:
        raise _OtherShape
    parts.append(encode_basestring(key))
    parts.append(": ")
    _write(value, parts, newline)


def _write_items(items, parts: list[str], newline: str, opening: str, closing: str, write_item) -> None:
    inner = newline + INDENT
    parts.append(opening)
    empty = True
    for item in items:
        parts.append(inner if empty else "," + inner)
        write_item(item, inner)
        empty = False
    parts.append(closing if empty else newline + closing)
