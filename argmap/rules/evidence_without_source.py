"""Evidence without a `cite`.

A fact, figure or quotation is only as good as where it comes from: every
`evidence` node needs at least one `cite:` line, either `cite: @ID` naming a
`source` node (with an optional locator, `cite: @lo2008, p. 113`) or a
free-text citation (`cite: Kaczmarski 2020, p. 112`).

    thesis t: China outspends Russia on defence.
      + evidence e: China spent US$ 228 billion in 2017.   <- evidence-without-source

Fix: add `cite: ...` under it.
"""

from ._base import at_node, label

ID = "evidence-without-source"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    return [
        at_node(ID, SEVERITY, d, f"evidence {label(n, d)} cites no source", _hint(argmap, d))
        for n, d in argmap.nodes.items()
        if d["kind"] == "evidence" and not d["cite"]
    ]


def _hint(argmap, d) -> str:
    """Where a `cite:` right below the evidence is indented as another node's."""
    lines = argmap.texts.get(d["file"], "").split("\n")
    below = lines[d["line"]] if d["line"] < len(lines) else ""
    indent = len(below) - len(below.lstrip(" "))
    if below.lstrip().startswith("cite:") and indent < d["column"] + 1:
        return (f"the `cite:` on line {d['line'] + 1} is indented as an attribute of the node "
                f"above this one: indent it by {d['column'] + 1 - indent} more spaces to "
                "put it under this evidence")
    return "add a `cite:` line under it: `cite: @SOURCE-ID, p. N` or free text"
