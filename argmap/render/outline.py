"""The map as an essay outline: a tree of entries that Markdown, HTML and the
terminal view all print.

Sections follow the map's headings, in order. Each section lists its *roots*
(nodes whose relations lead out of the section, or nowhere) with their reasons,
evidence, objections and responses nested under them. A node is spelled out
once; where it comes up again, the entry points to it. Built with an explicit
stack, so any depth of map is fine.

What is said of an inference (version 1.2) follows the reason that states it
(or the reasons that work together): its scheme with a checklist of the
scheme's critical questions, then its undercuts, as objections to the
inference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schemes import built_in


@dataclass
class Question:
    name: str
    text: str
    #: "answered" (by a reason of the inference), "raised" (by an undercut), or None: open
    by: str | None


@dataclass
class Checklist:
    """An inference's scheme and where each of its critical questions stands."""

    name: str
    title: str | None  # None: the catalogue has no such scheme
    questions: list[Question]

    @property
    def open(self) -> int:
        return sum(q.by is None for q in self.questions)


@dataclass
class Entry:
    """One point of the outline.

    ``role`` is ``root``, ``reason``, ``objection``, ``response``, ``linked``
    (reasons that work only together: their entries are the children),
    ``undercut`` (an objection to the inference of the entry it is under) or
    ``scheme`` (``check`` holds that inference's scheme and critical questions;
    ``node`` is None). When ``pointer`` is set, the node is spelled out
    elsewhere (``pointer`` is that place's section title, or ``""`` for none)
    and its children are only what is said of its inference.
    """

    role: str
    node: str | None
    children: list[Entry] = field(default_factory=list)
    pointer: str | None = None
    #: for a pointer: whether the node is spelled out earlier in the outline
    above: bool = False
    check: Checklist | None = None


@dataclass
class Section:
    title: str | None
    entries: list[Entry]
    #: the heading's level in the map (1 for `#`); a heading with no node of its
    #: own (only sub-sections) is a section with no entries
    level: int = 1


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
    #: node -> the title of the section it is spelled out in
    spelled_in: dict = field(default_factory=dict)

    def section_of(self, m, node: str):
        """Where the outline spells ``node`` out (its own section if nowhere)."""
        return self.spelled_in.get(node, m.nodes[node]["section"])

    def unanswered(self, m, node: str) -> bool:
        return m.nodes[node]["kind"] == "counter" and not (
            m.arggraph.has_incoming(node, "attack") or m.arggraph.has_incoming(node, "undercut"))


def _children(m, n):
    """(role, members, inference) for each reason and objection of ``n``, in written order."""
    attacked_is_objection = m.nodes[n]["kind"] == "counter"
    out = []
    for inf in m.arggraph.inferences_into(n):
        if inf.relation == "support":
            role = "reason"
        else:
            role = "response" if attacked_is_objection else "objection"
        out.append((role, list(inf.reasons), inf))
    return out


