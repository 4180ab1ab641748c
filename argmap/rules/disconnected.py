"""An argument node leads to no thesis.

Where a map has a thesis, every argument node (every kind but `source`) should
bear on one: there should be a path of support and attack edges from it to a
thesis. A node without one is off the point, or misses a relation.

    thesis t: Russia failed to become a balancer in East Asia.
      + premise p: Moscow increasingly supports Beijing.
    claim lone: Japan lacks strategic autonomy.             <- disconnected
      + premise lp: Tokyo depends on the US for security.   <- disconnected

Fix: relate it (`@lone supports @t`), or delete it.
"""

from collections import deque

from ._base import at_node, label

ID = "disconnected"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    G = argmap.graph
    nodes = G._node
    seen = {n for n, d in nodes.items() if d["kind"] == "thesis"}
    if not seen:
        return []
    queue = deque(seen)
    pred = G._pred
    while queue:
        n = queue.popleft()
        for u, e in pred[n].items():
            if u not in seen and e["relation"] != "cite":
                seen.add(u)
                queue.append(u)
    return [
        at_node(ID, SEVERITY, d, f"{d['kind']} {label(n, d)} leads to no thesis",
                "relate it to the argument (`@ID supports @ID`), or delete it")
        for n, d in nodes.items()
        if n not in seen and d["kind"] != "source"
    ]
