"""Jupyter: maps display as their diagram, and an ``%%argmap`` cell magic.

``pip install 'argmap[jupyter]'``, then in a notebook::

    %load_ext argmap

    %%argmap --format both --direction LR
    thesis t: Cities should ban cars from their centres.
      + premise air: Exhaust pollutes the air.

A :class:`argmap.Map` (what ``argmap.load`` returns) displays as its diagram
wherever IPython shows a value, with or without the extension; a map with
errors displays its findings. The magic takes the block options of
:func:`argmap.embed.parse_options` as ``--KEY VALUE`` (``--eval`` alone).
"""

from __future__ import annotations

import html
import shlex

from .embed import BlockError, describe, render_block, findings_html


def mimebundle(m) -> dict:
    """How a map displays: its diagram as SVG, or its findings."""
    # deferred: a notebook that never shows a map never loads the renderers
    from .checker import check
    from .render import render

    plain = f"<argmap.Map of {len(m.nodes or {})} nodes>"
    errors = [f for f in (check(m) if m.ok else m.findings) if f.severity == "error"]
    if errors:
        return {"text/html": findings_html(errors, m.texts), "text/plain": plain}
    return {"image/svg+xml": render(m, "svg"), "text/plain": plain}


def options_of(line: str) -> dict:
    """``--format both --eval`` -> {"format": "both", "eval": True}."""
    words = shlex.split(line)
    out = {}
    i = 0
    while i < len(words):
        word = words[i]
        if not word.startswith("--"):
            raise BlockError(f"expected an option like --format, not {word!r}")
        key, eq, value = word[2:].partition("=")
        if not eq:
            if i + 1 < len(words) and not words[i + 1].startswith("--"):
                value = words[i + 1]
                i += 1
            else:
                value = True
        out[key] = value
        i += 1
    return out


def argmap_magic(line: str, cell: str):
    """``%%argmap [--OPTION VALUE ...]``: the cell's map, drawn."""
    # deferred: IPython is there only where the magic runs
    from IPython.display import HTML

    try:
        embedded = render_block(cell, options_of(line), file="cell")
    except BlockError as exc:
        return HTML(f'<div class="argmap-findings"><p>argmap: {html.escape(str(exc))}</p></div>')
    for f in embedded.errors:
        print(describe(f))
    return HTML(embedded.html)


def load_ipython_extension(ip) -> None:
    ip.register_magic_function(argmap_magic, magic_kind="cell", magic_name="argmap")
