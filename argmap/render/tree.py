"""The map as a rich tree for the terminal (`argmap show`)."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..reporters._terminal import safe
from .outline import Entry, build, label

KIND_COLOR = {"thesis": "bold bright_white on blue", "claim": "bold blue", "premise": "cyan",
              "evidence": "green", "counter": "bold red", "rebuttal": "magenta",
              "source": "dim"}
SIGN = {"reason": ("+ ", "green"), "objection": ("- ", "red"), "response": ("- ", "red"),
        "linked": ("& ", "yellow"), "root": ("", "")}


def _line(m, outline, e: Entry) -> Text:
    sign, sign_style = SIGN[e.role]
    if e.role == "linked":
        return Text.assemble((sign, sign_style), ("together:", "yellow"))
    d = m.nodes[e.node]
    word = label(m, e, outline) if e.role != "root" else d["kind"].capitalize()
    # Text pieces, never markup: map text can't turn into rich markup.
    parts = [(sign, sign_style), (word, KIND_COLOR[d["kind"]]), (" ", ""), (safe(d["text"]), "")]
    if not e.node.startswith("_"):
        parts.append((f"  [{e.node}]", "dim"))
    if e.pointer is not None:
        parts.append(("  (see § " + safe(e.pointer) + ")" if e.pointer else "  (see above)"
                      if e.above else "  (see below)", "dim italic"))
    for value in d["cite"]:
        parts.append((f"\n  cite: {safe(value)}", "dim"))
    return Text.assemble(*parts)


def to_tree(argmap, node: str | None = None) -> Tree:
    o = build(argmap)
    title = o.meta.get("title") or (argmap.files[0] if argmap.files else "map")
    root = Tree(Text(safe(title), style="bold"), guide_style="dim")
    sections = o.sections
    if node is not None:
        # the entry that spells the node out, wherever it is
        found = None
        for section in sections:
            stack = list(section.entries)
            while stack and found is None:
                e = stack.pop()
                if e.node == node and e.pointer is None:
                    found = e
                stack.extend(e.children)
        sections = [type(sections[0])(None, [Entry("root", node, found.children if found else [])])]
    for section in sections:
        parent = root.add(Text("§ " + safe(section.title), style="bold underline")) if section.title else root
        stack = [(parent, e) for e in reversed(section.entries)]
        while stack:
            branch, e = stack.pop()
            sub = branch.add(_line(argmap, o, e))
            stack.extend((sub, c) for c in reversed(e.children))
    return root
