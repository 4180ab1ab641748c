"""GitHub Actions workflow commands: each finding an annotation on the pull request."""

from ._terminal import safe

NAME = "github"


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def report(results, out, color=False):
    for f in results.findings:
        # control characters never reach the log: they could start a terminal
        # sequence, or a workflow command of their own
        message = safe(f.message) + (f"\nhelp: {safe(f.hint)}" if f.hint else "")
        props = ",".join((
            f"file={_property(safe(f.file))}",
            f"line={f.line}",
            f"col={f.column}",
            f"title={_property(f'argmap {f.rule}')}",
        ))
        out.write(f"::{f.severity} {props}::{_data(message)}\n")
