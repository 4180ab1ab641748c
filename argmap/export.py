"""Machine-readable exports of a built map: JSON (section 5) and GraphML.

Each exporter takes a built :class:`~argmap.model.Map` and returns text.
"""

from __future__ import annotations

import json

import networkx as nx

NODE_FIELDS = ("kind", "text", "section", "stance", "cite", "tags", "note", "url",
               "weight", "expect", "file", "line", "column")


def ordered_edges(G):
    """The edges in the order first stated."""
    return sorted(G.edges(data=True), key=lambda e: e[2]["order"])


def as_dict(argmap) -> dict:
    """The map as section 5 of the language reference describes."""
    G = argmap.graph
    nodes = []
    for n, d in G.nodes(data=True):
        item = {"id": n}
        for key in NODE_FIELDS:
            item[key] = d[key]
        nodes.append(item)
    edges = [
        {"source": u, "target": v, "relation": d["relation"], "group": d["group"],
         "file": d["file"], "line": d["line"]}
        for u, v, d in ordered_edges(G)
    ]
    return {"version": 1, "meta": dict(argmap.meta), "nodes": nodes, "edges": edges}


def to_json(argmap) -> str:
    return json.dumps(as_dict(argmap), ensure_ascii=False, indent=2) + "\n"


def to_graphml(argmap) -> str:
    """GraphML through networkx: lists become newline-joined strings, nulls are left out."""
    G = argmap.graph
    H = nx.DiGraph()
    H.graph.update({k: str(v) for k, v in argmap.meta.items()})
    for n, d in G.nodes(data=True):
        attrs = {}
        for key in NODE_FIELDS:
            value = d[key]
            if isinstance(value, list):
                value = "\n".join(value)
            if value is not None and value != "":
                attrs[key] = value
        H.add_node(n, **attrs)
    for u, v, d in ordered_edges(G):
        attrs = {k: d[k] for k in ("relation", "group", "file", "line") if d[k] is not None}
        H.add_edge(u, v, **attrs)
    return "\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n"


#: export formats, by name, with the function that writes each
EXPORTERS = {"json": to_json, "graphml": to_graphml}
