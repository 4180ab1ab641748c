"""A node's evaluated status differs from the `expect:` written for it.

`expect: accepted|rejected|undecided` states what the author expects
evaluation (`argmap eval`, section 6 of the language) to give for a node. When
the computed status differs, this is reported at the `expect:` line, so that a
contributed map states in the file what must come out and CI holds it to that.

    thesis t: The pivot failed.
      expect: accepted          <- unexpected-status: t is rejected
      + premise p: Trade stayed Sinocentric.
      - counter c: Russia joined the East Asia Summit.
        + premise e: It joined in 2011.

Fix: answer the objection (here: rebut `c`), or correct the expectation. Run
`argmap eval MAP --node ID` to see why the node came out as it did.
"""

from ..evaluate import evaluate
from ..model import Finding

ID = "unexpected-status"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    expected = [(n, d) for n, d in argmap.nodes.items() if d["expect"]]
    if not expected:
        return []
    ev = evaluate(argmap)
    findings = []
    for n, d in expected:
        got = ev.status[n]
        if got != d["expect"]:
            why = "; ".join(ev.reasons(n))
            findings.append(Finding(
                ID, SEVERITY, d["file"], *d["expect_at"],
                f"`{n}` is {got}, not {d['expect']} as expected",
                (why + "; " if why else "") + f"`argmap eval MAP --node {n}` explains it",
            ))
    return findings
