"""The file is not UTF-8 text, or holds a NUL byte.

A map is UTF-8 text (a leading byte-order mark is allowed and ignored). Bytes
that are not valid UTF-8, and NUL bytes, are reported at the first bad line,
with the byte offset in the file; such a file yields no graph. Files saved as
Latin-1 or Windows-1252 are the usual cause: save the file as UTF-8.

It can't be switched off.
"""

from ._base import recorded

ID = "encoding"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = False

check = recorded(ID)
