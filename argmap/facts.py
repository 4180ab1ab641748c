"""What building the graph found about the statements: typed facts, not findings.

The graph builder (:mod:`argmap.builder`) records one of these wherever a
statement can't enter the graph as written; the rule of the same name turns
it into a finding with its own severity, message and hint. Positions are
1-based; ``end`` (exclusive), when set, closes the span of a reference.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """Where a statement is written."""

    file: str
    line: int
    column: int
    end: int | None = None


@dataclass(frozen=True, slots=True)
class DuplicateDeclaration:
    """A later declaration of an id already declared (it is dropped)."""

    id: str
    at: Place
    first: Place


@dataclass(frozen=True, slots=True)
class DanglingReference:
    """A reference, relation or cite names an id no node has."""

    target: str
    at: Place
    nearest: str | None
    #: True for ``cite: @ID`` (``nearest`` is then the nearest source)
    cite: bool = False
    #: for ``@U undercuts @R supports @T`` whose ids are all known: T, when
    #: ``target`` (R) does not support it
    supports: str | None = None


@dataclass(frozen=True, slots=True)
class MisusedSource:
    """A relation names a source, or a cite names something that is no source."""

    target: str
    kind: str  # the kind of the node named
    at: Place
    cite: bool = False


@dataclass(frozen=True, slots=True)
class SelfRelation:
    """A node is stated to support, attack or undercut itself (for an undercut:
    to undercut an inference into itself, or one it is a reason of)."""

    node: str
    relation: str
    at: Place


@dataclass(frozen=True, slots=True)
class RepeatedRelation:
    """A relation stated again; ``conflicting`` when the first one has another
    relation, or undercuts another inference into the same target."""

    source: str
    target: str
    relation: str
    at: Place
    first_relation: str
    #: where the relation already there was stated
    first_file: str
    first_line: int
    #: both are undercuts of the target, of two different inferences
    other_inference: bool = False

    @property
    def conflicting(self) -> bool:
        return self.relation != self.first_relation or self.other_inference
