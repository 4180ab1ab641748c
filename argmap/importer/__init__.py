"""`argmap import`: maps from what other tools write, as `.argmap` text.

One module per format reads it into nodes and edges shaped like argmap's JSON
export; :mod:`.writer` writes them as map text in canonical layout, and says in
a warning whatever the language can't hold (never dropped silently). Every
importer raises :class:`NotImportable`, and nothing else, for input it can't
read: one line saying what was expected.
"""

from __future__ import annotations

from pathlib import PurePath

from ._shape import NotImportable, read_json, text_of, type_name
from .aif import from_aif, is_aif, is_xaif
from .native import from_json, is_native
from .writer import MAX_NESTING, WARNINGS_OF_A_KIND

__all__ = ["FORMATS", "MAX_NESTING", "NotImportable", "WARNINGS_OF_A_KIND", "detect",
           "from_aif", "from_json", "import_bytes"]

#: what `argmap import -f` takes, and what each reads
FORMATS = {
    "json": "argmap's own JSON export",
    "aif": "AIF JSON (AIFdb) or xAIF (OVA3, AMF)",
}
_EXPECTED = "argmap JSON, AIF or xAIF JSON"


def detect(doc) -> str:
    """Which importer reads the JSON document ``doc``."""
    if is_native(doc):
        return "json"
    if is_aif(doc) or is_xaif(doc):
        return "aif"
    raise NotImportable(f"not a format argmap imports (expected {_EXPECTED})")


_JSON_IMPORTERS = {"json": from_json, "aif": from_aif}


def import_bytes(data: bytes, source_format: str = "auto",
                 name: str | None = None) -> tuple[str, list[str]]:
    """Map text and warnings from a file's bytes; ``name`` (the file's name)
    helps to tell the formats apart when ``source_format`` is ``auto``.

    Raises :class:`NotImportable`, and nothing else, for input it can't import.
    """
    doc = read_json(data)
    kind = detect(doc) if source_format == "auto" else source_format
    if not isinstance(doc, dict):
        raise NotImportable(f"the document must be a JSON object, not {type_name(doc)}")
    return _JSON_IMPORTERS[kind](doc)
