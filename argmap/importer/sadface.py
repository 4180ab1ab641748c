"""SADFace JSON (Simple Argument Description Format, Wells): atoms, and scheme
(or inference) and conflict nodes between them, read as AIF: an atom is an
I-node, a support scheme an RA-node (its name a scheme where the catalogue
holds it), a conflict a CA-node, a rephrase an MA-node."""

from __future__ import annotations

from ._shape import NotImportable, check_fields, list_of
from .aif import import_graph
from .writer import Writer

TERMS = {"I": "atom", "RA": "scheme node", "CA": "conflict node", "MA": "rephrase node",
         "prefix": "a", "id": "SADFace id"}
_CONFLICT = {"conflict", "attack", "disagreement", "disagree", "rebut", "undercut"}
_REPHRASE = {"rephrase", "restatement"}


def is_sadface(doc) -> bool:
    """SADFace: ``metadata.core`` beside nodes, or atoms and edges with
    ``source_id`` (an empty document has the metadata)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        return False
    meta = doc.get("metadata")
    if isinstance(meta, dict) and isinstance(meta.get("core"), dict):
        return True
    return any(isinstance(n, dict) and n.get("type") == "atom" for n in doc["nodes"]) and all(
        isinstance(e, dict) and "source_id" in e for e in doc.get("edges") or [])


def from_sadface(doc) -> tuple[str, list[str]]:
    if not is_sadface(doc):
        raise NotImportable("not SADFace JSON (nodes of type atom, scheme and conflict, "
                            "edges with `source_id` and `target_id`, `metadata.core`)")
    nodes = []
    for i, n in enumerate(list_of(doc["nodes"], "`nodes`")):
        check_fields(n, {"id": (str, int), "type": str, "text": str, "name": str},
                     f"node {i + 1}")
        nodes.append(_as_aif(n))
    edges = []
    for i, e in enumerate(list_of(doc.get("edges") or [], "`edges`")):
        check_fields(e, {"source_id": (str, int), "target_id": (str, int)}, f"edge {i + 1}")
        edges.append({"fromID": str(e.get("source_id")), "toID": str(e.get("target_id"))})
    w = Writer()
    _left_out(doc, w)
    return import_graph({"nodes": nodes, "edges": edges}, TERMS, _meta(doc), w)


def _left_out(doc: dict, w: Writer) -> None:
    """One warning for what SADFace holds beside the argument: atoms' source
    quotes, nodes' metadata, the document's resources."""
    nodes = [n for n in doc["nodes"] if isinstance(n, dict)]
    counts = [(sum(len(n["sources"]) for n in nodes if isinstance(n.get("sources"), list)),
               "source quote(s) of atoms"),
              (sum(1 for n in nodes if n.get("metadata")), "node(s) with metadata"),
              (len(doc["resources"]) if isinstance(doc.get("resources"), list) else 0,
               "resource(s)")]
    parts = [f"{n} {what}" for n, what in counts if n]
    if parts:
        w.warn("SADFace holds more than a map can: " + ", ".join(parts) + " left out")


def _as_aif(n: dict) -> dict:
    kind = n.get("type")
    name = str(n.get("name") or "").strip()
    if kind == "atom":
        return {"nodeID": str(n.get("id")), "type": "I", "text": n.get("text") or ""}
    if kind == "conflict" or name.lower() in _CONFLICT:
        return {"nodeID": str(n.get("id")), "type": "CA", "text": name}
    if name.lower() in _REPHRASE:
        return {"nodeID": str(n.get("id")), "type": "MA", "text": name}
    if kind in ("scheme", "inference"):
        return {"nodeID": str(n.get("id")), "type": "RA", "text": name}
    return {"nodeID": str(n.get("id")), "type": str(kind or "")}


def _meta(doc: dict) -> dict:
    """The document's title, description and analyst as front matter (from
    `metadata.core`, or from the top level in SADFace's 2017 layout)."""
    core = (doc.get("metadata") or {}).get("core") if isinstance(doc.get("metadata"), dict) \
        else None
    core = core if isinstance(core, dict) else doc
    meta = {key: core[key] for key in ("title", "description") if isinstance(core.get(key), str)
            and core[key].strip()}
    if isinstance(core.get("analyst_name"), str) and core["analyst_name"].strip():
        meta["author"] = core["analyst_name"]
    return meta
