"""`build.py serve`: builds, serves on 127.0.0.1, rebuilds on a change and reloads the open page."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, run_build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def poll(check, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("the preview server did not get there in time")


@contextmanager
def preview_server(tmp_path: Path, stderr=subprocess.DEVNULL):
    """`build.py serve` over a copy of the repository's content, so edits here touch nothing real:
    (the running process, its address) once it answers; stopped afterwards."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port), "--content",
         str(tmp_path / "content"), "--out", str(tmp_path / "site"), "--quiet"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        poll(lambda: fetch(base))
        yield server, base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


@pytest.fixture
def preview(tmp_path):
    with preview_server(tmp_path) as (_, base):
        yield base, tmp_path / "content" / "entries"


def retitle(entry: Path, new_title: str) -> None:
    lines = entry.read_text(encoding="utf-8").split("\n")
    lines = [f"title: {new_title}" if line.startswith("title:") else line for line in lines]
    entry.write_text("\n".join(lines), encoding="utf-8")


def published_entry(entries: Path) -> Path:
    return next(p for p in sorted(entries.glob("*.md")) if "status: published" in p.read_text(encoding="utf-8"))


def test_preview_rebuilds_when_an_entry_changes(preview):
    base, entries = preview
    entry = published_entry(entries)
    page = f"{base}entries/{entry.stem}/"
    generation = fetch(base + "__mawjaz/reload")
    assert '<script src="/__mawjaz/reload.js"></script>' in fetch(page)
    retitle(entry, "عنوان بعد التعديل")
    poll(lambda: fetch(base + "__mawjaz/reload") != generation)
    assert "عنوان بعد التعديل" in poll(lambda: (text := fetch(page)) and "عنوان بعد التعديل" in text and text)


@pytest.mark.browser
def test_open_page_reloads_by_itself_under_the_sites_security_policy(browser, preview):
    base, entries = preview
    entry = published_entry(entries)
    page = browser.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{base}entries/{entry.stem}/")
    page.wait_for_timeout(1000)   # the reload script has read the current build generation
    retitle(entry, "عنوان يظهر دون تحديث يدوي")
    poll(lambda: "عنوان يظهر دون تحديث يدوي" in page.title())
    assert violations == []
    page.close()


def test_a_running_build_asked_with_sigusr1_prints_where_it_is_and_goes_on(tmp_path):
    stacks = tmp_path / "stderr.txt"
    with stacks.open("wb") as stderr, preview_server(tmp_path, stderr) as (server, base):
        server.send_signal(signal.SIGUSR1)
        said = poll(lambda: (text := stacks.read_text(encoding="utf-8")) and "serve_forever" in text and text)
        assert "Current thread" in said and "mawjaz/serve.py" in said
        assert fetch(base) and server.poll() is None


def test_a_build_past_the_tests_deadline_fails_with_the_stacks_of_its_processes(tmp_path, monkeypatch):
    import conftest
    monkeypatch.setattr(conftest, "BUILD_TIMEOUT", 8)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    with pytest.raises(AssertionError, match="still ran after 8 s") as failure:
        run_build("serve", "--port", str(free_port()), "--content", str(tmp_path / "content"),
                  "--out", str(tmp_path / "site"), "--quiet", cwd=tmp_path)
    assert "Current thread" in str(failure.value)
