"""Problems in the user's files, collected and reported together as `path:line: message — hint`."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"    # shown; fails the run with --strict
NOTE = "note"          # shown by `check` for the maintainer's information; never fails a run


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity == ERROR else f"{self.severity}: "
        text = f"{where}: {label}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ProblemsFound(Exception):
    """Raised once a stage has collected problems that stop the run."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class Problems:
    """A collector: every check adds to it, and the pipeline stops once, showing them all."""

    def __init__(self, root: Path | None = None):
        self.root = root
        self.items: list[Problem] = []

    def _display(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:   # absolute, not resolved: a message about a symlink names the link, not its target
                return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)))
            except ValueError:
                pass
        return str(path)

    def error(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(self._display(path), line, message, hint, ERROR))

    def warning(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(self._display(path), line, message, hint, WARNING))

    def note(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(self._display(path), line, message, hint, NOTE))

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR or (strict and p.severity == WARNING)]

    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def stop_if_errors(self, strict: bool = False) -> None:
        """End the run before anything is written when any error (or, with strict, warning) was seen."""
        failing = self.errors(strict)
        if failing:
            raise ProblemsFound(sorted(set(failing), key=_report_order))

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=_report_order)


def _report_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.message)
