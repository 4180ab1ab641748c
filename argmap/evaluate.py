"""Which claims survive their objections: section 6 of the language (version 1.1).

**Status** is a bipolar grounded labelling, the least fixpoint, from every
argument node ``undecided``, of two rules:

* a node is ``rejected`` when some attacker is ``accepted``, or when it needs
  support (thesis, claim, counter, rebuttal) and each of its support groups
  has a ``rejected`` member (no support at all counts as that);
* a node is ``accepted`` when every attacker is ``rejected``, and it needs no
  support or some support group has all its members ``accepted``.

A lone reason is a group of one; reasons joined by ``&`` are one group.
Sources take no part. It is computed by a worklist in time linear in nodes
plus edges.

**Undercuts** (section 7, version 1.2) read *support group* as *inference*:
an inference *holds* when all its reasons are ``accepted`` and all its
undercutters ``rejected``, and *fails* when a reason is ``rejected`` or an
undercutter ``accepted``; in strength an inference counts as one supporter
of strength ``m·(1 − U)``, with ``m`` its weakest reason and ``U`` the
probabilistic sum of its undercutters' strengths. Without undercuts this is
exactly version 1.1.

**Strength** is DF-QuAD: with ``w`` the node's ``weight:`` (0.5 by default),
``S`` the probabilistic sum ``1 − ∏(1 − sᵢ)`` of its support groups' strengths
(a group counts with its weakest member) and ``A`` that of its attackers,
``v = S − A`` and the strength is ``w + v·(1 − w)`` when ``v ≥ 0``, else
``w + v·w``. Nodes are taken in topological order; on the cyclic parts the
strengths are iterated from the weights until none moves by more than 1e-9,
for at most 1 000 rounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .language import NEEDS_SUPPORT
from .util import paused_gc

ACCEPTED, REJECTED, UNDECIDED = "accepted", "rejected", "undecided"
DEFAULT_WEIGHT = 0.5
TOLERANCE = 1e-9
MAX_ROUNDS = 1000


@dataclass
class Evaluation:
    """Status and strength of every argument node of a map."""

    status: dict[str, str]
    strength: dict[str, float]
    #: node -> its attackers, and its support inferences (lists of their reasons)
    attackers: dict[str, list[str]]
    groups: dict[str, list[list[str]]]
    #: nodes whose strength the 1 000-round bound stopped before it settled
    unsettled: set[str] = field(default_factory=set)
    #: node -> whether its kind needs support
    needs_support: dict[str, bool] = field(default_factory=dict)
    #: node -> the undercutters of each of its support inferences (as ``groups``)
    undercutters: dict[str, list[list[str]]] = field(default_factory=dict)

    def inferences(self, node: str) -> list[tuple[list[str], list[str]]]:
        """(reasons, undercutters) of each support inference of ``node``."""
        cut = self.undercutters.get(node) or [[]] * len(self.groups[node])
        return list(zip(self.groups[node], cut))

    def holds(self, reasons, undercutters) -> bool:
        s = self.status
        return all(s[m] == ACCEPTED for m in reasons) and \
            all(s[u] == REJECTED for u in undercutters)

    def fails(self, reasons, undercutters) -> bool:
        s = self.status
        return any(s[m] == REJECTED for m in reasons) or \
            any(s[u] == ACCEPTED for u in undercutters)

    def reasons(self, node: str) -> list[str]:
        """Why ``node`` has its status, in a few plain phrases."""
        status = self.status[node]
        if status == REJECTED:
            return self._why_rejected(node)
        if status == ACCEPTED:
            return self._why_accepted(node)
        return self._why_undecided(node)

    def _why_rejected(self, node: str) -> list[str]:
        s = self.status
        winners = [a for a in self.attackers[node] if s[a] == ACCEPTED]
        if winners:
            return ["attacked by accepted " + ", ".join(f"`{a}`" for a in winners)]
        if not self.groups[node]:
            return ["needs support and has none"]
        out = []
        for g, cut in self.inferences(node):
            why = [f"`{m}` rejected" for m in g if s[m] == REJECTED]
            why += [f"undercut by accepted `{u}`" for u in cut if s[u] == ACCEPTED]
            out.append(_group(g) + " fails: " + ", ".join(why))
        return out

    def _why_accepted(self, node: str) -> list[str]:
        attackers = self.attackers[node]
        out = []
        if attackers:
            out.append("every attacker rejected: " + ", ".join(f"`{a}`" for a in attackers))
        if self.needs_support[node]:
            good, cut = next(i for i in self.inferences(node) if self.holds(*i))
            out.append(_group(good) + " holds" + (
                " (every undercutter rejected: " + ", ".join(f"`{u}`" for u in cut) + ")"
                if cut else ""))
        elif not attackers:
            out.append("unattacked, and needs no support")
        return out

    def _why_undecided(self, node: str) -> list[str]:
        s = self.status
        out = []
        open_attackers = [a for a in self.attackers[node] if s[a] == UNDECIDED]
        if open_attackers:
            out.append("attacker " + ", ".join(f"`{a}`" for a in open_attackers) + " undecided")
        inferences = self.inferences(node)
        if self.needs_support[node] and not any(self.holds(*i) for i in inferences):
            open_groups = [(g, cut) for g, cut in inferences if not self.fails(g, cut)]
            if open_groups:
                out.append(" and ".join(_group(g) + _open_cuts(cut, s) for g, cut in open_groups)
                           + " undecided")
        return out


def _open_cuts(cut: list[str], s) -> str:
    open_ = [u for u in cut if s[u] == UNDECIDED]
    return f" (undercut by undecided {', '.join(f'`{u}`' for u in open_)})" if open_ else ""


def _group(members: list[str]) -> str:
    if len(members) == 1:
        return f"support `{members[0]}`"
    return "linked support " + " & ".join(f"`{m}`" for m in members)


def _structure(m):
    """Attackers, support inferences, their undercutters and the successors of
    every argument node.

    A node's support groups are the reasons of its support inferences, its
    attackers the reasons of its attack inferences, in the order stated; a
    successor is (target, "attack"), (target, i) for a reason of the target's
    inference i, or (target, ~i) for an undercutter of it.
    """
    graph = m.arggraph
    nodes = graph.arguments()
    attackers = {n: [] for n in nodes}
    groups = {n: [] for n in nodes}
    cuts = {n: [] for n in nodes}
    succ = {n: [] for n in nodes}
    for n in nodes:
        mine_att, mine_groups = attackers[n], groups[n]
        for inf in graph.inferences_into(n):
            if inf.relation == "attack":
                mine_att.extend(inf.reasons)
                for u in inf.reasons:
                    succ[u].append((n, "attack"))
                continue
            i = len(mine_groups)
            for u in inf.reasons:
                succ[u].append((n, i))
            for u in inf.undercutters:
                succ[u].append((n, ~i))
            mine_groups.append(list(inf.reasons))
            cuts[n].append(list(inf.undercutters))
    return nodes, attackers, groups, cuts, succ


# complexity: one worklist loop with its counters in view, as the rules read; split
# into calls it would cost a call for every edge of a big map
def statuses(m, nodes, attackers, groups, cuts, succ) -> dict[str, str]:
    """The least fixpoint of section 6's two rules (as section 7 amends them),
    by a worklist (linear time)."""
    kinds = m.nodes
    needs = {n: kinds[n]["kind"] in NEEDS_SUPPORT for n in nodes}
    status = dict.fromkeys(nodes, UNDECIDED)
    open_attackers = {n: len(attackers[n]) for n in nodes}
    # per inference: reasons not yet accepted plus undercutters not yet rejected
    missing = {n: [len(g) + len(c) for g, c in zip(groups[n], cuts[n])] for n in nodes}
    failed = {n: [False] * len(groups[n]) for n in nodes}
    open_groups = {n: len(groups[n]) for n in nodes}  # inferences that have not failed
    full = dict.fromkeys(nodes, False)  # some inference holds
    queue = []
    for n in nodes:
        if needs[n] and not groups[n]:
            status[n] = REJECTED
            queue.append(n)
        elif not open_attackers[n] and not needs[n]:
            status[n] = ACCEPTED
            queue.append(n)
    while queue:
        n = queue.pop()
        accepted = status[n] == ACCEPTED
        for t, how in succ[n]:
            if status[t] != UNDECIDED:
                continue
            if how == "attack":
                if accepted:
                    status[t] = REJECTED
                    queue.append(t)
                    continue
                open_attackers[t] -= 1
            elif accepted == (how >= 0):  # an accepted reason, or a rejected undercutter
                how = how if how >= 0 else ~how
                missing[t][how] -= 1
                if missing[t][how]:
                    continue
                full[t] = True
            else:
                how = how if how >= 0 else ~how
                if failed[t][how]:
                    continue
                failed[t][how] = True
                open_groups[t] -= 1
                if needs[t] and not open_groups[t]:
                    status[t] = REJECTED
                    queue.append(t)
                continue
            if not open_attackers[t] and (full[t] or not needs[t]):
                status[t] = ACCEPTED
                queue.append(t)
    return status


def _components(nodes, succ):
    """Strongly connected components in topological order (reasons before targets).

    Tarjan's algorithm with an explicit stack: no recursion, linear time.
    """
    index, low, on_stack = {}, {}, set()
    stack, out = [], []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            for w, _ in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ[w])))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    out.append(comp)
    out.reverse()
    return out


class _DFQuAD:
    """One node's DF-QuAD strength from its weight and the strengths of its reasons."""

    def __init__(self, m, nodes, attackers, groups, cuts):
        self.weight = {n: m.nodes[n]["weight"] if m.nodes[n]["weight"] is not None
                       else DEFAULT_WEIGHT for n in nodes}
        self.attackers = attackers
        self.groups = groups
        self.cuts = cuts

    def __call__(self, n, s) -> float:
        prod = 1.0
        for g, cut in zip(self.groups[n], self.cuts[n]):
            m = min(s[r] for r in g)
            if cut:  # m·(1 − U), U the probabilistic sum of the undercutters
                undercut = 1.0
                for u in cut:
                    undercut *= 1.0 - s[u]
                m *= undercut
            prod *= 1.0 - m
        support = 1.0 - prod
        prod = 1.0
        for a in self.attackers[n]:
            prod *= 1.0 - s[a]
        attack = 1.0 - prod
        w = self.weight[n]
        v = support - attack
        return w + v * (1.0 - w) if v >= 0 else w + v * w


