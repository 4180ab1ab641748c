"""Output for `argmap schemes`: the catalogue as a table or JSON, or one scheme in full.

These print what :mod:`argmap.schemes` read and judge nothing.
"""

from __future__ import annotations

import json as _json

from ._terminal import safe


def report_json(schemes: dict, out, name=None) -> None:
    """JSON: every scheme (or only ``name``) with its premises and questions."""
    rows = [s.as_dict() for n, s in schemes.items() if name is None or n == name]
    out.write(_json.dumps({"version": 1, "schemes": rows}, ensure_ascii=False, indent=2) + "\n")


def report_table(schemes: dict, out, name=None, color=False) -> None:
    """A table of the schemes for people; with ``name``, that scheme in full."""
    # rich is slow to import (25 ms): only for people
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      force_terminal=color, no_color=not color)
    if name is not None:
        _one(console, schemes[name], Text)
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    course = any(s.origin != "argmap" for s in schemes.values())
    for column in ("scheme", "title", "critical questions") + (("from",) if course else ()):
        table.add_column(column)
    for s in schemes.values():
        row = [Text(safe(s.name), style="cyan"), Text(safe(s.title)),
               Text(safe(", ".join(q.name for q in s.questions)))]
        if course:
            row.append(Text(safe(s.origin)))
        table.add_row(*row)
    console.print(table)
    console.print(Text("argmap schemes NAME shows a scheme with its premises and critical "
                       "questions.", style="dim"))


def _one(console, s, Text) -> None:
    console.print(Text(safe(f"{s.title} ({s.name})"), style="bold"))
    console.print(Text(safe(s.source), style="dim"))
    console.print()
    for p in s.premises:
        console.print(Text(safe(f"  {p.role}: {p.text}")))
    console.print(Text(safe(f"  so: {s.conclusion}")))
    console.print()
    console.print(Text("Critical questions (answer or raise each with `cq: NAME`):"))
    width = max(len(q.name) for q in s.questions)
    for q in s.questions:
        console.print(Text(safe(f"  {q.name:<{width}}  {q.text}")))
