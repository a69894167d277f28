"""make audit: Lighthouse over the main page types of a freshly built site, as a table of category scores.

Builds the content (content/ unless --content says otherwise) into a temporary folder, serves it on
127.0.0.1 at a free port, compressed as a static host serves it, and runs Lighthouse (mobile, with its
simulated slow network) on Debian's chromium for each page type, three times each, keeping the median
run. Exits 1 when a score is under the floor.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "audit" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": "performance", "accessibility": "accessibility",
              "best-practices": "best practices", "seo": "SEO"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
FLOOR = 95
SEARCH_QUERY = "ليبيا"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make audit", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder to build")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median one is reported")
    return parser.parse_args(argv)


def build_site(content: Path, out: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
                    "--out", str(out), "--quiet"], check=True)
    return out


def largest_page(site: Path, folder: str) -> str | None:
    """The heaviest page under folder (e.g. the longest entry): the one a budget is hardest on."""
    pages = sorted((site / folder).glob("*/index.html"), key=lambda p: (-p.stat().st_size, str(p)))
    return f"{pages[0].parent.relative_to(site)}/" if pages else None


def main_pages(site: Path) -> dict[str, str]:
    """One page of each main type that the built site has, by name."""
    pages = {"home": "", "entry": largest_page(site, "entries"), "actor": largest_page(site, "actors"),
             "theme": largest_page(site, "themes"), "actors index": "actors/", "archive": "archive/",
             "year": largest_page(site, "archive"), "about": "about/",
             "search": f"search/?q={quote(SEARCH_QUERY)}" if (site / "search").is_dir() else None}
    return {name: path for name, path in pages.items() if path is not None}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed when the browser asks, as static hosts do."""
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):   # noqa: A002 - the name is the base class's
        pass


class _Body:
    """The file-like object send_head returns: copyfile reads it, then it is closed."""
    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve(folder: Path):
    """Serve folder on 127.0.0.1 at a free port; yields the address with a trailing slash."""
    if not (folder / "index.html").is_file():
        raise SystemExit(f"{folder} holds no site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_lighthouse(url: str, report: Path, chrome: str) -> dict:
    """One Lighthouse run; returns its JSON report."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chrome})
    return json.loads(report.read_text(encoding="utf-8"))


def median_run(url: str, work: Path, chrome: str, runs: int) -> dict:
    """Lighthouse's advice for noisy machines: several runs, keep the one with the median performance."""
    reports = [run_lighthouse(url, work / f"report-{run}.json", chrome) for run in range(runs)]
    return sorted(reports, key=lambda report: report["categories"]["performance"]["score"])[runs // 2]


def scores_of(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points, as 'category: audit title', so the table says what to fix."""
    found = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{CATEGORIES[name]}: {audit['title']} ({audit.get('displayValue', '')})")
    return found


def print_table(results: dict[str, dict]) -> None:
    header = ["page", *CATEGORIES.values()]
    rows = [[name, *(str(scores_of(report)[c]) for c in CATEGORIES)] for name, report in results.items()]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
    for name, report in results.items():
        for line in shortfalls(report):
            print(f"  {name}: {line}")


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `make audit`, which installs it with npm ci", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mawjaz-audit-") as work:
        site = build_site(args.content, Path(work) / "site")
        with serve(site) as url:
            results = {name: median_run(url + path, Path(work), args.chrome, args.runs)
                       for name, path in main_pages(site).items()}
    print_table(results)
    lowest = min(score for report in results.values() for score in scores_of(report).values())
    return 0 if lowest >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
