"""From the statements of a map's files to its graph, and the facts found on the way.

Two passes over the (file, statements) runs that :mod:`argmap.reader` gives:
every node in declaration order, then every relation and cite in the order
written. Where a statement can't enter the graph as written (an id declared
again, a reference to no node, a relation of a node with itself, a relation
stated twice or both ways, a source used as a reason), a typed fact of
:mod:`argmap.facts` is recorded and the graph keeps what came first; the
rules turn the facts into findings. The parser's statements are only read.
Undercuts (version 1.2) take a third pass: the inference an undercut attacks
is known only once every support edge and `&` group is, so each undercut
keeps its place in the written order (an ``order`` number reserved in pass 2)
and is drawn after the other edges; the scheme and the critical questions of
each inference are then written on its edges. Stances are derived last
(:mod:`argmap.stance`).
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
        "cq": [name for name, _, _ in stmt.cq] if stmt.cq else [],
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
        #: for pass 3: the undercut statements, as (file, statement, the order
        #: number reserved for it), and the support lines with `scheme:` or `cq:`
        self.undercuts: list = []
        self.annotated: list = []

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
        others = {P.Reference: self.reference, P.Relation: self.relation,
                  P.Cite: self.cite, P.Undercut: self.defer, P.UndercutRelation: self.defer}
        for f, stmts in runs:
            for stmt in stmts:
                t = type(stmt)
                if t is not NodeDecl:
                    handle = others.get(t)
                    if handle is not None:
                        handle(f, stmt)
                    continue
                parent = stmt.parent
                if parent is None:
                    continue
                if stmt.scheme is not None or stmt.cq is not None:
                    self.annotated.append((f, stmt))
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

    def reference(self, f, stmt) -> None:
        if stmt.scheme is not None:
            self.annotated.append((f, stmt))
        if self.resolve(f, stmt.target, stmt.line, stmt.column):
            self.relate(f, stmt.target, self.gid[stmt.parent], stmt.relation, stmt.group,
                        stmt.line, stmt.column)

    def relation(self, f, stmt) -> None:
        ok = self.resolve(f, stmt.source, stmt.line, stmt.source_column)
        ok = self.resolve(f, stmt.target, stmt.line, stmt.target_column) and ok
        if ok:
            self.relate(f, stmt.source, stmt.target, stmt.relation, None, stmt.line, 1)

    def defer(self, f, stmt) -> None:
        """An undercut waits for pass 3, with its place in the written order kept."""
        self.order += 1
        self.undercuts.append((f, stmt, self.order))

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
        if stmt.node in self.dropped:  # a dropped duplicate's attributes go with it
            return
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

    def add_edge(self, u, v, relation, group, file, line, order=None) -> None:
        if order is None:
            self.order += 1
            order = self.order
        self.succ[u][v] = self.pred[v][u] = {
            "relation": relation, "group": group, "file": file, "line": line,
            "order": order,
        }


    # -- pass 3: undercuts, schemes and critical questions -------------------

    def undercut_all(self) -> None:
        """Every undercut, in the order written; then schemes and `cq:` lines."""
        for f, stmt, order in self.undercuts:
            found = self.undercut_of(f, stmt)
            if found is not None and self.undercut(f, stmt, order, *found):
                node = getattr(stmt, "node", None)
                if node is not None and node.cq and node not in self.dropped:
                    self.questions(f, node, found[0], found[2])
        for f, stmt in self.annotated:
            edge = self.support_edge(stmt)
            if edge is None:
                continue
            if stmt.scheme is not None:
                self.scheme(f, stmt, *edge)
            if type(stmt) is P.NodeDecl and stmt.cq and stmt not in self.dropped:
                self.questions(f, stmt, *edge)

    def questions(self, f, decl, u, v) -> None:
        """The critical questions a node declared with `cq:` addresses, on the
        edge its line drew."""
        self.succ[u][v].setdefault("cq", []).extend((f.display, *at) for at in decl.cq)

    def support_edge(self, stmt) -> tuple[str, str] | None:
        """(reason, target) of the support edge a support line drew, or None
        where it was left out."""
        r = stmt.target if type(stmt) is P.Reference else self.gid.get(stmt)
        parent = stmt.parent
        if r is None or parent is None or r not in self.nodes:
            return None
        t = self.gid[parent]
        e = self.succ[r].get(t)
        return (r, t) if e is not None and e["relation"] == "support" else None

    def reasons_of(self, r: str, t: str) -> list[str]:
        """The reasons of the inference that holds the support edge from ``r`` to ``t``."""
        group = self.succ[r][t]["group"]
        if group is None:
            return [r]
        mine = [(e["order"], u) for u, e in self.pred[t].items() if e["group"] == group]
        return [u for _, u in sorted(mine)]

    def undercut_of(self, f, stmt) -> tuple[str, str, str, Place] | None:
        """(undercutter, a reason, target, place) of an undercut statement whose
        inference is in the graph; else None (after recording why, for a relation line)."""
        if type(stmt) is P.UndercutRelation:
            ok = True
            for word, column in ((stmt.source, stmt.source_column),
                                 (stmt.reason, stmt.reason_column),
                                 (stmt.target, stmt.target_column)):
                ok = self.resolve(f, word, stmt.line, column) and ok
            if not ok:
                return None
            e = self.succ[stmt.reason].get(stmt.target)
            if e is None or e["relation"] != "support":
                at = Place(f.display, stmt.line, stmt.reason_column,
                           stmt.reason_column + 1 + len(stmt.reason))
                self.facts.append(DanglingReference(stmt.reason, at, None,
                                                    supports=stmt.target))
                return None
            return stmt.source, stmt.reason, stmt.target, Place(f.display, stmt.line, 1)
        # a `~` line: nothing at all where its support line's edge was left out
        edge = self.support_edge(stmt.support)
        if edge is None:
            return None
        if stmt.node is None:
            if not self.resolve(f, stmt.target, stmt.line, stmt.column):
                return None
            u = stmt.target
        else:
            u = self.gid[stmt.node]
        return u, edge[0], edge[1], Place(f.display, stmt.line, stmt.column)

    def undercut(self, f, stmt, order, u, r, t, at) -> bool:
        """Draw one undercut; False where it is left out (and a fact says why)."""
        reasons = self.reasons_of(r, t)
        if u == t or u in reasons:
            self.facts.append(SelfRelation(u, "undercut", at))
            return False
        e = self.succ[u].get(t)
        if e is None:
            self.add_edge(u, t, "undercut", None, at.file, at.line, order)
            self.succ[u][t]["reasons"] = reasons
            return True
        other = e["relation"] == "undercut" and e["reasons"] != reasons
        if e["order"] < order:
            quiet = getattr(stmt, "node", None) in self.dropped
            if e["relation"] != "undercut" or other or not quiet:
                self.facts.append(RepeatedRelation(u, t, "undercut", at, e["relation"], e["file"],
                                                   e["line"], other))
            return False
        # the relation already drawn was written after the undercut: it is the later one
        del self.succ[u][t], self.pred[t][u]
        self.add_edge(u, t, "undercut", None, at.file, at.line, order)
        self.succ[u][t]["reasons"] = reasons
        line_of = self.nodes[u]
        column = line_of["column"] if line_of["line"] == e["line"] else 1
        # what repeated the relation now left out is compared with the undercut instead
        self.facts = [RepeatedRelation(u, t, fact.relation, fact.at, "undercut", at.file, at.line)
                      if type(fact) is RepeatedRelation and fact.source == u and fact.target == t
                      else fact for fact in self.facts]
        self.facts.append(RepeatedRelation(u, t, e["relation"], Place(e["file"], e["line"], column),
                                           "undercut", at.file, at.line))
        return True

    def scheme(self, f, stmt, r, t) -> None:
        """Name the scheme on every edge of a support line's inference (the first one
        named holds, where two lines state the same edge)."""
        if "scheme" in self.succ[r][t]:
            return
        name, line, column = stmt.scheme
        reasons = self.reasons_of(r, t)
        self.succ[r][t]["scheme_at"] = (f.display, line, column)
        for u in reasons:
            self.succ[u][t]["scheme"] = name
        for e in self.pred[t].values():
            if e["relation"] == "undercut" and e["reasons"] == reasons:
                e["scheme"] = name


def _suggest(word: str, choices) -> str | None:
    return nearest(word, choices, cutoff=0.5)


def build(runs, meta: dict) -> tuple[ArgGraph, list]:
    """The graph of a map's statement runs, and the facts found building it."""
    b = _Builder(meta)
    b.declare_nodes(runs)
    b.relate_all(runs)
    if b.undercuts or b.annotated:
        b.undercut_all()
    graph = ArgGraph(b.nodes, b.succ, b.pred, meta)
    stance.derive(graph)
    return graph, b.facts
