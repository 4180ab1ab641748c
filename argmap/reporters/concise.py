"""One line a finding: `file:line:col: severity [rule] message`."""

from ._terminal import safe

NAME = "concise"


def report(results, out, color=False):
    for f in results.findings:
        out.write(safe(f"{f.file}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}") + "\n")
    if not results.quiet and results.findings:
        out.write(f"{_n(results.errors, 'error')}, {_n(results.warnings, 'warning')} "
                  f"in {_n(len(results.files), 'file')}\n")


def _n(count, noun):
    return f"{count} {noun}" + ("" if count == 1 else "s")
