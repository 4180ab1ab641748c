"""Read the text of one ``.argmap`` file into a flat list of statements.

The parser knows nothing of rules, graphs or output. It walks the lines once,
keeps the open indentation levels on an explicit stack (no recursion, so any
depth of nesting is fine), and returns:

* the statements in written order: node declarations (with their parent, the
  relation to it and their attributes), reference lines, relation lines and
  include lines;
* the front matter;
* ``syntax`` and ``bidi-control`` findings (at most one ``syntax`` finding a
  line, so that one mistake is reported once), and
* the ``// argmap: ignore`` comments.

Reading bytes, includes and building the graph happen in :mod:`argmap.loader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .language import (EXPECT_VALUES, KIND_SET, RESERVED, SIGN_RELATION,
                       WEIGHT_RE, default_kind, id_problem, is_identifier, kind_hint)
from .model import Finding
from .problems import PROBLEM_IDS, SYNTAX
from .util import nearest

# The line most maps are made of, `  + kind id: text`, matched in one go
_FAST_CHILD = re.compile(r"( +)([+&-]) (thesis|claim|premise|evidence|counter|rebuttal) "
                         r"([a-z][a-z0-9_-]{0,63}): +(\S(?:.*\S)?)\s*\Z")
_ATTR_RE = re.compile(r"(cite|url|tags|note|weight|expect):(?=\s|\Z)")
_ATTR_NOSPACE_RE = re.compile(r"(cite|url|tags|note|weight|expect):")
_META_RE = re.compile(r"([A-Za-z0-9_-]+):(?:[ \t](.*))?\Z")
_META_KEY_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")
_HEADING_RE = re.compile(r"(#{1,6}) (.*)\Z")
_RELATION_RE = re.compile(r"@(\S*)\s+(supports|attacks)\s+@(\S*)\Z")
_CITE_REF_RE = re.compile(r"@([^\s,]*)(?:(,?)\s*(.*))?\Z")
_DIRECTIVE_RE = re.compile(r"//\s*argmap:\s*ignore\b(.*)\Z")
#: bidirectional control characters (the `bidi-control` rule reports them)
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


class NodeDecl:
    """A declared node: a column-1 declaration or a child line.

    A plain slotted class rather than a dataclass: maps have many nodes, and
    this is built once for each.
    """

    __slots__ = ("kind", "id", "text", "line", "column", "section", "parent", "relation",
                 "group", "cites", "notes", "tags", "url", "weight", "expect", "expect_at",
                 "url_at", "gid", "dropped")

    def __init__(self, kind, id, text, line, column, section, parent=None, relation=None,
                 group=None):
        self.kind = kind
        self.id = id
        self.text = text
        self.line = line
        self.column = column
        self.section = section
        self.parent = parent  # the NodeDecl this child line is under
        self.relation = relation  # "support" or "attack", for a child
        self.group = group  # file-local group number, for `&` groups
        self.cites = None  # the written `cite:` values, once there is one
        self.notes = None
        self.tags = None
        self.url = None
        self.weight = None
        self.expect = None
        self.expect_at = None  # (line, column) of the `expect:` line
        self.url_at = None  # (line, column) of the `url:` value
        # set by the loader: the node's id in the graph, and whether it was dropped
        # as a duplicate (its relation and children then count for the first node)
        self.gid = None
        self.dropped = False


@dataclass(eq=False, slots=True)
class Reference:
    """A reference line, ``+ @ID`` under a parent."""

    target: str
    parent: NodeDecl | None
    relation: str
    group: int | None
    line: int
    column: int  # of the `@`


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


def _head_end(s: str) -> int:
    """Index of the colon that ends a line's head (``: `` or a final ``:``), or -1."""
    i = s.find(": ")
    if i < 0 and s.endswith(":"):
        i = len(s) - 1
    return i


