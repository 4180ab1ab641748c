"""DOT: synthetic ids, escaping that Graphviz reads back, allowlisted attributes."""

import re
import subprocess
import sys

import pydot
import pygraphviz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.render import render
from argmap.render.dot import CONTEXT_STYLE, EDGE_STYLE, KIND_STYLE, DotOptions, build
from argmap.render.text import wrap
from helpers import HOSTILE, IDS
from helpers import ROOT

ALLOWED = ({"label", "tooltip", "id", "URL", "target", "shape", "width", "height"}
           | {k for s in KIND_STYLE.values() for k in s} - {"tag"}
           | {k for s in EDGE_STYLE.values() for k in s} | set(CONTEXT_STYLE)
           | {"dir", "arrowhead", "weight", "fontname", "fontsize", "margin", "arrowsize"})


def _unquote(value):
    assert value.startswith('"') and value.endswith('"'), value
    out, i, body = [], 0, value[1:-1]
    while i < len(body):
        if body[i] == "\\":
            out.append(body[i + 1])  # only \\ and \" are ever written
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def test_ids_are_synthetic_and_tooltips_read_back_exactly(hostile):
    m = argmap.load(hostile)
    text = render(m, "dot")
    parsed = pydot.graph_from_dot_data(text)[0]
    names = {n.get_name() for n in parsed.get_nodes()} - {"node", "edge", "graph"}
    for name in names:
        assert re.fullmatch(r"n\d+|j\d+|legend|footnotes", name), name
    by_tooltip = {_unquote(n.get("tooltip")) for n in parsed.get_nodes() if n.get("tooltip")}
    for t in HOSTILE:
        assert t in by_tooltip
    # the map's ids (node, edge, graph, strict, …) never become DOT ids
    statements = re.findall(r"^(\w+) \[", text, re.M)
    assert statements.count("node") == statements.count("edge") == 1  # only the defaults
    for name in set(statements) - {"node", "edge"}:
        assert re.fullmatch(r"n\d+|j\d+|legend|footnotes", name), name
    assert set(IDS) - {"n0"} <= {n for n in argmap.load(hostile).graph}


def test_pygraphviz_reads_the_same_nodes_and_labels(hostile):
    m = argmap.load(hostile)
    A = pygraphviz.AGraph(string=render(m, "dot"))
    drawn = [n for n in A.nodes() if re.fullmatch(r"n\d+", n)]
    assert len(drawn) == sum(1 for _, d in m.graph.nodes(data=True) if d["kind"] != "source")
    tooltips = {A.get_node(n).attr["tooltip"] for n in drawn}
    # Graphviz keeps the escapes of escString attributes as written: \\ stays doubled
    assert {t.replace("\\\\", "\\") for t in tooltips} >= set(HOSTILE)


def test_only_allowlisted_attributes(hostile):
    dot = build(argmap.load(hostile), DotOptions(sources="nodes"))
    for node in dot.get_nodes() + [n for s in dot.get_subgraphs() for n in s.get_nodes()]:
        assert set(node.get_attributes()) <= ALLOWED, node.get_attributes()
    for edge in dot.get_edges():
        assert set(edge.get_attributes()) <= ALLOWED, edge.get_attributes()


def test_html_labels_hold_only_escaped_text(hostile):
    text = render(argmap.load(hostile), "dot")
    labels = re.findall(r"label=<(.*?)>[,\]]", text)
    for label in labels:
        stripped = re.sub(r"</?(FONT|B|BR|TABLE|TR|TD)\b[^<>]*>", "", label)
        assert "<" not in stripped and ">" not in stripped, label


def test_links_only_for_http_urls(hostile):
    text = render(argmap.load(hostile), "dot")
    assert "javascript" not in re.findall(r'URL="([^"]*)"', text).__str__()
    assert 'URL="https://example.org/a?b=1&c=<2>"' not in text  # refused: < and > in a URL
    m = argmap.loads("thesis t: A.\n  url: https://example.org/x\n  + premise p: B.\n")
    assert 'URL="https://example.org/x"' in render(m, "dot")


def test_groups_meet_at_one_junction():
    m = argmap.loads("thesis t: A.\n  + premise a: B.\n  & premise b: C.\n  & premise c: D.\n")
    text = render(m, "dot")
    assert text.count("shape=point") == 1
    drawn = {(u, v): _drawn(e) for (u, v), e in _edges(text).items()}
    assert drawn == {("n0", "j0"): ("back", "solid", "normal"),
                     ("j0", "n1"): ("none", "solid", "normal"),
                     ("j0", "n2"): ("none", "solid", "normal"),
                     ("j0", "n3"): ("none", "solid", "normal")}


def _edges(text):
    """Each edge's attributes as Graphviz reads them, defaults included."""
    graph = pygraphviz.AGraph(string=text)
    keys = ("dir", "style", "arrowtail", "arrowhead", "color", "penwidth")
    return {(str(e[0]), str(e[1])): {k: e.attr[k] for k in keys} for e in graph.edges()}


def _drawn(attr):
    return attr["dir"], attr["style"], attr["arrowtail"]


def test_support_and_attack_differ_by_line_and_arrowhead():
    m = argmap.loads("thesis t: A.\n  + premise p: B.\n  - counter c: C.\n    + premise q: D.\n"
                     "  + evidence e: E.\n    cite: @s\nsource s: S.\n")
    edges = _edges(render(m, "dot", _o(sources="nodes")))
    assert _drawn(edges["n0", "n1"]) == ("back", "solid", "normal")  # support
    assert _drawn(edges["n0", "n2"]) == ("back", "dashed", "tee")  # attack
    assert _drawn(edges["n2", "n3"]) == ("back", "solid", "normal")
    assert edges["n0", "n1"]["color"] != edges["n0", "n2"]["color"]
    cite = edges["n4", "n5"]  # from the evidence to its source: a dotted line, no arrow
    assert (cite["dir"], cite["style"], cite["arrowhead"]) == ("forward", "dotted", "none")


