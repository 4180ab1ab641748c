"""Text helpers shared by the renderers: wrapping and escaping."""

from __future__ import annotations

import re
import textwrap

WRAP = 40
# Control characters never reach an output: Graphviz, XML and terminals choke on them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(s: str) -> str:
    """``s`` with tabs and newlines as spaces and other control characters as U+FFFD."""
    s = s.replace("\t", " ").replace("\n", " ")
    return _CONTROL.sub("\ufffd", s)


def wrap(s: str, width: int = WRAP) -> list[str]:
    """Lines of about ``width`` characters; words longer than that are split."""
    return textwrap.wrap(clean(s), width, break_long_words=True, break_on_hyphens=False) or [""]


def dot_quoted(s: str) -> str:
    """A DOT double-quoted string that Graphviz reads back as exactly ``s``.

    Backslashes are doubled, so escapes written in a map (``\\n``, ``\\l``,
    ``\\N``, ``\\G``) stay literal text; quotes and line ends are escaped.
    """
    s = clean(s).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def html_text(s: str) -> str:
    """``s`` escaped for an HTML-like Graphviz label.

    Graphviz expands ``\\N``, ``\\G`` and the like even inside HTML-like labels
    (also when written as ``&#92;N``), so backslashes are doubled as well.
    """
    return (clean(s).replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))
