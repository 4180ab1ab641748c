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

from ..facts import DuplicateDeclaration
from ._base import at_place, facts_of

ID = "duplicate-id"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_place(ID, SEVERITY, fact.at,
                 f"the id `{fact.id}` is already declared at {fact.first.file}:{fact.first.line}",
                 "give this node an id of its own; its children count for the first one")
        for fact in facts_of(argmap, DuplicateDeclaration)
    ]
