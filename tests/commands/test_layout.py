"""The package layout holds: each stage imports only the stages it may, and only through their public names.

  core (model, schema, registries, Arabic text, errors, config, YAML I/O…) imports no stage;
  entries → core;  ingest → core, entries;  search → core;  site → core, search;
  incremental → core, entries, search, site;  review → core, entries, ingest;
  cli, pipeline and serve run the stages and may import any of them.
"""
import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mawjaz"
ORCHESTRATORS = {"cli", "pipeline", "serve"}
MAY_IMPORT = {
    "core": set(),
    "entries": {"core"},
    "ingest": {"core", "entries"},
    "search": {"core"},
    "site": {"core", "search"},
    "incremental": {"core", "entries", "search", "site"},
    "review": {"core", "entries", "ingest"},
}
STAGES = set(MAY_IMPORT) - {"core"}
PIPELINE_SCREEN = 30     # lines: a command's function in pipeline.py is read without scrolling


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of ours in the file, at the top or inside a function."""
    package = module_name(path).split(".") if path.name == "__init__.py" else module_name(path).split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if not node.module:       # 'from . import charts': each name is a module
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name == "mawjaz" or name.startswith("mawjaz.")]


def place_of(module: str) -> str:
    """The stage a module belongs to, 'core', or 'orchestrator'."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    return "orchestrator" if len(parts) > 1 and parts[1] in ORCHESTRATORS else "core"


def is_public(module: str, stage: str) -> bool:
    """`mawjaz.site` (its __init__'s names) is public; `mawjaz.site.group` is the stage's own business."""
    if module == f"mawjaz.{stage}":
        return True
    # 'from ..site import group_site' is read above as the module 'mawjaz.site.group_site': a name, not a module
    return not (PACKAGE / stage / f"{module.split('.')[2]}.py").exists()


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_stage_or_the_core():
    folders = {path.parent.name for path in modules() if path.parent != PACKAGE}
    assert folders <= STAGES, f"a package that is not a stage of the layout: {sorted(folders - STAGES)}"
    assert all((PACKAGE / stage / "__init__.py").exists() for stage in STAGES)


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_follow_the_stages(path):
    place = place_of(module_name(path))
    wrong = []
    for line, target in imported_modules(path):
        other = place_of(target)
        if place == "orchestrator" or other == place:
            continue
        if other == "orchestrator":
            wrong.append(f"line {line}: {target} runs the stages; nothing below it may import it")
        elif other not in MAY_IMPORT[place]:
            wrong.append(f"line {line}: {place} may not import {other} ({target})")
        elif other in STAGES and not is_public(target, other):
            wrong.append(f"line {line}: {target} is inside {other}: import its public names from mawjaz.{other}")
    assert not wrong, f"{path.relative_to(PACKAGE.parent)}:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_says_what_it_takes_gives_and_must_never_do(stage):
    package = importlib.import_module(f"mawjaz.{stage}")
    lines = [line for line in (package.__doc__ or "").strip().splitlines() if line]
    assert [line.split(":")[0] for line in lines[1:4]] == ["Takes", "Gives", "Never"], package.__doc__
    for name in getattr(package, "__all__", ()):
        assert hasattr(package, name), f"mawjaz.{stage}.__all__ names {name}, which it does not have"


def test_the_no_op_build_loads_no_stage():
    """The fast path of a build that finds nothing to do: importing the pipeline loads none of the stages."""
    top = [target for line, target in imported_modules(PACKAGE / "pipeline.py")
           if line <= first_function_line(PACKAGE / "pipeline.py")]
    assert {place_of(target) for target in top} <= {"core", "incremental"}
    assert all(target.split(".")[2] in {"inputs", "manifest", "staging"} for target in top
               if place_of(target) == "incremental")


def first_function_line(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return min(node.lineno for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef)))


def test_each_function_of_the_pipeline_fits_on_one_screen():
    tree = ast.parse((PACKAGE / "pipeline.py").read_text(encoding="utf-8"))
    long = {node.name: node.end_lineno - node.lineno + 1 for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > PIPELINE_SCREEN}
    assert not long, f"functions of mawjaz/pipeline.py over {PIPELINE_SCREEN} lines: {long}"


def test_the_layout_check_catches_a_stage_reaching_into_another():
    """The rules above, on imports written the wrong way, so that a broken check cannot pass silently."""
    assert place_of("mawjaz.site.group") == "site" and place_of("mawjaz.model") == "core"
    assert place_of("mawjaz.pipeline") == "orchestrator"
    assert not is_public("mawjaz.search.shards", "search")
    assert is_public("mawjaz.search", "search") and is_public("mawjaz.search.published_shards", "search")
    assert "site" not in MAY_IMPORT["search"] and "site" not in MAY_IMPORT["ingest"]


def test_the_tests_mirror_the_packages():
    tests = Path(__file__).resolve().parents[1]
    assert not sorted(tests.glob("test_*.py")), "a test at the top of tests/: put it in the folder of its stage"
    folders = {path.parent.name for path in tests.glob("*/test_*.py")}
    assert folders <= STAGES | {"core", "commands"}, sorted(folders - STAGES - {"core", "commands"})
