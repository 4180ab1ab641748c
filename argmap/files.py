"""File-system helpers: finding maps in folders, writing files atomically."""

from __future__ import annotations

import os
import tempfile


def find_maps(folder: str) -> list[str]:
    """Every ``*.argmap`` file under ``folder``, sorted; hidden folders and files skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".argmap") and not name.startswith("."):
                found.append(os.path.normpath(os.path.join(dirpath, name)))
    return found


def atomic_write(path: str, data) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``data`` is bytes, or a function that writes text to the UTF-8 stream it is
    given (so that a big export goes to the file as it is made, not first into
    memory). Either the whole new content is there afterwards, or the old file
    is untouched; a failure never leaves a partial file behind.
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
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
