"""A source is used as an argument, or a cite names something that is no source.

`source` nodes are bibliography entries: evidence cites them with
`cite: @ID`, and they take part in no support or attack. Reported at the cite
line when `cite: @ID` names a node that is not a source, and at the reference
or relation line that names a source. The edge is left out of the graph.

    source s: A book.
    thesis t: Russia turned to Asia.
      + evidence e: It did so in 2012.
        cite: @t           <- misused-source: `t` is a thesis
      + @s                 <- misused-source: a source takes part in no relation
"""

from ..facts import MisusedSource
from ._base import at_place, facts_of

ID = "misused-source"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def _finding(fact):
    if fact.cite:
        return at_place(ID, SEVERITY, fact.at,
                        f"`cite: @{fact.target}` names {'an' if fact.kind[0] in 'aeiou' else 'a'} "
                        f"{fact.kind}, not a source",
                        "cite a `source` node, or write a free-text citation without `@`")
    return at_place(ID, SEVERITY, fact.at,
                    f"`{fact.target}` is a source, and a source takes part in no relation",
                    f"cite it from evidence with `cite: @{fact.target}`")


def check(argmap):
    return [_finding(fact) for fact in facts_of(argmap, MisusedSource)]
