"""Argdown (argdown.org) to map text: a parser of the syntax that real files use.

What becomes what:

- an equivalence class of statements (`[Title]: text`, every member with that
  title; an untitled statement is a class of its own) is one node, its id the
  title's slug (`[Life moves fast]` is `life-moves-fast`), its text the first
  member's; other members' texts go into its note;
- a premise–conclusion structure (`(1) …`, `----` or `-- rule --`, `(3) …`)
  becomes its statements, each inference a support step whose premises are a
  linked group (`&`): by default the statements since the previous conclusion,
  or those its data names (`{uses: [1, 2]}`); an inference rule that names a
  scheme of the catalogue becomes the step's `scheme:`, any other rule a note;
- an argument without such a structure is one node with its description;
  an argument with one stands for its main conclusion in relations;
- relations: `+`, `<+`, `-`, `<-`, `+>`, `->` as support and attack, `_>`,
  `<_` (and `_`) as undercuts of the inference they name, `><` as two attacks;
  between two statements Argdown reads `+`, `-` and `><` as entailment,
  contrariety and contradiction in strict mode: they come in as support and
  attack, with a warning;
- headings are sections, `#tags` tags, `{data}` a note, front matter keys
  that are plain `key: value` front matter; comments are dropped; bold,
  italic, mentions and links keep their text (a link's address goes into the
  note); escapes are undone.

Whatever a map can't hold is named in a warning with its line. Kinds come from
the structure (:func:`argmap.importer.structure.kinds`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..fmt import format_text
from ..language import META_KEY_RE
from ._shape import text_of
from .aif import scheme_for
from .structure import kinds, nest, settle
from .writer import Writer, fresh_id

_HEADING = re.compile(r"\A(#{1,6})\s+(.*)\Z")
_RELATION = re.compile(r"\A(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)\Z")
_PCS = re.compile(r"\A\((\d+)\)\s*(.*)\Z")
_INFERENCE_LINE = re.compile(r"\A-{2,}\s*\Z")
_INFERENCE_INLINE = re.compile(r"\A--+\s*(.*?)\s*--+\s*\Z")
_LIST = re.compile(r"\A(?:[*]|\d+\.)\s+(.*)\Z")
_TITLE = re.compile(r"\A\[((?:\\.|[^\]\\])+)\](:?)\s*(.*)\Z", re.S)
_ARGUMENT = re.compile(r"\A<((?:\\.|[^>\\])+)>(:?)\s*(.*)\Z", re.S)
_DATA = re.compile(r"\s*(\{.*\})\s*\Z", re.S)
_TAG = re.compile(r"(?<![\w\\])#(?:\(([^)]*)\)|([\w][\w-]*))")
_LINK = re.compile(r"(?<!@)\[([^\]]*)\]\(([^)\s]*)\)")
_MENTION = re.compile(r"@\[((?:\\.|[^\]\\])+)\]|@<((?:\\.|[^>\\])+)>")
_EMPHASIS = [re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
             re.compile(r"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # any ASCII punctuation
_HELD = re.compile("\x01([0-9a-f]+)\x02")  # an escaped character, held out of the markup
_COMMENTS = re.compile(r"<!--.*?-->|/\*.*?\*/|(?:(?<=\s)|^)//[^\n]*", re.S | re.M)
_GONE = "\x00"  # where a comment was
_USES = re.compile(r"\buses\s*:\s*\[([^\]]*)\]")

#: (the child's relation to its parent): (relation, does the child point at the parent)
_SIGNS = {"+": ("support", True), "<+": ("support", True), "-": ("attack", True),
          "<-": ("attack", True), "_": ("undercut", True), "<_": ("undercut", True),
          "+>": ("support", False), "->": ("attack", False), "_>": ("undercut", False),
          "><": ("contradiction", True)}


def _hold(text: str) -> str:
    """Text with each escaped character written as its code between \\x01 and \\x02,
    where no markup pattern sees it (the two are control characters, which no
    map text keeps: any already there become spaces)."""
    text = text.replace("\x01", " ").replace("\x02", " ")
    return _ESCAPE.sub(lambda m: f"\x01{ord(m.group(1)):x}\x02", text)


def _release(text: str) -> str:
    """Text with the escaped characters that :func:`_hold` held back."""
    return _HELD.sub(lambda m: chr(int(m.group(1), 16)), text)


@dataclass
class _Element:
    """A statement class or an argument, as the document builds it up."""
    kind: str  # "statement" or "argument"
    title: str
    line: int
    texts: list = field(default_factory=list)  # (line, text) of each definition
    tags: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    section: str | None = None
    headings: tuple = ()
    steps: list = field(default_factory=list)  # of an argument: (line, premises, conclusion, rule)
    titled: bool = True


class _Reader:
    """One Argdown document, read line by line into elements and relations."""

    def __init__(self, text: str, w: Writer):
        self.w = w
        self.elements: dict[tuple, _Element] = {}
        self.relations: list[tuple] = []  # (line, child key, parent key, sign, inference)
        self.meta: dict = {}
        self.section: str | None = None
        self.headings: list[tuple[int, str]] = []  # open, outermost first
        self.untitled = 0
        self._last_top: tuple | None = None  # an argument that a structure may follow
        self.strict = False  # Argdown's strict mode (`model: mode: strict`)
        self.lines = self._strip(text).split("\n")

    # -- the text --------------------------------------------------------------

    def _strip(self, text: str) -> str:
        """The text without comments: a line that held only a comment is marked
        (it neither ends a block nor counts as text), so lines still count."""
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_GONE, " ")
        return _COMMENTS.sub(lambda m: _GONE + ("\n" + _GONE) * m.group(0).count("\n"), text)

    def inline(self, text: str, element: _Element | None, line: int) -> str:
        """Plain text of an element's text: its tags and data taken into ``element``,
        markup and escapes undone, a link's address kept in the note."""
        text = _hold(text)
        data = _DATA.search(text)
        if data:
            if element is not None:
                element.notes.append(f"Argdown data (line {line}): "
                                     + _release(" ".join(data.group(1).split())))
            text = text[:data.start()]
        for m in _LINK.finditer(text):
            if m.group(2) and element is not None:
                element.notes.append(_release(f"Link: {m.group(1)} <{m.group(2)}>"))
        text = _LINK.sub(r"\1", text)
        for m in _TAG.finditer(text):
            tag = _release(m.group(1) or m.group(2) or "").strip()
            if tag and element is not None and tag not in element.tags:
                element.tags.append(tag)
        # a tag that ends the text is a label; one inside a sentence is a word of it
        text = re.sub(r"(\s*" + _TAG.pattern + r")+\s*\Z", "", text)
        text = _TAG.sub(lambda m: m.group(1) or m.group(2), text)
        text = _MENTION.sub(lambda m: m.group(1) or m.group(2), text)
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\2", text)
        return " ".join(_release(text).split())

    # -- the document's blocks ---------------------------------------------------

    def read(self) -> None:
        i = self._front_matter()
        block: list[tuple[int, str]] = []
        for n in range(i, len(self.lines)):
            raw = self.lines[n]
            if _GONE in raw:
                raw = raw.replace(_GONE, "")
                if not raw.strip():
                    continue  # a comment's line
            if raw.strip():
                block.append((n + 1, raw.rstrip()))
            elif block:
                self._block(block)
                block = []
        if block:
            self._block(block)

    def _front_matter(self) -> int:
        """Read a `===` front matter block; the index of the first line after it."""
        first = next((i for i, line in enumerate(self.lines) if line.strip()), None)
        if first is None or self.lines[first].strip() != "===":
            return 0
        end = next((i for i in range(first + 1, len(self.lines))
                    if self.lines[i].strip() == "==="), None)
        if end is None:
            self.w.warn(f"line {first + 1}: front matter that never ends (`===`); read as text")
            return 0
        entries: list[list] = []  # [line, key, value, lines under it]
        for i in range(first + 1, end):
            raw = self.lines[i]
            if not raw[:1].isspace() and raw.strip():
                key, sep, value = raw.partition(":")
                entries.append([i + 1, key.strip() if sep else raw.strip(), value.strip(), []])
            elif entries and raw.strip():
                entries[-1][3].append(raw.strip())
        for line, key, value, under in entries:
            self._meta_entry(line, key, value, under)
        return end + 1

    def _meta_entry(self, line: int, key: str, value: str, under: list[str]) -> None:
        """A front matter entry, kept when it is text (run on over lines, or a list
        of texts, joined); Argdown's configuration and nested data are warned of."""
        if key == "model" and any(re.fullmatch(r"mode:\s*['\"]?strict['\"]?", u) for u in under):
            self.strict = True
        name = key.lower()  # `subTitle` is `subtitle` in a map
        if value and value[0] not in "{[>|&*!":
            text = " ".join([value] + under)
        elif not value and under and all(u.startswith("- ") for u in under):
            text = "; ".join(u[2:].strip() for u in under)
        else:
            text = None
        if text is not None and META_KEY_RE.match(name):
            self.meta[name] = text.strip().strip("\"'")
        else:
            self.w.warn(f"line {line}: front matter `{key}` is not text (Argdown's "
                        "configuration, or nested data); left out", "front matter left out")

    def _block(self, block: list[tuple[int, str]]) -> None:
        """One top-level block: a heading, an argument's premise–conclusion
        structure, or an element with the relation tree under it."""
        line, first = block[0]
        heading = _HEADING.match(first) if not first[:1].isspace() else None
        if heading:
            self._heading_block(block)
            return
        if _PCS.match(first.strip()):
            self._pcs(block, self._pcs_owner(line))
            self._last_top = None
            return
        start = next((i for i, (_, raw) in enumerate(block) if i and _PCS.match(raw.strip())),
                     None)
        if start is not None and _ARGUMENT.match(first.strip()):
            self._tree(block[:start])  # `<Title>` and its structure with no line between
            self._block(block[start:])
            return
        self._tree(block)

    def _heading_block(self, block: list[tuple[int, str]]) -> None:
        """A heading, which runs on until an element starts, and what follows it."""
        end = next((i for i, (_, raw) in enumerate(block) if i and _starts_element(raw.strip())),
                   len(block))
        text = " ".join(raw.strip() for _, raw in block[:end])
        self._heading(block[0][0], _HEADING.match(text))
        self._last_top = None
        if end < len(block):
            self._block(block[end:])

    def _heading(self, line: int, heading) -> None:
        data = _DATA.search(heading.group(2))
        if data:
            self.w.warn(f"line {line}: data on a heading ({' '.join(data.group(1).split())}) "
                        "has no place in a map; left out", "data on a heading")
        title = self.inline(heading.group(2), None, line)
        level = len(heading.group(1))
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        if title:
            self.headings.append((level, title))
        self.section = self.headings[-1][1] if self.headings else None

    def _pcs_owner(self, line: int) -> tuple:
        """The argument a premise–conclusion structure belongs to: the one whose
        title stands in the block just before it, else a new untitled one."""
        last = self._last_top
        if last is not None and last[0] == "argument" and not self.elements[last].steps:
            return last
        self.untitled += 1
        key = ("argument", f"Untitled {self.untitled}")
        self._element(key, line, titled=False)
        return key

    # -- elements ----------------------------------------------------------------

    def _element(self, key: tuple, line: int, titled: bool = True) -> _Element:
        element = self.elements.get(key)
        if element is None:
            element = self.elements[key] = _Element(key[0], key[1], line, section=self.section,
                                                    headings=tuple(self.headings), titled=titled)
        return element

    def parse_member(self, text: str, line: int) -> tuple:
        """The key of the statement class or argument that ``text`` defines or
        names (defining it as it goes)."""
        titled = _TITLE.match(text)
        if titled and not titled.group(2) and text[titled.end(1) + 1:].startswith("("):
            titled = None  # `[text](address)`: a statement that starts with a link
        argument = _ARGUMENT.match(text)
        if titled or argument:
            m = titled or argument
            kind = "statement" if titled else "argument"
            title = " ".join(_ESCAPE.sub(r"\1", m.group(1)).split())
            key = (kind, title)
            element = self._element(key, line)
            body = self.inline(m.group(3), element, line)
            if body:
                if not element.texts:  # in the section where its text is first given
                    element.section, element.headings = self.section, tuple(self.headings)
                element.texts.append((line, body))
            return key
        self.untitled += 1
        key = ("statement", f"Untitled {self.untitled}")
        element = self._element(key, line, titled=False)
        body = self.inline(text, element, line)
        element.texts.append((line, body))
        return key

    def _tree(self, block: list[tuple[int, str]]) -> None:
        """An element and the relations indented under it."""
        stack: list[tuple[int, tuple]] = []  # (indent, key) of the members above
        current: list | None = None  # [line, indent, sign, text] of the member being read
        members = []
        for line, raw in block:
            indent = len(raw) - len(raw.lstrip())
            body = raw.strip()
            relation = _RELATION.match(body) if members or indent else None
            # an item of a list: the block's first line, or a line as far in as that one
            listed = _LIST.match(body) if not members or (
                members[0][4] and indent <= members[0][1]) else None
            if relation:
                current = [line, indent, relation.group(1), relation.group(2), False]
                members.append(current)
            elif listed:
                current = [line, indent, None, listed.group(1), True]
                members.append(current)
            elif current is None:
                current = [line, indent, None, body, False]
                members.append(current)
            else:
                current[3] += "\n" + body
        for line, indent, sign, text, _ in members:
            key = self.parse_member(text, line)
            if sign is None:  # the block's element, or an item of a list
                stack = [(indent, key)]
                self._last_top = key
                continue
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if not stack:
                self.w.warn(f"line {line}: a relation (`{sign}`) with nothing above it to "
                            "relate to; read as an element of its own", "a relation to nothing")
            else:
                self.relations.append((line, key, stack[-1][1], sign, None))
            stack.append((indent, key))

    def _pcs(self, block: list[tuple[int, str]], owner: tuple) -> None:
        """A premise–conclusion structure: its statements, its inferences and the
        relations under either."""
        structure = _Structure(self, owner, len(block[0][1]) - len(block[0][1].lstrip()))
        for line, raw in block:
            structure.read(line, raw)
        structure.finish(block[0][0])


