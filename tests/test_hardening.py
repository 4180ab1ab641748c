"""Bad input, hostile files and faults: findings or clean refusals, never a crash."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT, invoke

PY = sys.executable


def _run(args, cwd, timeout=120, **kw):
    return subprocess.run([PY, "-m", "argmap", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, **kw)


AUDIT = r'''
import sys, json
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(args[0])
sys.addaudithook(hook)
import argmap
m = argmap.load(sys.argv[1])
print(json.dumps({"findings": [[f.rule, f.line] for f in argmap.check(m)], "opened": opened}))
'''


def test_bad_include_targets_are_never_opened(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.argmap").write_text("premise s: Secret.\n")
    root = tmp_path / "root"
    root.mkdir()
    (root / "dir.argmap").mkdir()
    os.mkfifo(root / "pipe.argmap")
    (root / "link.argmap").symlink_to(outside / "secret.argmap")
    (root / "main.argmap").write_text(
        "include /proc/self/environ\n"
        "include ../outside/secret.argmap\n"
        f"include {outside / 'secret.argmap'}\n"
        "include link.argmap\n"
        "include dir.argmap\n"
        "include pipe.argmap\n"
        "thesis t: T.\n  + premise p: P.\n")
    done = subprocess.run([PY, "-c", AUDIT, str(root / "main.argmap")], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["findings"] == [["include", line] for line in range(1, 7)]
    for path in data["opened"]:
        assert "environ" not in path and "secret" not in path and "pipe" not in path, path
        assert not path.endswith("dir.argmap"), path


def test_a_fifo_or_folder_given_as_a_map_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.argmap")
    (tmp_path / "dir").mkdir()
    for args in (["check", "pipe.argmap"], ["export", "pipe.argmap"], ["fmt", "pipe.argmap"],
                 ["render", "dir", "-f", "dot"]):
        done = _run(args, tmp_path, timeout=30)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole(tmp_path):
    from argmap.reader import read_regular as _read_regular

    path = tmp_path / "grown.argmap"
    data = b"thesis t: T.\n" * 300_000  # several reads past the size given
    path.write_bytes(data)
    assert _read_regular(str(path), 10) == data
    assert _read_regular(str(path), len(data)) == data
    path.write_bytes(b"")
    assert _read_regular(str(path), 0) == b""


def test_a_50_mb_file_with_a_low_recursion_limit(tmp_path):
    big = tmp_path / "big.argmap"
    with open(big, "w") as fh:
        fh.write("thesis t: T.\n")
        for i in range(5000):
            fh.write(f"  + premise p{i}: " + "word " * 2000 + "\n")
    assert big.stat().st_size > 50_000_000
    code = ("import sys, argmap; sys.setrecursionlimit(200); m = argmap.load(sys.argv[1]);"
            "print(len(m.graph), len(argmap.check(m)))")
    done = subprocess.run([PY, "-c", code, str(big)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["5001", "0"]


def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    subprocess.run([PY, str(ROOT / "benchmarks" / "generate.py"), "100000", "-o",
                    str(tmp_path / "big.argmap")], check=True)
    proc = subprocess.Popen([PY, "-m", "argmap", "check", "big.argmap"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err


def _dense_map(nodes=1500, edges=6000, seed=7):
    rng = random.Random(seed)
    lines = ["thesis n0: The root."]
    lines += [f"premise n{i}: Node {i} of a dense map." for i in range(1, nodes)]
    seen = set()
    while len(seen) < edges:
        a, b = rng.randrange(1, nodes), rng.randrange(nodes)
        if a != b and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            lines.append(f"@n{a} {'supports' if rng.random() < 0.7 else 'attacks'} @n{b}")
    return "\n".join(lines) + "\n"


def test_a_layout_that_takes_too_long_times_out_and_writes_nothing(tmp_path):
    (tmp_path / "dense.argmap").write_text(_dense_map())
    (tmp_path / "out.svg").write_text("old")
    done = _run(["render", "dense.argmap", "-o", "out.svg", "--timeout", "2"], tmp_path)
    assert done.returncode == 2
    assert "render timed out" in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "out.svg").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["dense.argmap", "out.svg"]


def test_a_layout_out_of_memory_is_reported(tmp_path):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    done = _run(["render", "m.argmap", "-o", "out.svg", "--max-memory", "30"], tmp_path)
    assert done.returncode == 2 and "30 MB" in done.stderr
    assert not (tmp_path / "out.svg").exists()


@pytest.mark.parametrize("args", [["render", "m.argmap", "-o", "out.svg"],
                                  ["render", "m.argmap", "-o", "out.dot"],
                                  ["export", "m.argmap", "-o", "out.svg"]])
@pytest.mark.parametrize("error", [(28, "No space left on device"), (13, "Permission denied")])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial_one(tmp_path, monkeypatch,
                                                                    args, error):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    (tmp_path / "out.svg").write_text("old")
    (tmp_path / "out.dot").write_text("old")

    def broken(*a, **k):
        raise OSError(*error)

    monkeypatch.setattr(os, "replace", broken)
    r = invoke(*args, cwd=tmp_path)
    assert r.code == 2 and error[1] in r.err
    assert (tmp_path / "out.svg").read_text() == (tmp_path / "out.dot").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["m.argmap", "out.dot", "out.svg"]


@pytest.mark.parametrize("args", [
    ["render", "maps/russia-turn-to-asia.argmap", "-f", "dot"],
    ["render", "maps/examples/seminar-debate.argmap", "-f", "svg"],
    ["render", "maps/russia-turn-to-asia.argmap", "-f", "md"],
    ["export", "maps/russia-turn-to-asia.argmap", "-f", "json"],
    ["check", "tests/conformance", "-f", "json"],
    ["check", "tests/conformance", "-f", "sarif"],
], ids=lambda a: f"{a[0]}-{a[-1]}")
def test_output_is_byte_identical_across_hash_seeds(args):
    outs = set()
    for seed in ("1", "2"):
        done = subprocess.run([PY, "-m", "argmap", *args], cwd=ROOT, capture_output=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        outs.add(done.stdout)
    assert len(outs) == 1


def test_a_write_that_fails_half_way_through_a_streamed_export_leaves_the_old_file(
        tmp_path, monkeypatch):
    import argmap.export

    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    (tmp_path / "out.json").write_text("old")

    def half(m, out, evaluation=None):
        out.write('{\n"version": 1,')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(argmap.export, "write_json", half)
    r = invoke("export", "m.argmap", "-o", "out.json", cwd=tmp_path)
    assert r.code == 2 and "No space left on device" in r.err
    assert (tmp_path / "out.json").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["m.argmap", "out.json"]


def test_folder_real_paths_are_reused_only_within_one_run(tmp_path):
    import argmap
    from argmap.loader import reusing_real_paths

    a, b = tmp_path / "a", tmp_path / "b"
    for folder, text in ((a, "thesis t: A.\n  + premise p: P.\n"), (b, "claim c: B.\n")):
        folder.mkdir()
        (folder / "m.argmap").write_text(text)
    link = tmp_path / "link"
    link.symlink_to(a)
    with reusing_real_paths():
        first = argmap.load(link / "m.argmap")
        link.unlink()
        link.symlink_to(b)  # within one run, the folder keeps the real path first found
        again = argmap.load(link / "m.argmap")
    later = argmap.load(link / "m.argmap")  # a later load sees the link as it is now
    assert first.real_paths == again.real_paths == [str(a / "m.argmap")]
    assert later.real_paths == [str(b / "m.argmap")] and "c" in later.nodes
