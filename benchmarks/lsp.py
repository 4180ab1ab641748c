"""How long a person waits for `argmap lsp`: an edit, then the diagnostics.

    python benchmarks/lsp.py            # the flagship and a 10 000-node map, 30 edits each
    python benchmarks/lsp.py --quick    # 5 edits each (what the tests run)

Drives the real server (`python -m argmap lsp`) over stdio with a small
JSON-RPC client of its own: opens a map, then sends whole-document changes (a
word of one node changed each time) and times each change to the
`publishDiagnostics` for that document. Budgets: median 50 ms for the
flagship, 500 ms for 10 000 nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BUDGETS = {"flagship": 0.050, "10 000 nodes": 0.500}


class Client:
    """Just enough of an LSP client: requests, notifications, and a queue of
    what the server sends."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "argmap", "lsp"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            _, msg = self.inbox.get(timeout=60)
            if msg.get("id") == self.next_id:
                return msg

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_for(self, uri: str) -> float:
        while True:
            at, msg = self.inbox.get(timeout=60)
            if msg.get("method") == "textDocument/publishDiagnostics" and \
                    msg["params"]["uri"] == uri:
                return at

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def measure(text: str, edits: int, folder: Path, name: str) -> list[float]:
    path = folder / f"{name}.argmap"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = Client()
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(),
                                      "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "argmap", "version": 1, "text": text}})
        client.diagnostics_for(uri)
        times = []
        lines = text.split("\n")
        target = next(i for i, ln in enumerate(lines) if ": " in ln and ln.startswith("  +"))
        for k in range(edits):
            lines[target] = lines[target].rstrip(".") + f" (edit {k})."
            start = time.perf_counter()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": k + 2},
                "contentChanges": [{"text": "\n".join(lines)}]})
            times.append(client.diagnostics_for(uri) - start)
        return times
    finally:
        client.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 edits each, no budgets")
    args = ap.parse_args(argv)
    edits = 5 if args.quick else 30
    cases = {"flagship": (ROOT / "maps" / "russia-turn-to-asia.argmap").read_text("utf-8"),
             "10 000 nodes": generate.argmap_text(10_000)}
    ok = True
    with tempfile.TemporaryDirectory(prefix="argmap-lsp-bench-") as folder:
        print(f"{'map':<14} {'edits':>5} {'median ms':>10} {'p90 ms':>8}  budget")
        for name, text in cases.items():
            times = sorted(measure(text, edits, Path(folder), name.replace(" ", "")))
            median = statistics.median(times)
            p90 = times[int(len(times) * 0.9) - 1] if len(times) > 1 else times[0]
            within = median <= BUDGETS[name]
            ok &= within or args.quick
            verdict = "" if args.quick else ("ok" if within else "FAIL")
            print(f"{name:<14} {edits:>5} {median * 1000:>10.1f} {p90 * 1000:>8.1f}  "
                  f"≤ {BUDGETS[name] * 1000:.0f} ms {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
