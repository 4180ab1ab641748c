"""What argmap writes, and what it refuses to (issue 14: security and data
loss). Each test failed before the fix."""

import os
import stat
import subprocess
import sys
import threading

import pytest

from helpers import invoke

MAP = "thesis t: T.\n  + premise p: P.\n"
UGLY = b"thesis   t: T.\n    + premise p: P.\n"
PRETTY = b"thesis t: T.\n  + premise p: P.\n"


def _read_fifo(path, into):
    with open(path, "rb") as fh:
        into.append(fh.read())


@pytest.mark.parametrize("through_link", [False, True])
def test_a_fifo_is_written_through_never_replaced(tmp_path, through_link):
    (tmp_path / "m.argmap").write_text(MAP)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if through_link:
        target = tmp_path / "link"
        os.symlink(fifo, target)
    got = []
    reader = threading.Thread(target=_read_fifo, args=(fifo, got), daemon=True)
    reader.start()
    r = invoke("export", "m.argmap", "-o", str(target), cwd=tmp_path)
    reader.join(10)
    assert r.code == 0, r.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"version": 1' in got[0]


@pytest.mark.parametrize("command", [["render", "-f", "md"], ["export"], ["render", "-f", "dot"]])
def test_the_output_can_not_be_the_map_itself(tmp_path, command):
    path = tmp_path / "m.argmap"
    path.write_text(MAP)
    r = invoke(command[0], "m.argmap", *command[1:], "-o", "m.argmap", cwd=tmp_path)
    assert r.code == 2 and "is the map being read" in r.err
    assert path.read_text() == MAP


def test_nor_a_link_to_it_nor_a_hard_link_nor_a_file_it_includes(tmp_path):
    (tmp_path / "part.argmap").write_text("premise q: Q.\n")
    path = tmp_path / "m.argmap"
    path.write_text("include part.argmap\n" + MAP)
    os.symlink(path, tmp_path / "soft.md")
    os.link(path, tmp_path / "hard.md")
    for out in ("soft.md", "hard.md", "part.argmap"):
        r = invoke("render", "m.argmap", "-f", "md", "-o", out, cwd=tmp_path)
        assert r.code == 2 and "is the map being read" in r.err, out
    assert path.read_text() == "include part.argmap\n" + MAP
    assert (tmp_path / "part.argmap").read_text() == "premise q: Q.\n"


def test_import_does_not_overwrite_its_input(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    invoke("export", "m.argmap", "-o", "m.json", cwd=tmp_path)
    before = (tmp_path / "m.json").read_bytes()
    r = invoke("import", "m.json", "-o", "m.json", cwd=tmp_path)
    assert r.code == 2 and (tmp_path / "m.json").read_bytes() == before


def test_read_only_outputs_are_refused_unless_forced(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    out = tmp_path / "out.md"
    out.write_text("keep")
    out.chmod(0o444)
    r = invoke("render", "m.argmap", "-o", "out.md", cwd=tmp_path)
    assert r.code == 2 and "read-only" in r.err and out.read_text() == "keep"
    r = invoke("render", "m.argmap", "-o", "out.md", "--force", cwd=tmp_path)
    assert r.code == 0 and out.read_text().startswith("# ")
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_fmt_leaves_a_read_only_map_unless_forced_and_goes_on_with_the_others(tmp_path):
    a, b = tmp_path / "a.argmap", tmp_path / "b.argmap"
    a.write_bytes(UGLY)
    b.write_bytes(UGLY)
    a.chmod(0o444)
    r = invoke("fmt", "a.argmap", "b.argmap", cwd=tmp_path)
    assert r.code == 2 and "read-only" in r.err
    assert a.read_bytes() == UGLY and b.read_bytes() == PRETTY
    assert invoke("fmt", "a.argmap", "--force", cwd=tmp_path).code == 0
    assert a.read_bytes() == PRETTY and stat.S_IMODE(a.stat().st_mode) == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_fmt_as_root_keeps_the_files_owner(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(UGLY)
    os.chown(path, 65534, 65534)
    assert invoke("fmt", "m.argmap", cwd=tmp_path).code == 0
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (65534, 65534) and path.read_bytes() == PRETTY


def test_fmt_says_when_it_breaks_a_hard_link(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(UGLY)
    os.link(path, tmp_path / "other-name.argmap")
    r = invoke("fmt", "m.argmap", cwd=tmp_path)
    assert r.code == 0 and "1 other name (hard links); they keep the old content" in r.err


def test_the_same_file_given_twice_is_formatted_once(tmp_path):
    (tmp_path / "m.argmap").write_bytes(UGLY)
    r = invoke("fmt", "m.argmap", "./m.argmap", str(tmp_path / "m.argmap"), cwd=tmp_path)
    assert r.code == 0 and "1 of 1 file reformatted" in r.err


def test_fmt_keeps_an_edit_made_while_it_formats(tmp_path, monkeypatch):
    import argmap.cli

    path = tmp_path / "m.argmap"
    path.write_bytes(UGLY)
    real = argmap.cli.format_source

    def slow(data, file, root):
        result = real(data, file, root)
        path.write_bytes(UGLY + b"// an edit made meanwhile\n")
        return result

    monkeypatch.setattr(argmap.cli, "format_source", slow)
    r = invoke("fmt", "m.argmap", cwd=tmp_path)
    assert r.code == 2 and "changed while it was being formatted" in r.err
    assert path.read_bytes() == UGLY + b"// an edit made meanwhile\n"


@pytest.mark.parametrize("output", ["newd/", "missing/out.svg"])
def test_an_output_in_no_folder_is_refused(tmp_path, output):
    (tmp_path / "m.argmap").write_text(MAP)
    r = invoke("render", "m.argmap", "-f", "dot", "-o", output, cwd=tmp_path)
    assert r.code == 2 and "nothing was written" in r.err
    assert sorted(os.listdir(tmp_path)) == ["m.argmap"]


@pytest.mark.parametrize("value", ["inf", "nan", "1e308", "-1"])
def test_timeouts_that_are_no_time_are_usage_errors(tmp_path, value):
    (tmp_path / "m.argmap").write_text(MAP)
    r = invoke("render", "m.argmap", "-o", "m.svg", "--timeout", value, cwd=tmp_path)
    assert r.code == 2 and "--timeout" in r.err and "internal error" not in r.err


def test_machine_output_is_utf8_whatever_the_terminals_encoding(tmp_path):
    (tmp_path / "m.argmap").write_text("thesis t: Ünïcödé → 😀.\n  + premise p: P.\n",
                                       encoding="utf-8")
    for args in (["export", "m.argmap"], ["render", "m.argmap", "-f", "md"]):
        done = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=tmp_path,
                              capture_output=True, env={**os.environ, "PYTHONIOENCODING": "latin-1"})
        assert done.returncode == 0, done.stderr
        assert "😀" in done.stdout.decode("utf-8"), args
