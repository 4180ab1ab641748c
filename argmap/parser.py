"""Read the text of one ``.argmap`` file into a flat list of statements.

The parser knows nothing of rules, graphs or output. It works in two small
steps, in the manner of tomli:

* **classifying** a line is a pure function of its text: :func:`classify_top`
  (a line at column 1) and :func:`classify_indented` (an indented line) return
  one value: a :class:`Heading`, :class:`IncludeLine`, :class:`RelationLine`,
  :class:`Declaration`, :class:`Child`, :class:`Attribute`, or a
  :class:`Problem`. The line most maps are made of, ``  + kind id: text``, is
  matched in one go as the first branch (:func:`classify_child_fast`);
* **one structural pass** (:class:`_Parser`) keeps the open indentation levels
  on an explicit stack (no recursion, so any depth of nesting is fine), checks
  each value against the level it falls under, and turns it into statements.

It returns the statements in written order (node declarations with their
parent, the relation to it and their attributes; reference, relation and
include lines), the front matter, the ``syntax`` problems (at most one a line,
so that one mistake is reported once), the ``// argmap: ignore`` comments,
and, for ``argmap fmt``, each line's canonical form, which falls out of its
classification. Reading bytes, includes and building the graph happen in
:mod:`argmap.reader` and :mod:`argmap.builder`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .language import (EXPECT_VALUES, KIND_SET, META_KEY_RE, RESERVED, SIGN_RELATION, WEIGHT_RE,
                       default_kind, id_problem, is_identifier, kind_hint)
from .model import FINDINGS_PER_RULE, Finding, more_findings
from .problems import PROBLEM_IDS, SYNTAX
from .util import nearest

# The line most maps are made of, `  + kind id: text`, matched in one go
_FAST_CHILD = re.compile(r"( +)([+&-]) (thesis|claim|premise|evidence|counter|rebuttal) "
                         r"([a-z][a-z0-9_-]{0,63}): +(\S(?:.*\S)?)\s*\Z")
_ATTR_RE = re.compile(r"(cite|url|tags|note|weight|expect|scheme|cq):(?=\s|\Z)")
_ATTR_NOSPACE_RE = re.compile(r"(cite|url|tags|note|weight|expect|scheme|cq):")
_META_RE = re.compile(r"([A-Za-z0-9_-]+):(?:[ \t](.*))?\Z")
_HEADING_RE = re.compile(r"(#{1,6}) (.*)\Z")
_RELATION_RE = re.compile(r"@(\S*)\s+(supports|attacks)\s+@(\S*)\Z")
_UNDERCUT_RE = re.compile(r"@(\S*)\s+undercuts\s+@(\S*)\s+supports\s+@(\S*)\Z")
_CITE_REF_RE = re.compile(r"@([^\s,]*)(?:(,?)\s*(.*))?\Z")
_DIRECTIVE_RE = re.compile(r"//\s*argmap:\s*ignore\b(.*)\Z")
#: bidirectional control characters (the `bidi-control` rule reports them)
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


# -- statements: what the parser returns --------------------------------------

class NodeDecl:
    """A declared node: a column-1 declaration or a child line.

    A plain slotted class rather than a dataclass: maps have many nodes, and
    this is built once for each.
    """

    __slots__ = ("kind", "id", "text", "line", "column", "section", "parent", "relation",
                 "group", "cites", "notes", "tags", "url", "weight", "expect", "expect_at",
                 "url_at", "scheme", "cq")

    def __init__(self, kind, id, text, line, column, section, parent=None, relation=None,
                 group=None):
        self.kind = kind
        self.id = id
        self.text = text
        self.line = line
        self.column = column
        self.section = section
        # the NodeDecl this child line is under; for an undercut line (``~``),
        # the support line it stands under (a NodeDecl or a Reference)
        self.parent = parent
        self.relation = relation  # "support", "attack" or "undercut", for a child
        self.group = group  # file-local group number, for `&` groups
        self.cites = None  # the written `cite:` values, once there is one
        self.notes = None
        self.tags = None
        self.url = None
        self.weight = None
        self.expect = None
        self.expect_at = None  # (line, column) of the `expect:` line
        self.url_at = None  # (line, column) of the `url:` value
        self.scheme = None  # (name, line, column) of its `scheme:`, on a support line
        self.cq = None  # [(name, line, column)] of its `cq:` lines


@dataclass(eq=False, slots=True)
class Reference:
    """A reference line, ``+ @ID`` under a parent (for ``~ @ID``, under the
    support line it undercuts: a NodeDecl or a Reference)."""

    target: str
    parent: NodeDecl | Reference | None
    relation: str
    group: int | None
    line: int
    column: int  # of the `@`
    scheme: tuple | None = None  # (name, line, column), on a support reference line


@dataclass(eq=False, slots=True)
class Relation:
    """A column-1 relation line, ``@a supports @b``."""

    source: str
    relation: str
    target: str
    line: int
    source_column: int
    target_column: int


@dataclass(eq=False, slots=True)
class Undercut:
    """An undercut line, ``~ [KIND] [ID]: TEXT`` (``node`` is what it declares)
    or ``~ @ID`` (``target``), under the support line ``support``."""

    node: NodeDecl | None
    target: str | None
    support: NodeDecl | Reference
    line: int
    column: int  # of the sign, or of a reference's `@`
    relation: str = "undercut"


@dataclass(eq=False, slots=True)
class UndercutRelation:
    """A column-1 line ``@U undercuts @R supports @T``."""

    source: str
    reason: str
    target: str
    line: int
    source_column: int
    reason_column: int
    target_column: int


@dataclass(eq=False, slots=True)
class HeadingLine:
    """A heading, kept in the statements so that a map's outline has them in
    reading order (includes expanded where they stand)."""

    level: int
    title: str
    line: int


@dataclass(eq=False, slots=True)
class Cite:
    """A ``cite: @ID`` line: an edge from ``node`` to the source ``target``."""

    node: NodeDecl
    target: str
    line: int
    column: int  # of the `@`


@dataclass(eq=False, slots=True)
class Include:
    """An ``include PATH`` line; ``sections`` is the heading stack at that line."""

    path: str
    line: int
    column: int  # of the path
    sections: tuple


@dataclass(slots=True)
class Line:
    """One non-blank line as the parser understood it, for `argmap fmt`.

    ``what`` is front, comment, heading, decl, child, ref, attr, relation or
    include; ``depth`` its nesting level (0 at column 1); ``text`` the line in
    canonical form, without indentation; ``key`` an attribute's key.
    """

    number: int
    what: str
    depth: int
    text: str
    key: str | None = None


@dataclass(slots=True)
class ParsedFile:
    statements: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)
    #: every non-blank line, when asked for (``parse(..., lines=True)``)
    lines: list[Line] | None = None


# -- classification: one line's text, one value ------------------------------

@dataclass(slots=True)
class Problem:
    """A line that breaks the grammar: where, what, and a hint.

    ``lost`` says whether the lines indented under it still belong to it (as
    to a node that could not be read), rather than to nothing.
    """

    column: int
    message: str
    hint: str | None = None
    end: int | None = None
    lost: bool = False


@dataclass(slots=True)
class Heading:
    level: int
    title: str

    def canonical(self) -> str:
        return f"{'#' * self.level} {self.title}"


@dataclass(slots=True)
class IncludeLine:
    written: str  # what follows `include`, as written (for fmt)
    path: str | None  # None when the path can't be read: see ``problem``
    column: int
    problem: Problem | None = None


@dataclass(slots=True)
class RelationLine:
    source: str
    relation: str
    target: str
    source_column: int
    target_column: int

    def canonical(self) -> str:
        verb = "supports" if self.relation == "support" else "attacks"
        return f"@{self.source} {verb} @{self.target}"


@dataclass(slots=True)
class UndercutLine:
    source: str
    reason: str
    target: str
    columns: tuple[int, int, int]

    def canonical(self) -> str:
        return f"@{self.source} undercuts @{self.reason} supports @{self.target}"


@dataclass(slots=True)
class Declaration:
    kind: str
    id: str | None
    text: str

    def canonical(self) -> str:
        head = f"{self.kind} {self.id}" if self.id else self.kind
        return f"{head}: {self.text}"


class Child:
    """A child line: ``SIGN [KIND] [ID]: TEXT``, or a reference ``SIGN @ID``.

    ``kind`` is None when the line names none (the structure gives the
    default); ``target`` is set for a reference. ``problem``, when set, is what
    is wrong with the line itself (its level then counts as lost).
    """

    __slots__ = ("sign", "kind", "id", "text", "head", "target", "at", "problem")

    def __init__(self, sign, kind=None, id=None, text="", head=None, target=None, at=0,
                 problem=None):
        self.sign = sign
        self.kind = kind
        self.id = id
        self.text = text
        self.head = head  # the head as written ("kind id", "kind" or "id"), if any
        self.target = target
        self.at = at  # the column of a reference's `@`
        self.problem = problem

    def canonical(self) -> str:
        if self.target is not None:
            return f"{self.sign} @{self.target}"
        return f"{self.sign} {self.head}: {self.text}" if self.head else f"{self.sign} {self.text}"


@dataclass(slots=True)
class Attribute:
    key: str
    value: str
    value_column: int

    def canonical(self) -> str:
        return f"{self.key}: {self.value}"


def _head_end(s: str) -> int:
    """Index of the colon that ends a line's head (``: `` or a final ``:``), or -1."""
    i = s.find(": ")
    if i < 0 and s.endswith(":"):
        i = len(s) - 1
    return i