def checklist(m, inf, catalogue) -> Checklist:
    """Where each critical question of an inference's scheme stands."""
    by = {}
    for e in m.arggraph.edges_of(inf):
        for _, name, _, _ in e.get("cq", ()):
            if e["relation"] == "undercut":
                by.setdefault(name, "raised")
            else:
                by[name] = "answered"
    scheme = catalogue.get(inf.scheme)
    if scheme is None:
        return Checklist(inf.scheme, None, [])
    return Checklist(scheme.name, scheme.title,
                     [Question(q.name, q.text, by.get(q.name)) for q in scheme.questions])


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

    def __init__(self, argmap, roots: set[str], catalogue: dict):
        self.m = argmap
        self.roots = roots
        self.catalogue = catalogue
        self.done: set[str] = set()

    def section(self, title, roots: list[str], members: list[str]) -> Section:
        """The entries of one section: its roots first, then what no root reached."""
        entries = []
        for root in roots + members:
            if root not in self.done:
                self.done.add(root)
                entries.append(self.tree(root, title))
        return Section(title, entries)

    def entry(self, role, member, root, title, expand) -> Entry:
        """A member's entry: spelled out (and to be expanded), or a pointer."""
        if member in self.done or (member in self.roots and member != root):
            where = self.m.nodes[member]["section"]
            return Entry(role, member, pointer=where if where != title else "")
        self.done.add(member)
        child = Entry(role, member)
        expand.append((child, member))
        return child

    def tree(self, root: str, title) -> Entry:
        """A root's entry with its reasons and objections under it (no recursion).

        What is said of an inference goes after the children of the entry it
        follows, so it waits in ``after`` until that entry is expanded.
        """
        top = Entry("root", root)
        stack = [(top, root)]
        after: dict[int, list[Entry]] = {}
        while stack:
            entry, n = stack.pop()
            expand = []
            for role, members, inf in _children(self.m, n):
                made = [self.entry(role, member, root, title, expand) for member in members]
                about = self.inference(inf, root, title, expand)
                if len(members) > 1:
                    entry.children.append(Entry("linked", None, made + about))
                else:
                    entry.children.extend(made)
                    if made[0].pointer is None:
                        after[id(made[0])] = about
                    else:
                        made[0].children.extend(about)
            entry.children.extend(after.pop(id(entry), ()))
            stack.extend(reversed(expand))
        return top

    def inference(self, inf, root, title, expand) -> list[Entry]:
        """The scheme checklist and the undercuts of a support inference."""
        out = []
        if inf.scheme is not None:
            out.append(Entry("scheme", None, check=checklist(self.m, inf, self.catalogue)))
        out.extend(self.entry("undercut", u, root, title, expand) for u in inf.undercutters)
        return out


def _sections(argmap, args, roots_of, spell) -> list[Section]:
    """The outline's sections, in the order and at the levels of the map's headings."""
    nodes = argmap.nodes
    sections = []
    for title, level in _section_order(argmap, roots_of):
        if title in roots_of:
            members = [n for n in args if nodes[n]["section"] == title]
            sections.append(spell.section(title, roots_of[title], members))
            sections[-1].level = level
        else:
            sections.append(Section(title, [], level))
    # a heading with no argument of its own stays only as the parent of the next one
    return [s for i, s in enumerate(sections) if s.entries or s.title is None or (
        i + 1 < len(sections) and sections[i + 1].level > s.level)]


def _section_order(argmap, roots_of) -> list[tuple[str | None, int]]:
    """(title, level) of each section: the map's headings in reading order (each
    title once), those without nodes of their own too; nodes before the first
    heading come first."""
    out = [(None, 1)] if None in roots_of else []
    seen = {None}
    for level, title in getattr(argmap, "headings", ()):
        if title not in seen:
            seen.add(title)
            out.append((title, level))
    out.extend((title, 1) for title in roots_of if title not in seen)
    return out


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def short_reference(text: str) -> str:
    """A work named short, as a note names what the bibliography gives in full:
    what comes before its first comma (the author, most often), at most six
    words, and its year: `Marcin Kaczmarski 2020`."""
    head = text.split(",", 1)[0].strip().rstrip(".")
    words = head.split()
    if len(words) > 6:
        head = " ".join(words[:6]) + "…"
    year = _YEAR.search(text)
    if year and year.group(1) not in head:
        head += f" {year.group(1)}"
    return head


def _footnotes(argmap, args) -> tuple[list[str], dict[str, list[int]]]:
    """The footnote texts (each work and locator once), and each node's numbers."""
    notes, marks, index = [], {}, {}
    for n in args:
        for value in argmap.nodes[n]["cite"]:
            c = argmap.arggraph.citation(value)
            # a source is listed in full under Sources: a note names it short
            name = short_reference(c.text) if c.source else c.text.rstrip(".")
            label = name + (f", {c.locator}" if c.locator else "")
            if label not in index:
                notes.append(label)
                index[label] = len(notes)
            marks.setdefault(n, [])
            if index[label] not in marks[n]:
                marks[n].append(index[label])
    return notes, marks


