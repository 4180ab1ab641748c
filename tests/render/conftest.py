import pytest

HOSTILE = [
    'He said "no" and left \\ twice.',
    r"Literal escapes \n \l \r \N \G \E \T \H \L stay text.",
    "<script>alert(1)</script> and <b onmouseover=alert(2)>bold</b>",
    "a:b:c ]]> <![CDATA[x]]> --> <!-- comment",
    '<<TABLE><TR><TD>cell</TD></TR></TABLE>>',
    "[a link](javascript:alert(1)) *em* _u_ `code` # h <http://evil.example> &amp; &lt;",
    "Emoji 😀🇺🇦 and right-to-left: روسيا والصين, רוסיה",
    "digraph { a -> b } node [shape=box] edge; graph; strict",
    "$x$ ^[fn] | table | ~~strike~~ www.example.com user@example.com",
]
IDS = ["node", "edge", "graph", "strict", "digraph", "subgraph", "n0", "label", "url"]


def hostile_map() -> str:
    lines = ["---", 'title: "Hostile" <title> & \\N', "author: <b>me</b>", "---",
             "source src: A book <i>with</i> \"quotes\" & \\back.",
             "  url: javascript:alert(1)",
             f"thesis {IDS[0]}: {HOSTILE[0]}",
             "  url: https://example.org/a?b=1&c=<2>"]
    for i, text in enumerate(HOSTILE[1:], 1):
        sign = "+" if i % 2 else "-"
        kind = "evidence" if i % 2 else "counter"
        lines.append(f"  {sign} {kind} {IDS[i]}: {text}")
        lines.append("    cite: @src, p. <3>" if kind == "evidence" else "    + premise: Because.")
        if kind == "counter":
            lines.append(f"    - rebuttal: No: {text}")
            lines.append("      + premise: Indeed.")
            lines.append("    url: javascript:alert(3)")
    return "\n".join(lines) + "\n"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.argmap"
    path.write_text(hostile_map(), encoding="utf-8")
    return path
