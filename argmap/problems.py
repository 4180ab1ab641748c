"""Problems of reading: what stops a text from being read as a map at all.

``syntax`` (a line breaks the grammar), ``encoding`` (the bytes are not UTF-8
text) and ``include`` (an included file can't be read) are found by the
parser and the reader, not by rules over a built graph: like yamllint's syntax
errors, they always run, can't be switched off or silenced, and stop the map
from being built. Each is documented here as a rule is, so that ``argmap
rules``, SARIF and the README list them beside the rules.
"""

from __future__ import annotations

from .model import ERROR, Finding


class Problem:
    """A kind of reading problem: its id, severity and documentation.

    It answers to the same names as a rule module (``ID``, ``SEVERITY``,
    ``DEFAULT``, ``NEEDS_GRAPH``, ``__doc__``, ``__name__``), so the registry
    lists both alike; its findings are made by :meth:`at` where the problem is
    found, and :func:`argmap.check` passes them through.
    """

    SEVERITY = ERROR
    DEFAULT = True
    NEEDS_GRAPH = False

    def __init__(self, rule_id: str, doc: str):
        self.ID = rule_id
        self.__doc__ = doc
        self.__name__ = f"{__name__}.{rule_id.replace('-', '_')}"

    def at(self, file, line, column, message, hint=None, end_column=None) -> Finding:
        return Finding(self.ID, ERROR, file, line, column, message, hint, end_column)

    def __repr__(self):
        return f"<reading problem {self.ID}>"


syntax = SYNTAX = Problem("syntax", """A line breaks the grammar of the language.

Every line of a map is blank, a comment, front matter, a heading, a
declaration, a child, a reference, an attribute, a relation or an include
(see the language reference). Anything else is reported here, at the line and
column where it goes wrong, with a hint on what was expected. One run reports
every such line, not only the first; a line gets at most one `syntax` finding.

A `syntax` error stops the map from being built, so no other rule but
`bidi-control` runs until it is fixed. It can't be switched off.

    thesis t: Russia turned to Asia.
      premise p: It did so in 2012.      <- syntax: a child line needs a sign

Fix: write `  + premise p: It did so in 2012.`
""")

encoding = ENCODING = Problem("encoding", """The file is not UTF-8 text, or holds a NUL byte.

A map is UTF-8 text (a leading byte-order mark is allowed and ignored). Bytes
that are not valid UTF-8, and NUL bytes, are reported at the first bad line,
with the byte offset in the file; such a file yields no graph. Files saved as
Latin-1 or Windows-1252 are the usual cause: save the file as UTF-8.

It can't be switched off.
""")

include = INCLUDE = Problem("include", """An `include` line names a file that can't be included.

`include PATH` reads another map into this one. The path is relative to the
including file and may not be absolute nor lead outside the folder of the file
given to argmap (after resolving `..` and symbolic links). It is reported at
the include line when the file is missing, lies outside that folder, is not a
regular file (a folder, a FIFO, a device), can't be read, or would close an
include cycle (the message shows the chain). Such a target is never opened.

An `include` error stops the map from being built. It can't be switched off.

    include ../../secrets.argmap      <- include: leads outside the map's folder
""")

PROBLEMS = (SYNTAX, ENCODING, INCLUDE)
#: the ids of reading problems: always on, never silenced, and fatal to the graph
PROBLEM_IDS = frozenset(p.ID for p in PROBLEMS)