def classify_child_fast(raw: str) -> tuple[int, Child] | None:
    """``  + kind id: text`` in one match: (indent, child), or None for any other line.

    The first branch of classifying an indented line; anything unusual about
    the line (a reserved id, a tab, a source) is left to :func:`classify_indented`.
    """
    m = _FAST_CHILD.match(raw)
    if m is None:
        return None
    spaces, sign, kind, node_id, text = m.groups()
    if node_id in RESERVED:
        return None
    return len(spaces), Child(sign, kind, node_id, text, f"{kind} {node_id}")


def classify_top(s: str):
    """What a line at column 1 is (``s`` without trailing white space)."""
    first = s[0]
    if first == "#":
        m = _HEADING_RE.match(s)
        title = m.group(2).strip() if m else ""
        if not m or not title:
            return Problem(1, "expected a heading: 1 to 6 `#`, a space and a title")
        return Heading(len(m.group(1)), title)
    if s.startswith("include") and (len(s) == 7 or s[7] in " \t"):
        return _include(s)
    if first == "@":
        return _relation(s)
    if s == "---":
        return Problem(1, "front matter can only start at line 1")
    if first in "+-&~" and (len(s) == 1 or s[1] == " "):
        return Problem(1, "a child line at column 1", "indent it under the declaration it belongs to",
                       lost=True)
    if _ATTR_RE.match(s):
        return Problem(1, f"the attribute `{s.split(':')[0]}` has no node above it",
                       "indent it under the node it describes, at the level of its children")
    return _declaration(s)


