"""Lay DOT out with Graphviz, in a child process with a time limit.

``bundled`` is the Graphviz library inside the pygraphviz wheels (no system
package needed); ``system`` is a ``dot`` program on PATH; ``auto`` prefers the
bundled one. A crash or hang of Graphviz is reported as a :class:`LayoutError`
and can't take argmap down with it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

FORMATS = ("svg", "png", "pdf")

INSTALL_HINT = (
    "install the bundled Graphviz with `pip install pygraphviz`, or a system one "
    "(`apt install graphviz`, `brew install graphviz`, `winget install graphviz`) "
    "and use --engine system; `-f dot` needs neither"
)


class LayoutError(Exception):
    """Graphviz could not lay the map out (missing, crashed, timed out, refused)."""


def bundled_available() -> bool:
    return importlib.util.find_spec("pygraphviz") is not None


def choose(engine: str) -> str:
    """The engine to use for ``engine`` (auto, bundled or system), or raise LayoutError."""
    if engine in ("auto", "bundled") and bundled_available():
        return "bundled"
    if engine in ("auto", "system") and shutil.which("dot"):
        return "system"
    which = {"auto": "no Graphviz found", "bundled": "the bundled Graphviz (pygraphviz) is not installed",
             "system": "no `dot` program on PATH"}[engine]
    raise LayoutError(f"{which}: {INSTALL_HINT}")


def layout(dot: str, fmt: str, engine: str = "auto", timeout: float = 60.0,
           memory: int = 2048) -> bytes:
    """Graphviz's rendering of ``dot`` as ``fmt`` (svg, png or pdf).

    The child process may take ``timeout`` seconds and ``memory`` MB.
    """
    if fmt not in FORMATS:
        raise ValueError(fmt)
    chosen = choose(engine)
    if chosen == "bundled":
        command = [sys.executable, "-m", "argmap.render._child", fmt]
    else:
        command = [shutil.which("dot"), f"-T{fmt}"]
    out = _run(command, dot, timeout, memory)
    return _fixed_date(out) if fmt == "pdf" else out


_CREATION_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")


def _fixed_date(pdf: bytes) -> bytes:
    """The PDF with its creation date set to ``SOURCE_DATE_EPOCH`` (the
    reproducible-builds convention), or to 1970-01-01: the same map gives the
    same bytes. Same length, so the PDF's byte offsets still hold."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch))
    except (ValueError, OverflowError, OSError):
        stamp = "19700101000000"
    if len(stamp) != 14:
        stamp = "19700101000000"
    return _CREATION_DATE.sub(b"/CreationDate (D:" + stamp.encode() + b"Z)", pdf)


def layout_svgs(dots: list[str], engine: str = "auto", timeout: float = 60.0,
                memory: int = 2048) -> list[str]:
    """SVG for each of several graphs, in one child process when the engine is bundled."""
    if not dots:
        return []
    if choose(engine) == "system":
        return [layout(d, "svg", engine, timeout, memory).decode("utf-8") for d in dots]
    command = [sys.executable, "-m", "argmap.render._child", "svg-many"]
    return json.loads(_run(command, json.dumps(dots), timeout, memory))


def _limit(memory: int):
    """A preexec function that caps the child's address space at ``memory`` MB."""
    def apply():
        try:
            import resource  # optional: POSIX only, and in the child process only

            limit = memory * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):  # pragma: no cover - not on this OS
            pass

    return apply if os.name == "posix" else None


def _run_in_own_group(command, data: bytes, timeout: float, env, memory: int):
    """``subprocess.run`` in a process group of its own, which is killed whole
    when the run ends early: on the time limit, or on anything that stops argmap
    (a signal, Ctrl-C). No Graphviz is left running behind."""
    posix = os.name == "posix"
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, preexec_fn=_limit(memory),
                            start_new_session=posix)
    try:
        out, err = proc.communicate(data, timeout=timeout)
    except BaseException:
        _kill(proc, posix)
        raise
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _kill(proc, posix: bool) -> None:
    try:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - not POSIX
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _run(command: list[str], dot: str, timeout: float, memory: int = 2048) -> bytes:
    env = dict(os.environ)
    env.pop("GVBINDIR", None)
    try:
        done = _run_in_own_group(command, dot.encode("utf-8"), timeout, env, memory)
    except subprocess.TimeoutExpired:
        raise LayoutError(
            f"render timed out: Graphviz took longer than {timeout:g} s and was stopped; "
            "try --focus ID to draw part of the map, or a longer --timeout") from None
    except OSError as exc:
        raise LayoutError(f"Graphviz could not be started: {exc}") from None
    memory_hint = (f" (it may have run out of its {memory} MB; try --max-memory, "
                   "or --focus/--section to draw part of the map)")
    detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name
        raise LayoutError(f"Graphviz crashed ({name}){memory_hint}")
    if done.returncode != 0 or not done.stdout:
        # what a capped address space looks like: a MemoryError, a failed malloc,
        # or the dynamic loader unable to map a library of Graphviz's
        out_of_memory = any(word in line.lower() for line in detail
                            for word in ("memory", "alloc", "failed to map"))
        raise LayoutError("Graphviz failed" + (f": {detail[-1]}" if detail else "")
                          + (memory_hint if out_of_memory else ""))
    return done.stdout
