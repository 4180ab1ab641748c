"""Output formats for `argmap diff`, registered in :data:`DIFF_FORMATS`.

Each gets a :class:`~argmap.diff.DiffRun` and a text stream, prints it, and
judges nothing: text for people (grouped by map and section), JSON (the
schema of ``DiffRun.as_dict``, documented in the README), Markdown for a
pull-request comment (a summary table, the changes, a Mermaid drawing of the
changed neighbourhood), and GitHub annotations on the new files' lines.
"""

from __future__ import annotations

import difflib
import json as _json

from ._terminal import safe
from .github import _data, _property

#: a Mermaid drawing holds at most this many nodes; past it, a list stands in
MERMAID_NODES = 40

#: each kind of change named in a summary: (one, several)
_NOUNS = {"node-added": ("node added", "nodes added"),
          "node-removed": ("node removed", "nodes removed"),
          "reworded": ("reworded", "reworded"),
          "kind-changed": ("kind changed", "kinds changed"),
          "section-changed": ("moved to another section", "moved to another section"),
          "attribute-changed": ("attribute changed", "attributes changed"),
          "cite-added": ("citation added", "citations added"),
          "cite-removed": ("citation removed", "citations removed"),
          "relation-added": ("relation added", "relations added"),
          "relation-removed": ("relation removed", "relations removed"),
          "relation-turned": ("relation turned", "relations turned"),
          "regrouped": ("regrouped", "regrouped"),
          "scheme-changed": ("scheme changed", "schemes changed"),
          "finding-new": ("new finding", "new findings"),
          "finding-fixed": ("finding fixed", "findings fixed"),
          "status-flip": ("status changed", "statuses changed"),
          "strength-move": ("strength moved", "strengths moved"),
          "broken-expect": ("expectation broken", "expectations broken")}
_NOUN = {k: one for k, (one, _) in _NOUNS.items()}
_VERB = {"support": "supports", "attack": "attacks", "undercut": "undercuts a step into"}


def _short(text, n: int = 80) -> str:
    text = str(text)
    return text if len(text) <= n else text[:n - 1] + "…"


def _plain(text) -> str:
    return str(text)


def describe(c, t=_plain) -> str:
    """One change in a plain sentence; ``t`` writes map text (shortened here) for
    the output (Markdown escapes it). Ids, kinds and rule names are safe as they
    are: they are made of letters, digits, `_` and `-`."""
    node = f"`{c.node}`" if c.node and not c.node.startswith("_") else \
        "“" + t(_short(c.about.get("text") or c.after or c.before, 40)) + "”"
    return _SAY[c.what](c, node, t)


def _added(c, node, t):
    verb = "added" if c.what == "node-added" else "removed"
    return f"{c.about['kind']} {node} {verb}: {t(_short(c.after or c.before))}"


def _reworded(c, node, t):
    # how the output marks words taken out and put in: its own, or the text's
    marks = getattr(t, "marks", ("[-{}-]", "{{+{}+}}"))
    return f"{node} reworded: “{words_changed(c.before, c.after, t, marks)}”"


def words_changed(before: str, after: str, t=_plain, marks=("[-{}-]", "{{+{}+}}"),
                  context: int = 4) -> str:
    """The words that changed between two texts, marked, with a few words of
    context around each change and “…” for the rest."""
    a, b = before.split(), after.split()
    out = []
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for i, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            same = a[i1:i2]
            head = same[:context] if i > 0 else []
            tail = same[-context:] if i < len(ops) - 1 else []
            if len(same) > len(head) + len(tail):
                out.append(t(" ".join(head)) + (" … " if head or tail else "…")
                           + t(" ".join(tail)))
            else:
                out.append(t(" ".join(same)))
            continue
        if i2 > i1:
            out.append(marks[0].format(t(" ".join(a[i1:i2]))))
        if j2 > j1:
            out.append(marks[1].format(t(" ".join(b[j1:j2]))))
    return " ".join(part.strip() for part in out if part.strip())


def _section(c, node, t):
    return f"{node} moved from § {t(c.before or '(none)')} to § {t(c.after or '(none)')}"


def _scheme(c, node, t):
    return f"scheme of the step from {node} to `{c.about['target']}`: " \
        f"{c.before or 'none'} → {c.after or 'none'}"


def _attribute(c, node, t):
    return f"`{c.about['attribute']}` of {node}: {t(_value(c.before))} → {t(_value(c.after))}"


