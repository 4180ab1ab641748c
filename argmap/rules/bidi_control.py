"""A bidirectional control character hides in the text.

The characters U+202A to U+202E and U+2066 to U+2069 reorder how text is
displayed: a line can show one thing and hold another ("Trojan Source"). They
are reported once per line, at the first such character, even when the file
has syntax errors. Delete them; right-to-left text itself (Arabic, Hebrew)
needs no control characters.
"""

from ..parser import BIDI_RE
from ._base import finding

ID = "bidi-control"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = False


def check(argmap):
    unreadable = {f.file for f in argmap.findings if f.rule == "encoding"}
    out = []
    for file, text in argmap.texts.items():
        # one look at the whole text; ASCII text (checked in C, fast) has none
        if file in unreadable or text.isascii() or BIDI_RE.search(text) is None:
            continue
        for index, raw in enumerate(text.split("\n")):
            m = BIDI_RE.search(raw)
            if m:
                out.append(finding(
                    ID, SEVERITY, file, index + 1, m.start() + 1,
                    f"a bidirectional control character (U+{ord(m.group()):04X})",
                    "it can make the line display differently from what it holds; delete it"))
    return out