def _declaration(s: str):
    end = _head_end(s)
    if end < 0:
        if s.split()[0] in KIND_SET:
            return Problem(1, "expected `: ` after the head of the declaration",
                           "write `KIND ID: TEXT`", lost=True)
        return Problem(1, "expected a declaration `KIND ID: TEXT`",
                       "or a heading, a comment, a relation or an include", lost=True)
    words = s[:end].split()
    if not words:
        return Problem(1, "a declaration needs a kind", "write `KIND ID: TEXT`", lost=True)
    kind = words[0]
    if kind not in KIND_SET:
        return Problem(1, f"unknown kind `{kind}`", kind_hint(kind), len(kind) + 1, lost=True)
    if len(words) > 2:
        return Problem(1, "the head of a declaration is `KIND` or `KIND ID`",
                       "an id is one word; the text comes after `: `", lost=True)
    node_id = None
    if len(words) == 2:
        node_id = words[1]
        problem = id_problem(node_id)
        if problem:
            col = s.index(node_id, len(kind)) + 1
            return Problem(col, problem, end=col + len(node_id), lost=True)
    text = s[end + 1:].strip()
    if not text:
        return Problem(1, "the declaration has no text", "write the claim after `: `", lost=True)
    return Declaration(kind, node_id, text)


def _include(s: str) -> IncludeLine:
    rest = s[7:].strip()
    column = len(s) - len(s[7:].lstrip()) + 1
    written = rest
    if rest.startswith('"'):
        if len(rest) < 2 or not rest.endswith('"'):
            return IncludeLine(written, None, column,
                               Problem(column, "the include path has no closing `\"`"))
        rest = rest[1:-1]
        column += 1
    if not rest:
        return IncludeLine(written, None, column,
                           Problem(1, "the include line names no file", "write `include PATH`"))
    return IncludeLine(written, rest, column)


def _relation(s: str):
    m = _RELATION_RE.match(s)
    groups = (1, 3)
    if not m:
        m = _UNDERCUT_RE.match(s)
        groups = (1, 2, 3)
    if not m:
        return Problem(1, "expected `@ID supports @ID`, `@ID attacks @ID` or "
                          "`@ID undercuts @ID supports @ID`")
    for g in groups:
        word, start = m.group(g), m.start(g)
        problem = id_problem(word) if word else "a reference needs an id after `@`"
        if problem:
            return Problem(start, problem, end=start + 1 + len(word))
    if len(groups) == 3:
        return UndercutLine(m.group(1), m.group(2), m.group(3),
                            (m.start(1), m.start(2), m.start(3)))
    return RelationLine(m.group(1), "support" if m.group(2) == "supports" else "attack",
                        m.group(3), m.start(1), m.start(3))


