"""One line a finding: `file:line:col: severity [rule] message`."""

from ._terminal import safe

NAME = "concise"


def report(results, out, color=False):
    for f in results.findings:
        out.write(safe(f"{f.file}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}") + "\n")
    if not results.quiet and results.findings:
        out.write(f"{results.errors} errors, {results.warnings} warnings in {len(results.files)} files\n")
