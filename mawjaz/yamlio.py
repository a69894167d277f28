"""YAML that remembers where each value stood, so problems can name the line.

The loader is PyYAML's SafeLoader with two changes: mappings and lists carry the 1-based line of
every key and item, and timestamps stay strings (dates are validated by our own rules, so
`2025-13-01` is a message, not a crash). Duplicate keys, which PyYAML silently merges, are errors.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml


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
    flat = _parse_flat(text, first_line)
    if flat is not None:
        return flat
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


# ---------------------------------------------------------------- flat front matter, read directly
#
# Most front matter is what ingest writes: `key: value` lines at the margin, the values plain words,
# quoted text, or a [list, of, words]. Such a block is read here without the YAML machinery, to the
# same values and lines; anything else (nesting, comments after values, escapes, unusual characters,
# values YAML would read as something other than text, null or a plain number) is left to PyYAML.

_FLAT_LINE = re.compile(r"([a-z_][a-z0-9_]{0,63}):(?: (.+))?")
_FLAT_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_PLAIN_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
_SINGLE_QUOTED = re.compile(r"'([^']*)'")
_FLOW_LIST = re.compile(r"\[((?:[A-Za-z0-9_][A-Za-z0-9_.-]*)(?:, [A-Za-z0-9_][A-Za-z0-9_.-]*)*)?\]")
_DECIMAL = re.compile(r"0|[1-9][0-9]*")
_STR, _INT, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:null"
_RESOLVER = yaml.resolver.Resolver()
_RESOLVED_FIRST = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)   # the only words YAML may type


class _NotFlat(Exception):
    """The block needs PyYAML."""


def _parse_flat(text: str, first_line: int) -> LineDict | None:
    """The LineDict PyYAML would give, line numbers already counted from `first_line`; None when the
    block is not flat front matter, or when it is not certain to be read the same way."""
    if _FLAT_UNSAFE.search(text):
        return None
    data = LineDict()
    try:
        for number, line in enumerate(text.split("\n"), start=first_line):
            if not line or line[0] == "#":
                continue                                     # blank, or a comment line
            match = _FLAT_LINE.fullmatch(line)
            if match is None:
                return None
            key, raw = match.groups()
            if key in data or _plain_tag(key) != _STR:
                return None
            if not data:
                data.line = number
            data[key] = _flat_value(raw, number)
            data.lines[key] = number
    except _NotFlat:
        return None
    return data or None


def _flat_value(raw: str | None, line: int):
    if raw is None:
        return None
    if raw[0] == '"' or raw[0] == "'":
        quoted = (_DOUBLE_QUOTED if raw[0] == '"' else _SINGLE_QUOTED).fullmatch(raw)
        if quoted is None:
            raise _NotFlat
        return quoted.group(1)
    if raw[0] == "[":
        return _flat_list(raw, line)
    if raw[0] in _PLAIN_INDICATORS or raw[-1] in " :" or ": " in raw or " #" in raw:
        raise _NotFlat
    return _plain_value(raw)


def _flat_list(raw: str, line: int) -> LineList:
    listed = _FLOW_LIST.fullmatch(raw)
    if listed is None:
        raise _NotFlat
    items = listed.group(1).split(", ") if listed.group(1) else []
    result = LineList([_plain_value(item) for item in items])
    result.line = line
    result.lines = [line] * len(items)
    return result


def _plain_value(word: str):
    """What YAML makes of a plain word: text, null, or a decimal number (anything else: _NotFlat)."""
    tag = _plain_tag(word)
    if tag == _STR or tag == "tag:yaml.org,2002:timestamp":   # dates stay text (see the loaders)
        return word
    if tag == _NULL:
        return None
    if tag == _INT and _DECIMAL.fullmatch(word):
        return int(word)
    raise _NotFlat


def _plain_tag(word: str) -> str:
    if word and word[0] not in _RESOLVED_FIRST:
        return _STR
    return _resolved_tag(word)


@lru_cache(maxsize=1 << 12)      # ids, dates and sources recur in every entry
def _resolved_tag(word: str) -> str:
    return _RESOLVER.resolve(yaml.ScalarNode, word, (True, False))


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