def classify_indented(s: str, column: int):
    """What an indented line is (``s`` without indentation and trailing white
    space; ``column`` where it starts)."""
    first = s[0]
    if first in "+-&~":
        if len(s) == 1 or s[1] == " ":
            return _child(s, column)
        if _is_signlike(s):
            return Problem(column, f"expected a space after the sign `{first}`", lost=True)
    m = _ATTR_RE.match(s)
    if m:
        after = s[m.end():]
        value_col = column + m.end() + len(after) - len(after.lstrip())
        return Attribute(m.group(1), after.strip(), value_col)
    m = _ATTR_NOSPACE_RE.match(s)
    if m:
        return Problem(column, f"expected a space after `{m.group(0)}`", lost=True)
    if first == "#":
        return Problem(column, "a heading must start at column 1", lost=True)
    if first == "@":
        return Problem(column, "a relation line must start at column 1",
                       "or write a reference line: `+ @ID` or `- @ID`", lost=True)
    if s.startswith("include ") or s == "include":
        return Problem(column, "an include line must start at column 1", lost=True)
    hint = ("start a child line with `+` (supports), `-` (attacks), `&` (linked) "
            "or `~` (undercuts)")
    if s.split()[0].rstrip(":") in KIND_SET:
        return Problem(column, "a child line needs a sign", hint, lost=True)
    return Problem(column, "expected a child line, a reference or an attribute", hint, lost=True)


def _is_signlike(s: str) -> bool:
    # `+premise p: ...` is a sign with its space missing; `-5 % of GDP` is not a
    # sign at all. Either way the line is wrong; this only picks the message.
    return s[1].isalpha() or s[1] == "@"


def _child(s: str, column: int) -> Child:
    sign = s[0]
    rest = s[1:].strip()
    if rest.startswith("@"):
        return _reference(sign, s, rest[1:], column)
    child = Child(sign, text=rest)
    end = _head_end(rest)
    if end >= 0:
        words = rest[:end].split()
        if words and words[0] in KIND_SET:
            kind = child.kind = words[0]
            if len(words) > 2:
                child.problem = Problem(column, "the head of a child is `KIND`, `ID` or `KIND ID`",
                                        "an id is one word; the text comes after `: `")
                return child
            if len(words) == 2:
                node_id = child.id = words[1]
                problem = id_problem(node_id)
                if problem:
                    col = column + s.index(node_id, s.index(kind) + len(kind))
                    child.problem = Problem(col, problem, end=col + len(node_id))
                    return child
            child.text = rest[end + 1:].strip()
            child.head = f"{kind} {child.id}" if child.id else kind
        elif len(words) == 1 and is_identifier(words[0]):
            child.id = child.head = words[0]
            child.text = rest[end + 1:].strip()
    if child.kind == "source":
        child.problem = Problem(column, "a source can't be a child",
                                "declare sources at column 1 and cite them with `cite: @ID`")
    elif not child.text:
        child.problem = Problem(column, "the child has no text", "write the claim after `: `")
    return child


def _reference(sign: str, s: str, target: str, column: int) -> Child:
    at = column + s.index("@")
    child = Child(sign, target=target, at=at)
    if not target:
        child.problem = Problem(column + 2, "a reference needs an id after `@`")
    elif " " in target or "\t" in target:
        child.problem = Problem(column, "a reference line holds only `@ID`",
                                "write the text at the node's declaration")
    else:
        problem = id_problem(target)
        if problem:
            child.problem = Problem(at, problem, end=at + 1 + len(target))
    return child


def ignore_directive(stripped: str) -> list[str] | None:
    """The rule names of an ``// argmap: ignore`` comment, or None for another comment."""
    m = _DIRECTIVE_RE.match(stripped.rstrip())
    return None if m is None else [n.strip() for n in m.group(1).split(",")]


# -- the structural pass --------------------------------------------------------

class _Level:
    """One open indentation level: a line that later, deeper lines belong to."""

    __slots__ = ("indent", "what", "decl", "kind", "child_indent", "last_reason")

    def __init__(self, indent, what, decl=None, kind=None):
        self.indent = indent
        self.what = what  # "node", "ref", "attr" or "lost" (after an error)
        self.decl = decl
        self.kind = kind
        self.child_indent = None
        self.last_reason = None  # the last +, - or & line among its children