class _Structure:
    """A premise–conclusion structure being read, line by line: each kind of line
    (statement, inference, rule, relation, text that runs on) has its method."""

    def __init__(self, reader: _Reader, owner: tuple, base: int):
        self.r, self.w = reader, reader.w
        self.argument = reader.elements[owner]
        self.base = base  # the structure's indentation
        self.numbered: dict[str, tuple] = {}  # "1" -> statement key
        self.order: list[tuple] = []  # the statements' keys, in order
        self.since = 0  # where in ``order`` the next inference's premises begin
        self.rule_lines: list[str] | None = None  # the lines of an open `--` … `--`
        self.pending: tuple | None = None  # (line, rule) of an inference awaiting its conclusion
        self.current: list | None = None  # [line, indent, sign, text] of a relation member
        self.relations: list[tuple] = []  # (member, its parent on the stack, or None)
        self.stack: list[tuple] = []  # (indent, ("pcs" | "inference" | "member", …)) above

    def read(self, line: int, raw: str) -> None:
        body, indent = raw.strip(), len(raw) - len(raw.lstrip()) - self.base
        if self.rule_lines is not None and not self._in_rule(line, body, indent):
            return
        statement, rule = _PCS.match(body), _INFERENCE_INLINE.match(body)
        relation = _RELATION.match(body) if indent > 0 else None
        if statement and indent <= 0:
            self._statement(line, statement)
        elif _INFERENCE_LINE.match(body) and indent <= 0:
            self._inference(line, body)
        elif rule and indent <= 0:
            self.pending = (line, rule.group(1))
            self.stack, self.current = [(0, ("inference", line))], None
        elif relation and self.stack:
            self._relation(line, indent, relation)
        else:
            self._runs_on(line, body)

    def _in_rule(self, line: int, body: str, indent: int) -> bool:
        """A line inside `--` … `--`: whether it is also a line of its own (a
        statement that ends an inference whose closing `--` is missing)."""
        if _INFERENCE_LINE.match(body) or (_PCS.match(body) and indent <= 0):
            self.pending, self.rule_lines = (line, " ".join(self.rule_lines)), None
            return not _INFERENCE_LINE.match(body)
        self.rule_lines.append(body)
        return False

    def _statement(self, line: int, match) -> None:
        key = self.r.parse_member(match.group(2), line)
        if self.pending is not None:
            premises = self._uses(self.pending[1], self.order[self.since:], line)
            self.argument.steps.append((self.pending[0], premises, key, self.pending[1]))
            self.since, self.pending = len(self.order), None
        self.numbered[match.group(1)] = key
        self.order.append(key)
        self.stack, self.current = [(0, ("pcs", key))], None

    def _inference(self, line: int, body: str) -> None:
        """`----` (an inference with no rule), or the `--` that opens one with a rule."""
        if len(body) >= 4:
            self.pending = (line, "")
        else:
            self.rule_lines = []
        self.stack, self.current = [(0, ("inference", line))], None

    def _relation(self, line: int, indent: int, match) -> None:
        self.current = [line, indent, match.group(1), match.group(2)]
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        self.relations.append((self.current, self.stack[-1][1] if self.stack else None))
        self.stack.append((indent, ("member", self.current)))

    def _runs_on(self, line: int, body: str) -> None:
        """A line that continues the relation member or the statement above it."""
        if self.current is not None:
            self.current[3] += "\n" + body
        elif self.order and self.stack and self.stack[0][1][0] == "pcs":
            element = self.r.elements[self.order[-1]]
            if element.texts:
                last_line, text = element.texts[-1]
                element.texts[-1] = (last_line, text + " " + self.r.inline(body, element, line))
        else:
            self.w.warn(f"line {line}: text in a premise–conclusion structure that is no "
                        "statement, inference or relation; left out", "stray text in a pcs")

    def finish(self, first_line: int) -> None:
        if self.pending is not None:
            self.w.warn(f"line {self.pending[0]}: an inference with no conclusion after it; "
                        "left out", "an inference without conclusion")
        elif not self.argument.steps and self.order:
            self.w.warn(f"line {first_line}: a premise–conclusion structure with no "
                        "inference line (`----`); its statements come in without relations",
                        "a structure without inference")
        resolved = {}
        for current, parent in self.relations:
            line, _, sign, text = current
            key = resolved[id(current)] = self.r.parse_member(text, line)
            if parent is None:
                continue
            target, inference = self._parent(parent, resolved, line)
            if target is not None:
                self.r.relations.append((line, key, target, sign, inference))

    def _parent(self, parent: tuple, resolved: dict, line: int) -> tuple:
        """(target, inference) of a relation under a statement, an inference (the
        inference it concludes) or another relation's member."""
        if parent[0] == "pcs":
            return parent[1], None
        if parent[0] == "member":
            return resolved[id(parent[1])], None
        following = [s for s in self.argument.steps if s[0] == parent[1]]
        if not following:
            self.w.warn(f"line {line}: a relation under an inference that has no "
                        "conclusion; left out", "a relation to nothing")
            return None, None
        return following[0][2], following[0][1]

    def _uses(self, rule: str, default: list, line: int) -> list:
        """The premises of an inference: those its `uses` data names, else ``default``."""
        uses = _USES.search(rule)
        if not uses:
            return list(default)
        named = [n.strip() for n in uses.group(1).split(",") if n.strip()]
        known = [self.numbered[n] for n in named if n in self.numbered]
        if len(known) != len(named):
            self.w.warn(f"line {line}: `uses` names statements the structure does not have "
                        "before it; those are left out", "uses names nothing")
        return known or list(default)


