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

from ._base import recorded

ID = "misused-source"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True

check = recorded(ID)
