"""A node supports or attacks itself.

A reason must be something other than what it is a reason for. The relation
is left out of the graph.

    @t supports @t         <- self-relation
"""

from ._base import recorded

ID = "self-relation"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True

check = recorded(ID)
