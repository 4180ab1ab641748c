"""Parser behaviour beyond the conformance corpus: positions, odd input, scale."""

import subprocess
import sys

import argmap
from helpers import findings, load_text


def test_positions_of_nodes_and_edges():
    m = load_text("// c\nthesis t: A.\n\n  + premise p: B.\n    - q: C.\n")
    G = m.graph
    assert (G.nodes["t"]["line"], G.nodes["t"]["column"]) == (2, 1)
    assert (G.nodes["p"]["line"], G.nodes["p"]["column"]) == (4, 3)
    assert (G.nodes["q"]["kind"], G.nodes["q"]["column"]) == ("counter", 5)
    assert G.edges["p", "t"]["line"] == 4 and G.edges["p", "t"]["file"] == "map.argmap"


def test_anonymous_ids_are_stable_and_start_with_underscore(tmp_path):
    text = "thesis t: A.\n  + First reason.\n  + claim: Second.\n"
    ids = [list(load_text(text).graph) for _ in range(2)]
    assert ids[0] == ids[1] == ["t", "_2", "_3"]
    (tmp_path / "b.argmap").write_text("premise p: P.\n  + Anonymous.\n")
    m = load_text("include b.argmap\nthesis t: A.\n  + @p\n", tmp_path)
    assert "_1_2" in m.graph


def test_columns_count_code_points():
    text = "thesis t: Россия.\n  + premise p: 中国.\n    cite: @нет\n"
    m = argmap.loads(text)
    [f] = argmap.check(m)
    assert (f.rule, f.line, f.column) == ("syntax", 3, 11)


def test_crlf_and_mixed_line_ends():
    m = argmap.loads("thesis t: A.\r\n  + premise p: B.\n  + premise q: C.\r\n")
    assert m.ok and m.graph.nodes["q"]["text"] == "C."


def test_text_keeps_colons_slashes_and_markup_literally():
    text = 'thesis t: See https://x.org/a//b: <b>"quoted"</b> \\n \\l.\n  + premise p: B.\n'
    assert load_text(text).graph.nodes["t"]["text"] == (
        'See https://x.org/a//b: <b>"quoted"</b> \\n \\l.')


def test_attributes_are_collected():
    text = """\
    thesis t: A.
      + evidence e: B.
        tags: a, b,, a
        note: one
        cite: Free text
        tags: c
        note: two
        weight: 0.8
        expect: accepted
    """
    d = load_text(text).graph.nodes["e"]
    assert d["tags"] == ["a", "b", "c"]
    assert d["note"] == "one\ntwo"
    assert d["cite"] == ["Free text"]
    assert (d["weight"], d["expect"]) == (0.8, "accepted")


def test_link_groups_and_relation_of_ampersand():
    text = """\
    counter x: X.
      + premise s: S.
      - a: A.
      & b: B.
      - c: C.
    """
    G = load_text(text).graph
    assert G.nodes["b"]["kind"] == "rebuttal"
    assert G.edges["b", "x"]["relation"] == "attack"
    assert G.edges["a", "x"]["group"] == G.edges["b", "x"]["group"] == "g1"
    assert G.edges["c", "x"]["group"] is None and G.edges["s", "x"]["group"] is None


def test_attribute_between_siblings_does_not_break_a_group():
    G = load_text("thesis t: A.\n  + premise a: B.\n  note: n\n  & premise b: C.\n").graph
    assert G.edges["a", "t"]["group"] == G.edges["b", "t"]["group"] is not None


def test_deep_indentation_needs_no_recursion(tmp_path):
    depth = 10_000
    lines = ["thesis t: A."] + [" " * (2 * i) + "+ claim: C." for i in range(1, depth)]
    lines.append(" " * (2 * depth) + "+ premise: P.")
    code = (
        "import sys, argmap; sys.setrecursionlimit(200);"
        "m = argmap.load(sys.argv[1]); f = argmap.check(m);"
        "print(m.graph.number_of_nodes(), len(f))"
    )
    path = tmp_path / "deep.argmap"
    path.write_text("\n".join(lines) + "\n")
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(depth + 1), "0"]


def test_very_long_line():
    m = argmap.loads("thesis t: " + "x" * 10_000_000 + "\n  + premise p: B.\n")
    assert m.ok and len(m.graph.nodes["t"]["text"]) == 10_000_000


def test_empty_and_comment_only_files():
    assert findings("") == [("no-thesis", 1)]
    assert findings("// only\n   \n\t\n// comments\n") == [("no-thesis", 1)]


def test_front_matter_meta():
    m = load_text("---\ntitle: T: a subtitle\n// c\n\nx-custom: kept\ndescription:\n---\n")
    assert m.meta == {"title": "T: a subtitle", "x-custom": "kept", "description": ""}


def test_a_line_that_continues_a_nodes_text_says_text_stays_on_one_line():
    m = argmap.loads("thesis t: Cities should ban cars\n  from their centres.\n  + premise p: P.\n")
    [f] = m.findings
    assert (f.line, f.message) == (2, "a node's text stays on one line")
    assert "join this line to the one above it" in f.hint


def test_a_tab_error_brings_no_second_finding_on_the_next_line():
    m = argmap.loads("thesis t: T.\n  + premise p: P.\n    \t+ premise q: Q.\n"
                     "    + premise r: R.\n")
    assert [(f.line, f.message) for f in m.findings] == [(3, "a tab in the indentation")]
    assert [f.line for f in argmap.loads("thesis t: T.\n  \t// comment\n").findings] == [2]
