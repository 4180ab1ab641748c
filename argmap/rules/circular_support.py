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

from ._base import at_node, label

ID = "circular-support"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def _on_cycles(argmap):
    """The support edges among nodes that may lie on a support cycle, as a list.

    Walk the nodes in declaration order: a circle has to climb back to where it
    started, so it holds at least one support edge from a node to one declared
    no earlier. Most maps (reasons written under what they support) have none,
    and that one pass settles it. Otherwise Kahn's algorithm peels off every
    node that no remaining support edge reaches, and what is left is returned.
    """
    succ = argmap.succ
    position = {n: i for i, n in enumerate(succ)}
    if not any(e["relation"] == "support" and position[v] >= position[u]
               for u, nbrs in succ.items() for v, e in nbrs.items()):
        return []
    left = _peel(succ)
    return [(u, v) for u in left for v, e in succ[u].items()
            if v in left and e["relation"] == "support"]


def _peel(succ) -> set[str]:
    """Kahn's algorithm on the support edges: the nodes it can't peel off."""
    indeg = dict.fromkeys(succ, 0)
    for nbrs in succ.values():
        for v, e in nbrs.items():
            if e["relation"] == "support":
                indeg[v] += 1
    ready = [n for n, d in indeg.items() if not d]
    while ready:
        n = ready.pop()
        for v, e in succ[n].items():
            if e["relation"] == "support":
                indeg[v] -= 1
                if not indeg[v]:
                    ready.append(v)
    return {n for n, d in indeg.items() if d}


def check(argmap):
    edges = _on_cycles(argmap)
    if not edges:
        return []
    import networkx as nx  # slow to import (0.2 s): only for a map that may have a circle

    support = nx.DiGraph(edges)
    nodes = argmap.nodes
    position = {n: i for i, n in enumerate(nodes)}
    findings = []
    for scc in nx.strongly_connected_components(support):
        if len(scc) < 2:
            continue
        first = min(scc, key=position.__getitem__)
        sub = support.subgraph(scc)
        # spell out one circle: from the first node, back to it by a shortest path
        step = min(sub.successors(first), key=position.__getitem__)
        cycle = [first] + nx.shortest_path(sub, step, first)
        names = " → ".join(label(n, nodes[n]) for n in cycle)
        findings.append(at_node(ID, SEVERITY, nodes[first],
                                f"support runs in a circle: {names}",
                                "support one of these from outside the circle, "
                                "and drop the edge that closes it"))
    return findings
