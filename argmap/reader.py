"""Reading a map's files: bytes, decoding, and includes, safely.

:func:`read` takes the bytes of the file first given, decodes each file as the
language reference says (``encoding``), hands its text to
:mod:`argmap.parser`, and follows its ``include`` lines: never outside the
root folder (after resolving ``..`` and symbolic links), never into anything
but a regular file, never round a cycle, each file once (``include``). It
returns a :class:`Reading`: the files read, their texts, the problems found,
and the statements of every file in declaration order, includes expanded in
place. Building the graph from them is :mod:`argmap.builder`'s job.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, field

from . import parser as P
from .files import inside
from .model import Finding
from .problems import ENCODING, INCLUDE

BOM = b"\xef\xbb\xbf"
_O_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)


class ReadError(Exception):
    """The path given can't be read as a map (missing, a folder, unreadable)."""


@dataclass(eq=False, slots=True)
class SourceFile:
    """One file read: its name in findings, its absolute and real paths, its rank."""

    display: str
    abspath: str
    real: str
    index: int


@dataclass(slots=True)
class Reading:
    """What reading a map's files gave."""

    files: list[str] = field(default_factory=list)
    real_paths: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    suppressions: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    #: (file, statements) runs in declaration order, includes expanded in place
    runs: list[tuple[SourceFile, list]] = field(default_factory=list)


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
        return read_regular(path, st.st_size)
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None


def read_regular(path: str, size: int) -> bytes:
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
    return None, ENCODING.at(file, line, column, f"{what} at byte offset {bad + skip}",
                             "a map is UTF-8 text; save the file as UTF-8")


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


def _is_absolute(path: str) -> bool:
    return os.path.isabs(path) or path.startswith(("\\", "/")) or (len(path) > 1 and path[1] == ":")


class _Reader:
    def __init__(self, root: str, known_rules, overlay=None):
        """``root``: the absolute path of the folder includes may not leave;
        ``overlay``: real path -> bytes to read instead of the file's (an
        editor's unsaved buffers)."""
        self.root = _real_folder(root)
        self.known_rules = known_rules
        self.overlay = overlay or {}
        self.out = Reading()
        self.seen: set[str] = set()

    def add_file(self, display, abspath, real, data, sections):
        """Decode and parse one file; return it and its statements (None on failure)."""
        out = self.out
        f = SourceFile(display, abspath, real, len(out.files))
        self.seen.add(real)
        out.files.append(display)
        out.real_paths.append(real)
        text, problem = decode(data, display)
        if problem:
            out.findings.append(problem)
            # keep a readable copy, so that the report can show the bad line
            out.texts[display] = data.decode("utf-8", "replace").lstrip("\ufeff")
            return f, None
        if text.startswith("\ufeff"):
            text = text[1:]
        out.texts[display] = text
        parsed = P.parse(text, display, sections, self.known_rules)
        out.findings.extend(parsed.findings)
        for line, rules in parsed.suppressions.items():
            out.suppressions[(display, line)] = rules
        if f.index == 0:
            out.meta = parsed.meta
        return f, parsed.statements

    def refuse(self, f, inc, message, hint=None):
        self.out.findings.append(INCLUDE.at(f.display, inc.line, 1, message, hint))

    def include_target(self, f, inc, chain):
        """The real path and size of the file an include line names, or None
        (with an ``include`` problem) when it may not or can't be read."""
        path = inc.path
        if _is_absolute(path):
            return self.refuse(f, inc, f"the include path `{path}` is absolute",
                               "include files by a path relative to this file")
        real = os.path.realpath(os.path.join(os.path.dirname(f.abspath), path))
        if not inside(self.root, real):
            return self.refuse(f, inc, f"`{path}` leads outside the map's folder",
                               f"a map may include files under {self.root} only")
        try:
            st = os.stat(real)
        except FileNotFoundError:
            return self.refuse(f, inc, f"no file `{path}` to include")
        except OSError as exc:
            return self.refuse(f, inc, f"`{path}` can't be read: {exc.strerror or exc}")
        if not stat.S_ISREG(st.st_mode):
            return self.refuse(f, inc, f"`{path}` is {_file_kind(st.st_mode)}, not a map file")
        if real in chain:
            return self.refuse(f, inc, "an include cycle: " + " → ".join(_cycle(chain, f.real, real)))
        return real, st.st_size

    def open_include(self, f, inc, chain):
        target = self.include_target(f, inc, chain)
        if target is None:
            return None
        real, size = target
        if real in self.seen:
            return None  # a file included twice is read once
        try:
            data = self.overlay[real] if real in self.overlay else read_regular(real, size)
        except OSError as exc:
            return self.refuse(f, inc, f"`{inc.path}` can't be read: {exc.strerror or exc}")
        display = os.path.normpath(os.path.join(os.path.dirname(f.display), inc.path))
        abspath = os.path.abspath(os.path.join(os.path.dirname(f.abspath), inc.path))
        return self.add_file(display, abspath, real, data, inc.sections)

    def read_all(self, display, abspath, data) -> Reading:
        """Every file's statements in declaration order, includes expanded in
        place, as (file, statements) runs, so no statement is copied."""
        f, statements = self.add_file(display, abspath, _real_file(abspath), data, ())
        out = self.out.runs
        if statements is None:
            return self.out
        # An explicit stack of open files: no recursion however deep includes go.
        # Each entry: the file, its statements, and where reading stopped.
        stack = [[f, statements, 0]]
        # the files open, each with its name and the file that includes it: the
        # chain of includes, kept in space linear in its depth
        chain = {f.real: (f.display, None)}
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
            if opened is not None and opened[1] is not None:
                g, sub = opened
                chain[g.real] = (g.display, f.real)
                stack.append([g, sub, 0])
        return self.out


def _cycle(chain: dict, here: str, back_to: str) -> list[str]:
    """The names of the files of an include cycle: from ``back_to`` down the chain
    to ``here``, which includes ``back_to`` again."""
    names = []
    real = here
    while real is not None:
        display, parent = chain[real]
        names.append(display)
        if real == back_to:
            break
        real = parent
    return names[::-1] + [chain[back_to][0]]


def read(display: str, abspath: str, data: bytes, root: str, known_rules=None,
         overlay=None) -> Reading:
    """Read a map whose first file has the bytes ``data``, and every file it includes.

    ``display`` names the file in findings, ``abspath`` is where it lies (its
    includes resolve from there), ``root`` the folder includes may not leave;
    ``known_rules`` are the rule ids an ``// argmap: ignore`` comment may name
    (None: any); ``overlay`` maps real paths to bytes read instead of those files.
    """
    return _Reader(root, known_rules, overlay).read_all(display, abspath, data)


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