def test_direction_sections_focus_and_sources():
    m = argmap.load(ROOT / "maps/examples/essay-outline.argmap")
    assert "rankdir=LR" in render(m, "dot", _o(direction="LR"))
    text = render(m, "dot")
    assert text.count("subgraph cluster_") == 4 and 'label="Safety"' in text
    focused = render(m, "dot", _o(focus="safety", depth=1))
    assert focused.count("tooltip=") == 4  # safety, the thesis, and its two reasons
    assert "Sources" not in render(m, "dot", _o(sources="hide"))
    assert "legend" not in render(m, "dot", _o(legend=False))
    m2 = argmap.load(ROOT / "maps/examples/shared-sources/labels.argmap")
    with_nodes = render(m2, "dot", _o(sources="nodes"))
    assert "style=dotted, color=\"#808080\"" in with_nodes and "SOURCE" in with_nodes
    section = render(m, "dot", _o(section="Cost"))
    assert "cluster" not in section and "in § Thesis" in section


def test_long_text_wraps_at_about_40_characters():
    lines = wrap("word " * 30)
    assert all(len(line) <= 40 for line in lines) and len(lines) == 4


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_dot_is_byte_identical_whatever_the_hash_seed(seed):
    code = ("import argmap, sys; from argmap.render import render;"
            "sys.stdout.write(render(argmap.load('maps/russia-turn-to-asia.argmap'), 'dot'))")
    env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT).stdout
    assert out == _reference()


_REF = {}


def _reference():
    if "dot" not in _REF:
        _REF["dot"] = render(argmap.load(ROOT / "maps/russia-turn-to-asia.argmap"), "dot")
    return _REF["dot"]


def _o(**kw):
    from argmap.render import RenderOptions

    return RenderOptions(dot=DotOptions(**kw))


_VARIANTS = [{}, {"sources": "nodes"}, {"sources": "hide", "legend": False, "direction": "LR"},
             {"fast": True}, {"section": "Safety"}, {"id_prefix": "p_", "links": "outline"}]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(st.sampled_from("ab c\t\n-xyz\u00e9\x01"), max_size=120), st.integers(1, 45))
def test_wrap_is_textwraps(text, width):
    import textwrap

    from argmap.render.text import clean

    expected = textwrap.wrap(clean(text), width, break_long_words=True,
                             break_on_hyphens=False) or [""]
    assert wrap(text, width) == expected


def test_dot_is_made_through_pydots_public_api_only():
    """No module of argmap reaches into pydot's private structures."""
    for path in (ROOT / "argmap").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "obj_dict" not in text and "pydot.core" not in text, path


@pytest.mark.parametrize("variant", _VARIANTS)
def test_the_dot_reads_back_as_the_graph_built(hostile, variant):
    """The DOT text, read back by pydot, has the nodes and edges build() made."""
    for path in sorted(ROOT.glob("maps/**/*.argmap")) + [hostile]:
        m = argmap.load(path)
        if not m.ok:
            continue
        graph = build(m, DotOptions(**variant))
        [back] = pydot.graph_from_dot_data(graph.to_string())

        def members(g):
            nodes = {n.get_name() for n in g.get_nodes()} - {"node", "edge", "graph"}
            edges = [(e.get_source(), e.get_destination()) for e in g.get_edges()]
            for sub in g.get_subgraphs():
                more_nodes, more_edges = members(sub)
                nodes |= more_nodes
                edges += more_edges
            return nodes, edges

        assert members(back) == members(graph), path


def test_overview_folds_reasons_into_counts():
    from argmap.render import DotOptions, RenderOptions

    m = argmap.loads(
        "thesis t: T.\n  + claim c: C.\n    + premise p: P.\n    + evidence e: E.\n"
        "      cite: x\n    + evidence f: F.\n      cite: y\n  - counter k: K.\n"
        "    + premise q: Q.\n    - rebuttal r: R.\n      + premise s: S.\n")
    dot = render(m, "dot", RenderOptions(dot=DotOptions(overview=True)))
    drawn = set(re.findall(r"^(n\d+) \[", dot, re.M))
    assert drawn == {"n0", "n1", "n5", "n7"}  # t, c, k, r: no premise, no evidence
    assert "+ 2 evidence, 1 premise" in dot and dot.count("+ 1 premise") == 2
    assert 'size="10.4,7.2"' in dot and "rankdir=LR" in dot


def test_the_flagship_overview_fits_a_landscape_a4_page(tmp_path):
    from argmap.render import DotOptions, RenderOptions

    pdf = render(argmap.load(ROOT / "maps" / "russia-turn-to-asia.argmap"), "pdf",
                 RenderOptions(dot=DotOptions(overview=True)))
    box = re.search(rb"/MediaBox ?\[ ?0 0 ([\d.]+) ([\d.]+) ?\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert width <= 842 and height <= 595  # A4 landscape, in points


def test_section_titles_sit_where_the_sections_edges_do_not_leave():
    m = argmap.loads("# A\nthesis t: T.\n# B\nclaim c: C.\n  + premise p: P.\n@c supports @t\n")
    from argmap.render import DotOptions, RenderOptions

    top_down = render(m, "dot")
    assert top_down.count("labelloc=b") == 2  # edges leave upwards, towards the thesis
    bottom_up = render(m, "dot", RenderOptions(dot=DotOptions(direction="BT")))
    assert "labelloc=b" not in bottom_up and bottom_up.count("labelloc=t") >= 2
