"""From a path (or a string) to a :class:`~argmap.model.Map`.

This module reads bytes and decodes them (``encoding``), follows includes
safely (``include``), hands each file's text to :mod:`argmap.parser`, and
builds the graph (networkx's dicts, see :class:`~argmap.model.Map`) from the
statements of all files in declaration order. While building, it records the
findings that decide what enters the graph: ``duplicate-id``,
``dangling-reference``, ``self-relation``, ``conflicting-relation``,
``misused-source`` and ``duplicate-relation``. The rules of those names report
them (see :mod:`argmap.rules`).
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import os
import stat

from . import parser as P
from .model import ERROR, FATAL_RULES, WARNING, Finding, Map

BOM = b"\xef\xbb\xbf"


class ReadError(Exception):
    """The path given can't be read as a map (missing, a folder, unreadable)."""


def read_map_bytes(path: str) -> bytes:
    """Read the file first given to the tool, refusing anything but a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{path}: is a folder, not a map file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"{path}: not a regular file")
    try:
        return _read_regular(path, st.st_size)
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None


_O_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _read_regular(path: str, size: int) -> bytes:
    """The bytes of a regular file of about ``size`` bytes, read through its file
    descriptor: ``open()`` makes two layers of file objects, which cost a tenth of
    checking a small map (a folder of them)."""
    fd = os.open(path, _O_READ)
    try:
        parts = [os.read(fd, size + 1)]
        while parts[-1]:  # until the end of the file, should it have grown
            parts.append(os.read(fd, 1 << 20))
    finally:
        os.close(fd)
    return b"".join(parts)


def decode(data: bytes, file: str) -> tuple[str | None, Finding | None]:
    """Decode a file's bytes as the language reference says (BOM, UTF-8, no NUL)."""
    skip = 3 if data.startswith(BOM) else 0
    body = data[skip:] if skip else data
    bad = body.find(b"\0")
    what = None
    if bad >= 0:
        what = "a NUL byte"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if bad < 0 or exc.start < bad:
            bad = exc.start
            what = f"not valid UTF-8: byte 0x{body[bad]:02X}"
        text = None
    if bad < 0:
        return text, None
    line_start = body.rfind(b"\n", 0, bad) + 1
    line = body.count(b"\n", 0, bad) + 1
    column = len(body[line_start:bad].decode("utf-8", "replace")) + 1
    finding = Finding(
        "encoding", ERROR, file, line, column,
        f"{what} at byte offset {bad + skip}",
        "a map is UTF-8 text; save the file as UTF-8",
    )
    return None, finding


def _suggest(word: str, choices) -> str | None:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return f"did you mean `{match[0]}`?" if match else None


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class _File:
    __slots__ = ("display", "abspath", "real", "index")

    def __init__(self, display, abspath, real, index):
        self.display = display
        self.abspath = abspath
        self.real = real
        self.index = index


