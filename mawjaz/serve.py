"""Preview server: build, serve site/ on 127.0.0.1, rebuild on changes, and reload the open page."""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .config import Config
from .errors import Problems, ProblemsFound
from .pipeline import run
from .progress import Reporter

RELOAD_PATH = "/__mawjaz/reload"
RELOAD_SCRIPT = (b"<script>(function(){var v=null;setInterval(function(){fetch('" + RELOAD_PATH.encode()
                 + b"').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();"
                 b"v=t})},700)})()</script>")


class BuildState:
    def __init__(self):
        self.generation = 0
        self.lock = threading.Lock()


def watched_files(config: Config) -> dict[Path, float]:
    """Every input a rebuild depends on, with its modification time."""
    folders = (config.paths.seeds, config.paths.content, config.paths.templates, config.paths.static)
    files = [config.path] + [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime for path in files if path.exists()}


def rebuild(config: Config, drafts: bool, reporter: Reporter, state: BuildState) -> None:
    problems = Problems(root=config.path.parent)
    try:
        summary = run(config, "all", problems, reporter, drafts=drafts)
        reporter.say(summary.line())
    except ProblemsFound:
        pass
    for problem in problems.sorted():
        reporter.say(str(problem))
    with state.lock:
        state.generation += 1


def make_handler(config: Config, state: BuildState):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == RELOAD_PATH:
                body = str(state.generation).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def copyfile(self, source, outputfile):
            if self.path.split("?")[0].endswith(("/", ".html")):
                data = source.read()
                outputfile.write(data.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1))
            else:
                super().copyfile(source, outputfile)

        def send_header(self, keyword, value):
            if keyword.lower() == "content-length" and self.path.split("?")[0].endswith(("/", ".html")):
                value = str(int(value) + len(RELOAD_SCRIPT))
            super().send_header(keyword, value)

        def log_message(self, format, *args):
            pass

    return functools.partial(Handler, directory=str(config.paths.out))


def serve(config: Config, port: int, drafts: bool, reporter: Reporter) -> int:
    state = BuildState()
    rebuild(config, drafts, reporter, state)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(config, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reporter.say(f"Serving {config.paths.out} on http://127.0.0.1:{port}{config.base_path} — Ctrl+C to stop.")
    seen = watched_files(config)
    try:
        while True:
            time.sleep(0.5)
            current = watched_files(config)
            if current != seen:
                seen = current
                reporter.say("Change seen: rebuilding…")
                rebuild(config, drafts, reporter, state)
    except KeyboardInterrupt:
        server.shutdown()
        return 0
