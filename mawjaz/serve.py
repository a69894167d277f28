"""Preview server: build, serve site/ on 127.0.0.1, rebuild on changes, and reload the open page."""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .config import Config
from .errors import Problems, ProblemsFound
from .pipeline import RunSettings, run
from .progress import Reporter

RELOAD_PATH = "/__mawjaz/reload"
RELOAD_SCRIPT_PATH = "/__mawjaz/reload.js"
# An external script, because the site's Content-Security-Policy forbids inline ones.
RELOAD_TAG = b'<script src="' + RELOAD_SCRIPT_PATH.encode() + b'"></script>'
RELOAD_JS = (b"(function(){var seen=null;setInterval(function(){fetch('" + RELOAD_PATH.encode()
             + b"',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){"
             b"if(seen!==null&&t!==seen)location.reload();seen=t}).catch(function(){})},700)})();\n")


class BuildState:
    def __init__(self):
        self.generation = 0
        self.lock = threading.Lock()


def watched_files(config: Config) -> dict[Path, float]:
    """Every input a rebuild depends on, with its modification time."""
    folders = (config.paths.seeds, config.paths.content, config.paths.templates, config.paths.static)
    files = [config.path] + [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime for path in files if path.exists()}


def rebuild(settings: RunSettings, reporter: Reporter, state: BuildState) -> None:
    problems = Problems(root=settings.config.path.parent)
    try:
        summary = run(settings, problems, reporter)
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
                self._send(str(state.generation).encode(), "text/plain")
            elif self.path == RELOAD_SCRIPT_PATH:
                self._send(RELOAD_JS, "text/javascript")
            else:
                super().do_GET()

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _is_page(self) -> bool:
            return self.path.split("?")[0].endswith(("/", ".html"))

        def copyfile(self, source, outputfile):
            if self._is_page():
                outputfile.write(source.read().replace(b"</body>", RELOAD_TAG + b"</body>", 1))
            else:
                super().copyfile(source, outputfile)

        def send_header(self, keyword, value):
            if keyword.lower() == "content-length" and self._is_page():
                value = str(int(value) + len(RELOAD_TAG))
            super().send_header(keyword, value)

        def log_message(self, format, *args):
            pass

    return functools.partial(Handler, directory=str(config.paths.out))


def serve(settings: RunSettings, port: int, reporter: Reporter) -> int:
    config, state = settings.config, BuildState()
    rebuild(settings, reporter, state)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(config, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reporter.say(f"Serving {config.paths.out} on http://127.0.0.1:{server.server_address[1]}{config.base_path}"
                 " — Ctrl+C to stop.")
    seen = watched_files(config)
    try:
        while True:
            time.sleep(0.5)
            current = watched_files(config)
            if current != seen:
                seen = current
                reporter.say("Change seen: rebuilding…")
                rebuild(settings, reporter, state)
    except KeyboardInterrupt:
        server.shutdown()
        return 0
