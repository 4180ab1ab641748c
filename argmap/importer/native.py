"""argmap's own JSON export (``argmap export -f json``) back to map text."""

from __future__ import annotations

from ..fmt import format_text
from ._shape import SCALAR, NotImportable, check_fields, check_list, list_of, type_name
from .writer import Writer

_NODE_FIELDS = {"id": SCALAR, "kind": str, "text": str, "section": str, "note": str,
                "url": str, "expect": str, "weight": (int, float, str), "stance": str}
_EDGE_FIELDS = {"source": SCALAR, "target": SCALAR, "relation": str,
                "group": SCALAR, "file": str, "line": int, "scheme": str}


def is_native(doc) -> bool:
    return isinstance(doc, dict) and doc.get("version") == 1 and isinstance(
        doc.get("nodes"), list) and "meta" in doc


def from_json(doc: dict) -> tuple[str, list[str]]:
    """argmap's JSON export to map text, and the warnings."""
    if not (isinstance(doc, dict) and doc.get("version") == 1
            and isinstance(doc.get("nodes"), list)):
        raise NotImportable("not an argmap JSON export (version 1, with nodes and edges)")
    _check_shape(doc)
    w = Writer()
    text = w.write(doc.get("meta") or {}, doc["nodes"], doc.get("edges") or [])
    return format_text(text), w.warnings


def _check_shape(doc) -> None:
    meta = doc.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise NotImportable(f"`meta` must be an object, not {type_name(meta)}")
    for i, n in enumerate(list_of(doc.get("nodes"), "`nodes`")):
        what = f"node {i + 1}"
        check_fields(n, _NODE_FIELDS, what)
        if "text" in n and n["text"] is None:
            raise NotImportable(f"{what}: `text` must be a string, not null")
        for key in ("cite", "tags", "cq"):
            check_list(n.get(key), (str,), f"{what}: `{key}`", "strings")
    for i, e in enumerate(list_of(doc.get("edges") or [], "`edges`")):
        check_fields(e, _EDGE_FIELDS, f"edge {i + 1}")
        check_list(e.get("reasons"), SCALAR, f"edge {i + 1}: `reasons`", "node ids")
