"""argmap preview and render --watch: served on localhost, redrawn on change,
stopped cleanly; the live page in headless Chromium (Playwright)."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

pytest.importorskip("watchfiles")
from helpers import ROOT  # noqa: E402

EXAMPLE = (ROOT / "maps" / "examples" / "evaluation.argmap").read_text()
OLD, NEW = "The library should open on Sundays.", "The library should open on Sundays and holidays."
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _start(args, cwd):
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc


def _url(proc) -> str:
    line = proc.stdout.readline()
    assert line.startswith("argmap preview: http://127.0.0.1:"), line + proc.stderr.read()
    return line.split()[2]


def _get(url) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def _until(check, seconds=5.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return False


def _stop(proc):
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0 and "Traceback" not in err, err
    return out, err


def test_preview_serves_localhost_and_redraws_on_change(tmp_path):
    (tmp_path / "m.argmap").write_text(EXAMPLE)
    proc = _start(["preview", "m.argmap", "--no-open"], tmp_path)
    try:
        url = _url(proc)
        assert OLD in _get(url) and _get(url + "version") == "1"
        start = time.monotonic()
        (tmp_path / "m.argmap").write_text(EXAMPLE.replace(OLD, NEW))
        assert _until(lambda: NEW in _get(url), 2.0)
        assert time.monotonic() - start < 2.0
        (tmp_path / "m.argmap").write_text("thesis t T.\n")
        assert _until(lambda: "error[syntax]" in _get(url), 2.0)
        assert "<svg" not in _get(url)
        with pytest.raises(urllib.error.HTTPError):
            _get(url + "etc/passwd")
    finally:
        _stop(proc)


def test_preview_watches_included_files(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + @p\ninclude parts/p.argmap\n")
    (tmp_path / "parts" / "p.argmap").write_text("premise p: Included premise.\n")
    proc = _start(["preview", "m.argmap", "--no-open"], tmp_path)
    try:
        url = _url(proc)
        assert "Included premise." in _get(url)
        (tmp_path / "parts" / "p.argmap").write_text("premise p: Changed premise.\n")
        assert _until(lambda: "Changed premise." in _get(url), 2.0)
    finally:
        _stop(proc)


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (Debian: apt install chromium)")
def test_the_page_in_chromium_shows_the_change_within_two_seconds(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    (tmp_path / "m.argmap").write_text(EXAMPLE)
    proc = _start(["preview", "m.argmap", "--no-open"], tmp_path)
    try:
        url = _url(proc)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url)
            assert OLD in page.inner_text("body")
            (tmp_path / "m.argmap").write_text(EXAMPLE.replace(OLD, NEW))
            page.wait_for_function(f"document.body.innerText.includes({NEW!r})", timeout=2000)
            browser.close()
    finally:
        _stop(proc)


def test_render_watch_writes_again_on_change(tmp_path):
    (tmp_path / "m.argmap").write_text(EXAMPLE)
    proc = _start(["render", "m.argmap", "-o", "m.md", "--watch"], tmp_path)
    try:
        out = tmp_path / "m.md"
        assert _until(lambda: out.exists() and OLD.rstrip(".") in out.read_text(), 10)
        (tmp_path / "m.argmap").write_text(EXAMPLE.replace(OLD, NEW))
        assert _until(lambda: "and holidays" in out.read_text(), 2.0)
    finally:
        _, err = _stop(proc)
    assert "wrote m.md; watching for changes" in err
    assert invoke_usage(tmp_path)


def invoke_usage(tmp_path) -> bool:
    done = subprocess.run([sys.executable, "-m", "argmap", "render", "m.argmap", "-f", "md",
                           "--watch"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    return done.returncode == 2 and "--watch writes a file again and again" in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_a_port_in_use_is_a_clear_message(tmp_path):
    (tmp_path / "m.argmap").write_text(EXAMPLE)
    first = _start(["preview", "m.argmap", "--no-open"], tmp_path)
    try:
        port = _url(first).rsplit(":", 1)[1].strip("/")
        done = subprocess.run([sys.executable, "-m", "argmap", "preview", "m.argmap", "--no-open",
                               "--port", port], cwd=tmp_path, capture_output=True, text=True,
                              timeout=30)
        assert done.returncode == 1 and f"can't serve on port {port}" in done.stderr
    finally:
        _stop(first)
