"""Which importer reads a file, and the call that reads it."""

from __future__ import annotations

from pathlib import PurePath

from . import FORMATS
from ._shape import NotImportable, read_json, type_name
from .aif import from_aif, is_aif, is_xaif
from .argdown import from_argdown
from .kialo import from_kialo, is_kialo
from .native import from_json, is_native
from .sadface import from_sadface, is_sadface

_EXPECTED = ("argmap JSON, AIF or xAIF JSON, SADFace JSON, Argdown (a .argdown file) "
             "or a Kialo text export (`Discussion Title: …`)")
_JSON_IMPORTERS = {"json": from_json, "aif": from_aif, "sadface": from_sadface}
_TEXT_IMPORTERS = {"argdown": from_argdown, "kialo": from_kialo}


def detect(doc) -> str:
    """Which importer reads the JSON document ``doc``."""
    if is_native(doc):
        return "json"
    if is_xaif(doc) or is_aif(doc):
        return "aif"
    if is_sadface(doc):
        return "sadface"
    raise NotImportable(f"not a format argmap imports (expected {_EXPECTED})")


def detect_bytes(data: bytes, name: str | None = None) -> str:
    """Which importer reads a file: by its name for Argdown, by its first line
    for Kialo, by its shape for JSON."""
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix in (".argdown", ".ad"):
        return "argdown"
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    if is_kialo(head):
        return "kialo"
    if suffix == ".json" or head.lstrip()[:1] in ("{", "["):
        return "json-document"
    raise NotImportable(f"not a format argmap imports (expected {_EXPECTED}; an Argdown "
                        "file whose name does not end in .argdown needs `-f argdown`)")


def import_bytes(data: bytes, source_format: str = "auto",
                 name: str | None = None) -> tuple[str, list[str]]:
    """Map text and warnings from a file's bytes; ``name`` (the file's name)
    helps to tell the formats apart when ``source_format`` is ``auto``.

    Raises :class:`NotImportable`, and nothing else, for input it can't import.
    """
    if source_format != "auto" and source_format not in FORMATS:
        raise NotImportable(f"no importer for {source_format!r} (there are: "
                            + ", ".join(FORMATS) + ")")
    kind = detect_bytes(data, name) if source_format == "auto" else source_format
    if kind in _TEXT_IMPORTERS:
        return _TEXT_IMPORTERS[kind](data)
    doc = read_json(data)
    if kind == "json-document":
        kind = detect(doc)
    if not isinstance(doc, dict):
        raise NotImportable(f"the document must be a JSON object, not {type_name(doc)}")
    return _JSON_IMPORTERS[kind](doc)
