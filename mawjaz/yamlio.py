"""YAML that remembers where each value stood, so problems can name the line.

The loader is PyYAML's SafeLoader with two changes: mappings and lists carry the 1-based line of
every key and item, and timestamps stay strings (dates are validated by our own rules, so
`2025-13-01` is a message, not a crash). Duplicate keys, which PyYAML silently merges, are errors.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

YAML_BREAKS = re.compile("[\r\n\x85\u2028\u2029\ufeff]")


class LineDict(dict):
    """A dict that knows its own line and the line of each key."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class YamlError(Exception):
    def __init__(self, line: int | None, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class _LineLoader(yaml.SafeLoader):
    """Pure Python: slower, but its syntax messages are the ones maintainers are shown."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml's parser (about five times faster), for files that are valid."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise YamlError(line, "a key here is not a plain value", "write keys as plain words") from None
        if key in result:
            raise YamlError(line, f"key '{key}' appears twice in the same block",
                            f"keep one '{key}:' (the first is on line {result.lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def parse_yaml(text: str, first_line: int = 1):
    """Parse one YAML document safely; raise YamlError with a line number on any problem.

    `first_line` is where the text starts in its file (front matter starts on line 2).
    """
    try:
        data = _load(text)
    except YamlError as error:
        error.line = (error.line or 1) + first_line - 1
        raise
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, first_line) from None
    except yaml.YAMLError as error:
        raise YamlError(first_line, f"YAML error: {error}", "check the file's YAML syntax") from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _load(text: str):
    """Parse with libyaml; when the text is not valid YAML, parse again in Python for its exact message."""
    try:
        return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 — SafeLoader subclasses only
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506


def _syntax_error(error: yaml.MarkedYAMLError, first_line: int) -> YamlError:
    """Point at the line to fix: where an unclosed quote or bracket opened, else where parsing failed."""
    problem = (error.problem or "not valid YAML").strip()
    hint = "check the indentation and quote values that contain ':' or '#'"
    if error.context and error.context_mark and error.problem_mark \
            and error.context_mark.line != error.problem_mark.line:
        context = error.context.strip().replace("while ", "", 1)
        if "quoted scalar" in context:
            hint = "close the quote on this line, or quote the whole value with the other kind of quote"
        elif "flow" in context:
            hint = "close the bracket on this line: [a, b] or {key: value}"
        return YamlError(error.context_mark.line + first_line,
                         f"YAML syntax error: {problem}, {context} that starts here", hint)
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else first_line
    return YamlError(line, f"YAML syntax error: {problem}", hint)


def _shift_lines(value, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        value.lines = {key: line + offset for key, line in value.lines.items()}
        for child in value.values():
            _shift_lines(child, offset)
    elif isinstance(value, LineList):
        value.line += offset
        value.lines = [line + offset for line in value.lines]
        for child in value:
            _shift_lines(child, offset)


@lru_cache(maxsize=1 << 12, typed=True)
def format_scalar(value) -> str:
    """One value as YAML writes it on a 'key: value' line, quoted only where YAML needs it.

    Remembered: the same ids, statuses and names recur in every entry written."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    style = '"' if YAML_BREAKS.search(value) else None   # YAML reads these as line ends unless escaped
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True, default_style=style)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