class _Parser:
    def __init__(self, text: str, file: str, sections: tuple, known_rules, lines=False):
        self.lines = text.split("\n")
        self.file = file
        self.headings = list(sections)  # [(level, title)]
        self.known_rules = known_rules
        self.out = ParsedFile()
        self.error_line = 0
        self.hidden = 0  # syntax problems counted, not kept
        self.last_hidden = None
        self.groups = 0
        self.group_schemes = {}  # group number -> the (name, line, column) of its scheme
        self.node_line = 0  # the line of the last node declared
        self.depth = 0
        self.stack: list[_Level] = []
        # one look at the whole text; ASCII text (checked in C, fast) has none
        self.has_bidi = not text.isascii() and BIDI_RE.search(text) is not None
        if lines:
            self.out.lines = []

    def emit(self, number, what, text, key=None):
        """Record a line's canonical form (only when lines were asked for)."""
        if self.out.lines is not None:
            self.out.lines.append(Line(number, what, self.depth, text, key))

    def error(self, line, column, message, hint=None, end_column=None):
        """A ``syntax`` problem; only the first one of a line is kept, and past
        FINDINGS_PER_RULE of them they are only counted (a file of a million
        bad lines must not cost a million findings)."""
        if line == self.error_line:
            return
        self.error_line = line
        if len(self.out.findings) < FINDINGS_PER_RULE:
            self.out.findings.append(SYNTAX.at(self.file, line, column, message, hint, end_column))
        else:
            self.hidden += 1
            self.last_hidden = SYNTAX.at(self.file, line, column, message)

    def problem(self, lineno, p: Problem):
        self.error(lineno, p.column, p.message, p.hint, p.end)

    def section(self):
        return self.headings[-1][1] if self.headings else None

    # -- the whole file ---------------------------------------------------

    def run(self) -> ParsedFile:
        lines = self.lines
        # the fast branch is for files without bidi controls (one search of the text)
        fast = classify_child_fast if not self.has_bidi else (lambda raw: None)
        for index in range(self.front_matter(), len(lines)):
            raw = lines[index]
            if raw.endswith("\r"):
                raw = raw[:-1]
            found = fast(raw) if "\r" not in raw else None
            if found is not None:
                indent, child = found
                self.child(index + 1, indent, child)
                continue
            self.line(index + 1, raw)
        if self.hidden:
            self.out.findings.append(more_findings(self.last_hidden, self.hidden))
        return self.out

    def line(self, lineno, raw):
        """Any line but the most common kind of child line."""
        stripped = raw.lstrip(" \t")
        if not stripped:
            return
        indent = len(raw) - len(stripped)
        if "\r" in raw:
            self.error(lineno, raw.index("\r") + 1,
                       "a carriage return (CR) that does not end a line",
                       "lines end in LF or CRLF; a lone CR is not a line end")
            raw = raw.replace("\r", " ")
            stripped = raw.lstrip(" \t")
        if raw.find("\t", 0, indent) >= 0:
            self.error(lineno, raw.index("\t") + 1, "a tab in the indentation",
                       "indent with spaces only")
            if not stripped.startswith("//"):
                # its indentation is no measure for its siblings: the lines after
                # it are judged by the indentation of the lines before it
                while self.stack and self.stack[-1].indent >= indent:
                    self.stack.pop()
                self.stack.append(_Level(indent, "lost"))
                return
        if stripped.startswith("//"):
            self.comment(stripped, lineno, indent + 1)
            self.emit(lineno, "comment", stripped.rstrip())
            return
        s = stripped.rstrip()
        if not s:
            self.error(lineno, indent + 1, "a line of only white space other than spaces and tabs",
                       "delete the invisible characters")
        elif indent == 0:
            self.stack.clear()
            self.depth = 0
            self.top(lineno, classify_top(s))
        elif s[0] in "+-&~" and (len(s) == 1 or s[1] == " "):
            self.child(lineno, indent, _child(s, indent + 1))
        else:
            self.indented(lineno, indent, classify_indented(s, indent + 1))

    def front_matter(self) -> int:
        """Read front matter from line 1; return the index of the first line after it."""
        lines = self.lines
        if not lines or lines[0].rstrip() != "---":
            return 0
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if close is None:
            # Not closed: say so, then read on from the first line that can't be
            # front matter, so that the rest of the file is still checked.
            resume = next((i for i in range(1, len(lines))
                           if (s := lines[i].strip()) and not s.startswith("//")
                           and not _META_RE.match(s)), len(lines))
            hint = "close it with a line `---`"
            if resume < len(lines):
                hint += f" before line {resume + 1}"
            self.error(1, 1, "front matter is not closed", hint, 4)
            return resume
        self.emit(1, "front", "---")
        for i in range(1, close):
            self.meta_line(i + 1, lines[i].rstrip("\r"))
        self.emit(close + 1, "front", "---")
        return close + 1

    def meta_line(self, lineno, raw):
        s = raw.strip()
        if s.startswith("//"):
            self.emit(lineno, "comment", s)
        if not s or s.startswith("//"):
            return
        column = len(raw) - len(raw.lstrip()) + 1
        m = _META_RE.match(s)
        if not m:
            self.error(lineno, column, "expected `key: value` in the front matter")
            return
        key, value = m.group(1), (m.group(2) or "").strip()
        meta = self.out.meta
        if not META_KEY_RE.match(key):
            self.error(lineno, column, f"`{key}` is not a valid front matter key",
                       "keys are lowercase letters, digits, `_` and `-`, starting with a letter")
        elif key in meta:
            self.error(lineno, column, f"the key `{key}` is repeated in the front matter")
        else:
            meta[key] = value
            self.emit(lineno, "front", f"{key}: {value}" if value else f"{key}:")

    def comment(self, stripped, lineno, column):
        names = ignore_directive(stripped)
        if names is None:
            return
        if not any(names):
            self.error(lineno, column, "`argmap: ignore` names no rule",
                       "write `// argmap: ignore RULE[, RULE]`")
            return
        good = set()
        for name in names:
            if name in PROBLEM_IDS:
                self.error(lineno, column, f"the rule `{name}` can't be ignored")
            elif self.known_rules is not None and name not in self.known_rules:
                near = nearest(name, self.known_rules)
                hint = f"did you mean `{near}`?" if near else "`argmap rules` lists the rules"
                self.error(lineno, column, f"unknown rule `{name}` in an ignore comment", hint)
            else:
                good.add(name)
        if good:
            self.out.suppressions[lineno + 1] = frozenset(good)

    # -- column-1 lines ---------------------------------------------------

    def top(self, lineno, value):
        kind = type(value)
        if kind is Declaration:
            decl = NodeDecl(value.kind, value.id, value.text, lineno, 1, self.section())
            self.node_line = lineno
            self.out.statements.append(decl)
            self.emit(lineno, "decl", value.canonical())
            self.stack.append(_Level(0, "node", decl, decl.kind))
        elif kind is Heading:
            while self.headings and self.headings[-1][0] >= value.level:
                self.headings.pop()
            self.headings.append((value.level, value.title))
            self.out.statements.append(HeadingLine(value.level, value.title, lineno))
            self.emit(lineno, "heading", value.canonical())
        elif kind is IncludeLine:
            self.emit(lineno, "include", f"include {value.written}")
            if value.problem:
                self.problem(lineno, value.problem)
            else:
                self.out.statements.append(Include(value.path, lineno, value.column,
                                                   tuple(self.headings)))
        elif kind is RelationLine:
            self.out.statements.append(Relation(value.source, value.relation, value.target,
                                                lineno, value.source_column, value.target_column))
            self.emit(lineno, "relation", value.canonical())
        elif kind is UndercutLine:
            self.out.statements.append(UndercutRelation(value.source, value.reason, value.target,
                                                        lineno, *value.columns))
            self.emit(lineno, "relation", value.canonical())
        else:
            self.problem(lineno, value)
            if value.lost:
                self.stack.append(_Level(0, "lost"))

    # -- indented lines ---------------------------------------------------

    def parent_at(self, lineno, indent) -> _Level:
        """The level an indented line falls under; an error when there is none,
        or when the line's indentation matches none of its siblings'."""
        stack = self.stack
        while stack and stack[-1].indent >= indent:
            stack.pop()
        if not stack:
            self.error(lineno, indent + 1, "an indented line with no declaration above it",
                       "children, references and attributes go under a declaration")
            stack.append(_Level(0, "lost"))
        parent = stack[-1]
        self.depth = len(stack)
        if parent.child_indent is None:
            parent.child_indent = indent
        elif parent.child_indent != indent:
            self.error(lineno, indent + 1, "the indentation matches no open level",
                       f"the lines it could belong with are indented by {parent.child_indent} "
                       "spaces")
        return parent

    def indented(self, lineno, indent, value):
        """An indented line that is not a child: an attribute, or a problem."""
        parent = self.parent_at(lineno, indent)
        if type(value) is Attribute:
            self.attribute(value, lineno, indent + 1, parent)
            self.emit(lineno, "attr", value.canonical(), value.key)
            self.stack.append(_Level(indent, "attr"))
        else:
            if value.message.startswith("expected a child line") and parent.what == "node" \
                    and self.node_line == lineno - 1:
                value = Problem(value.column, "a node's text stays on one line",
                                "join this line to the one above it, or start a child line "
                                "with a sign (`+`, `-`, `&`, `~`)")
            self.problem(lineno, value)
            self.stack.append(_Level(indent, "lost"))

    def join_group(self, prev):
        """The relation and group of an `&` line: those of ``prev``, the reason
        just above it (which starts the group if it isn't in one yet)."""
        if prev.group is None:
            self.groups += 1
            prev.group = self.groups
            if prev.scheme is not None:
                self.group_schemes[prev.group] = prev.scheme
        return prev.relation, prev.group

    def child(self, lineno, indent, c: Child):
        column = indent + 1
        parent = self.parent_at(lineno, indent)
        self.check_place(lineno, column, parent, c.sign)
        relation, group = self.relation_of(lineno, column, parent, c.sign)
        if c.problem is not None:
            self.problem(lineno, c.problem)
            self.stack.append(_Level(indent, "ref" if c.target is not None else "lost"))
            return
        if c.sign == "~":
            self.undercut(lineno, indent, parent, c)
            return
        parent_decl = parent.decl if parent.what == "node" else None
        if c.target is not None:
            statement = Reference(c.target, parent_decl, relation, group, lineno, c.at)
            what = "ref"
            level = _Level(indent, "ref", statement)
        else:
            kind = c.kind or default_kind(relation, parent.kind)
            statement = NodeDecl(kind, c.id, c.text, lineno, column, self.section(),
                                 parent_decl, relation, group)
            self.node_line = lineno
            what = "child"
            level = _Level(indent, "node", statement, kind)
        if parent_decl is not None:
            self.out.statements.append(statement)
        parent.last_reason = statement
        self.emit(lineno, what, c.canonical())
        self.stack.append(level)

    def undercut(self, lineno, indent, parent, c: Child):
        """A `~` line: the node it declares (if any), then the undercut. Like an
        attribute line, it leaves its support line's `&` group open."""
        support = parent.decl if parent.what in ("node", "ref") else None
        decl = None
        if c.target is None:
            kind = c.kind or default_kind("undercut", parent.kind)
            decl = NodeDecl(kind, c.id, c.text, lineno, indent + 1, self.section(),
                            None, "undercut")
        if support is not None:
            if decl is not None:
                self.out.statements.append(decl)
            stmt = Undercut(decl, c.target, support, lineno, indent + 1 if decl else c.at)
            self.out.statements.append(stmt)
        if decl is not None:
            self.emit(lineno, "child", c.canonical())
            self.stack.append(_Level(indent, "node", decl, decl.kind))
        else:
            self.emit(lineno, "ref", c.canonical())
            self.stack.append(_Level(indent, "ref", stmt if support is not None else None))

    def check_place(self, lineno, column, parent, sign):
        """Report a child line where its sign can't stand."""
        if sign == "~":
            if parent.what != "lost" and not _is_support_line(parent):
                self.error(lineno, column, "an undercut line `~` stands directly under a "
                           "support line (`+`, or `&` in a group that `+` opened)",
                           "it attacks the step from that reason to its target; to attack "
                           "a claim, write `- ...`")
        elif parent.what == "ref":
            self.error(lineno, column, "a reference line can't have children",
                       "only undercut lines (`~`) and `scheme:` go under a support reference")
        elif parent.what == "attr":
            self.error(lineno, column, "an attribute line can't have children",
                       "indent the line at the level of the attribute")
        elif parent.kind == "source":
            self.error(lineno, column, "a source takes part in no relation",
                       "cite it from evidence with `cite: @ID` instead")

    def relation_of(self, lineno, column, parent, sign) -> tuple[str, int | None]:
        """The relation and `&` group of a child line."""
        if sign != "&":
            return SIGN_RELATION[sign], None
        if parent.last_reason is None:
            self.error(lineno, column,
                       "`&` links a reason with the sibling just above, and there is none",
                       "start the group with a `+` or `-` line")
            return "support", None
        return self.join_group(parent.last_reason)

    def attribute(self, a: Attribute, lineno, column, parent):
        if parent.what == "ref" and a.key == "scheme" and a.value:
            self.scheme(parent.decl, a, lineno, column)
        elif parent.what == "ref":
            self.error(lineno, column, "a reference line takes no attributes",
                       "put attributes under the node's declaration"
                       + (" (a support reference line takes `scheme:`)" if a.key != "scheme"
                          else ""))
        elif parent.what == "attr":
            self.error(lineno, column, "an attribute line can't have children",
                       "indent it at the level of the attribute above")
        elif not a.value:
            self.error(lineno, column, f"the attribute `{a.key}` has no value")
        elif parent.what == "node":
            _ATTRIBUTES[a.key](self, parent.decl, a, lineno, column)

    # each attribute key: what it adds to its node, or the problem with it

    def cite(self, decl, a, lineno, column):
        ref = None
        if a.value.startswith("@"):
            m = _CITE_REF_RE.match(a.value)
            ref = m.group(1) if m else ""
            problem = id_problem(ref) if ref else "a cite needs an id after `@`"
            if problem:
                self.error(lineno, a.value_column, problem,
                           end_column=a.value_column + 1 + len(ref))
                return
        if decl.cites is None:
            decl.cites = []
        decl.cites.append(a.value)
        if ref:
            self.out.statements.append(Cite(decl, ref, lineno, a.value_column))

    def note(self, decl, a, lineno, column):
        if decl.notes is None:
            decl.notes = []
        decl.notes.append(a.value)

    def tags(self, decl, a, lineno, column):
        if decl.tags is None:
            decl.tags = []
        for tag in a.value.split(","):
            tag = tag.strip()
            if tag and tag not in decl.tags:
                decl.tags.append(tag)

    def url(self, decl, a, lineno, column):
        if decl.url is not None:
            self.error(lineno, column, "a node has one `url`; this one is repeated")
            return
        decl.url = a.value
        decl.url_at = (lineno, a.value_column)

    def weight(self, decl, a, lineno, column):
        if decl.kind == "source":
            self.error(lineno, column, f"`{a.key}` is for argument nodes, not sources")
        elif decl.weight is not None:
            self.error(lineno, column, "a node has one `weight`; this one is repeated")
        elif not WEIGHT_RE.match(a.value):
            self.error(lineno, a.value_column, f"`{a.value}` is not a weight",
                       "a weight is a decimal from 0 to 1, such as 0.8")
        else:
            decl.weight = float(a.value)

    def expect(self, decl, a, lineno, column):
        if decl.kind == "source":
            self.error(lineno, column, f"`{a.key}` is for argument nodes, not sources")
        elif decl.expect is not None:
            self.error(lineno, column, "a node has one `expect`; this one is repeated")
        elif a.value not in EXPECT_VALUES:
            self.error(lineno, a.value_column, f"`{a.value}` is not a status",
                       "expect one of " + ", ".join(EXPECT_VALUES))
        else:
            decl.expect = a.value
            decl.expect_at = (lineno, column)


    def scheme(self, stmt, a, lineno, column):
        """`scheme:` names the scheme of its support line's inference, once."""
        if stmt is None:  # under a line already reported
            return
        if stmt.relation != "support":
            self.error(lineno, column, "`scheme:` goes under a support line (`+`, or `&` in a "
                       "group that `+` opened)",
                       "it names the kind of step from the reasons to their target")
            return
        group = stmt.group
        first = self.group_schemes.get(group) if group is not None else stmt.scheme
        if first is not None:
            self.error(lineno, column, "an inference has one scheme; this one is the second",
                       f"its scheme is `{first[0]}`, at line {first[1]}")
            return
        stmt.scheme = (a.value, lineno, a.value_column)
        if group is not None:
            self.group_schemes[group] = stmt.scheme

    def cq(self, decl, a, lineno, column):
        """`cq:` names a critical question that a reason or an undercutter addresses."""
        if decl.relation not in ("support", "undercut"):
            self.error(lineno, column, "`cq:` goes under a node declared on a support line "
                       "or an undercut line (`~`)",
                       "it names the critical question of that inference's scheme that the "
                       "node answers or raises")
            return
        if decl.cq is None:
            decl.cq = []
        decl.cq.append((a.value, lineno, a.value_column))


def _is_support_line(level) -> bool:
    """Whether a level is a support line: `+`, or `&` in a group that `+` opened."""
    stmt = level.decl
    return level.what in ("node", "ref") and stmt is not None and stmt.relation == "support"


_ATTRIBUTES = {"cite": _Parser.cite, "note": _Parser.note, "tags": _Parser.tags,
               "url": _Parser.url, "weight": _Parser.weight, "expect": _Parser.expect,
               "scheme": _Parser.scheme, "cq": _Parser.cq}


def parse(text: str, file: str, sections: tuple = (), known_rules=None,
          lines: bool = False) -> ParsedFile:
    """Parse the decoded text of one file.

    ``sections`` is the heading stack an included file starts in;
    ``known_rules`` are the rule ids an ``// argmap: ignore`` comment may name
    (None: any); ``lines`` asks for each line's canonical form too (for `argmap fmt`).
    """
    return _Parser(text, file, sections, known_rules, lines).run()