def build(argmap, catalogue: dict | None = None, brief: bool = False) -> Outline:
    """The outline of a built map; ``catalogue`` holds the schemes that its
    checklists are made from (argmap's own by default); ``brief``: the essay's
    skeleton, its claims and objections without the evidence."""
    nodes = argmap.nodes
    args = argmap.arggraph.arguments()
    roots_of = _roots(argmap, args)
    spell = _Sections(argmap, {n for rs in roots_of.values() for n in rs},
                      built_in() if catalogue is None else catalogue)
    sections = _sections(argmap, args, roots_of, spell)
    if brief:
        _without_evidence(argmap, sections)
    spelled_in = _mark_pointers(sections)
    shown = {e.node for s in sections for e in walk(s.entries) if e.node is not None}
    notes, marks = _footnotes(argmap, [n for n in args if n in shown])
    return Outline(
        meta=dict(argmap.meta),
        sections=sections,
        ids={n: f"n{i}" for i, n in enumerate(nodes)},
        notes=notes,
        marks=marks,
        sources=[n for n, d in nodes.items() if d["kind"] == "source"],
        headings=any(t is not None for t in roots_of),
        spelled_in=spelled_in,
    )


def _without_evidence(argmap, sections) -> None:
    """Leave the evidence out (with what hangs on it), and groups left empty."""
    def keep(e) -> bool:
        return e.node is None or argmap.nodes[e.node]["kind"] != "evidence"

    stack = [s.entries for s in sections]
    while stack:
        entries = stack.pop()
        entries[:] = [e for e in entries if keep(e)]
        entries[:] = [e for e in entries if e.role != "linked" or
                      [c for c in e.children if keep(c)]]
        stack.extend(e.children for e in entries)


def walk(entries):
    """Every entry under ``entries``, in reading order (pre-order, no recursion)."""
    stack = list(reversed(entries))
    while stack:
        e = stack.pop()
        yield e
        stack.extend(reversed(e.children))


def _mark_pointers(sections) -> dict:
    """Point each pointer at the section where its node is spelled out (which is
    not always the section the node is declared in: a node is spelled out under
    the first root that reaches it), and say whether that is above it; return
    node -> the title of the section it is spelled out in."""
    spelled = {}
    for section in sections:
        for e in walk(section.entries):
            if e.node is not None and e.pointer is None:
                spelled.setdefault(e.node, section.title)
    shown = set()
    for section in sections:
        for e in walk(section.entries):
            if e.node is None:
                continue
            if e.pointer is None:
                shown.add(e.node)
                continue
            where = spelled.get(e.node)
            e.pointer = where if where is not None and where != section.title else ""
            e.above = e.node in shown
    return spelled


_VERB = {"support": "Supports", "undercut": "Objects to the inference of"}


def bears_on(m, node):
    """(verb, target) for each claim ``node`` supports, attacks or undercuts, in written order."""
    return [(_VERB[rel], v) if rel in _VERB
            else ("Objects to" if m.nodes[v]["kind"] != "counter" else "Answers", v)
            for rel, v in m.arggraph.bears_on(node)]


ROLE_LABEL = {"reason": None, "objection": "Objection", "response": "Response",
              "undercut": "Objection to the inference"}


def label(m, entry: Entry, outline: Outline) -> str:
    """The word an entry starts with: Objection, Response, or the node's kind."""
    d = m.nodes[entry.node]
    if entry.role in ("objection", "response", "undercut"):
        word = ROLE_LABEL[entry.role]
        if entry.role != "response" and outline.unanswered(m, entry.node):
            word += " (unanswered)"
        return word
    return d["kind"].capitalize()


def question_line(q: Question) -> str:
    """A checklist line's words after its box: the question, and who addresses it."""
    by = {"answered": " (answered by a reason)", "raised": " (raised by an objection)",
          None: ""}[q.by]
    return f"{q.name}: {q.text}{by}"


def scheme_line(check: Checklist) -> str:
    if check.title is None:
        return f"Scheme: {check.name} (not in the catalogue)"
    total = len(check.questions)
    questions = "critical question" + ("s" if total > 1 else "")
    if check.open:
        where = f"{check.open} of {total} {questions} open"
        if check.open < total:  # some boxes ticked, some not: say what a tick means
            where += " (ticked: answered by a reason or raised by an objection)"
    else:
        where = f"{'all ' if total > 1 else ''}{total} {questions} addressed"
    return f"Scheme: {check.title} ({check.name}), {where}"