def _acyclic_part(nodes, succ, value, strength) -> None:
    """Strengths of every node that no cycle reaches, in Kahn's order (reasons first)."""
    indeg = dict.fromkeys(nodes, 0)
    for n in nodes:
        for t, _ in succ[n]:
            indeg[t] += 1
    ready = [n for n in nodes if not indeg[n]]
    while ready:
        n = ready.pop()
        strength[n] = value(n, strength)
        for t, _ in succ[n]:
            indeg[t] -= 1
            if not indeg[t]:
                ready.append(t)


def _settle(comp, value, strength) -> bool:
    """Iterate a cycle's strengths from the weights; False when 1 000 rounds don't settle them."""
    for n in comp:
        strength[n] = value.weight[n]
    for _ in range(MAX_ROUNDS):
        new = {n: value(n, strength) for n in comp}
        moved = max(abs(new[n] - strength[n]) for n in comp)
        strength.update(new)
        if moved <= TOLERANCE:
            return True
    return False


def strengths(m, nodes, attackers, groups, cuts, succ):
    """DF-QuAD strengths; and the nodes the round bound stopped before they settled."""
    value = _DFQuAD(m, nodes, attackers, groups, cuts)
    strength = {}
    unsettled = set()
    # Kahn's order for the acyclic part (cheap); Tarjan only for what is left
    _acyclic_part(nodes, succ, value, strength)
    rest = [n for n in nodes if n not in strength]
    if rest:
        inside = set(rest)
        sub = {n: [(t, h) for t, h in succ[n] if t in inside] for n in rest}
        for comp in _components(rest, sub):
            if len(comp) == 1 and not any(t == comp[0] for t, _ in sub[comp[0]]):
                strength[comp[0]] = value(comp[0], strength)
            elif not _settle(comp, value, strength):
                unsettled.update(comp)
    return strength, unsettled


