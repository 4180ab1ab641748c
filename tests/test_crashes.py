"""Inputs that made argmap crash or say something wrong (issue 14). Each test
failed before the fix: an internal error, a traceback, or a false message."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from helpers import invoke

MAP = "thesis t: T.\n  + premise p: P.\n"


def _argmap(*args, cwd, **kw):
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True,
                          **kw)


def test_a_closed_standard_output_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    done = subprocess.run(f'"{sys.executable}" -m argmap check m.argmap >&-', shell=True,
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == "argmap: error: standard output is closed\n"


@pytest.mark.parametrize("fmt", ["sarif", "json", "junit", "text", "github"])
def test_a_file_name_that_is_not_utf8(tmp_path, fmt):
    (tmp_path / "maps").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "maps"), b"bad\xff.argmap"), "wb") as fh:
        fh.write(b"thesis t: T.\n")
    done = _argmap("check", "maps", "-f", fmt, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert b"internal error" not in done.stderr
    if fmt == "sarif":
        assert b"bad%FF.argmap" in done.stdout


def test_a_lone_surrogate_in_imported_json_becomes_a_replacement_character(tmp_path):
    (tmp_path / "s.json").write_text('{"version": 1, "meta": {}, "edges": [], "nodes": '
                                     '[{"id": "t", "kind": "thesis", "text": "bad \\ud800 x"}]}')
    r = invoke("import", "s.json", "-o", "s.argmap", cwd=tmp_path)
    assert r.code == 0 and "surrogate" in r.err
    assert (tmp_path / "s.argmap").read_text(encoding="utf-8") == "thesis t: bad \ufffd x\n"


@pytest.mark.parametrize("name, text", [
    ("setup.cfg", "[argmap]\nignore = %(x)s\n"),
    ("pyproject.toml", "tool = 5\n"),
    ("pyproject.toml", b"[tool.argmap]\nstrict = \xff\n"),
    ("pyproject.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n"),
])
def test_bad_configuration_files_are_usage_errors(tmp_path, name, text):
    (tmp_path / "m.argmap").write_text(MAP)
    if isinstance(text, bytes):
        (tmp_path / name).write_bytes(text)
    else:
        (tmp_path / name).write_text(text)
    r = invoke("check", "m.argmap", cwd=tmp_path)
    assert r.code == 2 and "internal error" not in r.err and name in r.err, r.err


@pytest.mark.parametrize("value, code", [("0", 0), ("1", 1), ("true", 1), ("false", 0)])
def test_strict_takes_0_and_1_as_it_takes_true_and_false(tmp_path, value, code):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + premise p: P.\n  - counter c: C.\n"
                                       "    + premise q: Q.\n")
    (tmp_path / "pyproject.toml").write_text(f"[tool.argmap]\nstrict = {value}\n")
    assert invoke("check", "m.argmap", cwd=tmp_path).code == code


def test_checking_nothing_does_not_say_all_checks_passed(tmp_path):
    r = invoke("check", "nonexistent", cwd=tmp_path)
    assert r.code == 2 and "All checks passed" not in r.out
    assert "Not checked: 1 path could not be read" in r.out


def test_fmt_keeps_both_byte_order_marks(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbfthesis   t: T.\n  + premise p: P.\n")
    assert invoke("fmt", "m.argmap", cwd=tmp_path).code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf\xef\xbb\xbfthesis t: T.\n  + premise p: P.\n"


def test_two_pdf_renders_are_the_same_bytes(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    invoke("render", "m.argmap", "-o", "a.pdf", cwd=tmp_path)
    (tmp_path / "b.argmap").write_text(MAP)
    import time

    time.sleep(1.1)  # the creation date had a resolution of a second
    invoke("render", "m.argmap", "-o", "b.pdf", cwd=tmp_path)
    a, b = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert a.startswith(b"%PDF") and a == b


@pytest.mark.parametrize("fmt", ["svg", "png", "dot"])
def test_a_node_text_longer_than_graphviz_strings_renders(tmp_path, fmt):
    text = "word " * 3400 + "x" * 17000
    (tmp_path / "m.argmap").write_text(f"thesis t: {text}\n  + premise p: P.\n")
    r = invoke("render", "m.argmap", "-o", f"m.{fmt}", cwd=tmp_path)
    assert r.code == 0, r.err
    if fmt == "svg":
        assert text.strip() in (tmp_path / "m.svg").read_text()


def test_control_characters_make_valid_graphml_with_a_warning(tmp_path):
    (tmp_path / "m.argmap").write_text("thesis t: T\x01x\x0b.\n  + premise p: P.\n")
    r = invoke("export", "m.argmap", "-f", "graphml", "-o", "m.graphml", cwd=tmp_path)
    assert r.code == 0 and "control characters; written as U+FFFD" in r.err
    ET.parse(tmp_path / "m.graphml")
