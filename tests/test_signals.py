"""SIGTERM cleans up (issue 14, data loss): no half-written temporary file, no
Graphviz child left running. Each test failed before the fix."""

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

MAP = "thesis t: T.\n  + premise p: P.\n"


def _wait_for(predicate, seconds=20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    (tmp_path / "out.json").write_text("old")
    # an export that writes its first bytes, then takes its time
    code = ("import sys, time, argmap.export as e\n"
            "def slow(m, out, evaluation=None):\n"
            "    out.write('{'); out.flush(); time.sleep(60)\n"
            "e.write_json = slow\n"
            "sys.argv = ['argmap', 'export', 'm.argmap', '-o', 'out.json']\n"
            "import argmap.cli; argmap.cli.run()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True)
    assert _wait_for(lambda: any(n.endswith(".tmp") for n in os.listdir(tmp_path)))
    proc.send_signal(signal.SIGTERM)
    proc.wait(20)
    assert proc.returncode == 128 + signal.SIGTERM
    assert sorted(os.listdir(tmp_path)) == ["m.argmap", "out.json"]
    assert (tmp_path / "out.json").read_text() == "old"


def test_sigterm_during_a_render_kills_graphviz_too(tmp_path, tmp_path_factory):
    (tmp_path / "m.argmap").write_text(MAP)
    bin_dir = tmp_path_factory.mktemp("bin")
    pid_file = bin_dir / "pid"
    dot = bin_dir / "dot"
    dot.write_text(f"#!/bin/sh\necho $$ > '{pid_file}'\nexec sleep 60\n")
    dot.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", "m.argmap", "-o", "m.svg",
                             "--engine", "system"], cwd=tmp_path, env=env,
                            stderr=subprocess.PIPE)
    assert _wait_for(lambda: pid_file.exists() and pid_file.read_text().strip())
    child = int(pid_file.read_text())
    proc.send_signal(signal.SIGTERM)
    proc.wait(20)
    assert proc.returncode == 128 + signal.SIGTERM

    def gone():
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return True
        # a zombie waiting for init to reap it counts as gone
        with open(f"/proc/{child}/stat") as fh:
            return fh.read().split(") ")[1].startswith("Z")

    assert _wait_for(gone, 10), "Graphviz still runs"
    assert sorted(os.listdir(tmp_path)) == ["m.argmap"]
