"""The command line, config validation and the deploy workflow."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, run_build

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.incremental.manifest import CACHE_FOLDER, cache_path


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    problems = Problems(root=path.parent)
    load_config(path, problems)
    return [str(p) for p in problems.sorted()]


def test_repository_config_is_valid():
    problems = Problems()
    config = load_config(ROOT / "config.yaml", problems)
    assert problems.items == [] and config is not None
    assert config.locale == "ar" and config.base_url.endswith("/")


def test_unknown_config_key_names_its_line_and_suggests_the_right_one(tmp_path):
    path = write_config(tmp_path, "title: موجز\ndescription: وصف\nbase_url: /\nlocal: ar\n")
    assert messages(path) == ["config.yaml:4: unknown key 'local' — did you mean 'locale'?"]


def test_wrong_type_names_the_expected_type(tmp_path):
    path = write_config(tmp_path, "title: موجز\ndescription: وصف\nbase_url: /\nfeeds:\n  entries: many\n")
    assert messages(path) == ["config.yaml:5: 'feeds.entries' should be a whole number, found text "
                              "— write digits only, e.g. 20"]


def test_every_config_problem_is_reported_in_one_run(tmp_path):
    path = write_config(tmp_path, "title: موجز\nbase_url: ftp://x\nsearch:\n  enabld: true\n")
    found = messages(path)
    assert len(found) == 3, found
    assert any("missing key 'description'" in m for m in found)
    assert any("'base_url'" in m for m in found)
    assert any("unknown key 'search.enabld' — did you mean 'search.enabled'?" in m for m in found)


def test_base_url_with_a_path_keeps_it_for_links(tmp_path):
    path = write_config(tmp_path, "title: t\ndescription: d\nbase_url: https://example.org/mawjaz\n")
    config = load_config(path, Problems())
    assert config.base_url == "https://example.org/mawjaz/" and config.base_path == "/mawjaz/"


def test_a_base_url_that_is_only_a_path_is_a_warning_that_strict_refuses(tmp_path):
    """Links between pages work with a path, but feeds, the sitemap and canonical links need addresses."""
    common = ("build", "--out", str(tmp_path / "site"), "--quiet")    # the repository's content builds strictly
    result = run_build(*common, "--base-url", "/mawjaz/", "--strict", check=False)
    assert result.returncode == 1 and "'base_url' is only a path ('/mawjaz/')" in result.stderr
    assert "--base-url" in result.stderr and "Traceback" not in result.stderr
    loose = run_build(*common, "--base-url", "/mawjaz/")
    assert "'base_url' is only a path" in loose.stderr and (tmp_path / "site" / "feed.xml").is_file()
    full = run_build(*common, "--base-url", "https://example.org/mawjaz/", "--strict")
    assert "base_url" not in full.stderr


def test_bad_usage_exits_with_2():
    assert run_build("no-such-command", check=False).returncode == 2


def test_config_problem_exits_with_1_and_no_traceback(tmp_path):
    path = write_config(tmp_path, "title: [unclosed\n")
    result = run_build("--config", str(path), "check", check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "config.yaml:" in result.stderr and "YAML syntax error" in result.stderr


def test_help_explains_the_commands():
    result = run_build("--help")
    for word in ("ingest", "build", "check", "serve", "--strict", "exit codes"):
        assert word in result.stdout


def test_deploy_workflow_is_a_valid_github_workflow():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows",
                             str(ROOT / ".github/workflows/pages.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_workflow_uses_the_maintainers_make_targets():
    text = (ROOT / ".github/workflows/pages.yml").read_text()
    assert "make site" in text and "upload-pages-artifact" in text and "deploy-pages" in text


def test_deploy_workflow_restores_the_last_build_before_building():
    """A push rebuilds only what it changed only if the runner has the last site and its manifest."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    restore = next(index for index, step in enumerate(steps) if step.get("uses", "").startswith("actions/cache@"))
    build = next(index for index, step in enumerate(steps) if "make site" in step.get("run", ""))
    assert restore < build
    assert set(steps[restore]["with"]["path"].split()) == {"site", f"{CACHE_FOLDER}/site.*"}
    assert cache_path(Path("site"), "manifest.json").as_posix() == f"{CACHE_FOLDER}/site.manifest.json"
    assert steps[restore]["with"]["restore-keys"] and "github.sha" in steps[restore]["with"]["key"]


def test_ci_script_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme.split("\n\n")[1] or "make test" in readme[:600]
    assert "make test" in (ROOT / ".ci/run").read_text()
