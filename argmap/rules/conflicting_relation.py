"""A node both supports and attacks the same target.

One node can't be a reason for a claim and an objection to it at once. The
later of the two relations is reported and left out of the graph.

    thesis t: Russia turned to Asia.
      + premise p: It did so in 2012.
      - @p                 <- conflicting-relation

Fix: decide which it is; if part of it supports and part attacks, split it
into two nodes.
"""

from ._base import recorded

ID = "conflicting-relation"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True

check = recorded(ID)
