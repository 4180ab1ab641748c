"""Findings with a code frame and a hint, for people (the default)."""

from __future__ import annotations

from ._terminal import safe, width

NAME = "text"
MAX_SHOWN = 100  # characters of a long line shown around the column


def _frame_line(line: str, column: int):
    """The part of ``line`` to show, and the column within it."""
    if len(line) <= MAX_SHOWN * 2:
        return line, column
    start = max(0, column - 1 - MAX_SHOWN // 2)
    shown = line[start:start + MAX_SHOWN]
    prefix = "…" if start else ""
    suffix = "…" if start + MAX_SHOWN < len(line) else ""
    return prefix + shown + suffix, column - start + len(prefix)


class _Lines:
    """Source lines of each file, split once and only when asked for."""

    def __init__(self, texts):
        self.texts = texts
        self.split = {}

    def get(self, file, line):
        if file not in self.split:
            text = self.texts.get(file)
            self.split[file] = text.split("\n") if text is not None else None
        lines = self.split[file]
        if lines is None or not 0 < line <= len(lines):
            return None
        return lines[line - 1].rstrip("\r")


def render(results):
    """The report as lines, each a list of (text, style) segments."""
    lines = _Lines(results.texts)
    out = []
    for f in results.findings:
        style = "bold red" if f.severity == "error" else "bold yellow"
        out.append([(f"{f.severity}[{f.rule}]", style), (": " + safe(f.message), "bold")])
        gutter = len(str(f.line))
        pad = " " * gutter
        out.append([(pad + "--> ", "blue"), (safe(f"{f.file}:{f.line}:{f.column}"), "")])
        source = lines.get(f.file, f.line)
        if source is not None:
            shown, col = _frame_line(source, f.column)
            before = safe(shown[: col - 1])
            span = 1
            if f.end_column and f.end_column > f.column:
                span = max(1, width(safe(shown[col - 1: col - 1 + f.end_column - f.column])))
            out.append([(pad + " |", "blue")])
            out.append([(f"{f.line} | ", "blue"), (safe(shown), "")])
            out.append([(pad + " | ", "blue"), (" " * width(before) + "^" * span, style)])
        if f.hint:
            out.append([(pad + " = ", "blue"), ("help", "bold"), (": " + safe(f.hint), "")])
        out.append([])
    if not results.quiet:
        out.append(summary(results))
    return out


def summary(results):
    n = len(results.files)
    files = f"{n} file" + ("" if n == 1 else "s")
    if results.unreadable and not results.findings:
        k = results.unreadable
        return [("Not checked", "bold red"),
                (f": {k} path{'s' if k != 1 else ''} could not be read "
                 f"({files} checked, no findings).", "")]
    if not results.findings:
        return [("All checks passed", "bold green"), (f" ({files}, no findings).", "")]
    parts = []
    if results.errors:
        parts.append(f"{results.errors} error" + ("" if results.errors == 1 else "s"))
    if results.warnings:
        parts.append(f"{results.warnings} warning" + ("" if results.warnings == 1 else "s"))
    failing = results.errors or results.strict
    tail = ""
    if not results.errors and results.strict:
        tail = " (warnings fail the check under --strict)"
    return [("Found " + " and ".join(parts), "bold red" if failing else "bold yellow"),
            (f" in {files}.{tail}", "")]


def report(results, out, color=False):
    rendered = render(results)
    if not color:
        out.write("".join("".join(t for t, _ in segs) + "\n" for segs in rendered))
        return
    # rich is slow to import (25 ms): only for colour on a terminal
    from rich.console import Console
    from rich.text import Text

    # Text objects, never markup strings: map text can't turn into rich markup.
    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True,
                      emoji=False, markup=False)
    for segs in rendered:
        console.print(Text.assemble(*segs) if segs else Text())
