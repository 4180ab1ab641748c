"""A node supports or attacks itself.

A reason must be something other than what it is a reason for. The relation
is left out of the graph.

    @t supports @t         <- self-relation
"""

from ..facts import SelfRelation
from ..language import RELATION_VERB
from ._base import at_place, facts_of

ID = "self-relation"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_place(ID, SEVERITY, fact.at, f"`{fact.node}` {RELATION_VERB[fact.relation]} itself",
                 "a node can't be its own reason or objection")
        for fact in facts_of(argmap, SelfRelation)
    ]
