"""A line breaks the grammar of the language.

Every line of a map is blank, a comment, front matter, a heading, a
declaration, a child, a reference, an attribute, a relation or an include
(see the language reference). Anything else is reported here, at the line and
column where it goes wrong, with a hint on what was expected. One run reports
every such line, not only the first; a line gets at most one `syntax` finding.

A `syntax` error stops the map from being built, so no other rule but
`bidi-control` runs until it is fixed. It can't be switched off.

    thesis t: Russia turned to Asia.
      premise p: It did so in 2012.      <- syntax: a child line needs a sign

Fix: write `  + premise p: It did so in 2012.`
"""

from ._base import recorded

ID = "syntax"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = False

check = recorded(ID)
