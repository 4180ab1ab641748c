"""The data argmap passes between its stages: findings and maps.

A :class:`Finding` is one problem at one place. A :class:`Map` is what loading a
file gives: the graph (or ``None`` when the text could not be read as a map), the
front matter, the problems found reading it, and the facts found building it.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
#: findings of one rule shown for one file; the rest are counted in one more finding
FINDINGS_PER_RULE = 100


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


def more_findings(last: Finding, hidden: int) -> Finding:
    """The finding that stands for ``hidden`` more of ``last``'s rule in its file."""
    return Finding(last.rule, last.severity, last.file, last.line, last.column,
                   f"… and {hidden} more `{last.rule}` finding{'s' if hidden > 1 else ''} in "
                   "this file, not shown",
                   "fix the ones shown first: many findings of one rule are often one mistake")


@dataclass(slots=True)
class Map:
    """A loaded argument map.

    ``arggraph`` is the typed graph (:class:`argmap.graph.ArgGraph`), or
    ``None`` when a ``syntax``, ``encoding`` or ``include`` problem stopped it
    from being built; ``graph`` is the same as a :class:`networkx.DiGraph`,
    made on first use over the same dicts (``nodes``, ``succ``, ``pred``), so
    that what needs no more than these never imports networkx.

    ``findings`` holds the problems of reading (``syntax``, ``encoding``,
    ``include``); ``facts`` what building the graph found (a duplicate id, a
    dangling reference…), which the rules turn into findings
    (:func:`argmap.check`). ``files`` lists every file read, the first given
    one first; ``texts`` maps each to its decoded text (for code frames).
    """

    arggraph: object = None
    meta: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    facts: list = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    #: real paths of every file read (for "included by another map" checks)
    real_paths: list[str] = field(default_factory=list)
    #: (file, line) -> rule ids that an ``// argmap: ignore`` comment silences there
    suppressions: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    #: every heading, (level, title), in reading order (an included file's where it
    #: is included), for outlines that keep the map's sections and their levels
    headings: list[tuple[int, str]] = field(default_factory=list)
    _graph: object = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the map was built (no syntax, encoding or include error)."""
        return self.arggraph is not None

    @property
    def nodes(self) -> dict | None:
        """Node id -> attributes (:class:`argmap.graph.NodeData`), in declaration order."""
        return None if self.arggraph is None else self.arggraph.nodes

    @property
    def succ(self) -> dict | None:
        return None if self.arggraph is None else self.arggraph.succ

    @property
    def pred(self) -> dict | None:
        return None if self.arggraph is None else self.arggraph.pred

    @property
    def graph(self):
        """The map as a :class:`networkx.DiGraph`, or ``None`` when it wasn't built."""
        if self.arggraph is None:
            return None
        if self._graph is None:
            self._graph = self.arggraph.to_networkx()
        return self._graph

    def node(self, node_id: str) -> dict:
        """The attributes of one node."""
        return self.nodes[node_id]

    def _repr_mimebundle_(self, include=None, exclude=None):
        """How Jupyter shows a map: its diagram (see :mod:`argmap.jupyter`)."""
        return DISPLAY(self) if DISPLAY is not None else None


#: what shows a map in a notebook: set by the package (:mod:`argmap.jupyter`),
#: so that this module depends on no renderer
DISPLAY = None


def file_order_key(files: list[str], rule_order: dict[str, int]):
    """A sort key for findings: file in reading order, then line, column, and rule."""
    rank = {name: i for i, name in enumerate(files)}

    def key(f: Finding):
        return (rank.get(f.file, len(rank)), f.file, f.line, f.column,
                rule_order.get(f.rule, len(rule_order)))

    return key
