"""`argmap lsp`: a language server over stdio, for every editor that speaks LSP.

Built on pygls (``pip install 'argmap[lsp]'``). It works on the buffers the
editor holds: the open document from memory, the files it includes from memory
where they are open too, else from disk. Each change re-reads the map (a map
of 10 000 nodes in well under half a second) and publishes the findings of
every file of it, with the rule's id, its documentation link, and a second
place where the finding has one. What the editor asks of a position is
answered from the last good reading of the map:

* go to definition and find references for ``@ID``, a declaration's id,
  ``cite: @source`` and ``include PATH``; rename an id across the map and the
  files it includes (refusing a reserved, invalid or taken name);
* hover: kind, text, stance, status and strength, citations resolved;
* completion: ids after ``@``, kinds after a sign, attribute keys, scheme names
  after ``scheme:``, question names after ``cq:``, rule ids in ignore comments;
* document symbols (sections, then nodes), folding ranges, formatting
  (``argmap fmt``'s layout, refused while the buffer does not parse), and code
  actions: the did-you-mean fix for a dangling reference, a ``cite:`` line for
  evidence without one, and an id for an anonymous node.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from ._version import __version__
from .api import load
from .checker import check
from .config import ConfigError, discover
from .evaluate import evaluate
from .facts import DuplicateDeclaration
from .fmt import format_source
from .language import ATTRIBUTE_KEYS, KINDS, id_problem
from .rules import RULE_IDS, dangling_reference, evidence_without_source
from .schemes import built_in

DOCS = "https://github.com/argmap/argmap/blob/main/README.md#rules"
_WORD = re.compile(r"[a-z][a-z0-9_-]*")
_REF = re.compile(r"@([a-z][a-z0-9_-]*)")
_DECL = re.compile(r"^(\s*(?:[+&~-]\s+)?)(?:(thesis|claim|premise|evidence|counter|rebuttal|"
                   r"source)\s+)?([a-z][a-z0-9_-]*)(?=\s*:(?:\s|$))")
_ANON = re.compile(r"^(\s*[+&~-]\s+)(?:(thesis|claim|premise|evidence|counter|rebuttal)(:\s*))?"
                   r"(?!@)(.*\S)\s*$")
_INCLUDE = re.compile(r'^include\s+"?([^"]+?)"?\s*$')
_SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning}


def path_of(uri: str) -> str:
    return os.path.abspath(unquote(urlparse(uri).path))


@dataclass
class Reading:
    """The last reading of one open document's map."""

    map: object
    findings: list
    evaluation: object = None


