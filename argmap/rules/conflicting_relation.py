"""A node both supports and attacks the same target.

One node can't be a reason for a claim and an objection to it at once. The
later of the two relations is reported and left out of the graph.

    thesis t: Russia turned to Asia.
      + premise p: It did so in 2012.
      - @p                 <- conflicting-relation

Fix: decide which it is; if part of it supports and part attacks, split it
into two nodes.
"""

from ..facts import RepeatedRelation
from ..language import RELATION_VERB
from ._base import at_place, facts_of

ID = "conflicting-relation"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_place(ID, SEVERITY, fact.at,
                 f"`{fact.source}` {RELATION_VERB[fact.relation]} `{fact.target}`, but it "
                 f"{RELATION_VERB[fact.first_relation]} it at {fact.first_file}:{fact.first_line}",
                 "a reason can't both support and attack the same claim")
        for fact in facts_of(argmap, RepeatedRelation) if fact.conflicting
    ]
