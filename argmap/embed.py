"""Maps inside documents: one entry point for every host (MkDocs, Sphinx,
Jupyter, Pandoc).

:func:`render_block` takes the text of a fenced ``argmap`` block and its
options and returns what goes in the page: the diagram as inline SVG (Graphviz
runs in a child process, with the same time and memory limits as ``argmap
render``), the outline as HTML, or both; every text escaped. A block with
errors renders its findings, as ``argmap check`` prints them, in place of the
diagram, and returns them so that the host can warn (and a strict build fail).
It never raises for a bad map; :class:`BlockError` is for bad options only.
"""

from __future__ import annotations

import hashlib
import re
import html
import os
from dataclasses import dataclass, field

from .api import loads
from .checker import check
from .evaluate import evaluate
from .model import Finding
from .render import render
from .render.html import outline_fragment
from .render.options import DotOptions, RenderOptions
from .reporters import Results
from .reporters.text import render as text_report

#: the options a block takes, and what each may be
FORMATS = ("diagram", "outline", "both")
DIRECTIONS = ("TB", "BT", "LR", "RL")
OPTIONS = ("format", "section", "focus", "depth", "direction", "eval", "overview")


class BlockError(ValueError):
    """An option of a block that can't be used; the message says which and why."""


@dataclass
class Embedded:
    """What a block becomes: ``html`` for the page, the diagram's ``svg`` (None
    when there is none) and the ``errors`` a host should warn about."""

    html: str
    svg: str | None = None
    errors: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_options(options: dict | None) -> dict:
    """Check a block's options (strings, as a fence's attributes give them) and
    return them typed, with their defaults."""
    given = {str(k).strip(): v for k, v in (options or {}).items()}
    unknown = sorted(set(given) - set(OPTIONS))
    if unknown:
        raise BlockError(f"unknown option {unknown[0]!r} (the options are: "
                         + ", ".join(OPTIONS) + ")")
    out = {"format": "diagram", "section": None, "focus": None, "depth": 2,
           "direction": "TB", "eval": False, "overview": False}
    fmt = str(given.get("format", "diagram")).strip()
    if fmt not in FORMATS:
        raise BlockError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out["format"] = fmt
    direction = str(given.get("direction", "TB")).strip().upper()
    if direction not in DIRECTIONS:
        raise BlockError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    out["direction"] = direction
    if "depth" in given:
        try:
            out["depth"] = int(str(given["depth"]).strip())
        except ValueError:
            raise BlockError(f"depth must be a whole number, not {given['depth']!r}") from None
        if not 0 <= out["depth"] <= 50:
            raise BlockError("depth must be from 0 to 50")
    for key in ("section", "focus"):
        if given.get(key) not in (None, ""):
            out[key] = str(given[key]).strip()
    for key in ("eval", "overview"):
        value = given.get(key, False)
        out[key] = value if isinstance(value, bool) else \
            str(value).strip().lower() in ("", "1", "true", "yes", "on")
    return out


def findings_html(findings: list[Finding], texts: dict) -> str:
    """The findings as `argmap check` prints them (code frames and hints), escaped."""
    lines = text_report(Results(findings, list(texts), texts, quiet=True))
    body = "\n".join("".join(t for t, _ in segs) for segs in lines).strip("\n")
    return ('<div class="argmap-findings" role="alert"><p><strong>This argument map has '
            f'errors:</strong></p><pre>{html.escape(body)}</pre></div>')


def render_block(text: str, options: dict | None = None, *, file: str = "argmap block",
                 root: str | os.PathLike | None = None) -> Embedded:
    """What the block ``text`` becomes in a page. ``file`` names it in findings
    (the document's path and the block's line, say); ``root`` is the folder its
    `include` lines are read from (the document's), or None: no includes."""
    o = parse_options(options)
    m = loads(text, file=file, root=root)
    findings = check(m) if m.ok else list(m.findings)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        return Embedded(findings_html(errors, m.texts), None, errors)
    for key, known in (("section", m.arggraph.sections()), ("focus", set(m.nodes))):
        if o[key] is not None and o[key] not in known:
            raise BlockError(f"no {key} {o[key]!r} in this map")
    # a diagram's SVG ids start with a prefix of its own: several can share a page
    prefix = "a" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8] + "_"
    ro = RenderOptions(dot=DotOptions(direction=o["direction"], focus=o["focus"],
                                      depth=o["depth"], section=o["section"], id_prefix=prefix,
                                      evaluation=evaluate(m) if o["eval"] else None,
                                      overview=o["overview"]))
    parts, svg = [], None
    if o["format"] in ("diagram", "both"):
        svg = render(m, "svg", ro)
        parts.append(f'<figure class="argmap" style="overflow-x:auto;margin:0">'
                     f'{_fitting(svg)}</figure>')
    if o["format"] in ("outline", "both"):
        parts.append(outline_fragment(m, ro))
    return Embedded("\n".join(parts), svg, [])


#: a diagram is scaled down to its column, but never below this share of its
#: size: smaller, its text can't be read, so the figure scrolls sideways instead
MIN_SCALE = 0.75
_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)pt"')


def _fitting(svg: str) -> str:
    """The SVG element alone (no XML prologue), scaled down to the column it sits
    in, down to ``MIN_SCALE`` of its size (its figure scrolls beyond that)."""
    svg = svg[svg.find("<svg"):].strip()
    size = _WIDTH.search(svg)
    if size is None:
        return svg.replace("<svg", '<svg style="max-width:100%;height:auto"', 1)
    natural = float(size.group(1)) * 4 / 3  # pt to CSS px
    width = f"min({natural:.0f}px,max(100%,{natural * MIN_SCALE:.0f}px))"
    return svg.replace("<svg", f'<svg style="width:{width};max-width:none;height:auto"', 1)


def describe(f: Finding) -> str:
    """One finding on one line, for a host's warning."""
    return f"{f.file}:{f.line}:{f.column}: {f.severity}[{f.rule}]: {f.message}"
