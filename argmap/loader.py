"""From a path (or a string) to a :class:`~argmap.model.Map`.

The pipeline's first half, wired: :mod:`argmap.reader` reads the files (bytes,
decoding, includes, parsing each), and unless that found a problem of
reading, :mod:`argmap.builder` builds the graph. ``argmap.load`` and
``argmap.loads`` call these with the rule ids an ignore comment may name.
"""

from __future__ import annotations

import os

from . import builder, parser, reader
from .model import Map
from .problems import PROBLEM_IDS
from .reader import ReadError, read_map_bytes, reusing_real_paths
from .util import paused_gc

__all__ = ["ReadError", "load", "loads", "read_map_bytes", "reusing_real_paths"]


def _map(reading: reader.Reading) -> Map:
    m = Map(meta=reading.meta, findings=reading.findings, files=reading.files,
            texts=reading.texts, real_paths=reading.real_paths,
            suppressions=reading.suppressions)
    if not any(f.rule in PROBLEM_IDS for f in reading.findings):
        m.arggraph, m.facts = builder.build(reading.runs, reading.meta)
        heading = parser.HeadingLine
        m.headings = [(s.level, s.title) for _, stmts in reading.runs for s in stmts
                      if type(s) is heading]
    return m


def load(path: str | os.PathLike, root: str | os.PathLike | None = None,
         known_rules=None, data: bytes | None = None, overlay=None) -> Map:
    """Read the map at ``path`` (and the files it includes).

    Includes may not leave ``root``, by default the folder of ``path``. Raises
    :class:`ReadError` when ``path`` itself can't be read; everything wrong
    inside the files becomes a finding or a fact. ``known_rules``: the rule ids
    an ``// argmap: ignore`` comment may name (None: any); ``data``: the file's
    bytes, when they have been read already; ``overlay``: real path -> bytes
    of included files to read from memory (an editor's open buffers).
    """
    path = os.fspath(path)
    if data is None:
        data = read_map_bytes(path)
    abspath = os.path.abspath(path)
    root = os.path.abspath(root) if root is not None else os.path.dirname(abspath)
    with paused_gc():
        return _map(reader.read(path, abspath, data, root, known_rules, overlay))


def loads(text: str | bytes, file: str = "<string>", root: str | os.PathLike | None = None,
          known_rules=None) -> Map:
    """Read a map from a string (or bytes); includes resolve from ``root`` (the current folder)."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    root = os.path.abspath(root if root is not None else os.getcwd())
    abspath = os.path.join(root, os.path.basename(file))
    with paused_gc():
        return _map(reader.read(file, abspath, data, root, known_rules))
