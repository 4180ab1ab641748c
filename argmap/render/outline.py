"""The map as an essay outline: a tree of entries that Markdown, HTML and the
terminal view all print.

Sections follow the map's headings, in order. Each section lists its *roots*
(nodes whose relations lead out of the section, or nowhere) with their reasons,
evidence, objections and responses nested under them. A node is spelled out
once; where it comes up again, the entry points to it. Built with an explicit
stack, so any depth of map is fine.
"""

from __future__ import annotations

from dataclasses import dataclass, field



@dataclass
class Entry:
    """One point of the outline.

    ``role`` is ``root``, ``reason``, ``objection``, ``response`` or ``linked``
    (reasons that work only together: their entries are the children). When
    ``pointer`` is set, the node is spelled out elsewhere (``pointer`` is that
    place's section title, or ``""`` for none) and the entry has no children.
    """

    role: str
    node: str | None
    children: list[Entry] = field(default_factory=list)
    pointer: str | None = None
    #: for a pointer: whether the node is spelled out earlier in the outline
    above: bool = False


@dataclass
class Section:
    title: str | None
    entries: list[Entry]


@dataclass
class Outline:
    meta: dict
    sections: list[Section]
    #: node id -> synthetic id (``n0``, …), shared with the diagram
    ids: dict[str, str]
    #: footnote texts, and each node's footnote numbers
    notes: list[str]
    marks: dict[str, list[int]]
    sources: list[str]  # source node ids, in declaration order
    headings: bool  # whether the map has headings at all
    #: an evaluation, when the outline should mark statuses
    evaluation: object = None

    def unanswered(self, m, node: str) -> bool:
        return m.nodes[node]["kind"] == "counter" and not m.arggraph.has_incoming(node, "attack")


def _children(m, n):
    """(role, members) for each reason and objection of ``n``, in written order."""
    attacked_is_objection = m.nodes[n]["kind"] == "counter"
    out = []
    for inf in m.arggraph.inferences_into(n):
        if inf.relation == "support":
            role = "reason"
        else:
            role = "response" if attacked_is_objection else "objection"
        out.append((role, list(inf.reasons)))
    return out


def _roots(argmap, args) -> dict:
    """Section title -> its roots: nodes whose relations lead out of the section, or nowhere."""
    nodes = argmap.nodes
    roots_of: dict[str | None, list[str]] = {}
    for n in args:
        roots_of.setdefault(nodes[n]["section"], [])
    for n in args:
        sec = nodes[n]["section"]
        if not any(nodes[v]["section"] == sec for _, v in argmap.arggraph.bears_on(n)):
            roots_of[sec].append(n)
    return roots_of


class _Sections:
    """Spells each node out once: under its first root, a pointer anywhere else."""

    def __init__(self, argmap, roots: set[str]):
        self.m = argmap
        self.roots = roots
        self.done: set[str] = set()

    def section(self, title, roots: list[str], members: list[str]) -> Section:
        """The entries of one section: its roots first, then what no root reached."""
        entries = []
        for root in roots + members:
            if root not in self.done:
                self.done.add(root)
                entries.append(self.tree(root, title))
        return Section(title, entries)

    def tree(self, root: str, title) -> Entry:
        """A root's entry with its reasons and objections under it (no recursion)."""
        top = Entry("root", root)
        stack = [(top, root)]
        while stack:
            entry, n = stack.pop()
            expand = []
            for role, members in _children(self.m, n):
                made = []
                for member in members:
                    if member in self.done or (member in self.roots and member != root):
                        where = self.m.nodes[member]["section"]
                        made.append(Entry(role, member, pointer=where if where != title else ""))
                    else:
                        self.done.add(member)
                        child = Entry(role, member)
                        made.append(child)
                        expand.append((child, member))
                if len(members) > 1:
                    entry.children.append(Entry("linked", None, made))
                else:
                    entry.children.extend(made)
            stack.extend(reversed(expand))
        return top


def _footnotes(argmap, args) -> tuple[list[str], dict[str, list[int]]]:
    """The footnote texts (each work and locator once), and each node's numbers."""
    notes, marks, index = [], {}, {}
    for n in args:
        for value in argmap.nodes[n]["cite"]:
            c = argmap.arggraph.citation(value)
            label = c.text.rstrip(".") + (f", {c.locator}" if c.locator else "")
            if label not in index:
                notes.append(label)
                index[label] = len(notes)
            marks.setdefault(n, [])
            if index[label] not in marks[n]:
                marks[n].append(index[label])
    return notes, marks


def build(argmap) -> Outline:
    nodes = argmap.nodes
    args = argmap.arggraph.arguments()
    roots_of = _roots(argmap, args)
    spell = _Sections(argmap, {n for rs in roots_of.values() for n in rs})
    sections = [spell.section(title, roots, [n for n in args if nodes[n]["section"] == title])
                for title, roots in roots_of.items()]
    _mark_pointers(sections)
    notes, marks = _footnotes(argmap, args)
    return Outline(
        meta=dict(argmap.meta),
        sections=sections,
        ids={n: f"n{i}" for i, n in enumerate(nodes)},
        notes=notes,
        marks=marks,
        sources=[n for n, d in nodes.items() if d["kind"] == "source"],
        headings=any(t is not None for t in roots_of),
    )


def walk(entries):
    """Every entry under ``entries``, in reading order (pre-order, no recursion)."""
    stack = list(reversed(entries))
    while stack:
        e = stack.pop()
        yield e
        stack.extend(reversed(e.children))


def _mark_pointers(sections):
    shown = set()
    for section in sections:
        for e in walk(section.entries):
            if e.node is None:
                continue
            if e.pointer is None:
                shown.add(e.node)
            else:
                e.above = e.node in shown


def bears_on(m, node):
    """(verb, target) for each claim ``node`` supports or attacks, in written order."""
    return [("Supports", v) if rel == "support"
            else ("Objects to" if m.nodes[v]["kind"] != "counter" else "Answers", v)
            for rel, v in m.arggraph.bears_on(node)]


ROLE_LABEL = {"reason": None, "objection": "Objection", "response": "Response"}


def label(m, entry: Entry, outline: Outline) -> str:
    """The word an entry starts with: Objection, Response, or the node's kind."""
    d = m.nodes[entry.node]
    if entry.role in ("objection", "response"):
        word = ROLE_LABEL[entry.role]
        if entry.role == "objection" and outline.unanswered(m, entry.node):
            word += " (unanswered)"
        return word
    return d["kind"].capitalize()
