"""`argmap fmt`: one canonical layout for maps, that never changes what a map says.

The layout (see the language reference): two spaces an indentation step, one
space after a sign and between the words of a head, attributes before a node's
children in the order scheme, cq, cite, url, tags, note, weight, expect (what
the line says of its inference, then of its node), undercut lines (``~``)
among the children as written; one blank line
between top-level blocks (two one-line declarations, relations or includes may
stay together) and around headings; at most one blank line inside a block;
front matter as written; comments stay with the line below them. Line ends
(LF or CRLF) and a byte-order mark are kept.

Before anything is written, the formatted text is read back and compared with
the original: same nodes with the same attributes, same edges and groups, same
sections, front matter and findings. See :func:`format_source`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import parser as P
from .api import loads
from .checker import check
from .problems import PROBLEM_IDS
from .reader import BOM, decode
from .rules import RULE_IDS

ATTRIBUTE_ORDER = {key: i for i, key in enumerate(("scheme", "cq", "cite", "url", "tags", "note",
                                                     "weight", "expect"))}
INDENT = "  "


class _Item:
    __slots__ = ("line", "comments", "blank", "children")

    def __init__(self, line, comments, blank):
        self.line = line
        self.comments = comments
        self.blank = blank
        self.children = []


def _tree(lines):
    """Front matter lines, the top-level items (with their subtrees), trailing comments."""
    front = []
    i = 0
    if lines and lines[0].what == "front":
        front.append(lines[0].text)
        i = 1
        while i < len(lines):
            front.append(lines[i].text)
            i += 1
            if lines[i - 1].what == "front" and lines[i - 1].text == "---":
                break
    root = _Item(None, [], False)
    stack = [(-1, root)]
    comments, blank = [], False
    previous = lines[i - 1].number if i else 0
    for line in lines[i:]:
        gap = line.number - previous > 1
        previous = line.number
        if line.what == "comment":
            if not comments:
                blank = gap
            comments.append(line.text)
            continue
        if comments and gap:
            # comments with a blank line after them stand on their own
            block = P.Line(line.number, "comments", line.depth, "")
            _attach(stack, _Item(block, comments, blank))
            comments = []
        item = _Item(line, comments, blank if comments else gap)
        comments, blank = [], False
        _attach(stack, item)
    return front, root.children, (comments, blank)


def _attach(stack, item):
    depth = item.line.depth
    while stack[-1][0] >= depth:
        stack.pop()
    stack[-1][1].children.append(item)
    stack.append((depth, item))


def _ordered(children):
    """A node's children in canonical order: attributes first, by key, then the
    rest as written. A comment block standing on its own goes with the line
    after it."""
    groups, pending = [], []
    for child in children:
        if child.line.what == "comments":
            pending.append(child)
            continue
        if child.line.what == "attr":
            for block in pending:  # attributes stand together, with no blank line
                block.blank = False
        groups.append((child, pending + [child]))
        pending = []
    attrs = sorted((g for g in groups if g[0].line.what == "attr"),
                   key=lambda g: ATTRIBUTE_ORDER[g[0].line.key])
    rest = [g for g in groups if g[0].line.what != "attr"]
    return [item for _, members in attrs + rest for item in members] + pending


def _blank_before(prev, item) -> bool:
    """Whether a blank line separates two top-level blocks."""
    return (prev is None or prev.line.what == "heading" or item.line.what == "heading"
            or bool(prev.children) or bool(item.children) or item.blank)


def _block(item, out: list[str]) -> None:
    """One top-level block, depth first, with an explicit stack."""
    stack = [(item, 0, True)]
    while stack:
        node, depth, first = stack.pop()
        pad = INDENT * depth
        if node.blank and not first and node.line.what != "attr":
            out.append("")
        out.extend(pad + c for c in node.comments)
        if node.line.what != "comments":
            out.append(pad + node.line.text)
        kids = _ordered(node.children)
        stack.extend((kid, depth + 1, n == 0) for n, kid in reversed(list(enumerate(kids))))


def layout(lines) -> list[str]:
    """The canonical lines of a file, from the parser's record of its lines."""
    front, top, (trailing, trailing_blank) = _tree(lines)
    out = list(front)
    prev = None
    for item in top:
        if out and _blank_before(prev, item):
            out.append("")
        _block(item, out)
        prev = item
    if trailing:
        if out and (trailing_blank or (prev is not None and prev.children)):
            out.append("")
        out.extend(trailing)
    return out


