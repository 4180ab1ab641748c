"""A thesis, claim, counter or rebuttal has no reason given for it.

These kinds assert something that needs arguing for: each must have at least
one incoming support (a `+` child, a `+ @ID` reference to it, or a relation
line `@x supports @ID`). Premises and evidence may stand as leaves.

    thesis t: Russia's pivot to the East failed.
      + claim c: Russia plays second fiddle to China.   <- unsupported-claim
      - counter x: Russia joined the East Asia Summit.  <- unsupported-claim

Fix: add a reason under it (`+ premise: ...`, or evidence with a cite), or make
it a `premise` if it is meant to be taken as given.
"""

from ..language import NEEDS_SUPPORT
from ._base import at_node, label

ID = "unsupported-claim"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    pred = argmap.pred
    findings = []
    for n, data in argmap.nodes.items():
        if data["kind"] not in NEEDS_SUPPORT:
            continue
        for e in pred[n].values():
            if e["relation"] == "support":
                break
        else:  # no support
            how = "a `+` line under it" if n.startswith("_") else (
                f"a `+` line under it, or `@ID supports @{n}`")
            findings.append(at_node(
                ID, SEVERITY, data, f"{data['kind']} {label(n, data)} has no support",
                f"give it a reason ({how}), or make it a premise if it needs none",
            ))
    return findings
