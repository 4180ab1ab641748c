"""Exports: JSON exactly as section 5 says, GraphML that networkx reads back."""

import io
import json

import networkx as nx

from argmap.export import as_dict, to_graphml, to_json
from helpers import load_text

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
        "weight": None, "expect": None, "file": "map.argmap", "line": 8, "column": 3,
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
