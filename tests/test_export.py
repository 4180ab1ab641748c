"""Exports: JSON exactly as section 5 says, GraphML that networkx reads back, Mermaid
that Mermaid parses."""

import io
import json

import networkx as nx
import pytest

import argmap
from argmap.export import as_dict, to_graphml, to_json, to_mermaid
from helpers import ROOT, hostile_map, invoke, load_text
import mermaid_check

MAP = """\
---
title: T
lang: en
---
# Part
source s: A book.
thesis t: A.
  + evidence e: B.
    cite: @s, p. 2
    tags: x, y
  + premise p: C.
  & premise q: D.
  - counter c: E.
    note: first
    note: second
    url: https://example.org/c
    + @p
"""


def test_json_exact():
    data = as_dict(load_text(MAP))
    assert data["version"] == 1 and data["meta"] == {"title": "T", "lang": "en"}
    assert [n["id"] for n in data["nodes"]] == ["s", "t", "e", "p", "q", "c"]
    assert data["nodes"][2] == {
        "id": "e", "kind": "evidence", "text": "B.", "section": "Part", "stance": "pro",
        "cite": ["@s, p. 2"], "tags": ["x", "y"], "note": None, "url": None,
        "weight": None, "expect": None, "cq": [], "file": "map.argmap", "line": 8,
        "column": 3,
    }
    c = data["nodes"][5]
    assert (c["note"], c["url"], c["stance"]) == ("first\nsecond", "https://example.org/c", "con")
    p = data["nodes"][3]
    assert p["stance"] == "mixed"
    assert [(e["source"], e["target"], e["relation"], e["group"]) for e in data["edges"]] == [
        ("e", "t", "support", None), ("e", "s", "cite", None), ("p", "t", "support", "g1"),
        ("q", "t", "support", "g1"), ("c", "t", "attack", None), ("p", "c", "support", None),
    ]


def test_json_round_trips_through_the_text():
    text = to_json(load_text(MAP))
    assert json.loads(text) == as_dict(load_text(MAP))


def test_graphml():
    m = load_text(MAP)
    G = nx.read_graphml(io.BytesIO(to_graphml(m).encode()))
    assert list(G) == list(m.graph)
    assert set(G.edges) == set(m.graph.edges)
    assert G.nodes["e"]["tags"] == "x\ny" and G.nodes["e"]["line"] == 8
    assert G.edges["q", "t"]["group"] == "g1"
    assert G.graph["title"] == "T"


def test_json_writer_agrees_with_the_json_module_on_hostile_text():
    from argmap.evaluate import evaluate
    from helpers import hostile_map

    m = load_text(hostile_map() + "premise w: W.\n  weight: 0.25\n")
    assert json.loads(to_json(m)) == json.loads(json.dumps(as_dict(m)))
    ev = evaluate(m)
    assert json.loads(to_json(m, ev)) == json.loads(json.dumps(as_dict(m, ev)))


def _stance_oracle(G):
    """Stances by reachability in the graph of (node, parity of the attacks on the way)."""
    H = nx.DiGraph()
    H.add_nodes_from((n, p) for n in G for p in (0, 1))
    for u, v, r in G.edges(data="relation"):
        if r != "cite":
            flip = r == "attack"
            H.add_edges_from(((u, p), (v, p ^ flip)) for p in (0, 1))
    theses = [t for t in G if G.nodes[t]["kind"] == "thesis"]
    out = {}
    for n in G:
        reach = nx.descendants(H, (n, 0)) | {(n, 0)}
        pro, con = (any((t, p) in reach for t in theses) for p in (0, 1))
        out[n] = {(True, True): "mixed", (True, False): "pro", (False, True): "con"}.get((pro, con))
    return out


def test_stances_are_parities_of_paths_to_a_thesis():
    # both ways the loader derives them: one pass when every edge leads back to an
    # earlier node (child lines, relation lines to earlier nodes), a walk otherwise
    import random

    import argmap

    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 8)
        kinds = [rng.choice(["thesis", "claim", "premise", "counter"]) for _ in range(n)]
        lines = [f"{k} a{i}: A{i}." for i, k in enumerate(kinds)]
        forward = rng.random() < 0.5
        for _ in range(rng.randint(0, 10)):
            i, j = rng.randrange(n), rng.randrange(n)
            if not forward:
                i, j = max(i, j), min(i, j)
            if i != j:
                lines.append(f"@a{i} {rng.choice(['supports', 'attacks'])} @a{j}")
        m = argmap.loads("\n".join(lines) + "\n")
        want = _stance_oracle(m.graph)
        assert {x: d["stance"] for x, d in m.nodes.items()} == want, lines


def test_ordered_edges_follow_the_order_numbers_however_they_run():
    import argmap
    from argmap.export import ordered_edges

    m = argmap.loads("thesis t: T.\n  + premise p: P.\n  - counter c: C.\n    - rebuttal r: R.\n"
                     "      + premise q: Q.\n@q supports @t\n")
    loaded = [(u, v) for u, v, _ in ordered_edges(m.succ)]
    assert loaded == [("p", "t"), ("c", "t"), ("r", "c"), ("q", "r"), ("q", "t")]
    for u, v, d in ordered_edges(m.succ):
        d["order"] = 100 - d["order"] * 10  # gaps, and backwards
    assert [(u, v) for u, v, _ in ordered_edges(m.succ)] == loaded[::-1]
    # numbers below 1, and one number twice (placed, they would leave a gap)
    for numbers in ([2, 3, -1, 4, 1], [2, 0, 1, 4, 3], [1, 1, 2, 3, 4], [5, 4, 3, 2, 1]):
        for (u, v, d), number in zip(ordered_edges(m.succ), numbers):
            d["order"] = number
        edges = [(d["order"], u, v) for u, nbrs in m.succ.items() for v, d in nbrs.items()]
        want = [(u, v) for _, u, v in sorted(edges, key=lambda e: e[0])]
        assert [(u, v) for u, v, _ in ordered_edges(m.succ)] == want, numbers


def test_mermaid_export_of_every_map_and_of_hostile_text_parses():
    if mermaid_check.REASON:
        pytest.skip(mermaid_check.REASON)
    maps = [argmap.load(p) for p in ROOT.joinpath("maps").rglob("*.argmap")
            if p.name != "sources.argmap"]
    hostile = argmap.loads(hostile_map())
    diagrams = [to_mermaid(m) for m in maps] + [to_mermaid(hostile)]
    assert mermaid_check.parse_results(diagrams) == ["OK"] * len(diagrams)
    text = to_mermaid(hostile)
    for raw in ('"no"', "<script>", "`code`"):
        assert raw not in text
    run = invoke("export", str(ROOT / "maps/examples/evaluation.argmap"), "-f", "mermaid")
    assert run.code == 0 and run.out.startswith("flowchart BT\n")
    assert "mermaid can't hold 2 citations" in run.err
