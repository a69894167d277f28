"""Build the Pagefind index of the entry pages inside the staging folder."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .config import Config
from .errors import Problems


def build_search_index(config: Config, site_dir: Path, problems: Problems) -> int:
    """Run Pagefind (shipped by the pagefind[bin] wheel) over site_dir; return the index size in bytes."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
               "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        problems.error(config.path, None, "the search index could not be built: "
                       + (result.stderr or result.stdout).strip()[-500:],
                       "check that `pip install -r requirements.txt` installed pagefind[bin]")
        return 0
    index = site_dir / "pagefind"
    return sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