def _cite(c, node, t):
    verb = "cites" if c.what == "cite-added" else "no longer cites"
    return f"{node} {verb} {t(_short(c.after or c.before, 60))}"


def _relation(c, node, t):
    if c.what == "relation-turned":
        return f"{node} {_VERB[c.before]} → {_VERB[c.after]} `{c.about['target']}`"
    now = "now " if c.what == "relation-added" else "no longer "
    return f"{node} {now}{_VERB[c.after or c.before]} `{c.about['target']}`"


def _regrouped(c, node, t):
    mates = ", ".join(f"`{n}`" for n in c.after if n != c.node) or "no other reason"
    return f"the step from {node} to `{c.about['target']}` is now linked with {mates}"


def _finding(c, node, t):
    return f"{'new' if c.what == 'finding-new' else 'fixed'} {c.about['severity']} " \
        f"[{c.about['rule']}]: {t(c.about['message'])}"


_SAY = {
    "node-added": _added, "node-removed": _added, "reworded": _reworded,
    "kind-changed": lambda c, node, t: f"kind of {node}: {c.before} → {c.after}",
    "section-changed": _section, "attribute-changed": _attribute,
    "cite-added": _cite, "cite-removed": _cite, "relation-added": _relation,
    "relation-removed": _relation, "relation-turned": _relation, "regrouped": _regrouped,
    "scheme-changed": _scheme, "finding-new": _finding, "finding-fixed": _finding,
    "status-flip": lambda c, node, t: f"status of {node}: {c.before} → {c.after}",
    "strength-move": lambda c, node, t: f"strength of {node}: {c.before:.3f} → {c.after:.3f}",
    "broken-expect": lambda c, node, t: f"{node} expects {c.before} but is {c.after}",
}


def _value(v) -> str:
    if v is None or v == []:
        return "(none)"
    return ", ".join(map(str, v)) if isinstance(v, list) else str(v)


def _summary(run) -> list[tuple[str, int]]:
    counts = run.as_dict()["summary"]["changes"]
    return [(_NOUNS[k][n > 1], n) for k, n in counts.items()]


def report_json(run, out, color=False) -> None:
    out.write(_json.dumps(run.as_dict(), ensure_ascii=False, indent=2) + "\n")


_MARK = {"node-added": ("+", "green"), "node-removed": ("-", "red"),
         "finding-new": ("!", "red"), "finding-fixed": ("✓", "green"),
         "status-flip": ("⇅", "yellow"), "broken-expect": ("✗", "red")}


def report_text(run, out, color=False) -> None:
    """For people: each changed map, its changes grouped by section."""
    lines = list(_text_lines(run))
    if not color:  # plain text needs no layout engine: a big diff prints at once
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    # rich is slow to import (25 ms): only for a terminal in colour
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      force_terminal=True)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)


def _text_lines(run):
    """Each line of the text report, as (text, style) pieces."""
    for d in run.changed:
        yield [(safe(f"{d.new or d.old}: {d.state}"), "bold")]
        for f in d.unreadable:
            yield [(safe(f"  {f.file}:{f.line}:{f.column}: {f.rule}: {f.message}"), "red")]
        section = object()
        for c in _in_order(d.changes):
            here = "findings" if c.what in ("finding-new", "finding-fixed") else c.section
            if here != section:
                section = here
                yield [(safe("  findings" if here == "findings" else
                             f"  § {here}" if here else "  (no section)"), "dim")]
            mark, style = _MARK.get(c.what, ("~", "cyan"))
            where = f"  ({c.file}:{c.line})" if c.line else ""
            yield [(f"    {mark} ", style), (safe(describe(c)), ""), (safe(where), "dim")]
    parts = ", ".join(f"{n} {noun}" for noun, n in _summary(run))
    yield [(f"{len(run.changed)} of {len(run.maps)} map(s) changed"
            + (f": {parts}" if parts else ""), "bold")]
    for p in run.problems:
        yield [(safe(f"not read: {p}"), "yellow")]


def _in_order(changes):
    """Changes by section (in order of first appearance), findings last."""
    sections = {}
    for c in changes:
        sections.setdefault(c.section, len(sections))
    return sorted(changes, key=lambda c: (c.what in ("finding-new", "finding-fixed"),
                                          sections[c.section]))


