"""Output formats for `argmap eval`, registered in :data:`EVAL_FORMATS`.

Like the check reporters, these print an evaluation and never compute one:
each gets the map, its :class:`~argmap.evaluate.Evaluation`, an optional node
to explain, a text stream, and whether to colour.
"""

from __future__ import annotations

import json as _json

from ..evaluate import explain, ordered
from ._terminal import safe

STYLE = {"accepted": "green", "rejected": "red", "undecided": "yellow"}


def rows(m, ev, sort: str = "map", statuses=None) -> list[str]:
    """The nodes to show, in the order asked for (``map``: the theses, then by
    section and declaration; ``status``: accepted, undecided, rejected; ``strength``:
    strongest first), only those of ``statuses`` when given."""
    out = [n for n in ordered(m, ev) if not statuses or ev.status[n] in statuses]
    if sort == "status":
        rank = {"accepted": 0, "undecided": 1, "rejected": 2}
        out.sort(key=lambda n: rank[ev.status[n]])
    elif sort == "strength":
        out.sort(key=lambda n: -ev.strength[n])
    return out


def as_dict(m, ev, node=None, sort: str = "map", statuses=None) -> dict:
    """The evaluation as JSON data: a row per argument node (or only ``node``),
    sorted and filtered as the table is, with ``explanation`` when a node is
    asked about."""
    nodes = m.nodes
    out = [{"id": n, "kind": nodes[n]["kind"], "section": nodes[n]["section"],
            "status": ev.status[n], "strength": round(ev.strength[n], 9),
            "expect": nodes[n]["expect"], "reasons": ev.reasons(n)}
           for n in rows(m, ev, sort, statuses) if node is None or n == node]
    doc = {"version": 1, "nodes": out, "unsettled": sorted(ev.unsettled)}
    if node is not None:
        doc["explanation"] = explain(m, ev, node)
    return doc


def report_json(m, ev, out, node=None, title=None, color=False, sort="map", statuses=None,
                **_) -> None:
    """JSON: each node's status, strength, expectation and reasons."""
    doc = as_dict(m, ev, node, sort, statuses)
    out.write(_json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def report_table(m, ev, out, node=None, title=None, color=False, sort="map",
                 statuses=None) -> None:
    """A table for people; with ``node``, that node's status explained step by step."""
    # rich is slow to import (25 ms): only for the table
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      force_terminal=color, no_color=not color)
    if node is not None:
        for line in explain(m, ev, node):
            console.print(Text(safe(line)), soft_wrap=True)  # one line each, even in a pipe
        return
    nodes = m.nodes
    table = Table(title=Text(safe(title or "")), show_lines=False, expand=False)
    width = max(20, console.width // 4)  # each node's text, shortened to fit the terminal
    for col in ("id", "text", "kind", "status", "strength", "why"):
        table.add_column(col, no_wrap=col not in ("why",), max_width=width if col == "text" else
                         None, overflow="ellipsis", justify="right" if col == "strength" else "left")
    for n in rows(m, ev, sort, statuses):
        d = nodes[n]
        status = ev.status[n]
        mark = "" if not d["expect"] or d["expect"] == status else f" (expected {d['expect']})"
        table.add_row(Text(safe(n)), Text(safe(d["text"])), d["kind"],
                      Text(status + mark, style=STYLE[status]),
                      f"{ev.strength[n]:.3f}" + ("*" if n in ev.unsettled else ""),
                      Text(safe("; ".join(ev.reasons(n)))))
    console.print(table)
    counts = {k: sum(1 for v in ev.status.values() if v == k) for k in STYLE}
    console.print(Text(f"{counts['accepted']} accepted, {counts['rejected']} rejected, "
                       f"{counts['undecided']} undecided"))
    if ev.unsettled:
        console.print(Text(f"* strength still moving after 1 000 rounds: {len(ev.unsettled)} "
                           "node(s) on support/attack cycles"))


#: `argmap eval -f NAME` -> the function that prints it
EVAL_FORMATS = {"table": report_table, "json": report_json}
