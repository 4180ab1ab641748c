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

from ._base import at_node, label

ID = "disconnected"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    nodes = argmap.nodes
    if not any(d["kind"] == "thesis" for d in nodes.values()):
        return []
    # A node has a stance exactly when a path of support and attack edges leads
    # from it to a thesis (the loader derives stances that way), so the nodes
    # without one are the disconnected ones: no second walk of the graph.
    return [
        at_node(ID, SEVERITY, d, f"{d['kind']} {label(n, d)} leads to no thesis",
                "relate it to the argument (`@ID supports @ID`), or delete it")
        for n, d in nodes.items()
        if d["stance"] is None and d["kind"] != "source"
    ]
