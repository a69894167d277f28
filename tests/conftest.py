"""Shared fixtures: the project root, a built copy of the site, and a real browser."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("MAWJAZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


BUILD_TIMEOUT = 600     # seconds: far beyond any build of the test sites, so only a hang reaches it


def run_build(*args: str, cwd: Path = ROOT, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run build.py as a user would; returns the finished process (stdout, stderr, returncode).

    A build still running after BUILD_TIMEOUT fails the test with what it printed, and the stacks of its
    processes, which are then killed as a group (a process it forked would otherwise keep the output
    pipes open, and the wait with them)."""
    command = [sys.executable, str(ROOT / "build.py"), *args]
    with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True,
                          env={**os.environ, "PYTHONHASHSEED": "0", **(env or {})}) as process:
        try:
            stdout, stderr = process.communicate(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGUSR1)    # the build and its forked processes print their stacks
            time.sleep(2)
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            raise AssertionError(f"build.py {' '.join(args)} still ran after {BUILD_TIMEOUT} s:\n{stderr}") from None
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if check and result.returncode != 0:
        raise AssertionError(f"build.py {' '.join(args)} failed:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's own content built once into a temporary folder (content/ is not touched)."""
    work = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "content", work / "content")
    run_build("--content", str(work / "content"), "--out", str(work / "site"), "--quiet")
    return work / "site"


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright. In CI (MAWJAZ_REQUIRE_BROWSER=1) a missing browser fails."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("MAWJAZ_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()


SITE_FIXTURE = ROOT / "tests" / "fixtures" / "site_content"


def build_fixture_site(work: Path, base_url: str) -> Path:
    """The small fixture content (published, partial dates, a draft, a rejected and a hostile entry)."""
    run_build("build", "--content", str(SITE_FIXTURE), "--out", str(work / "site"), "--base-url", base_url,
              "--quiet")
    return work / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("fixture-root"), "https://example.org/")


@pytest.fixture(scope="session")
def fixture_site_under_path(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("fixture-path"), "https://example.org/mawjaz/")


HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """Built with --strict: a payload that made a broken link or any other warning would fail here."""
    site = tmp_path_factory.mktemp("hostile") / "site"
    run_build("--config", str(HOSTILE / "config.yaml"), "build", "--out", str(site), "--strict", "--quiet")
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):   # noqa: A002 - the name is the base class's
        pass


@pytest.fixture(scope="session")
def served_site(fixture_site):
    """The fixture site on 127.0.0.1, on a free port chosen by the system; yields its address with a slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(fixture_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
