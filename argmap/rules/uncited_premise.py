"""A premise stands on nothing: no support and no citation.

Off by default; select it (`--select` or `extend-select`) for maps that must
ground every leaf, such as a reconstruction of a published article, where each
premise should point to the page it comes from.

    thesis t: Russia turned to Asia.
      + premise p: It did so in 2012.      <- uncited-premise

Fix: add `cite: ...` under it, or a reason for it.
"""

from ._base import at_node, label

ID = "uncited-premise"
SEVERITY = "warning"
DEFAULT = False
NEEDS_GRAPH = True


def check(argmap):
    pred = argmap.pred
    return [
        at_node(ID, SEVERITY, d, f"premise {label(n, d)} has neither support nor a cite",
                "add `cite: ...` under it, or a `+` reason")
        for n, d in argmap.nodes.items()
        if d["kind"] == "premise" and not d["cite"]
        and not any(e["relation"] == "support" for e in pred[n].values())
    ]
