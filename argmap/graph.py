"""The typed graph core: node and edge records, and the questions every stage asks.

An :class:`ArgGraph` owns three dicts in networkx's own layout (``nodes``:
id → :class:`NodeData`; ``succ`` and ``pred``: one :class:`EdgeData` for each
edge, by source then target and by target then source, the same dict in
both), so that :meth:`ArgGraph.to_networkx` wraps them without copying and
checking a map never imports networkx. Support and attack edges point from
the reason to what it bears on; ``cite`` edges from a node to a source.

Stages ask it for supporters and attackers, for *inferences* (the reasons
that bear on a target together: a lone reason, or a ``&`` group), for edges in
statement order and for who cites a source, instead of walking the dicts by
hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, TypedDict


class NodeData(TypedDict):
    """A node's attributes (section 3 of the language reference)."""

    kind: str
    text: str
    section: str | None
    stance: str | None  # pro, con, mixed, or None: leads to no thesis
    cite: list[str]  # the `cite:` values as written
    tags: list[str]
    note: str | None
    url: str | None
    weight: float | None
    expect: str | None
    cq: list[str]  # the critical questions it addresses (`cq:`), as written
    expect_at: tuple[int, int] | None  # (line, column) of the `expect:` line
    url_at: tuple[int, int] | None  # (line, column) of the `url:` value
    file: str
    line: int
    column: int


class _EdgeBase(TypedDict):
    relation: str  # support, attack, undercut or cite
    group: str | None  # the linked group (`&`), as g1, g2, … in the whole map
    file: str
    line: int
    order: int


class EdgeData(_EdgeBase, total=False):
    """An edge's attributes; ``order`` numbers edges in the order they were stated.

    The keys of version 1.2 are there only where they apply: ``reasons`` on an
    undercut, ``scheme`` on each support and undercut edge of an inference with
    a scheme (``scheme_at`` on the edge whose line named it), ``cq`` on the edge
    drawn by the line that declared a node with ``cq:`` lines.
    """

    reasons: list[str]  # an undercut's: the reasons of the inference, in written order
    scheme: str
    scheme_at: tuple[str, int, int]  # (file, line, column) of the `scheme:` value
    cq: list[tuple[str, str, int, int]]  # (file, question, line, column)


#: the fields of a node that section 5's JSON exports, in order
NODE_FIELDS = ("kind", "text", "section", "stance", "cite", "tags", "note", "url",
               "weight", "expect", "cq", "file", "line", "column")


@dataclass(frozen=True, slots=True)
class Inference:
    """Reasons that bear on a target together: a lone reason, or a `&` group.

    ``reasons`` are in written order, ``lines`` the lines that stated each;
    ``undercutters`` the nodes that undercut it (a support inference only), in
    the order stated, and ``scheme`` the name of its scheme, if it has one.
    """

    target: str
    relation: str  # support or attack
    reasons: tuple[str, ...]
    lines: tuple[int, ...]
    group: str | None = None
    undercutters: tuple[str, ...] = ()
    scheme: str | None = None

    @property
    def linked(self) -> bool:
        return len(self.reasons) > 1


@dataclass(frozen=True, slots=True)
class Citation:
    """What a `cite:` value names: a source node (``source`` set), or free text."""

    key: tuple  # ("source", id) or ("text", value): what counts as the same work
    text: str  # the source's text, or the free text
    locator: str  # "p. 113", or ""
    source: str | None = None


def ordered_edges(succ) -> list[tuple[str, str, EdgeData]]:
    """The edges of a ``succ`` dict as (source, target, data), in the order stated."""
    edges = [(u, v, d) for u, nbrs in succ.items() for v, d in nbrs.items()]
    edges.sort(key=lambda e: e[2]["order"])
    return edges


