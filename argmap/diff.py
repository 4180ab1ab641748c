"""What a change does to an argument: two versions of a map compared by meaning.

:func:`diff_maps` compares two loaded maps on their graphs, not their lines:
nodes matched by id (anonymous nodes by their text: the same text first, then
the most similar one, when :func:`difflib.SequenceMatcher` rates them at least
:data:`SIMILAR`), then what became of each node, relation, citation, finding
and evaluated status. What ``argmap fmt`` would undo changes nothing here.
:func:`diff_paths` pairs the maps of two files, two folders or two git
revisions (:mod:`argmap.gitrev` reads a revision without a checkout) and
compares each pair. Nothing here prints: :mod:`argmap.reporters.diff` does.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from .api import expand, load, without_included
from .checker import check
from .evaluate import evaluate
from .reader import ReadError, read_map_bytes
from .util import paused_gc

#: how alike two anonymous nodes' texts must be (difflib's ratio) to count as one
#: node reworded rather than one removed and one added
SIMILAR = 0.6
#: past this many pairs of unmatched anonymous nodes, only equal texts are matched
#: (the similarity of every pair would cost the square of their number)
MAX_PAIRS = 250_000
#: how much a strength must move to be reported, by default
STRENGTH_DELTA = 0.05
#: the categories `--fail-on` can name
GATES = ("status-flip", "thesis-status", "new-error", "new-warning", "broken-expect",
         "removed-node")
#: node attributes compared besides kind, text, section and cite
ATTRIBUTES = ("note", "url", "tags", "weight", "expect", "cq")


@dataclass
class Change:
    """One difference. ``what`` names its kind (see :data:`KINDS`); ``node`` is
    the node's id in the new map (in the old one for what was removed);
    ``file`` and ``line`` say where it is (in the new map where it is there)."""

    what: str
    node: str | None
    file: str | None
    line: int | None
    section: str | None
    before: object = None
    after: object = None
    #: more about it: the text, the kind, the target of a relation, a finding's rule…
    about: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"what": self.what, "node": self.node, "file": self.file, "line": self.line,
                "section": self.section, "before": self.before, "after": self.after,
                **self.about}


#: every kind of change, in the order reports list them
KINDS = ("node-added", "node-removed", "reworded", "kind-changed", "section-changed",
         "attribute-changed", "cite-added", "cite-removed", "relation-added",
         "relation-removed", "relation-turned", "regrouped", "scheme-changed",
         "finding-new", "finding-fixed", "status-flip", "strength-move", "broken-expect")


@dataclass
class MapDiff:
    """The difference between two versions of one map (``old`` or ``new`` is
    None for a map only one side has)."""

    old: str | None
    new: str | None
    changes: list[Change] = field(default_factory=list)
    #: findings that kept a side from being read (syntax, encoding, include)
    unreadable: list = field(default_factory=list)
    #: the relations of the changed nodes, for a drawing of the changed
    #: neighbourhood: (node, target, relation, "now" or "was"); a node only the
    #: old map has is named "old:ID"
    context: list[tuple] = field(default_factory=list)
    #: the text of every node ``context`` names
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def state(self) -> str:
        if self.unreadable:
            return "unreadable"
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.changes else "unchanged"

    def gates(self) -> set[str]:
        """The `--fail-on` categories this diff holds."""
        out = set()
        for c in self.changes:
            if c.what == "status-flip":
                out.add("status-flip")
                if c.about.get("kind") == "thesis":
                    out.add("thesis-status")
            elif c.what == "finding-new":
                out.add("new-error" if c.about["severity"] == "error" else "new-warning")
            elif c.what in ("broken-expect", "node-removed"):
                out.add("removed-node" if c.what == "node-removed" else c.what)
        if self.new is None:
            out.add("removed-node")
        return out

    def as_dict(self) -> dict:
        order = {k: i for i, k in enumerate(KINDS)}
        changes = sorted(self.changes, key=lambda c: order[c.what])
        return {"old": self.old, "new": self.new, "state": self.state,
                "changes": [c.as_dict() for c in changes],
                "unreadable": [f.as_dict() for f in self.unreadable]}


# -- matching nodes -------------------------------------------------------------

def match_nodes(a: dict, b: dict) -> dict[str, str]:
    """Old id -> new id for every node of ``a`` that is in ``b``: the same id, or
    for anonymous nodes the same text (in order), then the most similar text."""
    names = {n: n for n in a if not n.startswith("_") and n in b}
    anon_a = [n for n in a if n.startswith("_")]
    if anon_a:
        rest_a, rest_b = _same_text(anon_a, a, b, names)
        if rest_a and rest_b and len(rest_a) * len(rest_b) <= MAX_PAIRS:
            names.update(_similar(rest_a, rest_b, a, b))
    return names


def _same_text(anon_a, a, b, names) -> tuple[list, list]:
    """Match anonymous nodes of the same text, in order; return those left over."""
    free = defaultdict(deque)
    for n in b:
        if n.startswith("_"):
            free[b[n]["text"]].append(n)
    rest_a = []
    for n in anon_a:
        queue = free.get(a[n]["text"])
        if queue:
            names[n] = queue.popleft()
        else:
            rest_a.append(n)
    return rest_a, [n for q in free.values() for n in q]


def _similar(rest_a, rest_b, a, b) -> dict[str, str]:
    """The most alike pairs first, each node in one pair, none under SIMILAR."""
    pairs = []
    for x in rest_a:
        # the matcher keeps what it learns of its second text: that is the one that stays
        m = difflib.SequenceMatcher(None, "", a[x]["text"], autojunk=False)
        for y in rest_b:
            m.set_seq1(b[y]["text"])
            if m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR:
                ratio = m.ratio()
                if ratio >= SIMILAR:
                    pairs.append((-ratio, x, y))
    pairs.sort()
    out, used = {}, set()
    for _, x, y in pairs:
        if x not in out and y not in used:
            out[x] = y
            used.add(y)
    return out


# -- what changed ---------------------------------------------------------------

def _at(d: dict, what: str, node: str, **kw) -> Change:
    return Change(what, node, d["file"], d["line"], d["section"], **kw)


def _node_changes(a: dict, b: dict, names: dict) -> list[Change]:
    out = []
    matched = set(names.values())
    for n, d in a.items():
        if n not in names:
            out.append(_at(d, "node-removed", n, before=d["text"], about={"kind": d["kind"]}))
    for n, d in b.items():
        if n not in matched:
            out.append(_at(d, "node-added", n, after=d["text"], about={"kind": d["kind"]}))
    for old, new in names.items():
        x, y = a[old], b[new]
        if x != y:  # equal records (nothing moved either) need no closer look
            out.extend(_pair_changes(new, x, y))
    return out


def _pair_changes(new: str, x: dict, y: dict) -> list[Change]:
    """What changed of one node that both versions have."""
    out = []
    if x["text"] != y["text"]:
        out.append(_at(y, "reworded", new, before=x["text"], after=y["text"]))
    for key, what in (("kind", "kind-changed"), ("section", "section-changed")):
        if x[key] != y[key]:
            out.append(_at(y, what, new, before=x[key], after=y[key],
                           about={"text": y["text"]}))
    for key in ATTRIBUTES:
        if x[key] != y[key]:
            out.append(_at(y, "attribute-changed", new, before=x[key], after=y[key],
                           about={"attribute": key, "text": y["text"]}))
    if x["cite"] != y["cite"]:
        for value in [c for c in y["cite"] if c not in x["cite"]]:
            out.append(_at(y, "cite-added", new, after=value, about={"text": y["text"]}))
        for value in [c for c in x["cite"] if c not in y["cite"]]:
            out.append(_at(y, "cite-removed", new, before=value, about={"text": y["text"]}))
    return out


class _Steps:
    """How one side's relations read: (relation, the reasons of the step, scheme),
    the reasons named by ``mate`` (their name on the new side)."""

    def __init__(self, m, mate):
        self.m, self.mate = m, mate
        self.groups = None  # (target, group) -> reasons, made when first needed

    def of(self, u: str, v: str, e) -> tuple:
        rel = e["relation"]
        if rel == "undercut":
            mates = frozenset(map(self.mate, e["reasons"]))
        elif e["group"] is not None:
            if self.groups is None:
                self.groups = defaultdict(list)
                for t, into in self.m.pred.items():
                    for r, f in into.items():
                        if f["group"] is not None:
                            self.groups[(t, f["group"])].append(r)
            mates = frozenset(map(self.mate, self.groups[(v, e["group"])]))
        else:
            mates = self.mate(u)  # a lone reason (most edges): its own name stands for the set
        return rel, mates, e.get("scheme")


def _relation_changes(a, b, names: dict) -> list[Change]:
    """Relations between nodes both versions have: added, removed, turned,
    regrouped (other reasons beside it, or another step undercut), scheme changed.
    Each old node's edges are read beside its new self's: no table of every edge."""
    old = _Steps(a, lambda r: names.get(r, f"(removed {r})"))
    new = _Steps(b, lambda r: r)
    back = {v: k for k, v in names.items()}
    out = []
    for u, ru in names.items():
        mine, theirs = a.succ[u], b.succ[ru]
        if mine == theirs and u == ru and all(v == names.get(v) for v in mine):
            continue  # the same edges to the same nodes, nothing moved
        out.extend(_edges_changed(u, ru, mine, theirs, names, old, new, b.nodes[ru]))
        out.extend(_relation_change(None, new.of(ru, rv, f), b.nodes[ru], ru, rv)
                   for rv, f in theirs.items()
                   if f["relation"] != "cite" and rv in back and back[rv] not in mine)
    out.sort(key=lambda c: (c.file or "", c.line or 0, c.about["target"]))
    return out


def _edges_changed(u, ru, mine, theirs, names, old, new, d) -> list[Change]:
    """What became of each relation of old node ``u`` (``ru`` in the new map)."""
    out = []
    for v, e in mine.items():
        rel = e["relation"]
        rv = names.get(v)
        if rv is None or rel == "cite":
            continue
        f = theirs.get(rv)
        if (f is not None and f["relation"] == rel and rel != "undercut"
                and e["group"] is None and f["group"] is None
                and e.get("scheme") == f.get("scheme")):
            continue  # the same lone reason (most edges), asked in one go
        y = None if f is None or f["relation"] == "cite" else new.of(ru, rv, f)
        x = old.of(u, v, e)
        if x != y:
            out.append(_relation_change(x, y, d, ru, rv))
    return out


def _relation_change(x, y, d, u, v) -> Change:
    about = {"target": v, "text": d["text"]}
    if x is None:
        return _at(d, "relation-added", u, after=y[0], about=about)
    if y is None:
        return _at(d, "relation-removed", u, before=x[0], about=about)
    if x[0] != y[0]:
        return _at(d, "relation-turned", u, before=x[0], after=y[0], about=about)
    if x[1] != y[1]:
        return _at(d, "regrouped", u, before=_names(x[1]), after=_names(y[1]), about=about)
    return _at(d, "scheme-changed", u, before=x[2], after=y[2], about=about)


def _names(mates) -> list[str]:
    return [mates] if isinstance(mates, str) else sorted(mates)


_POSITION = re.compile(r":\d+(?::\d+)?\b")


def _finding_key(f) -> tuple:
    """What a finding says, without where: lines move when a map is edited."""
    return f.rule, _POSITION.sub("", f.message)


def _finding_changes(fa: list, fb: list) -> list[Change]:
    out = []
    for what, mine, other in (("finding-fixed", fa, fb), ("finding-new", fb, fa)):
        extra = Counter(map(_finding_key, mine)) - Counter(map(_finding_key, other))
        for f in mine:
            k = _finding_key(f)
            if extra[k] > 0:
                extra[k] -= 1
                out.append(Change(what, None, f.file, f.line, None,
                                  about={"rule": f.rule, "severity": f.severity,
                                         "message": f.message}))
    return out


def _evaluation_changes(a, b, names: dict, delta: float) -> list[Change]:
    ea, eb = evaluate(a), evaluate(b)
    out = []
    for old, new in names.items():
        if old not in ea.status or new not in eb.status:
            continue
        d = b.nodes[new]
        about = {"kind": d["kind"], "text": d["text"]}
        if ea.status[old] != eb.status[new]:
            out.append(_at(d, "status-flip", new, before=ea.status[old], after=eb.status[new],
                           about=about))
        move = eb.strength[new] - ea.strength[old]
        if abs(move) >= delta:
            out.append(_at(d, "strength-move", new, before=round(ea.strength[old], 6),
                           after=round(eb.strength[new], 6), about=about))
    back = {v: k for k, v in names.items()}
    for n, d in b.nodes.items():
        expect = d["expect"]
        if expect is None or n not in eb.status or eb.status[n] == expect:
            continue
        old = back.get(n)
        if old is not None and a.nodes[old]["expect"] == expect and ea.status.get(old) != expect:
            continue  # broken before the change too
        line = d["expect_at"][0] if d["expect_at"] else d["line"]
        out.append(Change("broken-expect", n, d["file"], line, d["section"], before=expect,
                          after=eb.status[n], about={"kind": d["kind"], "text": d["text"]}))
    return out


def diff_maps(a, b, config=None, strength_delta: float = STRENGTH_DELTA,
              old: str | None = None, new: str | None = None) -> MapDiff:
    """The difference in meaning between map ``a`` (old) and map ``b`` (new),
    either of them None for a map only one side has."""
    out = MapDiff(old if a is not None else None, new if b is not None else None)
    for m in (a, b):
        if m is not None and not m.ok:
            out.unreadable.extend(m.findings)
    if out.unreadable or a is None or b is None:
        return out
    with paused_gc():  # many small objects, none of them cyclic garbage
        _compare(out, a, b, config, strength_delta)
    return out


def _compare(out: MapDiff, a, b, config, strength_delta) -> None:
    names = match_nodes(a.nodes, b.nodes)
    nodes = _node_changes(a.nodes, b.nodes, names)
    relations = _relation_changes(a, b, names)
    out.changes = nodes + relations + _finding_changes(check(a, config), check(b, config))
    # status and strength follow from the nodes, their kinds and weights and the
    # relations only: when none of these changed (nor an expectation), neither did they
    if relations or any(map(_evaluated, nodes)):
        out.changes += _evaluation_changes(a, b, names, strength_delta)
    _neighbourhood(out, a, b, names)


def _evaluated(c: Change) -> bool:
    return c.what in ("node-added", "node-removed", "kind-changed") or (
        c.what == "attribute-changed" and c.about["attribute"] in ("weight", "expect"))



def _neighbourhood(out: MapDiff, a, b, names: dict) -> None:
    """The relations of every changed node as they are now (as they were, for a
    node removed), and the texts of the nodes they name."""
    removed = {c.node for c in out.changes if c.what == "node-removed"}
    touched = dict.fromkeys(c.node for c in out.changes if c.node is not None)
    for n in touched:
        if n in removed:
            key = f"old:{n}"
            out.texts[key] = a.nodes[n]["text"]
            for rel, v in a.arggraph.bears_on(n):
                target = names.get(v, f"old:{v}")
                out.context.append((key, target, rel, "was"))
                out.texts.setdefault(target, a.nodes[v]["text"])
        elif n in b.nodes:
            out.texts[n] = b.nodes[n]["text"]
            for rel, v in b.arggraph.bears_on(n):
                out.context.append((n, v, rel, "now"))
                out.texts.setdefault(v, b.nodes[v]["text"])
    for c in out.changes:
        if c.what == "relation-removed":
            out.context.append((c.node, c.about["target"], c.before, "was"))
            out.texts.setdefault(c.about["target"], b.nodes[c.about["target"]]["text"])


# -- pairs of maps ---------------------------------------------------------------

@dataclass
class DiffRun:
    """What comparing two sides gave: one diff per map, and the paths that could
    not be read (missing, or not maps)."""

    old: str
    new: str
    maps: list[MapDiff] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[MapDiff]:
        return [d for d in self.maps if d.state != "unchanged"]

    def gates(self) -> set[str]:
        return set().union(*(d.gates() for d in self.maps)) if self.maps else set()

    def as_dict(self) -> dict:
        counts = Counter(c.what for d in self.maps for c in d.changes)
        return {"version": 1, "old": self.old, "new": self.new,
                "maps": [d.as_dict() for d in self.maps if d.state != "unchanged"],
                "summary": {"maps": len(self.maps), "changed": len(self.changed),
                            "changes": {k: counts[k] for k in KINDS if counts[k]},
                            "gates": sorted(self.gates())},
                "problems": self.problems}


@contextlib.contextmanager
def _inside(folder: str | None):
    """Work in ``folder`` for a while (paths given relative to it then name the
    same files as they do here): maps read from a revision's tree keep the
    names they have in the working tree. The command line runs one thread."""
    if folder is None:
        yield
        return
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def read_side(paths: list[str], folder: str | None = None) -> tuple[dict, list[str]]:
    """The maps the paths name (a map that another includes is part of it), by
    path; and the paths that could not be read. ``folder``: read there instead."""
    maps, problems = [], []
    with _inside(folder):
        files, missing, _ = expand(paths)
        problems.extend(missing)
        for path in files:
            try:
                maps.append(load(path, data=read_map_bytes(path)))
            except ReadError as exc:
                problems.append(str(exc))
    return {m.files[0]: m for m in without_included(maps)}, problems


def diff_sides(old: dict, new: dict, config=None, strength_delta=STRENGTH_DELTA,
               rename=None) -> list[MapDiff]:
    """A diff for each map of either side, paired by path (``rename`` maps an old
    path to the new side's name for it)."""
    rename = rename or (lambda p: p)
    paired = {rename(p): p for p in old}
    out = []
    for path in list(new) + [p for p in paired if p not in new]:
        a = old.get(paired.get(path))
        b = new.get(path)
        out.append(diff_maps(a, b, config, strength_delta, paired.get(path), path))
    return out