def format_text(text: str, file: str = "<string>") -> str:
    """``text`` (decoded, without BOM) in canonical layout; line ends as in the original."""
    parsed = P.parse(text, file, lines=True, known_rules=RULE_IDS)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = layout(parsed.lines)
    return newline.join(lines) + newline if lines else ""


@dataclass
class Result:
    """What formatting one file's bytes gave."""

    original: bytes
    formatted: bytes | None  # None when the file can't be formatted
    findings: list  # the findings that stopped it (syntax, encoding, include)
    problem: str | None = None  # set when the check of meaning failed: a bug
    texts: dict | None = None  # the decoded text, for the findings' code frames

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original


def format_source(data: bytes, file: str, root: str) -> Result:
    """Format one file's bytes, checking that the result means the same.

    ``file`` names the file in findings; includes resolve from ``root`` (the
    file's folder). A file with syntax, encoding or include errors is not
    formatted.
    """
    before = loads(data, file=file, root=root)
    fatal = [f for f in check(before) if f.rule in PROBLEM_IDS]
    if fatal or not before.ok:
        return Result(data, None, fatal, texts=before.texts)
    prefix, text = _marks(data, file)
    new = prefix + format_text(text, file).encode("utf-8")
    if new == data:
        return Result(data, new, [])
    after = loads(new, file=file, root=root)
    problem = difference(before, after)
    again = format_text(_marks(new, file)[1], file).encode("utf-8")
    if problem is None and again != new[len(prefix):]:
        problem = "formatting the result again changes it"
    return Result(data, None if problem else new, [], problem)


def _marks(data: bytes, file: str) -> tuple[bytes, str]:
    """The byte-order marks a file starts with, kept as they are, and its text
    after them: as the reader does, a BOM and one U+FEFF after it are marks."""
    text, _ = decode(data, file)
    prefix = BOM if data.startswith(BOM) else b""
    if text.startswith("\ufeff"):
        prefix += BOM
        text = text[1:]
    return prefix, text


_NUMBERS = re.compile(r":\d+|\b_\d+(_\d+)?\b")


def _findings(m):
    return Counter((f.rule, f.severity, f.file, _NUMBERS.sub("", f.message))
                   for f in check(m))


_POSITIONS = ("file", "line", "column", "expect_at", "url_at")


def _node_names(A: dict, B: dict) -> tuple[dict, str | None]:
    """Each node of ``A`` matched with ``B``'s (anonymous ones in declaration
    order), or why they can't be: a node renamed, or one with other attributes."""
    if len(A) != len(B):
        return {}, "the number of nodes differs"
    names = {}
    for x, y in zip(A, B):
        if x != y and not (x.startswith("_") and y.startswith("_")):
            return names, f"node `{x}` became `{y}`"
        names[x] = y
        da, db = A[x], B[y]
        for key in da:
            if key not in _POSITIONS and da[key] != db.get(key):
                return names, f"the {key} of node `{x}` differs"
    return names, None


def difference(a, b) -> str | None:
    """How two maps differ in meaning, or None when they don't.

    Positions don't count, and anonymous nodes are matched in declaration
    order (their ids follow their lines).
    """
    if a.ok != b.ok:
        return "one of the two maps can't be read"
    if list(a.meta.items()) != list(b.meta.items()):
        return "the front matter differs"
    names, problem = _node_names(a.nodes, b.nodes)
    if problem:
        return problem
    def edges(m, rename):
        return {(rename(u), rename(v), d["relation"], tuple(map(rename, d.get("reasons", ()))),
                 d.get("scheme"), tuple(q for _, q, _, _ in d.get("cq", ())))
                for u, v, d in m.arggraph.edges()}

    if edges(a, names.__getitem__) != edges(b, lambda n: n):
        return "the edges differ"

    def groups(m, rename):
        return {(rename(inf.target), frozenset(map(rename, inf.reasons)))
                for inf in m.arggraph.inferences() if inf.group is not None}

    if groups(a, names.__getitem__) != groups(b, lambda n: n):
        return "the linked groups differ"
    if _findings(a) != _findings(b):
        return "the findings differ"
    return None
