"""A critical question of an inference's scheme is left open.

A scheme comes with the questions that test an argument of its kind (is the
expert an expert in this field? is there a case where the analogy fails?).
Each question of the scheme of an inference should be addressed by one of its
reasons (a `&` premise that answers it) or by an undercutter (a `~` objection
that raises it), marked with `cq: NAME`. One finding for each open question,
at the `scheme:` line, with the question's text: the checklist of what the
argument has not yet dealt with.

    thesis t: The new vaccine is safe for children.
      + premise agency: The medicines agency says the vaccine is safe.
        scheme: expert-opinion         <- open-critical-question: `expertise`, …
      & premise trials: The agency's verdict rests on three published trials.
        cq: backup

Fix: answer the question with a joined premise (`& premise …` with `cq:
NAME`), raise it with an undercut (`~ counter …` with `cq: NAME`), or silence
the warning with `// argmap: ignore open-critical-question` above the
`scheme:` line when the map deliberately leaves it open.
"""

from ._base import finding

ID = "open-critical-question"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True
CATALOGUE = True


def check(argmap, catalogue):
    graph = argmap.arggraph
    if not graph.schemes_used():
        return []
    out = []
    for inf in graph.inferences():
        scheme = catalogue.get(inf.scheme) if inf.scheme else None
        if scheme is None:
            continue
        edges = graph.edges_of(inf)
        at = next((e["scheme_at"] for e in edges if "scheme_at" in e), None)
        if at is None:
            continue
        addressed = {name for e in edges for _, name, _, _ in e.get("cq", ())}
        file, line, column = at
        for q in scheme.questions:
            if q.name not in addressed:
                out.append(finding(
                    ID, SEVERITY, file, line, column,
                    f"critical question `{q.name}` of `{scheme.name}` is open: {q.text}",
                    f"answer it with a joined premise or raise it with an undercut, "
                    f"marked `cq: {q.name}`", column + len(scheme.name)))
    return out
