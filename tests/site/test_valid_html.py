"""Every built page of the test sites is valid HTML for the Nu Html Checker.

The checker is vnu.jar from the npm package `vnu-jar`, pinned in validator/package-lock.json and
installed by `make test`; it runs with the machine's Java (Debian's default-jre-headless). One run
checks every page of the three sites, since the Java start-up costs more than the checking.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import ROOT

JAVA = os.environ.get("MAWJAZ_JAVA", "/usr/bin/java")
VNU = ROOT / "validator" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_command() -> list[str]:
    """java -jar vnu.jar; in CI (MAWJAZ_REQUIRE_VALIDATOR=1) a missing Java or checker fails the test."""
    missing = [f"{path} is missing: {hint}" for path, hint in (
        (Path(JAVA), "install Debian's Java (apt-get install default-jre-headless)"),
        (VNU, "install the checker (make test does: npm ci --prefix validator --ignore-scripts)"))
        if not path.exists()]
    if missing:
        if os.environ.get("MAWJAZ_REQUIRE_VALIDATOR") or os.environ.get("CI"):
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))
    return [JAVA, "-jar", str(VNU)]


def html_errors(pages: dict[Path, str]) -> list[str]:
    """The checker's errors as `site: page:line: message`, for pages given as {file: label}."""
    result = subprocess.run([*checker_command(), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"the checker did not report in JSON (exit {result.returncode}):\n{result.stderr}")
    errors = [f"{pages.get(checked_path(m.get('url', '')), m.get('url'))}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") != "info"]
    assert errors or result.returncode == 0, f"the checker failed (exit {result.returncode}):\n{result.stderr}"
    return errors


def checked_path(url: str) -> Path:
    """The checker names a file `file:/tmp/...`, with one slash."""
    return Path(unquote(urlparse(url).path))


def site_pages(**sites: Path) -> dict[Path, str]:
    return {page: f"{name}: {page.relative_to(site).as_posix()}"
            for name, site in sites.items() for page in sorted(site.rglob("*.html"))}


def test_every_page_of_the_test_sites_is_valid_html(fixture_site, built_site, hostile_site):
    pages = site_pages(fixture_site=fixture_site, built_site=built_site, hostile_site=hostile_site)
    assert len(pages) > 100
    errors = html_errors(pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_checker_reports_an_invalid_page_with_its_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html>\n<html lang="ar">\n<title>ص</title>\n'
                    "<figure><figcaption>أ</figcaption><p>ب</p><figcaption>ج</figcaption></figure>\n",
                    encoding="utf-8")
    errors = html_errors({page: "page.html"})
    assert len(errors) == 1 and errors[0].startswith("page.html:4: Element “figcaption” not allowed")
