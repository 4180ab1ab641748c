"""What importers of argument graphs (AIF, xAIF, SADFace, Kialo, Argdown) share:
making a graph that other tools accept into one that argmap's rules accept, and
choosing each statement's kind from its place in the structure.

Other formats have no kinds: a statement is a statement. argmap's kinds carry
duties (a thesis, claim, counter or rebuttal needs support), so an imported
map's kinds follow from its relations, and the map passes ``argmap check``
whenever the source data is itself sound. Where it is not (a statement that
supports itself, a circle of support, a statement that both supports and
attacks another), the offending relation is left out and a warning names it in
the source's own terms, as :func:`settle` is told to name things.
"""

from __future__ import annotations

from collections import defaultdict

# an edge here is a dict as the writer takes it ("source", "target", "relation":
# support, attack or undercut, "group", "scheme", "reasons") with "origin": what
# the source document calls the step it comes from ("RA-node 281", "line 12")


def settle(edges: list[dict], warn, name) -> list[dict]:
    """The support and attack edges a map can hold, in order, and the undercuts
    whose inference is still there; ``warn(message, kind)`` is told of each one
    left out, ``name(node)`` gives a node's name in the source."""
    kept, first = [], {}
    groups = defaultdict(list)  # (target, group, relation) -> its edges: who is in a group
    for e in edges:
        if e.get("group") is not None:
            groups[(e["target"], e["group"], e["relation"])].append(e)
    for e in edges:
        if e["relation"] == "undercut":
            continue
        u, v = e["source"], e["target"]
        if u == v:
            warn(f"{e['origin']} makes {name(u)} a reason for itself; left out",
                 "a statement is its own reason")
            continue
        prior = first.get((u, v))
        if prior is None:
            first[(u, v)] = e
            kept.append(e)
        elif prior["relation"] != e["relation"]:
            warn(f"{name(u)} both supports and attacks {name(v)} ({prior['origin']}, "
                 f"{e['origin']}); a map holds one relation of a pair, so {e['origin']} "
                 "is left out", "supports and attacks at once")
        elif e.get("group") != prior.get("group"):
            warn(_overlap(prior, e, groups, name), "overlapping arguments")
        elif e.get("group") is None:
            warn(f"{e['origin']} repeats {prior['origin']} ({name(u)} → {name(v)}); a map "
                 "holds a relation once, so it is written once", "a repeated argument")
        # else: the same premise named twice in one argument
    kept = _break_support_circles(kept, warn, name)
    return kept + _undercuts(edges, kept, warn)


def _undercuts(edges: list[dict], kept: list[dict], warn) -> list[dict]:
    """The undercuts whose inference is among the ``kept`` edges."""
    out = []
    groups = {(e["target"], e.get("group") if e.get("group") is not None else ("lone", e["source"]))
              for e in kept if e["relation"] == "support"}
    for e in (e for e in edges if e["relation"] == "undercut"):
        key = (e["target"], e["group"] if e.get("group") is not None else ("lone", e["reasons"][0]))
        if key not in groups:
            warn(f"{e['origin']} undercuts an inference that was left out; left out too",
                 "an undercut of a left-out inference")
        elif e["source"] in e["reasons"] or e["source"] == e["target"]:
            warn(f"{e['origin']} undercuts an inference from one of its own premises or to "
                 "its own conclusion; left out", "an undercut by its own statement")
        else:
            out.append(e)
    return out


def _overlap(prior: dict, e: dict, groups: dict, name) -> str:
    """The warning for a premise of two arguments for one conclusion, one of them
    linked at least (a map holds one relation from the premise to it)."""
    def members(edge) -> list[dict]:
        if edge.get("group") is None:
            return [edge]
        return groups[(edge["target"], edge["group"], edge["relation"])]

    def names(group) -> str:
        return ", ".join(name(x["source"]) for x in group)

    rest = [x for x in members(e) if x["source"] != e["source"]]
    kept = (f"in {prior['origin']}'s group" if prior.get("group") is not None
            else f"the lone reason of {prior['origin']}")
    written = (f"{e['origin']} is written with the rest ({names(rest)})" if rest else
               f"{e['origin']}, which has no other premise, is not written apart")
    return (f"{name(e['source'])} is a premise of two arguments for {name(e['target'])}: "
            f"{prior['origin']} ({names(members(prior))}) and {e['origin']} "
            f"({names(members(e))}). A map relates two statements once, so it stays "
            f"{kept}, and {written}; see “Overlapping linked "
            "arguments” in docs/language.md")


def _break_support_circles(edges: list[dict], warn, name) -> list[dict]:
    """The edges without those that close a circle of support (found by one walk
    in written order; each left out with a warning)."""
    out = defaultdict(list)
    for i, e in enumerate(edges):
        if e["relation"] == "support":
            out[e["source"]].append(i)
    state: dict = {}  # 1: on the walk, 2: done
    dropped = set()
    for start in list(out):
        if start in state:
            continue
        stack = [(start, iter(out[start]))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            i = next(it, None)
            if i is None:
                state[node] = 2
                stack.pop()
                continue
            v = edges[i]["target"]
            if state.get(v) == 1:
                dropped.add(i)
                e = edges[i]
                warn(f"{e['origin']} ({name(e['source'])} → {name(v)}) closes a circle of "
                     "support; left out", "a circle of support")
            elif v not in state:
                state[v] = 1
                stack.append((v, iter(out[v])))
    return [e for i, e in enumerate(edges) if i not in dropped]


def kinds(statements, edges: list[dict]) -> dict:
    """Each statement's kind from the relations it takes part in: one that
    nothing supports is a premise (whatever it does: an isolated statement, a
    reason, an unsupported attacker); a supported one that attacks is a counter,
    or a rebuttal when what it attacks attacks; a supported one that is the
    reason for nothing is a thesis; the rest are claims."""
    concluded, uses, attacks = set(), defaultdict(int), defaultdict(set)
    for e in edges:
        uses[e["source"]] += 1
        if e["relation"] == "support":
            concluded.add(e["target"])
        else:
            attacks[e["source"]].add(e["target"])

    def kind(s) -> str:
        if s not in concluded:
            return "premise"
        if attacks[s]:
            return "rebuttal" if any(attacks[t] for t in attacks[s]) else "counter"
        return "claim" if uses[s] else "thesis"

    return {s: kind(s) for s in statements}


def nest(nodes: list[dict], edges: list[dict]) -> list[dict]:
    """The nodes in writing order, by section (in the order the sections first
    come), the theses first in each, each given a place (``line``)
    and its first relation the same place, so that the writer puts the node
    under what it supports or attacks (in the same section) instead of at
    column 1 with a reference."""
    rank: dict = {}  # a section's place: nodes stay with their section
    for n in nodes:
        rank.setdefault(tuple(n.get("headings") or [n.get("section")]), len(rank))
    order = sorted(range(len(nodes)), key=lambda i: (
        rank[tuple(nodes[i].get("headings") or [nodes[i].get("section")])],
        nodes[i]["kind"] != "thesis"))
    nodes = [nodes[i] for i in order]
    line, place = {}, {}
    for i, n in enumerate(nodes, 1):
        n["line"] = line[n["id"]] = i
        place[n["id"]] = (n.get("headings"), n.get("section"))
    placed = set()
    for e in edges:
        if e["source"] not in placed and place[e["source"]] == place[e["target"]]:
            placed.add(e["source"])
            e["line"] = line[e["source"]]
        else:
            e.setdefault("line", 10 ** 9)  # written after the node's own line
    return nodes
