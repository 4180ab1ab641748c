"""`argmap preview`: a map's page in the browser, redrawn when the map changes.

A small HTTP server on 127.0.0.1 only (a free port unless ``--port``) serves
the HTML page of the map, with a script added that asks the server every half
second whether the map changed and reloads the page when it did (the page
``argmap render`` writes stays script-free; only the preview has it). The map
and every file it includes are watched (``watchfiles``); a change is redrawn
within a second, and a map with errors shows its findings instead of a stale
diagram. Ctrl-C stops it.
"""

from __future__ import annotations

import html
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .api import load
from .checker import check
from .embed import findings_html
from .reader import ReadError
from .render import render

_RELOAD = """<script>
(function () {
  var seen = %d;
  setInterval(function () {
    fetch("/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (+v !== seen) { location.reload(); } })
      .catch(function () {});
  }, 500);
})();
</script>"""


class Preview:
    """The page of one map, rebuilt on demand; ``version`` counts the builds."""

    def __init__(self, path: str):
        self.path = path
        self.version = 0
        self.page = b""
        self.watched: set[str] = {os.path.realpath(path)}
        self.lock = threading.Lock()
        self.build()

    def build(self) -> None:
        try:
            m = load(self.path)
        except ReadError as exc:
            body = f'<div class="argmap-findings"><pre>{html.escape(str(exc))}</pre></div>'
            return self._set(_page(self.path, body), self.watched)
        errors = [f for f in (check(m) if m.ok else m.findings) if f.severity == "error"]
        if errors:
            page = _page(self.path, findings_html(errors, m.texts))
        else:
            page = render(m, "html")
        self._set(page, set(m.real_paths))

    def _set(self, page: str, watched: set[str]) -> None:
        with self.lock:
            self.version += 1
            script = _RELOAD % self.version
            page = page.replace("</body>", script + "</body>", 1) if "</body>" in page \
                else page + script
            self.page = page.encode("utf-8")
            self.watched = watched | {os.path.realpath(self.path)}


def _page(path: str, body: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(path)}'
            f"</title></head><body>{body}</body></html>")


def handler_for(preview: Preview):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            if self.path == "/version":
                body, kind = str(preview.version).encode(), "text/plain"
            elif self.path in ("/", "/index.html"):
                body, kind = preview.page, "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # quiet: the terminal is the user's
            pass

    return Handler


def watch(paths, on_change, stop: threading.Event, folder: str,
          started: threading.Event | None = None) -> None:
    """Call ``on_change`` whenever one of ``paths()`` (real paths) changes under
    ``folder``; ``started`` is set once changes are being watched."""
    from watchfiles import watch as changes  # an extra: only previews and --watch need it

    for batch in changes(folder, stop_event=stop, debounce=50, step=50,
                         yield_on_timeout=True, rust_timeout=200):
        if started is not None:
            started.set()  # the first (empty) batch: the watcher is running
        if batch and {os.path.realpath(p) for _, p in batch} & paths():
            on_change()


def serve(path: str, port: int = 0, ready=None) -> None:
    """Serve the preview of ``path`` until interrupted; ``ready(url)`` is called
    once the server listens."""
    preview = Preview(path)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_for(preview))
    stop, started = threading.Event(), threading.Event()
    folder = os.path.dirname(os.path.abspath(path))
    watcher = threading.Thread(target=watch, args=(lambda: preview.watched, preview.build, stop,
                                                    folder, started), daemon=True)
    watcher.start()
    started.wait(10)  # say where to look only once a change would be seen
    if ready is not None:
        ready(f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.server_close()
