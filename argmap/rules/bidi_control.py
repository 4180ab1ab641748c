"""A bidirectional control character hides in the text.

The characters U+202A to U+202E and U+2066 to U+2069 reorder how text is
displayed: a line can show one thing and hold another ("Trojan Source"). They
are reported once per line, at the first such character, even when the file
has syntax errors. Delete them; right-to-left text itself (Arabic, Hebrew)
needs no control characters.
"""

from ._base import recorded

ID = "bidi-control"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = False

check = recorded(ID)
