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


# ---------------------------------------------------------------- writing

DUMP_WIDTH = 10**6          # entries are dumped this wide: YAML never folds a line of theirs
PLAIN_LIMIT = 10**5         # longer text is left to PyYAML, well short of where it would fold
SIMPLE_KEY_LIMIT = 100      # PyYAML writes a key of 128 characters or more as '? key'
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
# What PyYAML's emitter writes as it is (allow_unicode): printable characters, no line end (\x85, \u2028, \u2029), no BOM.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]+")
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@` "
_LEADING_MARKS = ("---", "...", "- ", "? ", ": ")


def written_plain(value) -> bool:
    """True when yaml.safe_dump writes this text unquoted, exactly as it is, as a block value or key.

    These are the emitter's rules for a plain scalar outside brackets (Emitter.analyze_scalar) and its
    resolver's: text that would read back as a number, a date, a boolean or null is quoted."""
    return (type(value) is str and 0 < len(value) <= PLAIN_LIMIT and _PRINTABLE.fullmatch(value) is not None
            and value[0] not in _LEADING_INDICATORS and not value.startswith(_LEADING_MARKS)
            and value not in ("-", "?") and not value.endswith((" ", ":")) and ": " not in value
            and " #" not in value and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG)


@lru_cache(maxsize=1 << 12, typed=True)
def format_scalar(value) -> str:
    """One value as YAML writes it on a 'key: value' line, quoted only where YAML needs it.

    Remembered: the same ids, statuses and names recur in every entry written. Plain text is
    written as it is, without PyYAML's emitter: most values are, and the emitter is slow."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if written_plain(value):
        return value
    style = '"' if YAML_BREAKS.search(value) else None   # YAML reads these as line ends unless escaped
    dumped = yaml.safe_dump(value, allow_unicode=True, width=DUMP_WIDTH, default_flow_style=True, default_style=style)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def format_block(value: list | dict) -> str:
    """yaml.safe_dump of a list or mapping in block style, one item a line, keys in their order.

    A list of flat mappings of plain text (an entry's statements) is written directly: the same
    '- key: value' and '  key: value' lines, without PyYAML's emitter."""
    return _plain_mappings_block(value) or yaml.safe_dump(value, allow_unicode=True, sort_keys=False,
                                                          width=DUMP_WIDTH)


def _plain_mappings_block(items) -> str | None:
    """The block a list of non-empty mappings makes when every key and value is plain text (or a
    value is None); None for any other value."""
    if type(items) is not list or not items:
        return None
    lines = []
    for item in items:
        if type(item) is not dict or not item:
            return None
        for number, (key, value) in enumerate(item.items()):
            if not (written_plain(key) and len(key) < SIMPLE_KEY_LIMIT and (value is None or written_plain(value))):
                return None
            lines.append(f"{'  ' if number else '- '}{key}: {'null' if value is None else value}")
    return "\n".join(lines) + "\n"