class ArgGraph:
    """A built map's graph: nodes, edges, and what stages ask of them."""

    __slots__ = ("nodes", "succ", "pred", "meta")

    def __init__(self, nodes: dict[str, NodeData], succ: dict[str, dict[str, EdgeData]],
                 pred: dict[str, dict[str, EdgeData]], meta: dict | None = None):
        self.nodes = nodes
        self.succ = succ
        self.pred = pred
        self.meta = meta if meta is not None else {}

    def __len__(self):
        return len(self.nodes)

    def __contains__(self, node):
        return node in self.nodes

    # -- nodes --------------------------------------------------------------

    def kind(self, node: str) -> str:
        return self.nodes[node]["kind"]

    def arguments(self) -> list[str]:
        """Every node but sources, in declaration order."""
        return [n for n, d in self.nodes.items() if d["kind"] != "source"]

    def has_thesis(self) -> bool:
        return any(d["kind"] == "thesis" for d in self.nodes.values())

    def sections(self) -> set[str]:
        """The section titles that nodes are declared under."""
        return {d["section"] for d in self.nodes.values()} - {None}

    # -- edges --------------------------------------------------------------

    def edges(self) -> list[tuple[str, str, EdgeData]]:
        """Every edge as (source, target, data), in the order stated."""
        return ordered_edges(self.succ)

    def incoming(self, node: str, relation: str) -> list[str]:
        """The nodes with a ``relation`` edge into ``node``, in the order stated."""
        return [u for u, e in self.pred[node].items() if e["relation"] == relation]

    def supporters(self, node: str) -> list[str]:
        return self.incoming(node, "support")

    def attackers(self, node: str) -> list[str]:
        return self.incoming(node, "attack")

    def has_incoming(self, node: str, relation: str) -> bool:
        return any(e["relation"] == relation for e in self.pred[node].values())

    def bears_on(self, node: str) -> list[tuple[str, str]]:
        """(relation, target) for each claim ``node`` supports or attacks, in the order stated."""
        out = sorted(((e["order"], e["relation"], v) for v, e in self.succ[node].items()
                      if e["relation"] != "cite"))
        return [(rel, v) for _, rel, v in out]

    def citers(self, source: str) -> list[str]:
        """The nodes that cite ``source`` with `cite: @ID`, in the order stated."""
        return self.incoming(source, "cite")

    def neighbours(self, node: str) -> list[str]:
        """Nodes one edge away, either way (cite edges too)."""
        return list(self.succ[node]) + list(self.pred[node])

    # -- inferences -----------------------------------------------------------

    def inferences_into(self, node: str) -> list[Inference]:
        """The inferences that bear on ``node``, in the order their first reason was stated."""
        out: list[list] = []
        by_group = None
        undercuts = None
        for u, e in sorted(self.pred[node].items(), key=lambda x: x[1]["order"]):
            rel = e["relation"]
            if rel == "cite":
                continue
            if rel == "undercut":
                if undercuts is None:
                    undercuts = {}
                undercuts.setdefault(e["reasons"][0], []).append(u)
                continue
            group = e["group"]
            if group is None:
                out.append([rel, [u], [e["line"]], None])
                continue
            if by_group is None:
                by_group = {}
            item = by_group.get(group)
            if item is None:
                item = by_group[group] = [rel, [], [], group]
                out.append(item)
            item[1].append(u)
            item[2].append(e["line"])
        pred = self.pred[node]
        undercuts = undercuts or {}
        return [Inference(node, rel, tuple(rs), tuple(ls), g, tuple(undercuts.get(rs[0], ())),
                          pred[rs[0]].get("scheme"))
                for rel, rs, ls, g in out]

    def inferences(self) -> Iterator[Inference]:
        """Every inference of the map, in the order its first reason was stated."""
        firsts = []
        for n in self.nodes:
            for inf in self.inferences_into(n):
                order = self.succ[inf.reasons[0]][n]["order"]
                firsts.append((order, inf))
        firsts.sort(key=lambda x: x[0])
        return (inf for _, inf in firsts)

    def edges_of(self, inf: Inference) -> list[EdgeData]:
        """The edges of an inference: from each reason, then from each undercutter."""
        into = self.pred[inf.target]
        return [into[u] for u in inf.reasons + inf.undercutters]

    def schemes_used(self) -> bool:
        """Whether any line names a scheme or a critical question (version 1.2)."""
        return any("scheme_at" in e or "cq" in e for nbrs in self.succ.values()
                   for e in nbrs.values())

    def has_groups(self) -> bool:
        return any(e["group"] is not None for nbrs in self.succ.values() for e in nbrs.values())

    # -- citations ------------------------------------------------------------

    def citation(self, value: str) -> Citation:
        """What one `cite:` value names, with its locator."""
        if value.startswith("@"):
            ref, _, locator = value[1:].partition(",")
            ref, _, rest = ref.partition(" ")
            locator = (locator or rest).strip()
            node = self.nodes.get(ref)
            if node is not None and node["kind"] == "source":
                return Citation(("source", ref), node["text"], locator, ref)
        return Citation(("text", value), value, "")

    # -- other views ----------------------------------------------------------

    def to_networkx(self):
        """A :class:`networkx.DiGraph` over this graph's own dicts (no copy).

        The one place that reaches into networkx's internals: a change made
        through either shows in both.
        """
        import networkx as nx  # slow to import (0.2 s): only for those who ask for it

        G = nx.DiGraph()
        G._node, G._succ, G._pred = self.nodes, self.succ, self.pred
        G.graph["meta"] = self.meta
        return G
