"""Make map text safe and measurable on a terminal."""

import re
import unicodedata

# C0 and C1 controls, DEL, and the bidirectional controls: never sent to a terminal as is
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _visible(m: re.Match) -> str:
    return f"<U+{ord(m.group()):04X}>"


def safe(s: str) -> str:
    """``s`` with control characters shown as ``<U+001B>`` and tabs as one space."""
    s = s.replace("\t", " ")
    return _UNSAFE.sub(_visible, s) if _UNSAFE.search(s) else s


def width(s: str) -> int:
    """Terminal cells ``s`` takes (wide East Asian characters take two, combining none)."""
    if s.isascii():
        return len(s)
    cells = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        cells += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return cells