def evaluate(m) -> Evaluation:
    """Status and strength of every argument node of a built map."""
    with paused_gc():
        nodes, attackers, groups, cuts, succ = _structure(m)
        status = statuses(m, nodes, attackers, groups, cuts, succ)
        strength, unsettled = strengths(m, nodes, attackers, groups, cuts, succ)
    needs = {n: m.nodes[n]["kind"] in NEEDS_SUPPORT for n in nodes}
    return Evaluation(status, strength, attackers, groups, unsettled, needs, cuts)


def ordered(m, ev: Evaluation) -> list[str]:
    """Argument nodes: the theses first, then by section and declaration order."""
    sections = {}
    for n in ev.status:
        sections.setdefault(m.nodes[n]["section"], len(sections))
    position = {n: i for i, n in enumerate(m.nodes)}
    return sorted(ev.status, key=lambda n: (m.nodes[n]["kind"] != "thesis",
                                             sections[m.nodes[n]["section"]], position[n]))


def explain(m, ev: Evaluation, node: str, depth: int = 4) -> list[str]:
    """Step by step: a node's attackers and support groups, the rule that decides
    it, then the same for the node that decided it, up to ``depth`` steps."""
    lines = []
    seen = set()
    step = node
    level = 0
    while step is not None and step not in seen and level <= depth:
        seen.add(step)
        pad = "   " * level
        d = m.nodes[step]
        s = ev.status
        head = f"{pad}{step} ({d['kind']}) is {s[step]}, strength {ev.strength[step]:.3f}"
        lines.append(head)
        attackers = ev.attackers[step]
        if attackers:
            lines.append(f"{pad}  attackers: " + ", ".join(f"{a} ({s[a]})" for a in attackers))
        else:
            lines.append(f"{pad}  attackers: none")
        if ev.groups[step]:
            parts = []
            for g, cut in ev.inferences(step):
                parts.append(" & ".join(f"{m} ({s[m]})" for m in g) + "".join(
                    f", undercut by {u} ({s[u]})" for u in cut))
            lines.append(f"{pad}  support groups: " + "; ".join(parts))
        else:
            lines.append(f"{pad}  support groups: none"
                         + (" (it needs support)" if ev.needs_support[step] else ""))
        for reason in ev.reasons(step):
            lines.append(f"{pad}  so: {reason}")
        step = _decisive(ev, step)
        level += 1
    return lines


def _decisive(ev: Evaluation, node: str) -> str | None:
    """The neighbour whose status settles ``node``'s, to explain next: an
    attacker that wins, else the reason or undercutter that makes an inference
    fail (or leaves it open)."""
    s = ev.status
    if s[node] == ACCEPTED:
        return None
    settles = ACCEPTED if s[node] == REJECTED else UNDECIDED
    for a in ev.attackers[node]:
        if s[a] == settles:
            return a
    for g, cut in ev.inferences(node):
        for m in g:
            if s[m] == (REJECTED if settles == ACCEPTED else UNDECIDED):
                return m
        for u in cut:
            if s[u] == settles:
                return u
    return None
