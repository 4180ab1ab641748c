"""Output formats for `argmap check`, registered explicitly.

A reporter prints findings and never judges them: it gets a :class:`Results`
and a text stream, and writes. Each module has ``NAME``, a docstring whose
first line is the summary ``--help`` shows, and ``report(results, out, color)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ERROR, Finding
from . import concise, github, json, junit, sarif, text


@dataclass
class Results:
    """What one run of `argmap check` found."""

    findings: list[Finding]
    #: every file checked (included ones too), in reading order
    files: list[str]
    #: decoded text of each file, for code frames
    texts: dict[str, str] = field(default_factory=dict)
    strict: bool = False
    quiet: bool = False
    #: paths given that could not be read at all (missing, unreadable, refused)
    unreadable: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


FORMATS = {module.NAME: module for module in (text, concise, json, github, sarif, junit)}
