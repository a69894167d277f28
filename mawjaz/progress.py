"""Stage timing and progress lines: shown on a terminal, silent with --quiet or when piped."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Reporter:
    def __init__(self, quiet: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self.timings: list[tuple[str, float]] = []

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        yield
        seconds = time.perf_counter() - start
        self.timings.append((name, seconds))
        if self.live:
            self.stream.write("\r\033[K")
        self.say(f"  {name:<28} {seconds:7.2f} s")

    def progress(self, label: str, done: int, total: int) -> None:
        """A one-line counter for long stages, redrawn in place on a terminal only."""
        if self.live and total and (done == total or done % 50 == 0):
            self.stream.write(f"\r\033[K  {label} {done}/{total}")
            self.stream.flush()
