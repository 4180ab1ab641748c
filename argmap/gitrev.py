"""The maps of a git revision, read without a checkout: for `argmap diff REV`.

:func:`revision_tree` writes every ``*.argmap`` file of a revision (as ``git
show REV:PATH`` gives it) into a temporary folder laid out as the repository
is, so that a map and the files it includes load from there as they were at
that revision. Symbolic links and submodules of the revision are left out:
only regular files are written. Nothing in the working tree is touched.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile

#: what git may take to answer one question, in seconds
TIMEOUT = 120


class RevisionError(Exception):
    """A revision (or the repository) that can't be read; the message says why."""


def _git(args: list[str], cwd: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True,
                              timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} took longer than {TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def is_revision(name: str, cwd: str = ".") -> bool:
    """Whether ``name`` names a commit of the repository ``cwd`` is in."""
    if not name or name.startswith("-"):
        return False
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], cwd)
    except RevisionError:
        return False
    return True


def where(cwd: str = ".") -> tuple[str, str]:
    """The repository's top folder, and ``cwd``'s path inside it (``""`` or ``sub/``)."""
    top = _git(["rev-parse", "--show-toplevel"], cwd).decode().strip()
    prefix = _git(["rev-parse", "--show-prefix"], cwd).decode().strip()
    return top, prefix


def _argmap_files(rev: str, cwd: str) -> list[str]:
    """The paths (from the top) of the regular ``*.argmap`` files of a revision."""
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", rev], cwd)
    paths = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind = meta.split(b" ")[:2]
        if kind == b"blob" and mode in (b"100644", b"100755") and path.endswith(b".argmap"):
            paths.append(path.decode("utf-8", "surrogateescape"))
    return paths


def _write_blobs(rev: str, paths: list[str], cwd: str, folder: str) -> None:
    """Each path's content at ``rev``, by one `git cat-file --batch`, under ``folder``."""
    if not paths:
        return
    query = "".join(f"{rev}:{p}\n" for p in paths).encode("utf-8", "surrogateescape")
    out = _git(["cat-file", "--batch"], cwd, query)
    at = 0
    for path in paths:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        size = int(header[2])
        body = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1  # the content, then a newline
        target = os.path.join(folder, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(body)


@contextlib.contextmanager
def revision_tree(rev: str, cwd: str = "."):
    """A temporary folder holding the ``*.argmap`` files of ``rev``; yields the
    folder that stands for ``cwd`` in it (removed afterwards)."""
    if not is_revision(rev, cwd):
        raise RevisionError(f"{rev!r} is no revision of this repository")
    _, prefix = where(cwd)
    with tempfile.TemporaryDirectory(prefix="argmap-rev-") as folder:
        _write_blobs(rev, _argmap_files(rev, cwd), cwd, folder)
        here = os.path.join(folder, *prefix.strip("/").split("/")) if prefix else folder
        os.makedirs(here, exist_ok=True)
        yield here
