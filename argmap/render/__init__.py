"""Renderers: a built map as a diagram (DOT, SVG, PNG, PDF) or an outline (Markdown,
HTML, Word).

Each entry of :data:`RENDERERS` names a format, whether it is text, and the
function that renders it; nothing here judges the map.
"""

from __future__ import annotations

import os

from .dot import literal_tooltips, to_dot
from .html import to_html
from .layout import layout
from .markdown import to_markdown
from .options import DotOptions, RenderOptions

__all__ = ["DotOptions", "RENDERERS", "RenderOptions", "SUFFIXES", "format_for", "render"]


def _dot(argmap, o):
    return to_dot(argmap, o.dot)


def _diagram(fmt):
    def render(argmap, o):
        out = layout(to_dot(argmap, o.dot), fmt, o.engine, o.timeout, o.memory)
        if fmt == "svg":
            out = literal_tooltips(out.decode("utf-8"), argmap, o.dot)
        return out

    return render


def _markdown(argmap, o):
    return to_markdown(argmap, o.dot.evaluation, o.catalogue, o.brief)


def _html(argmap, o):
    return to_html(argmap, o)


def _docx(argmap, o):
    from .docx import to_docx  # python-docx is an extra: only Word documents load it

    return to_docx(argmap, o)


#: format -> (is text, render function)
RENDERERS = {
    "dot": (True, _dot),
    "svg": (True, _diagram("svg")),
    "png": (False, _diagram("png")),
    "pdf": (False, _diagram("pdf")),
    "md": (True, _markdown),
    "html": (True, _html),
    "docx": (False, _docx),
}
SUFFIXES = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf",
            ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def format_for(fmt: str | None, output: str | None) -> str:
    """The format asked for: ``fmt``, or the one ``output``'s suffix names.

    Raises :class:`ValueError` saying why when there is neither.
    """
    if fmt is not None:
        return fmt
    if output is None:
        raise ValueError("give a format with -f, or an output file with -o")
    suffix = os.path.splitext(output)[1].lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"can't tell the format from {output!r}: use -f, or one of "
                         + ", ".join(sorted(SUFFIXES)))
    return SUFFIXES[suffix]


def render(argmap, fmt: str, options: RenderOptions | None = None):
    """The map in ``fmt``: ``str`` for text formats, ``bytes`` for PNG and PDF."""
    is_text, fn = RENDERERS[fmt]
    out = fn(argmap, options or RenderOptions())
    if is_text and isinstance(out, bytes):
        out = out.decode("utf-8")
    return out