class _Loader:
    def __init__(self, root: str, known_rules):
        """``root``: the absolute path of the folder includes may not leave."""
        self.root = _real_folder(root)
        self.known_rules = known_rules
        self.map = Map()
        self.findings = self.map.findings
        self.seen: set[str] = set()

    # -- reading ----------------------------------------------------------

    def add_file(self, display, abspath, real, data, sections):
        """Decode and parse one file; return its statements (None on failure)."""
        f = _File(display, abspath, real, len(self.map.files))
        self.seen.add(real)
        self.map.files.append(display)
        self.map.real_paths.append(real)
        text, problem = decode(data, display)
        if problem:
            self.findings.append(problem)
            # keep a readable copy, so that the report can show the bad line
            self.map.texts[display] = data.decode("utf-8", "replace").lstrip("\ufeff")
            return f, None
        if text.startswith("\ufeff"):
            text = text[1:]
        self.map.texts[display] = text
        parsed = P.parse(text, display, sections, self.known_rules)
        self.findings.extend(parsed.findings)
        for line, rules in parsed.suppressions.items():
            self.map.suppressions[(display, line)] = rules
        if f.index == 0:
            self.map.meta = parsed.meta
        return f, parsed.statements

    def include_error(self, f, inc, message, hint=None):
        self.findings.append(Finding(
            "include", ERROR, f.display, inc.line, 1, message, hint,
        ))

    def open_include(self, f, inc, chain):
        path = inc.path
        if os.path.isabs(path) or path.startswith(("\\", "/")) or (len(path) > 1 and path[1] == ":"):
            self.include_error(f, inc, f"the include path `{path}` is absolute",
                               "include files by a path relative to this file")
            return None
        joined = os.path.join(os.path.dirname(f.abspath), path)
        real = os.path.realpath(joined)
        if real != self.root and not real.startswith(self.root.rstrip(os.sep) + os.sep):
            self.include_error(
                f, inc, f"`{path}` leads outside the map's folder",
                f"a map may include files under {self.root} only",
            )
            return None
        try:
            st = os.stat(real)
        except FileNotFoundError:
            self.include_error(f, inc, f"no file `{path}` to include")
            return None
        except OSError as exc:
            self.include_error(f, inc, f"`{path}` can't be read: {exc.strerror or exc}")
            return None
        if not stat.S_ISREG(st.st_mode):
            self.include_error(f, inc, f"`{path}` is {_file_kind(st.st_mode)}, not a map file")
            return None
        if real in chain:
            here, target = chain[f.real], chain[real][-1]
            cycle = here[here.index(target):] + [target]
            self.include_error(f, inc, "an include cycle: " + " → ".join(cycle))
            return None
        if real in self.seen:
            return None  # a file included twice is read once
        try:
            data = _read_regular(real, st.st_size)
        except OSError as exc:
            self.include_error(f, inc, f"`{path}` can't be read: {exc.strerror or exc}")
            return None
        display = os.path.normpath(os.path.join(os.path.dirname(f.display), path))
        return self.add_file(display, os.path.abspath(joined), real, data, inc.sections)

    def read_all(self, display, abspath, data):
        """All statements of the map in declaration order, includes expanded in
        place: a list of (file, statements) runs, so no statement is copied."""
        f, statements = self.add_file(display, abspath, _real_file(abspath), data, ())
        out = []
        if statements is None:
            return out
        # An explicit stack of open files: no recursion however deep includes go.
        # Each entry: the file, its statements, and where reading stopped.
        stack = [[f, statements, 0]]
        chain = {f.real: [f.display]}
        while stack:
            top = stack[-1]
            f, stmts, start = top
            i = start
            n = len(stmts)
            while i < n and type(stmts[i]) is not P.Include:
                i += 1
            if i > start:
                out.append((f, stmts[start:i] if start or i < n else stmts))
            if i >= n:
                stack.pop()
                chain.pop(f.real, None)
                continue
            top[2] = i + 1
            opened = self.open_include(f, stmts[i], chain)
            if opened is not None:
                g, sub = opened
                if sub is not None:
                    chain[g.real] = chain[f.real] + [g.display]
                    stack.append([g, sub, 0])
        return out

    # -- building ---------------------------------------------------------

    def build(self, items) -> None:
        if any(x.rule in FATAL_RULES for x in self.findings):
            return
        self.order = 0
        self.group_ids = {}
        # The graph's dicts are filled directly (networkx's layout, which
        # Map.graph wraps): add_node and add_edge would cost a call and a keyword
        # dict each, which adds up on big maps, and importing networkx alone
        # costs more than reading a one-page map.
        nodes, succ, pred = self.nodes, self.succ, self.pred = {}, {}, {}
        add = self.finding
        NodeDecl = P.NodeDecl
        # Pass 1: every node, in declaration order.
        for f, stmts in items:
            for stmt in stmts:
                if type(stmt) is not NodeDecl:
                    continue
                gid = stmt.id
                if gid is None:
                    gid = f"_{stmt.line}" if f.index == 0 else f"_{f.index}_{stmt.line}"
                elif gid in nodes:
                    first = nodes[gid]
                    add("duplicate-id", ERROR, f.display, stmt.line, stmt.column,
                        f"the id `{gid}` is already declared at {first['file']}:{first['line']}",
                        "give this node an id of its own; its children count for the first one")
                    stmt.gid = gid
                    stmt.dropped = True
                    continue
                stmt.gid = gid
                succ[gid] = {}
                pred[gid] = {}
                notes = stmt.notes
                nodes[gid] = {
                    "kind": stmt.kind, "text": stmt.text, "section": stmt.section, "stance": None,
                    "cite": stmt.cites or [], "tags": stmt.tags or [],
                    "note": "\n".join(notes) if notes else None,
                    "url": stmt.url, "weight": stmt.weight, "expect": stmt.expect,
                    "expect_at": stmt.expect_at, "url_at": stmt.url_at,
                    "file": f.display, "line": stmt.line, "column": stmt.column,
                }
        # Pass 2: every relation, in the order written.
        for f, stmts in items:
            for stmt in stmts:
                t = type(stmt)
                if t is NodeDecl:
                    parent = stmt.parent
                    if parent is None:
                        continue
                    u, v = stmt.gid, parent.gid
                    if stmt.group is None and u != v and v not in succ[u]:
                        # the common case, inline: a new edge from a child line
                        self.order += 1
                        succ[u][v] = pred[v][u] = {
                            "relation": stmt.relation, "group": None, "file": f.display,
                            "line": stmt.line, "order": self.order,
                        }
                        continue
                    self.relate(f, u, v, stmt.relation, stmt.group, stmt.line, stmt.column,
                                quiet=stmt.dropped)
                elif t is P.Reference:
                    if self.resolve(f, stmt.target, stmt.line, stmt.column):
                        self.relate(f, stmt.target, stmt.parent.gid, stmt.relation, stmt.group,
                                    stmt.line, stmt.column)
                elif t is P.Relation:
                    ok = self.resolve(f, stmt.source, stmt.line, stmt.source_column)
                    ok = self.resolve(f, stmt.target, stmt.line, stmt.target_column) and ok
                    if ok:
                        self.relate(f, stmt.source, stmt.target, stmt.relation, None,
                                    stmt.line, 1)
                elif t is P.Cite:
                    if stmt.node.dropped:
                        continue  # a dropped duplicate's attributes go with it
                    self.cite(f, stmt)
        self.derive_stance()
        self.map.nodes, self.map.succ, self.map.pred = nodes, succ, pred

    def finding(self, rule, severity, file, line, column, message, hint=None, end=None):
        self.findings.append(Finding(rule, severity, file, line, column, message, hint, end))

    def resolve(self, f, target, line, column) -> bool:
        """True when ``target`` names an argument node; else report why not."""
        node = self.nodes.get(target)
        end = column + 1 + len(target)
        if node is None:
            self.finding("dangling-reference", ERROR, f.display, line, column,
                         f"no node has the id `{target}`", _suggest(target, list(self.nodes)),
                         end)
            return False
        if node["kind"] == "source":
            self.finding("misused-source", ERROR, f.display, line, column,
                         f"`{target}` is a source, and a source takes part in no relation",
                         f"cite it from evidence with `cite: @{target}`", end)
            return False
        return True

    def cite(self, f, stmt):
        nodes = self.nodes
        target = stmt.target
        node = nodes.get(target)
        end = stmt.column + 1 + len(target)
        if node is None:
            self.finding("dangling-reference", ERROR, f.display, stmt.line, stmt.column,
                         f"no source has the id `{target}`", _suggest(target, [
                             n for n, d in nodes.items() if d["kind"] == "source"
                         ] or list(nodes)), end)
        elif node["kind"] != "source":
            self.finding("misused-source", ERROR, f.display, stmt.line, stmt.column,
                         f"`cite: @{target}` names a {node['kind']}, not a source",
                         "cite a `source` node, or write a free-text citation without `@`", end)
        elif target not in self.succ[stmt.node.gid]:
            self.add_edge(stmt.node.gid, target, "cite", None, f.display, stmt.line)

    def relate(self, f, u, v, relation, group, line, column, quiet=False):
        if group is not None:
            key = (f.index, group)
            group = self.group_ids.get(key)
            if group is None:
                group = self.group_ids[key] = f"g{len(self.group_ids) + 1}"
        verb = "supports" if relation == "support" else "attacks"
        if u == v:
            self.finding("self-relation", ERROR, f.display, line, column,
                         f"`{u}` {verb} itself", "a node can't be its own reason or objection")
            return
        edge = self.succ[u].get(v)
        if edge is not None:
            if edge["relation"] == relation:
                if group is not None and edge["group"] is None:
                    edge["group"] = group
                if not quiet:
                    self.finding("duplicate-relation", WARNING, f.display, line, column,
                                 f"`{u}` {verb} `{v}` already, at {edge['file']}:{edge['line']}",
                                 "delete one of the two")
            else:
                first = "supports" if edge["relation"] == "support" else "attacks"
                self.finding("conflicting-relation", ERROR, f.display, line, column,
                             f"`{u}` {verb} `{v}`, but it {first} it at {edge['file']}:{edge['line']}",
                             "a reason can't both support and attack the same claim")
            return
        self.add_edge(u, v, relation, group, f.display, line)

    def add_edge(self, u, v, relation, group, file, line):
        self.order += 1
        self.succ[u][v] = self.pred[v][u] = {
            "relation": relation, "group": group, "file": file, "line": line,
            "order": self.order,
        }

    def derive_stance(self):
        """Pass stances from each thesis down support (same) and attack (opposite) edges.

        A node is pro when a path of support and attack edges with an even
        number of attacks leads from it to a thesis, con when one with an odd
        number does, mixed when both do.
        """
        if not self._stance_in_order():
            self._stance_by_walk()

    def _stance_in_order(self) -> bool:
        """Stances in one pass in declaration order, when every support and
        attack edge leads to a node declared earlier (reasons written under
        what they bear on, relation lines back to what came before: most maps).
        Then each node's stance follows from its targets', already known.
        False, with every stance left unset, when an edge leads forward."""
        PRO, CON = 1, 2
        flip = (0, CON, PRO, PRO | CON)
        names = (None, "pro", "con", "mixed")
        succ = self.succ
        seen = {}
        for n, d in self.nodes.items():
            mark = PRO if d["kind"] == "thesis" else 0
            for v, e in succ[n].items():
                rel = e["relation"]
                if rel == "cite":
                    continue
                other = seen.get(v)
                if other is None:  # v comes later: walk instead
                    for data in self.nodes.values():
                        data["stance"] = None
                    return False
                mark |= other if rel == "support" else flip[other]
            seen[n] = mark
            d["stance"] = names[mark]
        return True

    def _stance_by_walk(self):
        nodes = self.nodes
        pred = self.pred
        reached = ({n for n, d in nodes.items() if d["kind"] == "thesis"}, set())  # pro, con
        todo = (list(reached[0]), [])
        while todo[0] or todo[1]:
            side = 0 if todo[0] else 1
            stack, same, across, other = todo[side], reached[side], todo[1 - side], reached[1 - side]
            while stack:
                for u, e in pred[stack.pop()].items():
                    rel = e["relation"]
                    if rel == "support":
                        if u not in same:
                            same.add(u)
                            stack.append(u)
                    elif rel == "attack" and u not in other:
                        other.add(u)
                        across.append(u)
        pro, con = reached
        for n in pro:
            nodes[n]["stance"] = "mixed" if n in con else "pro"
        for n in con - pro:
            nodes[n]["stance"] = "con"


