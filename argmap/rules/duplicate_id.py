"""Two nodes are declared with the same id.

Ids name nodes across the whole map, included files too. Each later
declaration of an id is reported, and dropped: the relation it was written
with, and its children, count for the first node of that id.

    thesis t: Russia turned to Asia.
      + premise p: It did so in 2012.
      + premise p: It hosted the APEC summit.   <- duplicate-id

Fix: give the second node an id of its own (or none), or refer to the first
one with `+ @p`.
"""

from ._base import recorded

ID = "duplicate-id"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True

check = recorded(ID)