class ArgmapServer(LanguageServer):
    def __init__(self):
        super().__init__("argmap", __version__)
        self.readings: dict[str, Reading] = {}  # uri -> the last good reading of its map
        try:
            self.config = discover()
        except ConfigError:
            self.config = None
        try:
            self.schemes = self.config.catalogue() if self.config else built_in()
        except ConfigError:
            self.schemes = built_in()

    # -- reading ---------------------------------------------------------------------

    def source(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source

    def read(self, uri: str) -> Reading:
        """Read the document's map (open buffers of included files from memory)."""
        path = path_of(uri)
        overlay = {os.path.realpath(path_of(u)): d.source.encode("utf-8", "surrogatepass")
                   for u, d in self.workspace.text_documents.items() if u != uri}
        m = load(path, data=self.source(uri).encode("utf-8", "surrogatepass"), overlay=overlay)
        findings = check(m, self.config)
        reading = Reading(m, findings)
        if m.ok:
            self.readings[uri] = reading
        return reading

    def publish(self, uri: str) -> None:
        reading = self.read(uri)
        m = reading.map
        by_file: dict[str, list] = {f: [] for f in m.files}
        related = _related(m)
        for f in reading.findings:
            by_file.setdefault(f.file, []).append(_diagnostic(f, related.get(
                (f.file, f.line, f.column))))
        folder = os.path.dirname(path_of(uri))
        for file, diagnostics in by_file.items():
            target = uri if file == m.files[0] else from_fs_path(
                os.path.join(folder, os.path.relpath(file, os.path.dirname(m.files[0]))))
            self.text_document_publish_diagnostics(
                T.PublishDiagnosticsParams(uri=target, diagnostics=diagnostics))

    def last(self, uri: str) -> Reading | None:
        reading = self.readings.get(uri)
        if reading is None:
            reading = self.read(uri)
            if not reading.map.ok:
                return None
        return reading


def _related(m) -> dict:
    """(file, line, column) of a duplicate declaration -> where the first one is."""
    out = {}
    for fact in m.facts:
        if type(fact) is DuplicateDeclaration:
            out[(fact.at.file, fact.at.line, fact.at.column)] = fact.first
    return out


def _uri_of(m, file: str) -> str:
    base = os.path.dirname(os.path.abspath(m.files[0]))
    rel = os.path.relpath(file, os.path.dirname(m.files[0]))
    return from_fs_path(os.path.normpath(os.path.join(base, rel)))


def _diagnostic(f, first) -> T.Diagnostic:
    line = f.line - 1
    start = T.Position(line=line, character=max(f.column - 1, 0))
    end = T.Position(line=line, character=(f.end_column - 1) if f.end_column
                     else max(f.column, 1) + 200)
    message = f.message + (f"\nhelp: {f.hint}" if f.hint else "")
    related = None
    if first is not None:
        related = [T.DiagnosticRelatedInformation(
            location=T.Location(uri=from_fs_path(os.path.abspath(first.file)),
                                range=_line_range(first.line - 1, first.column - 1)),
            message="first declared here")]
    return T.Diagnostic(range=T.Range(start=start, end=end), message=message,
                        severity=_SEVERITY[f.severity], code=f.rule, source="argmap",
                        code_description=T.CodeDescription(href=f"{DOCS}"),
                        related_information=related)


def _line_range(line: int, column: int, length: int = 0) -> T.Range:
    return T.Range(start=T.Position(line=line, character=column),
                   end=T.Position(line=line, character=column + length))


# -- what is at a position --------------------------------------------------------------

def word_at(text: str, pos: T.Position) -> tuple[str, str, int] | None:
    """(what, word, start column) at a position: ("ref", id) for ``@id``,
    ("decl", id) for a declaration's id, ("include", path), or None."""
    lines = text.split("\n")
    if pos.line >= len(lines):
        return None
    line = lines[pos.line].rstrip("\r")
    m = _INCLUDE.match(line)
    if m:
        return "include", m.group(1), m.start(1)
    for m in _REF.finditer(line):
        if m.start() <= pos.character <= m.end():
            return "ref", m.group(1), m.start(1)
    m = _DECL.match(line)
    if m and m.start(3) <= pos.character <= m.end(3) and not line.lstrip().startswith(
            ATTRIBUTE_KEYS):
        return "decl", m.group(3), m.start(3)
    return None


def places(m, node: str) -> list[tuple[str, int, int]]:
    """(file, line, column) of the declaration of ``node`` and of every ``@node``
    in the map's files (0-based line and column of the id itself)."""
    d = m.nodes[node]
    out = []
    line = m.texts[d["file"]].split("\n")[d["line"] - 1]
    found = _DECL.match(line)
    if found and found.group(3) == node:
        out.append((d["file"], d["line"] - 1, found.start(3)))
    pattern = re.compile(r"@" + re.escape(node) + r"(?![a-z0-9_-])")
    for file, text in m.texts.items():
        for i, line in enumerate(text.split("\n")):
            if "@" + node in line and not line.lstrip().startswith("//"):
                out.extend((file, i, x.start() + 1) for x in pattern.finditer(line))
    return out


# -- the server's features --------------------------------------------------------------

server = ArgmapServer()


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: T.DidOpenTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArgmapServer, params: T.DidChangeTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: T.DidSaveTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: T.DidCloseTextDocumentParams):
    ls.readings.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        T.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(T.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: ArgmapServer, params: T.DocumentFormattingParams):
    uri = params.text_document.uri
    text = ls.source(uri)
    path = path_of(uri)
    result = format_source(text.encode("utf-8", "surrogatepass"), path, os.path.dirname(path))
    if result.formatted is None or result.problem:
        ls.window_show_message(T.ShowMessageParams(
            type=T.MessageType.Warning,
            message="argmap: not formatted: " + (result.problem or "the map has errors "
                                                 "(syntax, encoding or include)")))
        return None
    new = result.formatted.decode("utf-8")
    if new == text:
        return []
    lines = text.split("\n")
    return [T.TextEdit(range=T.Range(start=T.Position(line=0, character=0),
                                     end=T.Position(line=len(lines), character=0)),
                       new_text=new)]


