"""The map as a rich tree for the terminal (`argmap show`)."""

from __future__ import annotations

from rich.text import Text

from ..reporters._terminal import safe
from .outline import Entry, build, label, question_line, scheme_line

KIND_COLOR = {"thesis": "bold bright_white on blue", "claim": "bold blue", "premise": "cyan",
              "evidence": "green", "counter": "bold red", "rebuttal": "magenta",
              "source": "dim"}
SIGN = {"reason": ("+ ", "green"), "objection": ("- ", "red"), "response": ("- ", "red"),
        "linked": ("& ", "yellow"), "root": ("", ""), "undercut": ("~ ", "red"),
        "scheme": ("", "")}


def _line(m, outline, e: Entry) -> Text:
    sign, sign_style = SIGN[e.role]
    if e.role == "linked":
        return Text.assemble((sign, sign_style), ("these reasons count only together:", "yellow"))
    if e.role == "scheme":
        parts = [(safe(scheme_line(e.check)), "italic blue")]
        for q in e.check.questions:
            box = "[ ] " if q.by is None else "[x] "
            parts.append((f"\n  {box}{safe(question_line(q))}", "" if q.by is None else "dim"))
        return Text.assemble(*parts)
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


#: guides drawn for the innermost levels of a deep tree; the outer ones are
#: counted instead, so a line never grows with the depth of the map
MAX_GUIDES = 8


def _find(sections, node):
    """The entry that spells ``node`` out, wherever it is."""
    for section in sections:
        stack = list(section.entries)
        while stack:
            e = stack.pop()
            if e.node == node and e.pointer is None:
                return e
            stack.extend(e.children)
    return None


def tree_lines(argmap, node: str | None = None, console=None, width: int = 80,
               catalogue=None):
    """The map (or the part under ``node``) as the lines of a tree, each a
    rich :class:`~rich.text.Text`, wrapped to ``width`` with the tree's guides
    kept on every line. No recursion and no level cut off: past
    :data:`MAX_GUIDES` levels, the outer guides are replaced by the level's
    number, so a map 10 000 levels deep prints in time linear in its size."""
    o = build(argmap, catalogue)
    title = o.meta.get("title") or (argmap.files[0] if argmap.files else "map")
    yield Text(safe(title), style="bold")
    sections = o.sections
    if node is not None:
        found = _find(sections, node)
        sections = [type(sections[0])(None, [Entry("root", node, found.children if found else [])])]
    top = []  # (text, children) of the root's children
    for section in sections:
        if section.title:
            top.append((Text("§ " + safe(section.title), style="bold underline"), section.entries))
        else:
            top.extend((None, [e]) for e in section.entries)
    # an explicit stack of (entry or heading, its children, the guides above, is last)
    stack = [(text, entries, [], k == len(top) - 1) for k, (text, entries) in enumerate(top)]
    stack.reverse()
    while stack:
        text, children, guides, last = stack.pop()
        if text is None:  # an entry of a section without a title
            text, children = _line(argmap, o, children[0]), children[0].children
        yield from _wrapped(text, guides, last, console, width)
        below = guides + ["    " if last else "│   "]
        for k in range(len(children) - 1, -1, -1):
            child = children[k]
            stack.append((_line(argmap, o, child), child.children, below, k == len(children) - 1))


def _prefix(guides: list[str]) -> str:
    if len(guides) <= MAX_GUIDES:
        return "".join(guides)
    return f"‹{len(guides)}› " + "".join(guides[-MAX_GUIDES:])


def _wrapped(text: Text, guides: list[str], last: bool, console, width: int):
    head = _prefix(guides) + ("└── " if last else "├── ")
    rest = _prefix(guides) + ("    " if last else "│   ")
    room = max(20, width - len(head))
    lines = text.wrap(console, room) if console is not None else [text]
    for k, line in enumerate(lines):
        out = Text(head if k == 0 else rest, style="dim")
        out.append_text(line)
        yield out
