"""`argmap import`: maps from what other tools write, as `.argmap` text.

One module per format reads it into nodes and edges shaped like argmap's JSON
export; :mod:`.writer` writes them as map text in canonical layout, and says in
a warning whatever the language can't hold (never dropped silently). Every
importer raises :class:`NotImportable`, and nothing else, for input it can't
read: one line saying what was expected.
"""

from __future__ import annotations

import importlib

from ._shape import NotImportable

__all__ = ["FORMATS", "MAX_NESTING", "NotImportable", "WARNINGS_OF_A_KIND", "detect",
           "detect_bytes", "from_aif", "from_json", "import_bytes"]

#: what `argmap import -f` takes, and what each reads
FORMATS = {
    "json": "argmap's own JSON export",
    "aif": "AIF JSON (AIFdb) or xAIF (OVA3, AMF)",
    "sadface": "SADFace JSON",
    "argdown": "Argdown (.argdown)",
    "kialo": "a Kialo discussion exported as text",
}

#: name -> the module that holds it: loaded when first asked for, so that the
#: command line (which names FORMATS and NotImportable) does not pay at start-up
#: for parsers that only `argmap import` uses
_LAZY = {"import_bytes": "dispatch", "detect": "dispatch", "detect_bytes": "dispatch",
         "from_aif": "aif", "from_json": "native", "MAX_NESTING": "writer",
         "WARNINGS_OF_A_KIND": "writer"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
