"""Golden ingest: the five seeds ingested into an empty content folder with the repository's registries.

`make golden` runs this file to rewrite tests/golden/ after a deliberate change; the test
tests/ingest/test_ingest_golden.py compares a fresh ingest with it.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
REGISTRY_FILES = ("actors.yaml", "themes.yaml", "sources.yaml", "places.yaml", "not_actors.yaml")


def ingest_into_empty_content() -> dict[str, str]:
    """{file name: text} of the entries an ingest of seeds/ writes into an empty content folder."""
    sys.path.insert(0, str(ROOT))
    from mawjaz.entries import write_new_entries
    from mawjaz.errors import Problems
    from mawjaz.ingest.seeds import ingest_seeds
    from mawjaz.registries import load_registries

    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        for name in REGISTRY_FILES:
            if (ROOT / "content" / name).exists():
                shutil.copy(ROOT / "content" / name, content / name)
        problems = Problems()
        registries = load_registries(content, problems)
        result = ingest_seeds(ROOT / "seeds", registries, [], "published", problems)
        write_new_entries(content / "entries", list(result.new_entries))
        return {p.name: p.read_text(encoding="utf-8") for p in sorted((content / "entries").glob("*.md"))}


def write_golden() -> None:
    entries = ingest_into_empty_content()
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    GOLDEN.mkdir(parents=True)
    for name, text in entries.items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(entries)} golden entries to {GOLDEN.relative_to(ROOT)}/")


if __name__ == "__main__":
    write_golden()
