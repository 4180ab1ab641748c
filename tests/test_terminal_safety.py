"""No raw control sequence from a file name or a map reaches a terminal or a CI
log (issue 14, security). Each test failed before the fix."""

import json

import pytest

from helpers import invoke

ESC = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\x1b[2J"
NAME_ESC = "\x1b[31m\x1b]2;pwned\x07\x1b[2J"  # what a file name can hold


def _clean(r):
    return "\x1b" not in r.out + r.err and "\x07" not in r.out + r.err


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_file_names_with_control_characters(tmp_path, fmt):
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / f"bad{NAME_ESC}.argmap").write_text("thesis t: T.\n")
    r = invoke("check", "maps", "-f", fmt, "--color", "never", cwd=tmp_path)
    assert r.code == 1 and _clean(r), repr(r.out + r.err)
    assert "<U+001B>" in r.out


def test_github_annotations_hold_no_control_characters_from_the_map(tmp_path):
    (tmp_path / "m.argmap").write_text(f"thesis t: T.\n  + @nope{ESC}\n")
    r = invoke("check", "m.argmap", "-f", "github", cwd=tmp_path)
    assert r.code == 1 and _clean(r), repr(r.out)


def test_fmt_messages(tmp_path):
    name = f"m{NAME_ESC}.argmap"
    (tmp_path / name).write_bytes(b"thesis   t: T.\n  + premise p: P.\n")
    r = invoke("fmt", name, cwd=tmp_path)
    assert r.code == 0 and _clean(r), repr(r.err)
    (tmp_path / name).write_bytes(b"thesis   t: T.\n  + premise p: P.\n")
    r = invoke("fmt", "--check", name, cwd=tmp_path)
    assert r.code == 1 and _clean(r), repr(r.out)


def test_import_warnings(tmp_path):
    doc = {"version": 1, "meta": {}, "nodes": [
        {"id": f"bad id{ESC}", "kind": f"wish{ESC}", "text": "T."}], "edges": []}
    (tmp_path / "m.json").write_text(json.dumps(doc))
    r = invoke("import", "m.json", cwd=tmp_path)
    assert r.code == 0 and "warning" in r.err and _clean(r), repr(r.err)


def test_render_section_hint(tmp_path):
    (tmp_path / "m.argmap").write_text(f"# Part {ESC}\n\nthesis t: T.\n  + premise p: P.\n")
    r = invoke("render", "m.argmap", "-f", "dot", "--section", "nope", cwd=tmp_path)
    assert r.code == 2 and _clean(r), repr(r.err)
