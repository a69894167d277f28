"""Two builds of the same inputs are byte-identical, whatever the machine around them.

The second build differs from the first in everything that must not matter: the folder the project
sits in, the order its files were created in (and so the order the file system lists them), the
locale (an ASCII one, with Python's UTF-8 fallbacks turned off), the time zone and PYTHONHASHSEED.

Every file is compared byte for byte, the search index included: Pagefind writes its filter and
metadata indexes in hash-map order, and mawjaz/search/stable_index.py puts them in one order afterwards.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_files import snapshot
from test_invalid_inputs import make_project

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("config.yaml", "content", "seeds", "templates", "static")

FIRST = {"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"}
SECOND = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
          "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "4242"}


def copy_in_order(source: Path, target: Path, reverse: bool) -> None:
    """Copy a tree creating files in sorted or reversed order, so directory listings come out differently."""
    target.mkdir(parents=True, exist_ok=True)
    for child in sorted(source.iterdir(), reverse=reverse):
        if child.is_dir():
            copy_in_order(child, target / child.name, reverse)
        else:
            shutil.copy2(child, target / child.name)


def build_copy(project: Path, where: Path, environment: dict, reverse: bool) -> Path:
    where.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (project / part).is_dir():
            copy_in_order(project / part, where / part, reverse)
        elif (project / part).exists():
            shutil.copy2(project / part, where / part)
    (where / "seeds").mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "PYTHON"))}
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--quiet"], cwd=where,
                            capture_output=True, env={**env, **environment})
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return where


def assert_same_output(project: Path, tmp_path: Path) -> None:
    first = build_copy(project, tmp_path / "a", FIRST, reverse=False)
    second = build_copy(project, tmp_path / "somewhere" / "else" / "entirely", SECOND, reverse=True)
    for produced in ("site", "content/entries"):
        one, two = snapshot(first / produced), snapshot(second / produced)
        assert sorted(one) == sorted(two)
        assert [name for name in one if one[name] != two[name]] == [], produced


def test_the_repository_content_builds_byte_identically_anywhere(tmp_path):
    assert_same_output(ROOT, tmp_path)


def test_a_fixture_project_builds_byte_identically_anywhere(tmp_path):
    assert_same_output(make_project(None, tmp_path / "fixture"), tmp_path)
