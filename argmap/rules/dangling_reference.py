"""A reference, relation or cite names an id that no node has.

`+ @ID`, `@a supports @b` and `cite: @ID` must name a node declared somewhere
in the map (before or after, in this file or an included one). The message
suggests the nearest existing id, which is usually the typo. The relation is
left out of the graph.

    thesis t: Russia turned to Asia.
      + @asymetry          <- dangling-reference: did you mean `asymmetry`?
"""

from ._base import recorded

ID = "dangling-reference"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True

check = recorded(ID)
