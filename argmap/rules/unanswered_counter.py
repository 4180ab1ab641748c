"""An objection is left unanswered.

A counter that nothing attacks (or undercuts) stands against the argument unanswered. That
may be honest, but a reader of the map should see it was left open on purpose.

    thesis t: Russia failed to become a balancer in East Asia.
      + premise p: Moscow increasingly supports Beijing.
      - counter x: Russia sells arms to Vietnam.     <- unanswered-counter
        + premise x1: Vietnam bought six submarines from Russia.

Fix: answer it with a rebuttal (`- rebuttal: ...` under it), or silence the
warning with `// argmap: ignore unanswered-counter` on the line above.
"""

from ..language import AGAINST
from ._base import at_node, label

ID = "unanswered-counter"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    pred = argmap.pred
    return [
        at_node(ID, SEVERITY, d, f"counter {label(n, d)} is not answered",
                "attack it with a rebuttal (`- rebuttal: ...` under it)")
        for n, d in argmap.nodes.items()
        if d["kind"] == "counter"
        and not any(e["relation"] in AGAINST for e in pred[n].values())
    ]
