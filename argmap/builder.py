"""From the statements of a map's files to its graph, and the facts found on the way.

Two passes over the (file, statements) runs that :mod:`argmap.reader` gives:
every node in declaration order, then every relation and cite in the order
written. Where a statement can't enter the graph as written (an id declared
again, a reference to no node, a relation of a node with itself, a relation
stated twice or both ways, a source used as a reason), a typed fact of
:mod:`argmap.facts` is recorded and the graph keeps what came first; the
rules turn the facts into findings. The parser's statements are only read.
Stances are derived last (:mod:`argmap.stance`).
"""

from __future__ import annotations

from . import parser as P
from . import stance
from .facts import (DanglingReference, DuplicateDeclaration, MisusedSource, Place,
                    RepeatedRelation, SelfRelation)
from .graph import ArgGraph, NodeData
from .util import nearest


def _node_data(stmt, file: str) -> NodeData:
    notes = stmt.notes
    return {
        "kind": stmt.kind, "text": stmt.text, "section": stmt.section, "stance": None,
        "cite": stmt.cites or [], "tags": stmt.tags or [],
        "note": "\n".join(notes) if notes else None,
        "url": stmt.url, "weight": stmt.weight, "expect": stmt.expect,
        "expect_at": stmt.expect_at, "url_at": stmt.url_at,
        "file": file, "line": stmt.line, "column": stmt.column,
    }


class _Builder:
    def __init__(self, meta: dict):
        # The graph's dicts are filled directly (networkx's layout): add_node and
        # add_edge would cost a call and a keyword dict each on big maps.
        self.nodes: dict = {}
        self.succ: dict = {}
        self.pred: dict = {}
        self.meta = meta
        self.facts: list = []
        self.gid: dict = {}  # NodeDecl -> its node's id in the graph
        self.dropped: set = set()  # NodeDecls dropped as later declarations of an id
        self.group_ids: dict = {}
        self.order = 0

    def declare_nodes(self, runs) -> None:
        """Pass 1: every node, in declaration order."""
        nodes, succ, pred, gid_of = self.nodes, self.succ, self.pred, self.gid
        NodeDecl = P.NodeDecl
        for f, stmts in runs:
            for stmt in stmts:
                if type(stmt) is not NodeDecl:
                    continue
                gid = stmt.id
                if gid is None:
                    gid = f"_{stmt.line}" if f.index == 0 else f"_{f.index}_{stmt.line}"
                elif gid in nodes:
                    first = nodes[gid]
                    self.facts.append(DuplicateDeclaration(
                        gid, Place(f.display, stmt.line, stmt.column),
                        Place(first["file"], first["line"], first["column"])))
                    gid_of[stmt] = gid
                    self.dropped.add(stmt)
                    continue
                gid_of[stmt] = gid
                succ[gid] = {}
                pred[gid] = {}
                nodes[gid] = _node_data(stmt, f.display)

    def relate_all(self, runs) -> None:
        """Pass 2: every relation and cite, in the order written."""
        succ, pred, gid_of, dropped = self.succ, self.pred, self.gid, self.dropped
        NodeDecl = P.NodeDecl
        for f, stmts in runs:
            for stmt in stmts:
                t = type(stmt)
                if t is NodeDecl:
                    parent = stmt.parent
                    if parent is None:
                        continue
                    u, v = gid_of[stmt], gid_of[parent]
                    if stmt.group is None and u != v and v not in succ[u]:
                        # the common case, inline: a new edge from a child line
                        self.order += 1
                        succ[u][v] = pred[v][u] = {
                            "relation": stmt.relation, "group": None, "file": f.display,
                            "line": stmt.line, "order": self.order,
                        }
                        continue
                    self.relate(f, u, v, stmt.relation, stmt.group, stmt.line, stmt.column,
                                quiet=stmt in dropped)
                elif t is P.Reference:
                    if self.resolve(f, stmt.target, stmt.line, stmt.column):
                        self.relate(f, stmt.target, gid_of[stmt.parent], stmt.relation,
                                    stmt.group, stmt.line, stmt.column)
                elif t is P.Relation:
                    ok = self.resolve(f, stmt.source, stmt.line, stmt.source_column)
                    ok = self.resolve(f, stmt.target, stmt.line, stmt.target_column) and ok
                    if ok:
                        self.relate(f, stmt.source, stmt.target, stmt.relation, None,
                                    stmt.line, 1)
                elif t is P.Cite and stmt.node not in dropped:
                    # a dropped duplicate's attributes go with it
                    self.cite(f, stmt)

    def resolve(self, f, target, line, column) -> bool:
        """True when ``target`` names an argument node; else record why not."""
        node = self.nodes.get(target)
        if node is not None and node["kind"] != "source":
            return True
        at = Place(f.display, line, column, column + 1 + len(target))
        if node is None:
            self.facts.append(DanglingReference(target, at, _suggest(target, self.nodes)))
        else:
            self.facts.append(MisusedSource(target, "source", at))
        return False

    def cite(self, f, stmt) -> None:
        nodes = self.nodes
        target = stmt.target
        node = nodes.get(target)
        at = Place(f.display, stmt.line, stmt.column, stmt.column + 1 + len(target))
        if node is None:
            sources = [n for n, d in nodes.items() if d["kind"] == "source"]
            self.facts.append(DanglingReference(target, at, _suggest(target, sources or nodes),
                                                cite=True))
        elif node["kind"] != "source":
            self.facts.append(MisusedSource(target, node["kind"], at, cite=True))
        else:
            u = self.gid[stmt.node]
            if target not in self.succ[u]:
                self.add_edge(u, target, "cite", None, f.display, stmt.line)

    def relate(self, f, u, v, relation, group, line, column, quiet=False) -> None:
        if group is not None:
            key = (f.index, group)
            group = self.group_ids.get(key)
            if group is None:
                group = self.group_ids[key] = f"g{len(self.group_ids) + 1}"
        at = Place(f.display, line, column)
        if u == v:
            self.facts.append(SelfRelation(u, relation, at))
            return
        edge = self.succ[u].get(v)
        if edge is None:
            self.add_edge(u, v, relation, group, f.display, line)
            return
        same = edge["relation"] == relation
        if same and group is not None and edge["group"] is None:
            edge["group"] = group
        if not same or not quiet:
            self.facts.append(RepeatedRelation(u, v, relation, at, edge["relation"],
                                               edge["file"], edge["line"]))

    def add_edge(self, u, v, relation, group, file, line) -> None:
        self.order += 1
        self.succ[u][v] = self.pred[v][u] = {
            "relation": relation, "group": group, "file": file, "line": line,
            "order": self.order,
        }


def _suggest(word: str, choices) -> str | None:
    return nearest(word, choices, cutoff=0.5)


def build(runs, meta: dict) -> tuple[ArgGraph, list]:
    """The graph of a map's statement runs, and the facts found building it."""
    b = _Builder(meta)
    b.declare_nodes(runs)
    b.relate_all(runs)
    graph = ArgGraph(b.nodes, b.succ, b.pred, meta)
    stance.derive(graph)
    return graph, b.facts