def _target(ls, uri, pos):
    """The node (or include) at a position, in the last good reading."""
    found = word_at(ls.source(uri), pos)
    reading = ls.last(uri)
    if found is None or reading is None:
        return None, None, reading
    return found[0], found[1], reading


def _node_at(ls, params):
    """(id, reading) of the node named at the request's position, or None."""
    what, word, reading = _target(ls, params.text_document.uri, params.position)
    if what not in ("ref", "decl") or word not in reading.map.nodes:
        return None
    return word, reading


@server.feature(T.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ArgmapServer, params: T.DefinitionParams):
    what, word, reading = _target(ls, params.text_document.uri, params.position)
    if what == "include":
        path = os.path.join(os.path.dirname(path_of(params.text_document.uri)), word)
        return T.Location(uri=from_fs_path(os.path.normpath(path)), range=_line_range(0, 0))
    if what is None or word not in reading.map.nodes:
        return None
    m = reading.map
    d = m.nodes[word]
    return T.Location(uri=_uri_of(m, d["file"]), range=_line_range(d["line"] - 1, d["column"] - 1))


@server.feature(T.TEXT_DOCUMENT_REFERENCES)
def references(ls: ArgmapServer, params: T.ReferenceParams):
    found = _node_at(ls, params)
    if found is None:
        return None
    word, reading = found
    m = reading.map
    out = [T.Location(uri=_uri_of(m, f), range=_line_range(line, col, len(word)))
           for f, line, col in places(m, word)]
    if not params.context.include_declaration:
        d = m.nodes[word]
        out = [x for x in out if not (x.range.start.line == d["line"] - 1
                                      and x.uri == _uri_of(m, d["file"]))]
    return out


@server.feature(T.TEXT_DOCUMENT_RENAME)
def rename(ls: ArgmapServer, params: T.RenameParams):
    found = _node_at(ls, params)
    if found is None:
        return None
    word, reading = found
    m = reading.map
    new = params.new_name
    problem = id_problem(new) or (f"`{new}` is taken: another node has that id"
                                  if new in m.nodes else None)
    if problem:
        raise ValueError(f"argmap can't rename `{word}` to `{new}`: {problem}")
    changes: dict[str, list] = {}
    for f, line, col in places(m, word):
        changes.setdefault(_uri_of(m, f), []).append(
            T.TextEdit(range=_line_range(line, col, len(word)), new_text=new))
    return T.WorkspaceEdit(changes=changes)


@server.feature(T.TEXT_DOCUMENT_HOVER)
def hover(ls: ArgmapServer, params: T.HoverParams):
    found = _node_at(ls, params)
    if found is None:
        return None
    word, reading = found
    m = reading.map
    d = m.nodes[word]
    lines = [f"**{d['kind']}** `{word}`", "", d["text"]]
    if d["kind"] != "source":
        if reading.evaluation is None:
            reading.evaluation = evaluate(m)
        ev = reading.evaluation
        lines += ["", f"stance: {d['stance'] or 'none'} · status: {ev.status[word]} · "
                      f"strength: {ev.strength[word]:.2f}"]
    for value in d["cite"]:
        c = m.arggraph.citation(value)
        lines.append(f"- cites: {c.text}" + (f", {c.locator}" if c.locator else ""))
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                            value="\n".join(lines)))