def _starts_element(text: str) -> bool:
    return bool(_TITLE.match(text) or _ARGUMENT.match(text) or _PCS.match(text)
                or _RELATION.match(text) or _LIST.match(text))


def from_argdown(data: bytes) -> tuple[str, list[str]]:
    """Argdown text to map text, and the warnings."""
    w = Writer()
    reader = _Reader(text_of(data), w)
    reader.read()
    return _Builder(reader, w).build()


class _Builder:
    """The elements and relations that :class:`_Reader` found, as nodes and edges."""

    def __init__(self, reader: _Reader, w: Writer):
        self.r, self.w = reader, w
        self.ids: dict[tuple, str] = {}
        self.edges: list[dict] = []
        self.logical: list[int] = []  # lines of relations between statements, read loosely

    def build(self) -> tuple[str, list[str]]:
        self._rules()
        nodes = self._nodes()
        for element in list(self.r.elements.values()):
            self._steps(element)
        # undercuts last: one of a sketched argument needs that argument's support
        for relation in sorted(self.r.relations, key=lambda r: _SIGNS[r[3]][0] == "undercut"):
            self._relation(*relation)
        if self.logical:
            lines = sorted(self.logical)
            where = ", ".join(map(str, lines[:10])) + ", …" * (len(lines) > 10)
            self.w.warn(f"{len(lines)} relation(s) between two statements (lines {where}: "
                        "entailment, contrariety or contradiction) came in as support and "
                        "attack", "logical relations")
        edges = settle(self.edges, self.w.warn, self._name)
        kind = kinds([n["id"] for n in nodes], edges)
        for n in nodes:
            n["kind"] = kind[n["id"]]
        text = self.w.write(self.r.meta, nest(nodes, edges), edges)
        return format_text(text), self.w.warnings

    def _name(self, node: str) -> str:
        kind, title = self.key_of[node]
        element = self.r.elements[(kind, title)]
        if not element.titled:
            return f"the statement at line {element.texts[0][0] if element.texts else element.line}"
        return f"[{title}]" if kind == "statement" else f"<{title}>"

    def _nodes(self) -> list[dict]:
        """A node for each statement class, and for each argument without a
        premise–conclusion structure (one with stands for its conclusion)."""
        nodes, taken = [], set()
        self.key_of = {}
        for element in self.r.elements.values():
            if element.kind == "argument" and element.steps:
                self._describe_argument(element)
        for key, element in self.r.elements.items():
            if element.kind == "argument" and element.steps:
                continue
            words = key[1] if element.titled else " ".join(
                next((t for _, t in element.texts if t), "").split()[:4])
            name = fresh_id(words, taken)
            if element.titled and not key[1].isascii():  # the id can't spell it
                element.notes.insert(0, f"Argdown title: [{key[1]}]")
            taken.add(name)
            self.ids[key] = name
            self.key_of[name] = key
            nodes.append(self._node(name, element))
        return nodes

    def _node(self, name: str, element: _Element) -> dict:
        texts = [t for _, t in element.texts if t]
        text = texts[0] if texts else element.title
        notes = [f"Also stated as: {t}" for t in dict.fromkeys(texts[1:]) if t != text]
        node = {"id": name, "text": text, "section": element.section,
                "headings": list(element.headings),
                "note": "\n".join(notes + element.notes) or None,
                "tags": element.tags or None}
        return {k: v for k, v in node.items() if v is not None}

    def _describe_argument(self, element: _Element) -> None:
        """An argument with a structure: its description and tags go to its
        main conclusion, which stands for it."""
        conclusion = element.steps[-1][2]
        target = self.r.elements[conclusion]
        texts = [t for _, t in element.texts if t]
        if element.titled or texts:
            label = f"Argument <{element.title}>" if element.titled else "Argument"
            target.notes.append(label + (": " + " ".join(texts) if texts else ""))
        target.notes.extend(element.notes)
        target.tags.extend(t for t in element.tags if t not in target.tags)

    def node(self, key: tuple) -> str | None:
        """The node that stands for a statement class or an argument."""
        element = self.r.elements.get(key)
        if element is None:
            return None
        if element.kind == "argument" and element.steps:
            return self.ids.get(element.steps[-1][2])
        return self.ids.get(key)

    def _rules(self) -> None:
        """Each inference's rule: a scheme where the catalogue has it, else a note
        on its conclusion (its data, `{uses: …}` and the like, apart)."""
        self.schemes: dict = {}  # (argument title, line) -> scheme
        for element in self.r.elements.values():
            for line, _, conclusion, rule in element.steps:
                data = _DATA.search(rule)
                words = _ESCAPE.sub(r"\1", rule[:data.start()] if data else rule).strip()
                scheme = scheme_for(words) if words else None
                if scheme:
                    self.schemes[(element.title, line)] = scheme
                elif words:
                    self.r.elements[conclusion].notes.append(f"Inference rule: {words}")
                if data and not _USES.fullmatch(data.group(1).strip("{} ")):
                    self.r.elements[conclusion].notes.append(
                        f"Argdown data (line {line}): {' '.join(data.group(1).split())}")

    def _steps(self, element: _Element) -> None:
        for line, premises, conclusion, _ in element.steps:
            target = self.ids[conclusion]
            sources = [self.ids[p] for p in dict.fromkeys(premises) if p != conclusion]
            group = f"{element.title}:{line}" if len(sources) > 1 else None
            scheme = self.schemes.get((element.title, line))
            if not sources:
                self.w.warn(f"line {line}: an inference with no premises; left out",
                            "an inference without premises")
            for s in sources:
                self.edges.append({"source": s, "target": target, "relation": "support",
                                   "group": group, "origin": f"the inference at line {line}",
                                   **({"scheme": scheme} if scheme else {})})

    def _relation(self, line, child, parent, sign, inference) -> None:
        relation, inward = _SIGNS[sign]
        source, target = (child, parent) if inward else (parent, child)
        u, v = self.node(source), self.node(target)
        if u is None or v is None:
            return
        origin = f"the relation at line {line}"
        if relation == "undercut":
            self._undercut(u, target, inference, line, origin)
            return
        if u == v and "argument" in (source[0], target[0]):
            return  # an argument and its own conclusion: Argdown too draws nothing
        if source[0] == target[0] == "statement" and (self.r.strict
                                                      or relation == "contradiction"):
            self.logical.append(line)
        if relation == "contradiction":
            self.edges += [{"source": u, "target": v, "relation": "attack", "origin": origin},
                           {"source": v, "target": u, "relation": "attack", "origin": origin}]
            return
        self.edges.append({"source": u, "target": v, "relation": relation, "origin": origin})

    def _sketched_undercut(self, u: str, target: tuple, line: int, origin: str) -> None:
        """An undercut of an argument with no structure: of its one support."""
        supports = [e for e in self.edges if e["source"] == self.ids.get(target)
                    and e["relation"] == "support"]
        if len(supports) != 1:
            attacks = any(e["source"] == self.ids.get(target) and e["relation"] == "attack"
                          for e in self.edges)
            why = ("which attacks: a map undercuts only the step from a reason to what it "
                   "supports" if attacks and not supports else
                   f"which supports {len(supports)} things, so the step it names is unclear")
            self.w.warn(f"line {line}: an undercut of <{target[1]}>, {why}; left out",
                        "an undercut of no inference")
            return
        self.edges.append({"source": u, "target": supports[0]["target"], "relation": "undercut",
                           "group": None, "reasons": [supports[0]["source"]], "origin": origin})

    def _undercut(self, u: str, target: tuple, inference, line: int, origin: str) -> None:
        """An undercut of an argument's (last) inference, or of the one named."""
        element = self.r.elements.get(target)
        if inference is None and element is not None and element.kind == "argument" \
                and not element.steps:
            self._sketched_undercut(u, target, line, origin)
            return
        if inference is None and element is not None:
            inference, target = self._inference_of(element, target)
        reasons = [self.ids[p] for p in dict.fromkeys(inference or ()) if p != target]
        if not reasons:
            self.w.warn(f"line {line}: an undercut of something that is no inference "
                        "(a statement, or an argument with no single step); left out",
                        "an undercut of no inference")
            return
        v = self.node(target)
        group = next((e.get("group") for e in self.edges if e["target"] == v
                      and e["source"] == reasons[0] and e["relation"] == "support"), None)
        self.edges.append({"source": u, "target": v, "relation": "undercut", "group": group,
                           "reasons": reasons, "origin": origin})

    def _inference_of(self, element: _Element, target: tuple) -> tuple:
        """(premises, conclusion) of an argument's last inference, or of the
        inference that concludes a statement (an undercut under a conclusion)."""
        if element.kind == "argument":
            _, premises, conclusion, _ = element.steps[-1]
            return premises, conclusion
        steps = [s for a in self.r.elements.values() for s in a.steps if s[2] == target]
        return (steps[0][1] if steps else None), target
