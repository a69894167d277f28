"""Read fixture files: cases separated by lines holding a single '.', as markdown-it-py's tests do.

    description of the rule (one line)
    .
    input (one or more lines)
    .
    expected output (one or more lines)
    .

Escapes such as \\u200f stand for invisible characters, so that a reader can see them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Case:
    line: int
    title: str
    input: str
    expected: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.title}"


def unescape(text: str) -> str:
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def read_fixture_file(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if index + 1 < len(lines) and lines[index].strip() and lines[index + 1] == ".":
            start, parts, cursor, block = index + 1, [], index + 2, []
            while cursor < len(lines) and len(parts) < 2:
                if lines[cursor] == ".":
                    parts.append("\n".join(block))
                    block = []
                else:
                    block.append(lines[cursor])
                cursor += 1
            cases.append(Case(start, lines[index].strip(), unescape(parts[0]), unescape(parts[1])))
            index = cursor
        else:
            index += 1
    return cases


def fixture_cases(name: str) -> list:
    """pytest parameters for one fixture file, each named by its line and rule."""
    import pytest
    return [pytest.param(case, id=f"{name}:{case.line}") for case in read_fixture_file(FIXTURES / name)]