@server.feature(T.TEXT_DOCUMENT_COMPLETION,
                T.CompletionOptions(trigger_characters=["@", " ", ":"]))
def completion(ls: ArgmapServer, params: T.CompletionParams):
    uri = params.text_document.uri
    lines = ls.source(uri).split("\n")
    line = lines[params.position.line][:params.position.character] \
        if params.position.line < len(lines) else ""
    reading = ls.last(uri)
    items = _completions(ls, line, lines, params.position.line, reading)
    return T.CompletionList(is_incomplete=False, items=items)


_K = T.CompletionItemKind


def _ids(ls, lines, lineno, reading):
    if reading is None:
        return []
    return [T.CompletionItem(label=n, kind=_K.Reference, detail=d["kind"], documentation=d["text"])
            for n, d in reading.map.nodes.items() if not n.startswith("_")]


def _rules(ls, lines, lineno, reading):
    return [T.CompletionItem(label=r, kind=_K.Keyword) for r in sorted(RULE_IDS)]


def _scheme_names(ls, lines, lineno, reading):
    return [T.CompletionItem(label=n, kind=_K.Enum, detail=s.title) for n, s in ls.schemes.items()]


def _questions(ls, lines, lineno, reading):
    scheme = ls.schemes.get(_scheme_above(lines, lineno))
    questions = scheme.questions if scheme else [q for s in ls.schemes.values()
                                                 for q in s.questions]
    return [T.CompletionItem(label=q.name, kind=_K.EnumMember, detail=q.text) for q in questions]


def _child_kinds(ls, lines, lineno, reading):
    return [T.CompletionItem(label=k, kind=_K.Keyword) for k in KINDS if k != "source"]


def _attribute_keys(ls, lines, lineno, reading):
    return [T.CompletionItem(label=f"{k}: ", kind=_K.Property) for k in ATTRIBUTE_KEYS]


def _kinds(ls, lines, lineno, reading):
    return [T.CompletionItem(label=k, kind=_K.Keyword) for k in KINDS]


#: what the text before the cursor looks like, and what completes it (first match wins)
_COMPLETERS = (
    (re.compile(r".*@[a-z0-9_-]*$"), _ids),
    (re.compile(r"\s*//\s*argmap:\s*ignore\b.*$"), _rules),
    (re.compile(r"\s+scheme:\s*\S*$"), _scheme_names),
    (re.compile(r"\s+cq:\s*\S*$"), _questions),
    (re.compile(r"\s*[+&~-]\s+\S*$"), _child_kinds),
    (re.compile(r"\s+[a-z]*$"), _attribute_keys),
    (re.compile(r"[a-z]*$"), _kinds),
)


def _completions(ls, line: str, lines, lineno: int, reading) -> list[T.CompletionItem]:
    for pattern, complete in _COMPLETERS:
        if pattern.match(line):
            return complete(ls, lines, lineno, reading)
    return []


def _scheme_above(lines, lineno: int) -> str | None:
    """The scheme named nearest above a line, within its block."""
    for i in range(lineno - 1, -1, -1):
        text = lines[i].strip()
        if text.startswith("scheme:"):
            return text[7:].strip()
        if lines[i] and not lines[i][0].isspace():
            return None
    return None


