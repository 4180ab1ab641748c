"""A reference, relation or cite names an id that no node has.

`+ @ID`, `@a supports @b` and `cite: @ID` must name a node declared somewhere
in the map (before or after, in this file or an included one). In
`@u undercuts @r supports @t` each id must, and `r` must support `t`: that
support is the inference the line undercuts. The message
suggests the nearest existing id, which is usually the typo. The relation is
left out of the graph.

    thesis t: Russia turned to Asia.
      + @asymetry          <- dangling-reference: did you mean `asymmetry`?
"""

from ..facts import DanglingReference
from ._base import at_place, facts_of

ID = "dangling-reference"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_place(ID, SEVERITY, fact.at, *_message(fact))
        for fact in facts_of(argmap, DanglingReference)
    ]


def _message(fact) -> tuple[str, str | None]:
    if fact.supports is not None:
        return (f"`{fact.target}` does not support `{fact.supports}`, so there is no "
                "inference to undercut",
                f"state the support first (`@{fact.target} supports @{fact.supports}`), "
                "or undercut one that is there")
    return (f"no {'source' if fact.cite else 'node'} has the id `{fact.target}`",
            f"did you mean `{fact.nearest}`?" if fact.nearest else None)
