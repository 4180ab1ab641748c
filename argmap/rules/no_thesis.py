"""The map has no thesis.

A map argues for something: at least one `thesis` declaration states it.
Without one, argmap can't tell which side a node is on (its stance) nor which
nodes are off the point (`disconnected`). Reported at line 1 of the map.

Fix: declare the central claim as `thesis ID: ...`.
"""

from ..model import Finding

ID = "no-thesis"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    if any(d["kind"] == "thesis" for d in argmap.nodes.values()):
        return []
    return [Finding(ID, SEVERITY, argmap.files[0], 1, 1, "the map has no thesis",
                    "declare the central claim with `thesis ID: ...`")]