@server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def symbols(ls: ArgmapServer, params: T.DocumentSymbolParams):
    uri = params.text_document.uri
    reading = ls.last(uri)
    if reading is None:
        return []
    m = reading.map
    me = m.files[0]
    sections: dict = {}
    out = []
    for n, d in m.nodes.items():
        if d["file"] != me:
            continue
        r = _line_range(d["line"] - 1, d["column"] - 1, 1)
        sym = T.DocumentSymbol(name=d["text"][:60] if n.startswith("_") else n,
                               detail=d["kind"], kind=T.SymbolKind.Object, range=r,
                               selection_range=r)
        title = d["section"]
        if title is None:
            out.append(sym)
            continue
        if title not in sections:
            sections[title] = T.DocumentSymbol(name=title, kind=T.SymbolKind.Namespace,
                                               range=r, selection_range=r, children=[])
            out.append(sections[title])
        sections[title].children.append(sym)
        sections[title].range = T.Range(start=sections[title].range.start, end=r.end)
    return out


@server.feature(T.TEXT_DOCUMENT_FOLDING_RANGE)
def folding(ls: ArgmapServer, params: T.FoldingRangeParams):
    lines = ls.source(params.text_document.uri).split("\n")
    out, start = [], None
    for i, line in enumerate(lines + [""]):
        top = bool(line.strip()) and not line[0].isspace()
        if top or i == len(lines):
            if start is not None:
                end = i - 1
                while end > start and not lines[end].strip():
                    end -= 1
                if end > start:
                    out.append(T.FoldingRange(start_line=start, end_line=end))
            start = i if top and not line.startswith(("#", "//")) else None
    return out


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION)
def code_actions(ls: ArgmapServer, params: T.CodeActionParams):
    uri = params.text_document.uri
    lines = ls.source(uri).split("\n")
    out = []
    for diag in params.context.diagnostics:
        fix = _fix(uri, lines, diag)
        if fix is not None:
            out.append(fix)
    line_no = params.range.start.line
    if line_no < len(lines):
        action = _name_anonymous(uri, lines[line_no], line_no, ls.last(uri))
        if action is not None:
            out.append(action)
    return out


def _fix(uri, lines, diag: T.Diagnostic):
    if diag.code == dangling_reference.ID:
        m = re.search(r"did you mean `([a-z][a-z0-9_-]*)`\?", diag.message)
        if m:
            r = diag.range
            text = lines[r.start.line]
            ref = _REF.match(text, r.start.character)
            if ref:
                edit = T.TextEdit(range=_line_range(r.start.line, ref.start(1),
                                                    len(ref.group(1))), new_text=m.group(1))
                return T.CodeAction(title=f"Change to `{m.group(1)}`",
                                    kind=T.CodeActionKind.QuickFix, diagnostics=[diag],
                                    is_preferred=True,
                                    edit=T.WorkspaceEdit(changes={uri: [edit]}))
    if diag.code == evidence_without_source.ID:
        line = diag.range.start.line
        head = lines[line]
        indent = " " * (len(head) - len(head.lstrip()) + (4 if head.lstrip()[:1] in "+&~-"
                                                         else 2))
        edit = T.TextEdit(range=_line_range(line + 1, 0), new_text=f"{indent}cite: \n")
        return T.CodeAction(title="Add a `cite:` line", kind=T.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=T.WorkspaceEdit(changes={uri: [edit]}))
    return None


def _name_anonymous(uri, line: str, line_no: int, reading):
    """Give the anonymous node declared on this line an id made of its first words."""
    m = _ANON.match(line)
    if m is None or _DECL.match(line):
        return None
    words = _WORD.findall(m.group(4).lower())
    taken = set(reading.map.nodes) if reading else set()
    base = "-".join(words[:3])[:40] or "node"
    name, k = base, 2
    while name in taken or id_problem(name):
        name, k = f"{base}-{k}", k + 1
    if m.group(2):
        at, new = m.start(2) + len(m.group(2)), f" {name}"
    else:
        at, new = m.end(1), f"{name}: "
    edit = T.TextEdit(range=_line_range(line_no, at), new_text=new)
    return T.CodeAction(title=f"Name this node `{name}`", kind=T.CodeActionKind.RefactorRewrite,
                        edit=T.WorkspaceEdit(changes={uri: [edit]}))


def main() -> None:
    server.start_io()


__all__ = ["ArgmapServer", "main", "server"]
