"""A child line whose head looks like a mistyped kind.

`+ objection o: Not so.` and `+ evidense e: A fact.` are no declarations of a
counter and an evidence: `objection` and `evidense` are no kinds, so the whole
rest of the line became the text of an anonymous node of the default kind (a
premise under `+`). The rule looks for a child whose text starts with a word
and an id before a colon, where the word is close to a kind or is a word the
outline itself uses for one (objection, response, reason, answer, fact…),
written in lower case as kinds are (a capital starts a sentence: `+ Fact
check: done.` is text).

    thesis t: Cities should ban cars.
      + objection o: Delivery jobs would be lost.    <- mistyped-kind: `counter`?

Fix: write the kind (`- counter o: …`: an objection attacks), or, if the words
are meant as text, rephrase so that no colon follows the second word.
"""

import re

from ..language import KINDS
from ..util import nearest
from ._base import at_node

ID = "mistyped-kind"
SEVERITY = "warning"
DEFAULT = True
NEEDS_GRAPH = True

#: words people write for a kind: the outline's own labels and their like
SYNONYMS = {"objection": "counter", "counterclaim": "counter", "counterargument": "counter",
            "response": "rebuttal", "answer": "rebuttal", "reply": "rebuttal",
            "reason": "premise", "ground": "premise", "fact": "evidence", "data": "evidence",
            "conclusion": "claim", "subclaim": "claim", "position": "thesis"}
#: a lowercase word (as kinds are written; a capital starts a sentence), an id, a colon
_HEAD = re.compile(r"([a-z]+)\s+([a-z][a-z0-9_-]*)\s*:\s")


def check(argmap):
    out = []
    for n, d in argmap.nodes.items():
        if not n.startswith("_") or d["kind"] == "source":
            continue
        m = _HEAD.match(d["text"])
        if m is None:
            continue
        word = m.group(1)
        kind = SYNONYMS.get(word) or nearest(word, KINDS, cutoff=0.75)
        if kind is None or word in KINDS:
            continue
        sign = "-" if kind in ("counter", "rebuttal") else "+"
        rest = d["text"][m.end():]
        out.append(at_node(ID, SEVERITY, d,
                           f"`{m.group(1)}` is no kind: the whole line became the text of an "
                           f"anonymous {d['kind']}",
                           f"did you mean `{sign} {kind} {m.group(2)}: {rest[:30]}`?"))
    return out
