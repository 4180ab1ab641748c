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


def _on_cycles(G):
    """The support edges among nodes that may lie on a support cycle.

    Kahn's algorithm peels off every node that no remaining support edge
    reaches; on a map without support cycles that is every node, found in one
    linear pass, and the strongly connected components are never computed.
    """
    succ = G._succ
    indeg = dict.fromkeys(succ, 0)
    for nbrs in succ.values():
        for v, e in nbrs.items():
            if e["relation"] == "support":
                indeg[v] += 1
    ready = [n for n, d in indeg.items() if not d]
    done = 0
    while ready:
        n = ready.pop()
        done += 1
        for v, e in succ[n].items():
            if e["relation"] == "support":
                indeg[v] -= 1
                if not indeg[v]:
                    ready.append(v)
    rest = nx.DiGraph()
    if done < len(indeg):
        left = {n for n, d in indeg.items() if d}
        rest.add_edges_from((u, v) for u in left for v, e in succ[u].items()
                            if v in left and e["relation"] == "support")
    return rest


def check(argmap):
    G = argmap.graph
    support = _on_cycles(G)
    if not support:
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
