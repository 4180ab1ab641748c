"""SVG, PNG and PDF through Graphviz: readable output, engines, time limits, crashes."""

import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.render import render
from argmap.render.layout import LayoutError, layout
from argmap.render.text import wrap
from helpers import HOSTILE
from helpers import ROOT, invoke

SVG = "{http://www.w3.org/2000/svg}"


def _node_texts(svg: str) -> dict[str, str]:
    """The text of each drawn node of an SVG, keyed by the node's DOT name."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            title = g.find(f"{SVG}title").text
            out[title] = [t.text or "" for t in g.iter(f"{SVG}text")]
    return out


def test_svg_parses_and_holds_every_node_text(hostile):
    m = argmap.load(hostile)
    svg = render(m, "svg")
    texts = _node_texts(svg)
    G = m.graph
    for i, (n, d) in enumerate(G.nodes(data=True)):
        if d["kind"] == "source":
            continue
        lines = texts[f"n{i}"]
        assert lines[1:] == wrap(d["text"]), n  # the first line is the kind tag
    assert "<script" not in svg
    links = [a.get("{http://www.w3.org/1999/xlink}href") for a in ET.fromstring(svg).iter(f"{SVG}a")]
    assert all(x.startswith("https://") for x in links if x)


def test_png_and_pdf_magic_and_size():
    m = argmap.load(ROOT / "maps/examples/seminar-debate.argmap")
    png = render(m, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and 20_000 < len(png) < 5_000_000
    width = int.from_bytes(png[16:20], "big")
    assert 800 < width < 5000
    pdf = render(m, "pdf")
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:] and len(pdf) > 5_000


def test_svg_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    outs = []
    for seed in ("0", "7"):
        out = tmp_path / f"{seed}.svg"
        subprocess.run([sys.executable, "-m", "argmap", "render",
                        "maps/examples/seminar-debate.argmap", "-o", str(out)],
                       cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_timeout_leaves_no_file(run, write, tmp_path, tmp_path_factory, monkeypatch):
    write("thesis t: A.\n  + premise p: B.\n")
    (tmp_path / "out.svg").write_text("old")
    # a Graphviz slower than the timeout on any machine (the bundled one laid out
    # this map within 0.1 s about half the time here, and the test then failed)
    slow = _fake_dot(tmp_path_factory.mktemp("slow"), "exec sleep 5")
    monkeypatch.setenv("PATH", slow + os.pathsep + os.environ["PATH"])
    r = run("render", "map.argmap", "-o", "out.svg", "--timeout", "0.1", "--engine", "system")
    assert r.code == 2
    assert "longer than 0.1 s" in r.err and "nothing was written" in r.err
    assert (tmp_path / "out.svg").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["map.argmap", "out.svg"]


def _fake_dot(tmp_path, body):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    dot = bin_dir / "dot"
    dot.write_text("#!/bin/sh\n" + body + "\n")
    dot.chmod(dot.stat().st_mode | stat.S_IEXEC)
    return str(bin_dir)


def test_a_graphviz_crash_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, "kill -SEGV $$"))
    with pytest.raises(LayoutError, match=r"Graphviz crashed \(SIGSEGV\)"):
        layout("digraph { a }", "svg", engine="system")


def test_system_engine_runs_dot_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", _fake_dot(tmp_path, "cat >/dev/null; echo '<svg>fake</svg>'"))
    assert layout("digraph { a }", "svg", engine="system") == b"<svg>fake</svg>\n"


def test_no_engine_exits_2_with_hints_but_dot_still_works(run, write, monkeypatch):
    write("thesis t: A.\n  + premise p: B.\n")
    monkeypatch.setenv("PATH", "/nonexistent")
    r = run("render", "map.argmap", "-o", "out.svg", "--engine", "system")
    assert r.code == 2 and "no `dot` program on PATH" in r.err and "pip install pygraphviz" in r.err
    r = run("render", "map.argmap", "-f", "dot")
    assert r.code == 0 and r.out.startswith("digraph argmap {")


def test_format_from_suffix_and_errors(run, write, tmp_path):
    write("thesis t: A.\n  + premise p: B.\n")
    assert run("render", "map.argmap", "-o", "out.dot").code == 0
    assert (tmp_path / "out.dot").read_text().startswith("digraph")
    assert run("render", "map.argmap", "-o", "out.xyz").code == 2
    assert run("render", "map.argmap").code == 2
    r = run("render", "map.argmap", "-f", "dot", "--focus", "tt")
    assert r.code == 2 and "did you mean t" in r.err
    r = run("render", "map.argmap", "-f", "dot", "--section", "Nope")
    assert r.code == 2


def test_broken_map_is_refused(run, write, tmp_path):
    write("thesis t: A.\n  premise p: B.\n")
    r = run("render", "map.argmap", "-o", "out.svg")
    assert r.code == 1 and "error[syntax]" in r.err
    assert not (tmp_path / "out.svg").exists()


def test_every_map_renders_in_every_format(tmp_path):
    for path in sorted((ROOT / "maps").rglob("*.argmap")):
        if path.name == "sources.argmap":
            continue
        for fmt in ("dot", "svg", "png", "pdf", "md", "html"):
            out = tmp_path / f"{path.stem}.{fmt}"
            r = invoke("render", path, "-o", out)
            assert r.code == 0, (path, fmt, r.err)
            assert out.stat().st_size > 500


def test_hostile_text_renders_literally_in_every_diagram_format(hostile, tmp_path):
    m = argmap.load(hostile)
    for fmt in ("svg", "png", "pdf"):
        assert render(m, fmt)
    svg = render(m, "svg")
    flat = " ".join(t for lines in _node_texts(svg).values() for t in lines)
    for text in HOSTILE:
        for word in text.split():
            assert word in flat, word
