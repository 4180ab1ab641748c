import os

import pytest

import argmap


def check(tmp_path, files, main="main.argmap"):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    m = argmap.load(tmp_path / main)
    return m, [(f.rule, os.path.basename(f.file), f.line) for f in argmap.check(m)]


BASE = "thesis t: A.\n  + @p\n"


def test_include_joins_the_namespace(tmp_path):
    m, found = check(tmp_path, {"main.argmap": "include parts/p.argmap\n" + BASE,
                                "parts/p.argmap": "premise p: B.\n"})
    assert found == []
    assert m.graph.nodes["p"]["file"].endswith(os.path.join("parts", "p.argmap"))
    assert m.files == [str(tmp_path / "main.argmap"), str(tmp_path / "parts" / "p.argmap")]


def test_quoted_path(tmp_path):
    _, found = check(tmp_path, {"main.argmap": 'include "my parts.argmap"\n' + BASE,
                                "my parts.argmap": "premise p: B.\n"})
    assert found == []


@pytest.mark.parametrize("line", ["include missing.argmap", "include /etc/passwd",
                                  "include ../outside.argmap", "include sub"])
def test_bad_include_is_an_error_at_its_line(tmp_path, line):
    (tmp_path.parent / "outside.argmap").write_text("premise p: B.\n")
    (tmp_path / "sub").mkdir()
    _, found = check(tmp_path, {"main.argmap": "\n" + line + "\n" + BASE})
    assert found == [("include", "main.argmap", 2)]


def test_symlink_out_of_the_root(tmp_path):
    outside = tmp_path.parent / "secret.argmap"
    outside.write_text("premise p: B.\n")
    (tmp_path / "link.argmap").symlink_to(outside)
    _, found = check(tmp_path, {"main.argmap": "include link.argmap\n" + BASE})
    assert found == [("include", "main.argmap", 1)]


def test_fifo_is_refused_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.argmap")
    _, found = check(tmp_path, {"main.argmap": "include pipe.argmap\n" + BASE})
    assert found == [("include", "main.argmap", 1)]


def test_cycle_shows_the_chain(tmp_path):
    m, found = check(tmp_path, {"main.argmap": "include a.argmap\n" + BASE,
                                "a.argmap": "include b.argmap\npremise p: B.\n",
                                "b.argmap": "include a.argmap\n"})
    assert found == [("include", "b.argmap", 1)]
    a, b = tmp_path / "a.argmap", tmp_path / "b.argmap"
    assert m.findings[0].message == f"an include cycle: {a} → {b} → {a}"


def test_a_file_included_twice_is_read_once(tmp_path):
    m, found = check(tmp_path, {"main.argmap": "include a.argmap\ninclude a.argmap\n" + BASE,
                                "a.argmap": "premise p: B.\n"})
    assert found == []
    assert len(m.files) == 2


def test_syntax_error_in_an_included_file_stops_the_map(tmp_path):
    m, found = check(tmp_path, {"main.argmap": "include a.argmap\nclaim c: unsupported\n",
                                "a.argmap": "bad line\n"})
    assert found == [("syntax", "a.argmap", 1)]
    assert m.graph is None


def test_included_lines_stand_at_the_include_line(tmp_path):
    m, _ = check(tmp_path, {"main.argmap": "premise a: A.\ninclude b.argmap\npremise c: C.\n",
                            "b.argmap": "premise b: B.\n"})
    assert list(m.graph) == ["a", "b", "c"]


def test_sections_of_included_files(tmp_path):
    m, _ = check(tmp_path, {
        "main.argmap": "# One\ninclude b.argmap\npremise c: C.\n",
        "b.argmap": "premise b: B.\n# Two\npremise d: D.\n",
    })
    sections = dict(m.graph.nodes(data="section"))
    assert sections == {"b": "One", "d": "Two", "c": "One"}


def test_included_front_matter_is_checked_not_joined(tmp_path):
    m, found = check(tmp_path, {
        "main.argmap": "---\ntitle: Main\n---\ninclude b.argmap\n",
        "b.argmap": "---\ntitle: B\ntitle: again\n---\n",
    })
    assert found == [("syntax", "b.argmap", 3)]
    m, found = check(tmp_path, {"b.argmap": "---\nauthor: B\n---\n"})
    assert m.meta == {"title": "Main"}


def test_diamond_reads_each_file_once(tmp_path):
    files = {"main.argmap": "include l0.argmap\ninclude r0.argmap\n"}
    for i in range(30):
        nxt = f"include l{i + 1}.argmap\ninclude r{i + 1}.argmap\n" if i < 29 else ""
        files[f"l{i}.argmap"] = nxt
        files[f"r{i}.argmap"] = f"include l{i + 1}.argmap\n" if i < 29 else ""
    m, found = check(tmp_path, files)
    assert found[0][0] == "no-thesis"
    assert len(m.files) == len(set(m.real_paths)) == 61