class _Parser:
    def __init__(self, text: str, file: str, sections: tuple, known_rules, lines=False):
        self.text = text
        self.lines = text.split("\n")
        self.file = file
        self.headings = list(sections)  # [(level, title)]
        self.known_rules = known_rules
        self.out = ParsedFile()
        self.error_line = 0
        self.groups = 0
        self.depth = 0
        # one look at the whole text; ASCII text (checked in C, fast) has none
        self.has_bidi = not text.isascii() and BIDI_RE.search(text) is not None
        if lines:
            self.out.lines = []

    def emit(self, number, what, text, key=None):
        """Record a line's canonical form (only when lines were asked for)."""
        if self.out.lines is not None:
            self.out.lines.append(Line(number, what, self.depth, text, key))

    # -- findings ---------------------------------------------------------

    def error(self, line, column, message, hint=None, end_column=None):
        """A ``syntax`` finding; only the first one of a line is kept."""
        if line == self.error_line:
            return
        self.error_line = line
        self.out.findings.append(SYNTAX.at(self.file, line, column, message, hint, end_column))

    # -- the whole file ---------------------------------------------------

    def run(self) -> ParsedFile:
        lines = self.lines
        start = self.front_matter()
        stack: list[_Level] = []
        # the fast path is for files without bidi controls (one search of the text)
        fast = _FAST_CHILD.match if not self.has_bidi else (lambda raw: None)
        statements = self.out.statements
        recording = self.out.lines is not None
        for index in range(start, len(lines)):
            raw = lines[index]
            if raw.endswith("\r"):
                raw = raw[:-1]
            m = fast(raw)
            if m is not None and "\r" not in raw:
                # `  + kind id: text` under a node: no stripping, no dispatch; anything
                # unusual about it falls through to the general path below
                spaces, sign, kind, node_id, text = m.groups()
                indent = len(spaces)
                while stack and stack[-1].indent >= indent:
                    stack.pop()
                if stack:
                    parent = stack[-1]
                    prev = parent.last_reason
                    if (parent.what == "node" and parent.kind != "source"
                            and node_id not in RESERVED
                            and (parent.child_indent == indent or parent.child_indent is None)
                            and (sign != "&" or prev is not None)):
                        parent.child_indent = indent
                        if sign == "&":
                            relation, group = self.join_group(prev)
                        else:
                            relation, group = SIGN_RELATION[sign], None
                        decl = NodeDecl(kind, node_id, text, index + 1, indent + 1,
                                        self.headings[-1][1] if self.headings else None,
                                        parent.decl, relation, group)
                        statements.append(decl)
                        parent.last_reason = decl
                        if recording:
                            self.depth = len(stack)
                            self.emit(index + 1, "child", f"{sign} {kind} {node_id}: {text}")
                        stack.append(_Level(indent, "node", decl, kind))
                        continue
            lineno = index + 1
            stripped = raw.lstrip(" \t")
            if not stripped:
                continue
            indent = len(raw) - len(stripped)
            if "\r" in raw:
                self.error(
                    lineno,
                    raw.index("\r") + 1,
                    "a carriage return (CR) that does not end a line",
                    "lines end in LF or CRLF; a lone CR is not a line end",
                )
                raw = raw.replace("\r", " ")
                stripped = raw.lstrip(" \t")
            if raw.find("\t", 0, indent) >= 0:
                self.error(
                    lineno,
                    raw.index("\t") + 1,
                    "a tab in the indentation",
                    "indent with spaces only",
                )
            if stripped.startswith("//"):
                self.comment(stripped, lineno, indent + 1)
                self.emit(lineno, "comment", stripped.rstrip())
                continue
            text = stripped.rstrip()
            if not text:
                self.error(lineno, indent + 1, "a line of only white space other than spaces and tabs",
                           "delete the invisible characters")
                continue
            if indent == 0:
                stack.clear()
                self.depth = 0
                self.top_line(text, lineno, stack)
            else:
                self.indented_line(text, lineno, indent, stack)
        return self.out

    def front_matter(self) -> int:
        """Read front matter from line 1; return the index of the first line after it."""
        lines = self.lines
        if not lines or lines[0].rstrip() != "---":
            return 0
        close = None
        for i in range(1, len(lines)):
            if lines[i].rstrip() == "---":
                close = i
                break
        if close is None:
            # Not closed: say so, then read on from the first line that can't be
            # front matter, so that the rest of the file is still checked.
            resume = len(lines)
            for i in range(1, len(lines)):
                s = lines[i].strip()
                if s and not s.startswith("//") and not _META_RE.match(s):
                    resume = i
                    break
            hint = "close it with a line `---`"
            if resume < len(lines):
                hint += f" before line {resume + 1}"
            self.error(1, 1, "front matter is not closed", hint, 4)
            return resume
        meta = self.out.meta
        self.emit(1, "front", "---")
        for i in range(1, close):
            raw = lines[i].rstrip("\r")
            s = raw.strip()
            lineno = i + 1
            if s.startswith("//"):
                self.emit(lineno, "comment", s)
            if not s or s.startswith("//"):
                continue
            column = len(raw) - len(raw.lstrip()) + 1
            m = _META_RE.match(s)
            if not m:
                self.error(lineno, column, "expected `key: value` in the front matter")
                continue
            key, value = m.group(1), (m.group(2) or "").strip()
            if not _META_KEY_RE.match(key):
                self.error(
                    lineno,
                    column,
                    f"`{key}` is not a valid front matter key",
                    "keys are lowercase letters, digits, `_` and `-`, starting with a letter",
                )
            elif key in meta:
                self.error(lineno, column, f"the key `{key}` is repeated in the front matter")
            else:
                meta[key] = value
                self.emit(lineno, "front", f"{key}: {value}" if value else f"{key}:")
        self.emit(close + 1, "front", "---")
        return close + 1

    def comment(self, stripped, lineno, column):
        m = _DIRECTIVE_RE.match(stripped.rstrip())
        if not m:
            return
        names = [n.strip() for n in m.group(1).split(",")]
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

    def section(self):
        return self.headings[-1][1] if self.headings else None

    def top_line(self, s, lineno, stack):
        first = s[0]
        if first == "#":
            m = _HEADING_RE.match(s)
            title = m.group(2).strip() if m else ""
            if not m or not title:
                self.error(lineno, 1, "expected a heading: 1 to 6 `#`, a space and a title")
                return
            level = len(m.group(1))
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            self.headings.append((level, title))
            self.emit(lineno, "heading", f"{m.group(1)} {title}")
            return
        if s.startswith("include") and (len(s) == 7 or s[7] in " \t"):
            self.include(s, lineno)
            return
        if first == "@":
            self.relation(s, lineno)
            return
        if s == "---":
            self.error(lineno, 1, "front matter can only start at line 1")
            return
        if first in "+-&" and (len(s) == 1 or s[1] == " "):
            self.error(
                lineno, 1, "a child line at column 1",
                "indent it under the declaration it belongs to",
            )
            stack.append(_Level(0, "lost"))
            return
        if _ATTR_RE.match(s):
            self.error(
                lineno, 1, f"the attribute `{s.split(':')[0]}` has no node above it",
                "indent it under the node it describes, at the level of its children",
            )
            return
        decl = self.declaration(s, lineno)
        stack.append(_Level(0, "node" if decl else "lost", decl, decl.kind if decl else None))

    def declaration(self, s, lineno):
        end = _head_end(s)
        if end < 0:
            word = s.split()[0]
            if word in KIND_SET:
                self.error(lineno, 1, "expected `: ` after the head of the declaration",
                           "write `KIND ID: TEXT`")
            else:
                self.error(lineno, 1, "expected a declaration `KIND ID: TEXT`",
                           "or a heading, a comment, a relation or an include")
            return None
        words = s[:end].split()
        if not words:
            self.error(lineno, 1, "a declaration needs a kind", "write `KIND ID: TEXT`")
            return None
        kind = words[0]
        if kind not in KIND_SET:
            self.error(lineno, 1, f"unknown kind `{kind}`", kind_hint(kind), len(kind) + 1)
            return None
        node_id = None
        if len(words) > 2:
            self.error(lineno, 1, "the head of a declaration is `KIND` or `KIND ID`",
                       "an id is one word; the text comes after `: `")
            return None
        if len(words) == 2:
            node_id = words[1]
            problem = id_problem(node_id)
            if problem:
                col = s.index(node_id, len(kind)) + 1
                self.error(lineno, col, problem, end_column=col + len(node_id))
                return None
        text = s[end + 1:].strip()
        if not text:
            self.error(lineno, 1, "the declaration has no text", "write the claim after `: `")
            return None
        decl = NodeDecl(kind, node_id, text, lineno, 1, self.section())
        self.out.statements.append(decl)
        self.emit(lineno, "decl", f"{kind} {node_id}: {text}" if node_id else f"{kind}: {text}")
        return decl

    def include(self, s, lineno):
        rest = s[7:].strip()
        column = len(s) - len(s[7:].lstrip()) + 1
        self.emit(lineno, "include", f"include {rest}")
        if rest.startswith('"'):
            if len(rest) < 2 or not rest.endswith('"'):
                self.error(lineno, column, "the include path has no closing `\"`")
                return
            rest = rest[1:-1]
            column += 1
        if not rest:
            self.error(lineno, 1, "the include line names no file", "write `include PATH`")
            return
        self.out.statements.append(Include(rest, lineno, column, tuple(self.headings)))

    def relation(self, s, lineno):
        m = _RELATION_RE.match(s)
        if not m:
            self.error(lineno, 1, "expected `@ID supports @ID` or `@ID attacks @ID`")
            return
        a, rel, b = m.group(1), m.group(2), m.group(3)
        for word, start in ((a, m.start(1)), (b, m.start(3))):
            problem = id_problem(word) if word else "a reference needs an id after `@`"
            if problem:
                self.error(lineno, start, problem, end_column=start + 1 + len(word))
                return
        self.out.statements.append(
            Relation(a, "support" if rel == "supports" else "attack", b, lineno,
                     m.start(1), m.start(3))
        )
        self.emit(lineno, "relation", f"@{a} {rel} @{b}")

    # -- indented lines ---------------------------------------------------

    def indented_line(self, s, lineno, indent, stack):
        column = indent + 1
        while stack and stack[-1].indent >= indent:
            stack.pop()
        if not stack:
            self.error(lineno, column, "an indented line with no declaration above it",
                       "children, references and attributes go under a declaration")
            stack.append(_Level(0, "lost"))
        parent = stack[-1]
        self.depth = len(stack)
        if parent.child_indent is None:
            parent.child_indent = indent
        elif parent.child_indent != indent:
            self.error(
                lineno, column, "the indentation matches no open level",
                f"the lines it could belong with are indented by {parent.child_indent} spaces",
            )
        first = s[0]
        if first in "+-&" and len(s) > 1 and s[1] != " " and _is_signlike(s):
            self.error(lineno, column, f"expected a space after the sign `{first}`")
            stack.append(_Level(indent, "lost"))
            return
        if first in "+-&" and (len(s) == 1 or s[1] == " "):
            stack.append(self.child(s, lineno, column, indent, parent))
            return
        m = _ATTR_RE.match(s)
        if m:
            after = s[m.end():]
            value_col = column + m.end() + len(after) - len(after.lstrip())
            self.attribute(m.group(1), after.strip(), lineno, column, value_col, parent)
            self.emit(lineno, "attr", f"{m.group(1)}: {after.strip()}", m.group(1))
            stack.append(_Level(indent, "attr"))
            return
        m = _ATTR_NOSPACE_RE.match(s)
        if m:
            self.error(lineno, column, f"expected a space after `{m.group(0)}`")
        elif first == "#":
            self.error(lineno, column, "a heading must start at column 1")
        elif first == "@":
            self.error(lineno, column, "a relation line must start at column 1",
                       "or write a reference line: `+ @ID` or `- @ID`")
        elif s.startswith("include ") or s == "include":
            self.error(lineno, column, "an include line must start at column 1")
        else:
            word = s.split()[0].rstrip(":")
            hint = "start a child line with `+` (supports), `-` (attacks) or `&` (linked)"
            if word in KIND_SET:
                self.error(lineno, column, "a child line needs a sign", hint)
            else:
                self.error(lineno, column, "expected a child line, a reference or an attribute", hint)
        stack.append(_Level(indent, "lost"))

    def join_group(self, prev):
        """The relation and group of an `&` line: those of ``prev``, the reason
        just above it (which starts the group if it isn't in one yet)."""
        if prev.group is None:
            self.groups += 1
            prev.group = self.groups
        return prev.relation, prev.group

    def child(self, s, lineno, column, indent, parent):
        sign = s[0]
        rest = s[1:].strip()
        problem = None
        if parent.what == "ref":
            problem = ("a reference line can't have children", None)
        elif parent.what == "attr":
            problem = ("an attribute line can't have children",
                       "indent the line at the level of the attribute")
        elif parent.kind == "source":
            problem = ("a source takes part in no relation",
                       "cite it from evidence with `cite: @ID` instead")
        if problem:
            self.error(lineno, column, *problem)
        # the relation and group
        group = None
        if sign == "&":
            prev = parent.last_reason
            if prev is None:
                self.error(
                    lineno, column, "`&` links a reason with the sibling just above, and there is none",
                    "start the group with a `+` or `-` line",
                )
                relation = "support"
            else:
                relation, group = self.join_group(prev)
        else:
            relation = SIGN_RELATION[sign]
        parent_decl = parent.decl if parent.what == "node" else None
        if rest.startswith("@"):
            target = rest[1:]
            if not target or " " in target or "\t" in target:
                if not target:
                    self.error(lineno, column + 2, "a reference needs an id after `@`")
                else:
                    self.error(lineno, column, "a reference line holds only `@ID`",
                               "write the text at the node's declaration")
                return _Level(indent, "ref")
            problem = id_problem(target)
            if problem:
                col = column + s.index("@")
                self.error(lineno, col, problem, end_column=col + 1 + len(target))
                return _Level(indent, "ref")
            ref = Reference(target, parent_decl, relation, group, lineno, column + s.index("@"))
            self.emit(lineno, "ref", f"{sign} @{target}")
            if not problem and parent_decl is not None:
                self.out.statements.append(ref)
            parent.last_reason = ref
            return _Level(indent, "ref")
        kind = default_kind(relation, parent.kind)
        node_id = None
        text = rest
        head = None  # the head as written, if any
        end = _head_end(rest)
        if end >= 0:
            words = rest[:end].split()
            if words and words[0] in KIND_SET:
                kind = words[0]
                if len(words) > 2:
                    self.error(lineno, column, "the head of a child is `KIND`, `ID` or `KIND ID`",
                               "an id is one word; the text comes after `: `")
                    return _Level(indent, "lost")
                if len(words) == 2:
                    node_id = words[1]
                    problem = id_problem(node_id)
                    if problem:
                        col = column + s.index(node_id, s.index(kind) + len(kind))
                        self.error(lineno, col, problem, end_column=col + len(node_id))
                        return _Level(indent, "lost")
                text = rest[end + 1:].strip()
                head = f"{kind} {node_id}" if node_id else kind
            elif len(words) == 1 and is_identifier(words[0]):
                node_id = words[0]
                text = rest[end + 1:].strip()
                head = node_id
        if kind == "source":
            self.error(lineno, column, "a source can't be a child",
                       "declare sources at column 1 and cite them with `cite: @ID`")
            return _Level(indent, "lost")
        if not text:
            self.error(lineno, column, "the child has no text", "write the claim after `: `")
            return _Level(indent, "lost")
        decl = NodeDecl(kind, node_id, text, lineno, column, self.section(),
                        parent_decl, relation, group)
        self.emit(lineno, "child", f"{sign} {head}: {text}" if head else f"{sign} {text}")
        if parent_decl is not None:
            self.out.statements.append(decl)
        parent.last_reason = decl
        return _Level(indent, "node", decl, kind)

    def attribute(self, key, value, lineno, column, value_col, parent):
        if parent.what == "ref":
            self.error(lineno, column, "a reference line takes no attributes",
                       "put attributes under the node's declaration")
            return
        if parent.what == "attr":
            self.error(lineno, column, "an attribute line can't have children",
                       "indent it at the level of the attribute above")
            return
        if not value:
            self.error(lineno, column, f"the attribute `{key}` has no value")
            return
        decl = parent.decl
        if parent.what != "node":
            return
        if key == "cite":
            ref = None
            if value.startswith("@"):
                m = _CITE_REF_RE.match(value)
                ref = m.group(1) if m else ""
                problem = id_problem(ref) if ref else "a cite needs an id after `@`"
                if problem:
                    self.error(lineno, value_col, problem, end_column=value_col + 1 + len(ref))
                    return
            if decl.cites is None:
                decl.cites = []
            decl.cites.append(value)
            if ref:
                self.out.statements.append(Cite(decl, ref, lineno, value_col))
        elif key == "note":
            if decl.notes is None:
                decl.notes = []
            decl.notes.append(value)
        elif key == "tags":
            if decl.tags is None:
                decl.tags = []
            for tag in value.split(","):
                tag = tag.strip()
                if tag and tag not in decl.tags:
                    decl.tags.append(tag)
        elif key == "url":
            if decl.url is not None:
                self.error(lineno, column, "a node has one `url`; this one is repeated")
                return
            decl.url = value
            decl.url_at = (lineno, value_col)
        elif decl.kind == "source":
            self.error(lineno, column, f"`{key}` is for argument nodes, not sources")
        elif key == "weight":
            if decl.weight is not None:
                self.error(lineno, column, "a node has one `weight`; this one is repeated")
            elif not WEIGHT_RE.match(value):
                self.error(lineno, value_col, f"`{value}` is not a weight",
                           "a weight is a decimal from 0 to 1, such as 0.8")
            else:
                decl.weight = float(value)
        elif key == "expect":
            if decl.expect is not None:
                self.error(lineno, column, "a node has one `expect`; this one is repeated")
            elif value not in EXPECT_VALUES:
                self.error(lineno, value_col, f"`{value}` is not a status",
                           "expect one of " + ", ".join(EXPECT_VALUES))
            else:
                decl.expect = value
                decl.expect_at = (lineno, column)


def _is_signlike(s: str) -> bool:
    # `+premise p: ...` is a sign with its space missing; `-5 % of GDP` is not a
    # sign at all. Either way the line is wrong; this only picks the message.
    return s[1].isalpha() or s[1] == "@"


def parse(text: str, file: str, sections: tuple = (), known_rules=None,
          lines: bool = False) -> ParsedFile:
    """Parse the decoded text of one file.

    ``sections`` is the heading stack an included file starts in;
    ``known_rules`` are the rule ids an ``// argmap: ignore`` comment may name
    (None: any);
    ``lines`` asks for each line's canonical form too (for `argmap fmt`).
    """
    return _Parser(text, file, sections, known_rules, lines).run()
