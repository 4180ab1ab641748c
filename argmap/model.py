"""The data argmap passes between its stages: findings and maps.

A :class:`Finding` is one problem at one place. A :class:`Map` is what loading a
file gives: the graph (or ``None`` when the text could not be read as a map), the
front matter, and the findings that reading it produced. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"

#: Rules whose findings stop a map from being built; they cannot be switched off.
FATAL_RULES = frozenset({"syntax", "encoding", "include"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at one place of one file.

    ``line`` and ``column`` are 1-based; columns count Unicode code points.
    ``end_column`` (exclusive), when set, marks the span the finding is about.
    """

    rule: str
    severity: str
    file: str
    line: int
    column: int
    message: str
    hint: str | None = None
    end_column: int | None = None

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(slots=True)
class Map:
    """A loaded argument map.

    ``graph`` is a :class:`networkx.DiGraph` as section 3 of the language
    reference describes, or ``None`` when a ``syntax``, ``encoding`` or
    ``include`` error stopped it from being built. ``findings`` holds what
    reading and building found; :func:`argmap.check` adds the rules' findings.
    ``files`` lists every file read, the first given one first; ``texts`` maps
    each to its decoded text (for code frames).

    ``nodes``, ``succ`` and ``pred`` are the graph's own dicts (node attributes;
    edge attributes by source then target, and by target then source: one dict
    for each edge, in both): the loader fills them, and ``graph`` is a networkx
    view made on first use that shares them, so that whatever needs no more
    than these (``argmap check``, ``argmap export -f json``) never imports
    networkx, which costs more than reading a one-page map.
    """

    nodes: dict | None = None
    succ: dict | None = None
    pred: dict | None = None
    meta: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    #: real paths of every file read (for "included by another map" checks)
    real_paths: list[str] = field(default_factory=list)
    #: (file, line) -> rule ids that an ``// argmap: ignore`` comment silences there
    suppressions: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    _graph: object = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the map was built (no syntax, encoding or include error)."""
        return self.nodes is not None

    @property
    def graph(self):
        """The map as a :class:`networkx.DiGraph`, or ``None`` when it wasn't built."""
        if self.nodes is None:
            return None
        if self._graph is None:
            import networkx as nx

            G = nx.DiGraph()
            G._node, G._succ, G._pred = self.nodes, self.succ, self.pred
            G.graph["meta"] = self.meta
            self._graph = G
        return self._graph

    def node(self, node_id: str) -> dict:
        """The attributes of one node."""
        return self.nodes[node_id]


def file_order_key(files: list[str], rule_order: dict[str, int]):
    """A sort key for findings: file in reading order, then line, column, and rule."""
    rank = {name: i for i, name in enumerate(files)}

    def key(f: Finding):
        return (rank.get(f.file, len(rank)), f.file, f.line, f.column,
                rule_order.get(f.rule, len(rule_order)))

    return key
