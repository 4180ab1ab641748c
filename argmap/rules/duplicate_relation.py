"""The same relation is stated twice.

A relation stated twice (by two reference lines, or a child line and a
relation line) is one edge; the later statement is reported so that the map
says each thing once.

    thesis t: Russia has less to offer to other Asian states.
      + @cap
    claim cap: Russia lacks free resources in the energy sector.
      + premise c: Much Russian oil and gas is contracted long-term by China.
    @cap supports @t       <- duplicate-relation

Fix: delete one of the two.
"""

from ..facts import RepeatedRelation
from ..language import RELATION_VERB
from ._base import at_place, facts_of

ID = "duplicate-relation"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_place(ID, SEVERITY, fact.at,
                 f"`{fact.source}` {RELATION_VERB[fact.relation]} `{fact.target}` already, "
                 f"at {fact.first_file}:{fact.first_line}",
                 "delete one of the two")
        for fact in facts_of(argmap, RepeatedRelation) if not fact.conflicting
    ]
