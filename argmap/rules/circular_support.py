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
    """The nodes that may lie on a support cycle, and the support edges among them.

    Peels off, in linear time, every node with no incoming or no outgoing support
    among those left: what remains is usually nothing, so the strongly connected
    components are computed on a small graph only.
    """
    succ = {n: [] for n in G}
    indeg = dict.fromkeys(G, 0)
    for u, nbrs in G._succ.items():
        for v, e in nbrs.items():
            if e["relation"] == "support":
                succ[u].append(v)
                indeg[v] += 1
    pred = {n: [] for n in G}
    for u, vs in succ.items():
        for v in vs:
            pred[v].append(u)
    outdeg = {n: len(vs) for n, vs in succ.items()}
    gone = set()
    stack = [n for n in G if not indeg[n] or not outdeg[n]]
    while stack:
        n = stack.pop()
        if n in gone:
            continue
        gone.add(n)
        for v in succ[n]:
            indeg[v] -= 1
            if not indeg[v] and v not in gone:
                stack.append(v)
        for u in pred[n]:
            outdeg[u] -= 1
            if not outdeg[u] and u not in gone:
                stack.append(u)
    rest = nx.DiGraph()
    rest.add_edges_from((u, v) for u, vs in succ.items() if u not in gone
                        for v in vs if v not in gone)
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
