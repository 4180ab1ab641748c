"""The library's front door: load maps knowing every rule, and check paths.

:func:`load` and :func:`loads` are :mod:`argmap.loader`'s with the rule ids that
an ``// argmap: ignore`` comment may name; :func:`check_paths` is what
``argmap check PATHS`` does, without printing: expand folders, load each map,
leave out maps that another given map includes, and run the rules.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from . import loader
from .checker import check
from .config import Config
from .files import find_maps
from .model import Finding, Map
from .reader import read_map_bytes
from .rules import RULE_IDS


def load(path: str | os.PathLike, root: str | os.PathLike | None = None,
         data: bytes | None = None, overlay=None) -> Map:
    """Read the map at ``path`` (and the files it includes); see :func:`argmap.loader.load`."""
    return loader.load(path, root, RULE_IDS, data, overlay)


def loads(text: str | bytes, file: str = "<string>", root: str | os.PathLike | None = None) -> Map:
    """Read a map from a string (or bytes); see :func:`argmap.loader.loads`."""
    return loader.loads(text, file, root, RULE_IDS)


@dataclass
class CheckRun:
    """What checking some paths gave: the findings, the files checked and their
    texts (for code frames), and the paths that could not be read at all."""

    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: folders given that hold no map
    empty: list[str] = field(default_factory=list)


def expand(paths) -> tuple[list[str], list[str], list[str]]:
    """The map files the paths name (files as they are, folders searched; each
    file once, however it is reached), the
    paths that can't be read (missing, or links that lead out of the folder
    given), and the folders that hold no map."""
    files, missing, empty = [], [], []
    for path in paths:
        if os.path.isdir(path):
            found, outside = find_maps(path)
            if not found and not outside:
                empty.append(path)
            files.extend(found)
            missing.extend(f"{link}: a symbolic link that leads outside {path}; not read"
                           for link in outside)
        elif os.path.lexists(path):
            files.append(path)
        else:
            missing.append(f"{path}: no such file or folder")
    return _each_once(files), missing, empty


def _each_once(files: list[str]) -> list[str]:
    """Each file once, however often (and by whatever path) it was given."""
    seen, out = set(), []
    for path in files:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            out.append(path)
    return out


def check_paths(paths, config: Config | None = None, progress=None) -> CheckRun:
    """Check the maps that ``paths`` name (files, or folders searched for ``*.argmap``).

    A map that another given map includes is checked as part of that map only.
    ``progress``, when given, is called with each file's path once it is loaded.
    """
    files, missing, empty = expand(paths)
    run = check_files(files, config, progress)
    run.problems[:0] = missing
    run.empty = empty
    return run


def check_files(files: list[str], config: Config | None = None, progress=None) -> CheckRun:
    """Check these map files (see :func:`check_paths`).

    Each map is loaded with the files it includes, and a file that a map
    already loaded includes is not loaded again on its own (it is checked as
    part of that map): maps that include others are loaded first, so that a
    folder holding a chain of includes costs one reading of the chain, not
    one for each of its files.
    """
    run = CheckRun()
    read = {}
    for i, path in enumerate(files):
        try:
            read[i] = read_map_bytes(path)
        except loader.ReadError as exc:
            run.problems.append(str(exc))
            if progress is not None:
                progress(path)
    loaded, covered = {}, set()
    with loader.reusing_real_paths():  # the maps of a folder share its real path
        for i in _includers_first(files, read):
            if not covered or os.path.realpath(files[i]) not in covered:
                loaded[i] = m = load(files[i], data=read[i])
                covered.update(m.real_paths[1:])
            if progress is not None:
                progress(files[i])
    for m in without_included([loaded[i] for i in sorted(loaded)]):
        run.findings.extend(check(m, config))
        run.checked.extend(m.files)
        run.texts.update(m.texts)
    return run


_INCLUDE_LINE = re.compile(rb"^include[ \t]+(.*?)[ \t]*\r?$", re.M)


def _includers_first(files: list[str], read: dict[int, bytes]) -> list[int]:
    """The indexes of the files read: first those that no other file's include
    lines name, then the rest, each in the order given. A quick look at the
    bytes: it only orders the loading, whose result doesn't depend on it."""
    named = set()
    for i, data in read.items():
        if b"include" not in data:
            continue
        folder = os.path.dirname(os.path.abspath(files[i]))
        for target in _INCLUDE_LINE.findall(data):
            target = target.decode("utf-8", "replace").strip().strip('"')
            if target and "\0" not in target:  # a path the system could be asked about
                named.add(os.path.realpath(os.path.join(folder, target)))
    if not named:
        return list(read)
    first = [i for i in read if os.path.realpath(files[i]) not in named]
    return first + [i for i in read if i not in set(first)]


def without_included(maps: list[Map]) -> list[Map]:
    """Leave out each map that another of the maps includes (it is checked there)."""
    included = set()
    for m in maps:
        included.update(m.real_paths[1:])
    kept, covered = [], set()
    for m in maps:
        if m.real_paths and m.real_paths[0] not in included:
            kept.append(m)
            covered.update(m.real_paths)
    for m in maps:  # an include cycle among given files: keep one map of it
        if m.real_paths and m.real_paths[0] not in covered:
            kept.append(m)
            covered.update(m.real_paths)
    order = {id(m): i for i, m in enumerate(maps)}
    return sorted(kept, key=lambda m: order[id(m)])
