"""Renderers: a built map as a diagram (DOT, SVG, PNG, PDF) or an outline (Markdown, HTML).

Each entry of :data:`RENDERERS` names a format, whether it is text, and the
function that renders it; nothing here judges the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dot import DotOptions


@dataclass
class RenderOptions:
    dot: DotOptions = field(default_factory=DotOptions)
    engine: str = "auto"
    timeout: float = 60.0
    memory: int = 2048  # MB the layout process may take


def _dot(argmap, o):
    from .dot import to_dot

    return to_dot(argmap, o.dot)


def _diagram(fmt):
    def render(argmap, o):
        from .dot import to_dot
        from .layout import layout

        return layout(to_dot(argmap, o.dot), fmt, o.engine, o.timeout, o.memory)

    return render


def _markdown(argmap, o):
    from .markdown import to_markdown

    return to_markdown(argmap, o.dot.evaluation)


def _html(argmap, o):
    from .html import to_html

    return to_html(argmap, o)


#: format -> (is text, render function)
RENDERERS = {
    "dot": (True, _dot),
    "svg": (True, _diagram("svg")),
    "png": (False, _diagram("png")),
    "pdf": (False, _diagram("pdf")),
    "md": (True, _markdown),
    "html": (True, _html),
}
SUFFIXES = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf",
            ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def render(argmap, fmt: str, options: RenderOptions | None = None):
    """The map in ``fmt``: ``str`` for text formats, ``bytes`` for PNG and PDF."""
    is_text, fn = RENDERERS[fmt]
    out = fn(argmap, options or RenderOptions())
    if is_text and isinstance(out, bytes):
        out = out.decode("utf-8")
    return out
