"""Mermaid's own parser, run in headless Chromium: do these diagrams parse?

Needs Debian's `chromium` and the `mermaid` npm package in .ci/node (.ci/run
installs both); :data:`REASON` says why not when they are missing.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from helpers import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MERMAID = ROOT / ".ci" / "node" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
REASON = ("no Chromium (apt install chromium)" if not CHROMIUM else
          "no mermaid (npm install --prefix .ci/node mermaid)" if not MERMAID.is_file() else None)

_PAGE = """<!DOCTYPE html><html><body><pre id="out">waiting</pre>
<script src="%s"></script>
<script>
const diagrams = %s;
(async () => {
  const results = [];
  for (const d of diagrams) {
    try { await mermaid.parse(d); results.push("OK"); }
    catch (e) { results.push("ERROR " + String(e.message || e)); }
  }
  document.getElementById("out").textContent = JSON.stringify(results);
})();
</script></body></html>"""


def parse_results(diagrams: list[str]) -> list[str]:
    """"OK" or "ERROR …" for each diagram, as Mermaid's parser says."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        # `</` can't end the script: JSON may hold it in map text
        data = json.dumps(diagrams).replace("</", "<\\/")
        page.write_text(_PAGE % (MERMAID.as_uri(), data), encoding="utf-8")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--allow-file-access-from-files", "--virtual-time-budget=20000",
                 f"--user-data-dir={Path(folder) / 'profile'}"]
        done = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()],
                              capture_output=True, text=True, timeout=180)
    start = done.stdout.index('<pre id="out">') + len('<pre id="out">')
    end = done.stdout.index("</pre>", start)
    import html
    return json.loads(html.unescape(done.stdout[start:end]))
