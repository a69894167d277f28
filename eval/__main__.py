"""make eval: ingest the real pages present into a temporary content folder and score the entries.

    .venv/bin/python -m eval                    # pages in eval/pages/, annotations in eval/annotations/
    .venv/bin/python -m eval --only a-03-lana   # one page (or several keys, comma-separated)

Never touches the repository's content/: the registries are copied into a temporary folder, the
pages become its seeds. Pages whose text is absent are counted and skipped; with none present
(as in CI) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from mawjaz.arabic import normalise_for_matching

from .annotations import read_annotations
from .report import closing_table, page_lines
from .scoring import Names, Scores, read_ingested, score_page

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ("actors.yaml", "themes.yaml", "sources.yaml", "places.yaml", "not_actors.yaml")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "eval" / "pages", help="folder of page texts")
    parser.add_argument("--annotations", type=Path, default=ROOT / "eval" / "annotations")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="registries to ingest with")
    parser.add_argument("--only", default="", help="comma-separated page keys to score")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    pages, errors = read_annotations(args.annotations)
    for error in errors:
        print(f"error: {error} (page left out)", file=sys.stderr)
    if args.only:
        pages = [page for page in pages if page.key in args.only.split(",")]
    present = [page for page in pages if (args.pages / f"{page.key}.txt").is_file()]
    missing = [page.key for page in pages if page not in present]
    if not present:
        print(f"no page texts present in {args.pages} ({len(pages)} annotated): nothing to score; "
              "eval/README.md says how to gather them")
        return 1 if errors else 0
    with tempfile.TemporaryDirectory(prefix="mawjaz-eval-") as work:
        entries = ingest_pages(Path(work), args.pages, args.content, [page.key for page in present])
    scores, names = Scores(), registry_names(args.content)
    for page in present:
        print("\n".join(page_lines(page, score_page(page, entries.get(page.key, []), names, scores))))
    years = {page.year for page in present if page.year}
    print("\n".join(closing_table(scores, len(present), len(pages), missing,
                                  len({page.outlet for page in present}), len(years))))
    return 1 if errors else 0


def ingest_pages(work: Path, pages_dir: Path, content: Path, keys: list[str]) -> dict:
    """The project's own ingest, as a maintainer runs it, on a copy of the registries."""
    seeds, content_copy = work / "seeds", work / "content"
    seeds.mkdir()
    (content_copy / "entries").mkdir(parents=True)
    for name in REGISTRIES:
        if (content / name).is_file():
            shutil.copy(content / name, content_copy / name)
    for key in keys:
        shutil.copy(pages_dir / f"{key}.txt", seeds / f"{key}.txt")
    command = [sys.executable, str(ROOT / "build.py"), "ingest", "--quiet",
               "--seeds", str(seeds), "--content", str(content_copy)]
    run = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
    for line in run.stderr.splitlines():     # warnings are the maintainer's business; errors are ours
        if ": error:" in line or line.startswith("Traceback"):
            print(line, file=sys.stderr)
    return read_ingested(content_copy / "entries")


def registry_names(content: Path) -> Names:
    """Actor and source ids with every name they are known by (their ids never collide)."""
    names = {}
    for registry in ("actors.yaml", "sources.yaml"):
        for item in yaml.safe_load((content / registry).read_text(encoding="utf-8")) or []:
            written = [item["name"], *(item.get("aliases") or ()), *(item.get("signatures") or ())]
            names[item["id"]] = tuple(normalise_for_matching(str(name)) for name in written)
    return Names(names)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
