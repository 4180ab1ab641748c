"""File-system helpers: the path policy, finding maps in folders, writing files atomically.

The policy for every path argmap opens: a file reached from a folder (a map
found in a folder given, a file an ``include`` names) must lie inside that
folder once ``..`` and symbolic links are resolved (:func:`inside`). A path
the user names directly is read as given.
"""

from __future__ import annotations

import os
import stat
import tempfile


def inside(root: str, real: str) -> bool:
    """Whether the real path ``real`` lies in the real folder ``root`` (or is it)."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def find_maps(folder: str) -> tuple[list[str], list[str]]:
    """Every ``*.argmap`` file under ``folder``, sorted (hidden folders and files
    skipped), and the symbolic links among them that lead outside ``folder``,
    which are never read. Links to folders are not followed."""
    found, outside = [], []
    root = os.path.realpath(folder)
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".argmap") and not name.startswith("."):
                path = os.path.normpath(os.path.join(dirpath, name))
                if os.path.islink(path) and not inside(root, os.path.realpath(path)):
                    outside.append(path)
                else:
                    found.append(path)
    return found, outside


class OutputError(Exception):
    """An output that may not, or can't, be written; nothing was written."""


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(path: str, inputs=(), force: bool = False) -> os.stat_result | None:
    """Refuse an output path that must not be written; its target's stat, if it exists.

    Refused: a path that names a folder (an existing one, or one ending in a
    separator), a path whose folder does not exist, anything that is not a
    regular file, a character device or a FIFO (those two are written
    through, never replaced), any of ``inputs`` (the map and the files it
    includes, however the path reaches them: a link, a hard link), and a
    read-only file unless ``force``.
    """
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise OutputError(f"{path} is a folder; give a file name")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"no folder {folder} to write {os.path.basename(path)} in")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
    for given in inputs:
        try:
            if _same_file(st, os.stat(given)):
                raise OutputError(f"{path} is the map being read (or a file it includes)")
        except FileNotFoundError:
            continue
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return st
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{path} is not a regular file")
    if not force and not st.st_mode & 0o222:
        raise OutputError(f"{path} is read-only; use --force to replace it")
    return st


def write_output(path: str, data, inputs=(), force: bool = False) -> list[str]:
    """Write an output file as :func:`atomic_write` does, after :func:`check_output`.

    A character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is
    written to as it is. Returns what the user should know: that the file had
    other names (hard links), which keep the old content.
    """
    st = check_output(path, inputs, force)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, data)
        return []
    atomic_write(path, data)
    if st is not None and st.st_nlink > 1:
        others = st.st_nlink - 1
        return [f"{path} had {others} other name{'s' if others > 1 else ''} (hard links); "
                "they keep the old content"]
    return []


def _write_through(path: str, data) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    if callable(data):
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            data(fh)
    else:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)


def atomic_write(path: str, data) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``data`` is bytes, or a function that writes text to the UTF-8 stream it is
    given (so that a big export goes to the file as it is made, not first into
    memory). Either the whole new content is there afterwards, or the old file
    is untouched; a failure (or a signal the program catches) never leaves a
    partial file behind. A file replaced keeps its mode, and its owner where
    the process may give it (as root).
    """
    path = os.path.realpath(path)  # write through a symlink to its target
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        if callable(data):
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                data(fh)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        _keep_mode_and_owner(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _keep_mode_and_owner(tmp: str, path: str) -> None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:  # not ours to give: the file gets the writer's owner
            pass
    os.chmod(tmp, st.st_mode & 0o7777)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid
