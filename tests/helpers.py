"""Small helpers for tests that call the library directly."""

import json
import os
import textwrap
from pathlib import Path

from click.testing import CliRunner

import argmap
from argmap.cli import cli
from argmap.config import Config

TESTS = Path(__file__).parent
ROOT = TESTS.parent


class Run:
    """The outcome of one CLI run."""

    def __init__(self, result):
        self.result = result
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr

    def json(self):
        return json.loads(self.out)

    def pairs(self):
        """[rule, line] of each finding of a `--format json` check."""
        return [[f["rule"], f["line"]] for f in self.json()["findings"]]


def invoke(*args, cwd=None, input=None, env=None):
    """Run the argmap CLI in-process; ``cwd`` is the folder it runs in."""
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env,
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result)


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def load_text(text, tmp_path=None, name="map.argmap"):
    """Load a map from text, through a file when ``tmp_path`` is given."""
    text = dedent(text) if isinstance(text, str) else text
    if tmp_path is None:
        return argmap.loads(text, file=name)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return argmap.load(path)


def findings(text, rule=None, tmp_path=None, **config):
    """``(rule, line)`` of each finding, optionally only those of ``rule``."""
    if rule is not None and "select" not in config:
        config.setdefault("extend_select", frozenset({rule}))
    m = load_text(text, tmp_path)
    found = argmap.check(m, Config(**config))
    return [(f.rule, f.line) for f in found if rule is None or f.rule == rule]


# Text that tries every trick on every output format (see tests/render/).
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
