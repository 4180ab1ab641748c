"""A source that nothing cites.

A `source` node is a bibliography entry; one that no `cite: @ID` line names is
dead weight, or a sign that a cite was forgotten or misspelt.

    source unused: An unused reference.      <- unused-source

Fix: cite it where it is used, or delete it.
"""

from ._base import at_node, label

ID = "unused-source"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    pred = argmap.pred
    return [
        at_node(ID, SEVERITY, d, f"source {label(n, d)} is cited by nothing",
                f"cite it with `cite: @{n}`, or delete it")
        for n, d in argmap.nodes.items()
        if d["kind"] == "source"
        and not any(e["relation"] == "cite" for e in pred[n].values())
    ]
