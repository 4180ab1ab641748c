"""Each node's stance towards the theses: pro, con, mixed, or none.

The definition: a node is *pro* when a path of support and attack edges with
an even number of attacks leads from it to a thesis, *con* when one with an
odd number does, *mixed* when both do, and has no stance when no such path
exists (a thesis is pro: the empty path). An undercut counts as an attack on
its target (version 1.2). :func:`derive` computes it;
``tests/test_export.py`` holds it to that definition on random graphs.
"""

from __future__ import annotations

from .graph import ArgGraph

_PRO, _CON = 1, 2
_FLIP = (0, _CON, _PRO, _PRO | _CON)
_NAMES = (None, "pro", "con", "mixed")


def derive(graph: ArgGraph) -> None:
    """Write every node's ``stance`` as the definition above says.

    Most maps are written with every reason under what it bears on, so every
    support and attack edge leads to a node declared earlier: then one pass in
    declaration order settles each node from its targets' stances. A map with
    an edge that leads forward is walked from the theses instead.
    """
    if not _in_declaration_order(graph):
        _by_walk(graph)


def _in_declaration_order(graph: ArgGraph) -> bool:
    """Stances in one pass, when every edge leads back; False (every stance
    left unset) as soon as one leads forward."""
    succ = graph.succ
    seen = {}
    for n, d in graph.nodes.items():
        mark = _PRO if d["kind"] == "thesis" else 0
        for v, e in succ[n].items():
            rel = e["relation"]
            if rel == "cite":
                continue
            other = seen.get(v)
            if other is None:  # v comes later: walk instead
                for data in graph.nodes.values():
                    data["stance"] = None
                return False
            mark |= other if rel == "support" else _FLIP[other]
        seen[n] = mark
        d["stance"] = _NAMES[mark]
    return True


def _by_walk(graph: ArgGraph) -> None:
    """Stances by walking back from the theses: down support edges on the same
    side, across attack edges to the other side."""
    nodes, pred = graph.nodes, graph.pred
    reached = ({n for n, d in nodes.items() if d["kind"] == "thesis"}, set())  # pro, con
    todo = (list(reached[0]), [])
    while todo[0] or todo[1]:
        side = 0 if todo[0] else 1
        stack, same, across, other = todo[side], reached[side], todo[1 - side], reached[1 - side]
        while stack:
            for u, e in pred[stack.pop()].items():
                rel = e["relation"]
                if rel == "support":
                    if u not in same:
                        same.add(u)
                        stack.append(u)
                elif rel != "cite" and u not in other:  # an attack or an undercut
                    other.add(u)
                    across.append(u)
    pro, con = reached
    for n in pro:
        nodes[n]["stance"] = "mixed" if n in con else "pro"
    for n in con - pro:
        nodes[n]["stance"] = "con"