_REAL_FOLDERS: dict[str, str] | None = None  # while reusing_real_paths() is open


def _real_folder(folder: str) -> str:
    if _REAL_FOLDERS is None:
        return os.path.realpath(folder)
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    return real


def _real_file(abspath: str) -> str:
    """``os.path.realpath(abspath)``: the folder's real path (looked up once in a
    :func:`reusing_real_paths` block) and the name, unless the file is a link."""
    folder, name = os.path.split(abspath)
    if not name or os.path.islink(abspath):
        return os.path.realpath(abspath)
    return os.path.join(_real_folder(folder), name)


@contextlib.contextmanager
def reusing_real_paths():
    """Within this block, each folder's real path is looked up once: for a run
    that loads many maps of one folder (``argmap check FOLDER``). Outside it,
    every load resolves its folder afresh."""
    global _REAL_FOLDERS
    outer = _REAL_FOLDERS
    _REAL_FOLDERS = {} if outer is None else outer
    try:
        yield
    finally:
        _REAL_FOLDERS = outer


class paused_gc:
    """Pause the cyclic garbage collector while a map is built (``with paused_gc():``).

    Building allocates many small objects and no reference cycles worth
    collecting; without the pause, repeated collections of the growing heap
    cost about 40 % of the load time of a large map. (A class, not a generator:
    it is entered twice for every map of a folder.)
    """

    __slots__ = ("was_enabled",)

    def __enter__(self):
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info):
        if self.was_enabled:
            gc.enable()


@functools.cache
def _known_rules():
    from .rules import RULE_IDS  # here: the rules import this module

    return RULE_IDS


def load(path: str | os.PathLike, root: str | os.PathLike | None = None) -> Map:
    """Read the map at ``path`` (and the files it includes).

    Includes may not leave ``root``, by default the folder of ``path``. Raises
    :class:`ReadError` when ``path`` itself can't be read; everything wrong
    inside the files becomes a finding.
    """
    path = os.fspath(path)
    data = read_map_bytes(path)
    abspath = os.path.abspath(path)
    root = os.path.abspath(root) if root is not None else os.path.dirname(abspath)
    loader = _Loader(root, _known_rules())
    with paused_gc():
        loader.build(loader.read_all(path, abspath, data))
    return loader.map


def loads(text: str | bytes, file: str = "<string>", root: str | os.PathLike | None = None) -> Map:
    """Read a map from a string (or bytes); includes resolve from ``root`` (the current folder)."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    root = os.path.abspath(root if root is not None else os.getcwd())
    loader = _Loader(root, _known_rules())
    with paused_gc():
        loader.build(loader.read_all(file, os.path.join(root, os.path.basename(file)), data))
    return loader.map
