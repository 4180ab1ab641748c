"""The catalogue of argument schemes: names, premises and critical questions.

The schemes are data, in ``schemes.toml`` beside this module (reviewed like
code); a course can add or replace schemes with a file of the same form,
named by the ``schemes`` setting of its configuration. :func:`catalogue`
reads them once for each file; a file that can't be used raises
:class:`CatalogueError` with its path and line.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

NAME_RE = re.compile(r"[a-z][a-z0-9-]*\Z")
BUILT_IN = "schemes.toml"


class CatalogueError(Exception):
    """A catalogue file that can't be used; the message starts with ``PATH:LINE:``."""


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Premise:
    role: str
    text: str


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    title: str
    source: str
    conclusion: str
    premises: tuple[Premise, ...]
    questions: tuple[Question, ...]
    #: the catalogue file it comes from (the built-in one: "argmap")
    origin: str = "argmap"

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "source": self.source,
                "premises": [{"role": p.role, "text": p.text} for p in self.premises],
                "conclusion": self.conclusion,
                "questions": [{"name": q.name, "text": q.text} for q in self.questions],
                "origin": self.origin}


def _line_of(text: str, name: str) -> int:
    """The line of a scheme's table header in a catalogue file (1 when not found)."""
    m = re.search(rf'^[ \t]*\[[ \t]*"?{re.escape(name)}"?[ \t]*\]', text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _strings(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string")
    return value.strip()


def _entries(value, what: str, keys: tuple[str, str]) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        raise ValueError(f"`{what}` must be a list of tables with {' and '.join(keys)}")
    out = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != set(keys):
            raise ValueError(f"`{what}` entry {i} must have exactly {' and '.join(keys)}")
        out.append(tuple(_strings(item[k], f"`{what}` entry {i}: {k}") for k in keys))
    return out


def _scheme(name: str, table, origin: str) -> Scheme:
    if not NAME_RE.match(name):
        raise ValueError(f"`{name}` is not a scheme name: lowercase letters, digits and `-`, "
                         "starting with a letter")
    if not isinstance(table, dict):
        raise ValueError(f"`{name}` must be a table")
    known = {"title", "source", "conclusion", "premises", "questions"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ValueError(f"unknown key `{unknown[0]}` (known: {', '.join(sorted(known))})")
    missing = sorted(known - set(table))
    if missing:
        raise ValueError(f"`{name}` has no `{missing[0]}`")
    questions = _entries(table["questions"], "questions", ("name", "text"))
    names = [q for q, _ in questions]
    for q in names:
        if not NAME_RE.match(q):
            raise ValueError(f"`{q}` is not a question name: lowercase letters, digits and "
                             "`-`, starting with a letter")
    repeated = sorted({q for q in names if names.count(q) > 1})
    if repeated:
        raise ValueError(f"the question `{repeated[0]}` is named twice")
    return Scheme(name, _strings(table["title"], "title"), _strings(table["source"], "source"),
                  _strings(table["conclusion"], "conclusion"),
                  tuple(Premise(r, t) for r, t in
                        _entries(table["premises"], "premises", ("role", "text"))),
                  tuple(Question(n, t) for n, t in questions), origin)


def parse_catalogue(text: str, origin: str) -> dict[str, Scheme]:
    """The schemes of a catalogue file's text; ``origin`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = m.group(1) if m else "1"
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CatalogueError(f"{origin}:{line}: {message}") from None
    except RecursionError:
        raise CatalogueError(f"{origin}:1: nested too deeply to read") from None
    out = {}
    for name, table in data.items():
        try:
            out[name] = _scheme(name, table, origin)
        except ValueError as exc:
            raise CatalogueError(f"{origin}:{_line_of(text, name)}: scheme `{name}`: {exc}") \
                from None
    return out


@functools.lru_cache(maxsize=8)
def _read(path: str, stamp) -> dict[str, Scheme]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(1 << 22)
        text = data.decode("utf-8")
    except OSError as exc:
        raise CatalogueError(f"{path}:1: can't read the scheme catalogue: "
                             f"{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CatalogueError(f"{path}:1: the scheme catalogue is not UTF-8") from None
    return parse_catalogue(text, path)


@functools.lru_cache(maxsize=1)
def built_in() -> dict[str, Scheme]:
    """The schemes argmap ships with."""
    text = resources.files(__package__).joinpath(BUILT_IN).read_text(encoding="utf-8")
    return parse_catalogue(text, "argmap")


def catalogue(path: str | None = None) -> dict[str, Scheme]:
    """The built-in schemes, with those of the catalogue file ``path`` added
    or put in their place; sorted by name."""
    schemes = dict(built_in())
    if path is not None:
        try:
            st = os.stat(path)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        schemes.update(_read(path, stamp))
    return dict(sorted(schemes.items()))