def report_github(run, out, color=False) -> None:
    """An annotation on the new file's line for each change that has one."""
    level = {"finding-new": None, "status-flip": "warning", "broken-expect": "error",
             "node-removed": "warning"}
    for d in run.maps:
        for c in d.changes:
            if c.line is None or c.what == "finding-fixed" or (
                    c.what == "node-removed" and d.new is None):
                continue
            severity = level.get(c.what, "notice") or c.about["severity"]
            file = c.file if c.what != "node-removed" else (d.new or c.file)
            line = c.line if c.what != "node-removed" else 1
            props = ",".join((f"file={_property(safe(file))}", f"line={line}",
                              f"title={_property(f'argmap diff: {_NOUN[c.what]}')}"))
            out.write(f"::{severity} {props}::{_data(safe(describe(c)))}\n")


def report_markdown(run, out, color=False) -> None:
    """A pull-request comment: a summary table, the changes, the changed neighbourhood."""
    # the Markdown outline's escaping; render is slow to import (pydot): only here
    from ..render.markdown import md

    def t(text) -> str:
        return md(text)

    t.marks = ("~~{}~~", "**{}**")
    lines = ["### What this change does to the argument", ""]
    if not run.changed:
        lines += ["No change of meaning: the maps say what they said.", ""]
    else:
        lines += ["| change | count |", "|---|---:|"]
        lines += [f"| {noun} | {n} |" for noun, n in _summary(run)]
        lines.append("")
        gates = run.gates()
        if gates:
            lines += ["**Needs a look:** " + ", ".join(f"`{g}`" for g in sorted(gates)), ""]
    for d in run.changed:
        lines += [f"#### {md(d.new or d.old)} ({d.state})", ""]
        lines += [f"- {md(f'{f.file}:{f.line}: {f.rule}: {f.message}')}"
                  for f in d.unreadable]
        lines += [f"- **{_NOUN[c.what]}**: {describe(c, t)}" for c in _in_order(d.changes)]
        lines.append("")
        lines += _mermaid(d)
    out.write("\n".join(lines).rstrip("\n") + "\n")


def _mermaid_text(text: str) -> str:
    """Text for a Mermaid label: quotes and angle brackets as Mermaid's entity codes."""
    text = safe(_short(text, 60))
    for ch, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(ch, code)
    return text


_CLASS = {"node-added": "added", "node-removed": "removed", "status-flip": "flipped"}
_RANK = {"added": 0, "removed": 0, "flipped": 1, "changed": 2}


def _mermaid(d) -> list[str]:
    """The changed nodes and the relations they have (or had), as a Mermaid
    flowchart: added, removed, flipped and otherwise changed nodes styled, the
    nodes they bear on as context, relations that are gone drawn dotted."""
    style = {}
    for c in d.changes:
        if c.node is None:
            continue
        key = f"old:{c.node}" if c.what == "node-removed" else c.node
        cls = _CLASS.get(c.what, "changed")
        if _RANK[cls] < _RANK.get(style.get(key), 9):
            style[key] = cls
    for u, v, _, _ in d.context:
        style.setdefault(v, "context")
    if not style:
        return []
    if len(style) > MERMAID_NODES:
        return [f"*{len(style)} nodes in the changed neighbourhood: too many to draw; the "
                "list above has every change.*", ""]
    ids = {n: f"n{i}" for i, n in enumerate(style)}
    out = ["```mermaid", "flowchart BT"]
    out += [f'  {ids[n]}["{_mermaid_text(d.texts.get(n, n))}"]:::{cls}'
            for n, cls in style.items()]
    for u, v, rel, when in dict.fromkeys(d.context):
        label = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}[rel]
        arrow = "-->" if rel == "support" and when == "now" else "-.->"
        if when == "was":
            label = f"no longer {label}" if not u.startswith("old:") else f"{label} (removed)"
        out.append(f'  {ids[u]} {arrow}|"{label}"| {ids[v]}')
    out += ["  classDef added fill:#e6f2e8,stroke:#2a7a3b,stroke-width:2px",
            "  classDef removed fill:#f4f4f4,stroke:#8a8a8a,stroke-dasharray:4 3,color:#555",
            "  classDef flipped fill:#fff3bf,stroke:#a58a00,stroke-width:2px",
            "  classDef changed fill:#e8eef7,stroke:#1d3557",
            "  classDef context fill:#ffffff,stroke:#bbbbbb", "```", ""]
    return out


#: format -> the function that prints a diff run in it
DIFF_FORMATS = {"text": report_text, "json": report_json, "markdown": report_markdown,
                "github": report_github}
