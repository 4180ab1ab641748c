"""Pandoc and Quarto: ```` ```argmap ```` blocks become their diagram.

``pandoc essay.md --filter argmap-pandoc -o essay.html`` (Quarto: ``filters:
[argmap-pandoc]`` in the document's front matter). The filter reads Pandoc's
JSON from standard input and writes it back with each code block of class
``argmap`` replaced: inline SVG for HTML output; for other formats an image
file in ``argmap-figures/`` beside the output (PDF for LaTeX and Beamer, PNG
for the rest, such as DOCX), with the block's ``caption`` attribute as its
caption. A block takes the options of :func:`argmap.embed.parse_options` as
attributes: ```` ```{.argmap format=both direction=LR} ````. A block with
errors shows its findings and warns on standard error; the document is still
written.

Another project's Pandoc filter uses ``argmap`` blocks holding YAML: such a
block is left as it is, with one warning that says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys

from .embed import BlockError, describe, parse_options, render_block
from .render import render
from .render.options import DotOptions, RenderOptions
from .api import loads

HTML_FORMATS = ("html", "html4", "html5", "revealjs", "slidy", "slideous", "dzslides", "s5",
                "epub", "epub2", "epub3", "chunkedhtml")
FIGURES = "argmap-figures"
_YAML_LINE = re.compile(r"[A-Za-z_][\w-]*:(\s|$)|-\s")
_ARGMAP_LINE = re.compile(r"(\s*([+&~-]\s|@|//|#|include\s))|"
                          r"(thesis|claim|premise|evidence|counter|rebuttal|source)\b")


def looks_like_yaml(text: str) -> bool:
    """Whether a block holds YAML (another filter's argument maps), not argmap text."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    if not lines or any(_ARGMAP_LINE.match(ln) for ln in lines[:1]):
        return False
    return sum(bool(_YAML_LINE.match(ln.strip())) for ln in lines) >= len(lines) * 0.8


def _warn(message: str) -> None:
    sys.stderr.write(f"argmap-pandoc: warning: {message}\n")


def _image(text: str, options: dict, fmt: str, caption: str) -> dict:
    """A paragraph holding the block's diagram as an image file."""
    o = parse_options(options)
    m = loads(text, file="argmap block")
    kind = "pdf" if fmt in ("latex", "beamer") else "png"
    name = hashlib.sha1((text + repr(sorted(o.items()))).encode()).hexdigest()[:12]
    path = os.path.join(FIGURES, f"{name}.{kind}")
    os.makedirs(FIGURES, exist_ok=True)
    data = render(m, kind, RenderOptions(dot=DotOptions(direction=o["direction"],
                                                         section=o["section"],
                                                         focus=o["focus"], depth=o["depth"])))
    with open(path, "wb") as fh:
        fh.write(data)
    inline = [{"t": "Str", "c": caption}] if caption else []
    return {"t": "Para", "c": [{"t": "Image", "c": [["", [], []], inline, [path, ""]]}]}


def block(value: dict, fmt: str) -> dict | None:
    """What one code block becomes, or None to leave it as it is."""
    (ident, classes, pairs), text = value["c"]
    if "argmap" not in classes:
        return None
    if looks_like_yaml(text):
        _warn("a block of class argmap holds YAML, not argmap text (another project's "
              "Pandoc filter reads such blocks): left as it is")
        return None
    options = {k: v for k, v in pairs if k != "caption"}
    caption = dict(pairs).get("caption", "")
    try:
        embedded = render_block(text, options, file="argmap block")
        for f in embedded.errors:
            _warn(describe(f))
        if fmt in HTML_FORMATS or embedded.errors:
            if fmt in HTML_FORMATS:
                return {"t": "RawBlock", "c": ["html", embedded.html]}
            body = "\n".join(describe(f) for f in embedded.errors)
            return {"t": "CodeBlock", "c": [[ident, ["argmap-findings"], []], body]}
        return _image(text, options, fmt, caption)
    except BlockError as exc:
        _warn(str(exc))
        return {"t": "CodeBlock", "c": [[ident, ["argmap-findings"], []], f"argmap: {exc}"]}


def walk(node, fmt: str):
    """Every code block of the document, replaced where it is an argmap block."""
    if isinstance(node, list):
        return [walk(item, fmt) for item in node]
    if isinstance(node, dict):
        if node.get("t") == "CodeBlock":
            return block(node, fmt) or node
        return {k: walk(v, fmt) for k, v in node.items()}
    return node


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    fmt = argv[0] if argv else "html"
    doc = json.load(sys.stdin)
    doc["blocks"] = walk(doc["blocks"], fmt)
    json.dump(doc, sys.stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
