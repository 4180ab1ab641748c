"""Text helpers shared by the renderers: wrapping and escaping."""

from __future__ import annotations

import re
import textwrap

WRAP = 40
# Control characters never reach an output: Graphviz, XML and terminals choke on them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(s: str) -> str:
    """``s`` with tabs and newlines as spaces and other control characters as U+FFFD."""
    if s.isprintable():  # no control character at all (checked in C)
        return s
    s = s.replace("\t", " ").replace("\n", " ")
    return _CONTROL.sub("\ufffd", s)


def wrap(s: str, width: int = WRAP) -> list[str]:
    """Lines of about ``width`` characters; words longer than that are split.

    What ``textwrap.wrap`` gives. Text of words one space apart (most text) is
    cut here directly at the last space that fits, several times faster.
    """
    s = clean(s)
    if len(s) <= width and s.strip(" ") == s:
        return [s] if s else [""]
    whole = s
    if "  " not in s and s[0] != " " and s[-1] != " ":
        lines = []
        while len(s) > width:
            cut = s.rfind(" ", 0, width + 1)
            if cut < 0:
                break  # a word longer than a line: textwrap splits it
            lines.append(s[:cut])
            s = s[cut + 1:]
        else:
            lines.append(s)
            return lines
    return textwrap.wrap(whole, width, break_long_words=True, break_on_hyphens=False) or [""]


#: Graphviz reads a quoted string of at most 16 384 characters; longer text is
#: written as quoted pieces joined by DOT's `+`, each under that once escaped
DOT_PIECE = 4096


def dot_quoted(s: str) -> str:
    """A DOT double-quoted string that Graphviz reads back as exactly ``s``.

    Backslashes are doubled, so escapes written in a map (``\\n``, ``\\l``,
    ``\\N``, ``\\G``) stay literal text; quotes and line ends are escaped. A
    long text is written as ``"…" + "…"``, which Graphviz joins.
    """
    s = clean(s)
    if len(s) <= DOT_PIECE:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return " + ".join(dot_quoted(s[i:i + DOT_PIECE]) for i in range(0, len(s), DOT_PIECE))


def html_text(s: str) -> str:
    """``s`` escaped for an HTML-like Graphviz label.

    Graphviz expands ``\\N``, ``\\G`` and the like even inside HTML-like labels
    (also when written as ``&#92;N``), so backslashes are doubled as well.
    """
    return _html_escape(clean(s))


def html_lines(lines: list[str]) -> str:
    """Lines that :func:`wrap` made, escaped as :func:`html_text` does, joined by ``<BR/>``."""
    return _html_escape("\n".join(lines)).replace("\n", "<BR/>")


def _html_escape(s: str) -> str:
    return (s.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def xml_attribute(s: str) -> str:
    """``s`` cleaned and escaped for a double-quoted XML attribute value."""
    return (clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
