"""Support runs in a circle.

When `a` supports `b` and `b` (directly or through others) supports `a`, none
of them is supported by anything outside the circle: the reasoning begs the
question. Each strongly connected set of two or more nodes joined by support
edges is reported once, at its first-declared node, with the circle spelled out.

    thesis t: A holds.
      + claim a: B holds.          <- circular-support: a → b → a
        + claim b: C holds.
          + @a

Fix: find the reason that really supports one of them from outside the circle,
and drop the edge that closes it.
"""

import networkx as nx

from ._base import at_node, label

ID = "circular-support"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    G = argmap.graph
    support = nx.DiGraph()
    support.add_edges_from((u, v) for u, v, r in G.edges(data="relation") if r == "support")
    if support.number_of_edges() == 0:
        return []
    position = {n: i for i, n in enumerate(G)}
    findings = []
    for scc in nx.strongly_connected_components(support):
        if len(scc) < 2:
            continue
        first = min(scc, key=position.__getitem__)
        sub = support.subgraph(scc)
        # spell out one circle: from the first node, back to it by a shortest path
        step = min(sub.successors(first), key=position.__getitem__)
        cycle = [first] + nx.shortest_path(sub, step, first)
        names = " → ".join(label(n, G.nodes[n]) for n in cycle)
        findings.append(at_node(ID, SEVERITY, G.nodes[first],
                                f"support runs in a circle: {names}",
                                "support one of these from outside the circle, "
                                "and drop the edge that closes it"))
    return findings
