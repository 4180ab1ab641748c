"""AIF JSON, as AIFdb writes it (`{"nodes", "edges", "locutions", …}`), and xAIF,
as OVA3 and the AMF pipeline write it (`{"AIF": {…}, "OVA": {…}, "text": …}`).

I-nodes become statements; an RA-node is a support step (its premises a linked
group when there are several), a CA-node an attack, or an undercut when it
points at an RA-node; an MA-node (a rephrase) becomes a note on the two
statements it joins. Kinds come from the structure
(:func:`argmap.importer.structure.kinds`). Each statement keeps its AIF node id
in its own: I-node ``277`` is ``i277`` (an id that can't be spelt that way gets
a note ``AIF nodeID: …``). The dialogue layer (L, YA and TA nodes, locutions,
participants) has no place in a map: one warning counts what was left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..fmt import format_text
from ..language import is_identifier
from ..schemes import built_in
from ._shape import SCALAR, NotImportable, check_fields, list_of
from .structure import kinds, nest, settle
from .writer import Writer, fresh_id, spelt

#: nodes of the dialogue layer (locutions, transitions and the illocutions that
#: anchor statements and steps in them): summarised, not imported
DIALOGUE = ("L", "YA", "TA")
#: the names an RA-node's text takes when it names no scheme
_NO_SCHEME = {"", "ra", "defaultinference", "inference", "support"}


def is_aif(doc) -> bool:
    """AIF as AIFdb writes it: nodes with ``nodeID`` and ``type`` (an empty
    node list proves nothing: it needs AIF's edges with ``fromID``)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list) \
            or not isinstance(doc.get("edges"), list):
        return False
    nodes, edges = doc["nodes"], doc["edges"]
    if not nodes and not edges:
        return False
    return all(isinstance(n, dict) and "nodeID" in n for n in nodes) and all(
        isinstance(e, dict) and "fromID" in e for e in edges)


def is_xaif(doc) -> bool:
    """xAIF: the AIF document under ``AIF``, with ``OVA`` or ``text`` beside it."""
    return isinstance(doc, dict) and isinstance(doc.get("AIF"), dict) and (
        "OVA" in doc or "text" in doc) and isinstance(doc["AIF"].get("nodes"), list)


def from_aif(doc) -> tuple[str, list[str]]:
    """AIF or xAIF JSON to map text, and the warnings."""
    if is_xaif(doc):
        doc = doc["AIF"]
    elif not is_aif(doc):
        raise NotImportable("not AIF JSON (nodes with `nodeID` and `type`, edges with "
                            "`fromID` and `toID`), nor xAIF (the same under `AIF`)")
    _check_shape(doc)
    return import_graph(doc, AIF_TERMS)


#: how warnings and notes name the nodes of a format read as AIF
AIF_TERMS = {"I": "I-node", "RA": "RA-node", "CA": "CA-node", "MA": "MA-node", "prefix": "i",
             "id": "AIF nodeID"}


def import_graph(doc: dict, terms: dict, meta: dict | None = None,
                 w: Writer | None = None) -> tuple[str, list[str]]:
    """An AIF-shaped document (of AIF, or of another format read as AIF) to map
    text; ``terms`` name its nodes in warnings as its own format does."""
    w = w or Writer()
    graph = _Graph(doc, w, terms)
    nodes, edges = graph.read()
    if not nodes:
        w.warn("the document holds no statements: the map is empty")
    edges = settle(edges, w.warn, graph.name)
    kind = kinds([n["id"] for n in nodes], edges)
    for n in nodes:
        n["kind"] = kind[n["id"]]
    text = w.write(meta or {}, nest(nodes, edges), edges)
    return format_text(text), w.warnings


def _check_shape(doc: dict) -> None:
    for i, e in enumerate(list_of(doc.get("edges", []), "`edges`")):
        check_fields(e, {"fromID": SCALAR, "toID": SCALAR}, f"edge {i + 1}")
    for i, n in enumerate(list_of(doc.get("nodes", []), "`nodes`")):
        check_fields(n, {"nodeID": SCALAR, "text": SCALAR, "type": str, "scheme": str},
                     f"node {i + 1}")
        if n.get("nodeID") is None:
            raise NotImportable(f"node {i + 1} has no `nodeID`")
    for key in ("locutions", "participants", "schemefulfillments"):
        list_of(doc.get(key) or [], f"`{key}`")


class _Graph:
    """One AIF document: its nodes by id and who links to whom."""

    def __init__(self, doc: dict, w: Writer, terms: dict):
        self.doc, self.w, self.terms = doc, w, terms
        self.nodes: dict[str, dict] = {}
        for n in doc["nodes"]:
            key = str(n["nodeID"])
            if key in self.nodes:
                w.warn(f"nodeID {key!r} is repeated; the later node is left out",
                       "a repeated nodeID")
            else:
                self.nodes[key] = n
        self.into, self.out_of = defaultdict(list), defaultdict(list)
        for e in doc.get("edges") or []:
            a, b = str(e.get("fromID")), str(e.get("toID"))
            if a in self.nodes and b in self.nodes:
                self.out_of[a].append(b)
                self.into[b].append(a)
            else:
                w.warn(f"edge {a} → {b} names a node that is not there; left out",
                       "an edge names no node")
        self.ids = self._ids()
        self.notes: dict[str, list[str]] = defaultdict(list)

    def type(self, key: str) -> str:
        return str(self.nodes[key].get("type") or "")

    def name(self, sid: str) -> str:
        """A statement's name in a warning: its AIF node id."""
        return f"{self.terms['I']} {self.aif_id[sid]}"

    def _ids(self) -> dict[str, str]:
        """I-node id -> the id of its statement in the map."""
        ids, self.aif_id, taken = {}, {}, set()
        self.renamed: set[str] = set()  # spelt other than by the document's id
        for key, n in self.nodes.items():
            if self.type(key) != "I":
                continue
            wanted = self.terms["prefix"] + spelt(key)
            if wanted in taken or not is_identifier(wanted):
                self.renamed.add(key)
                wanted = fresh_id(wanted, taken)
            ids[key] = wanted
            taken.add(ids[key])
            self.aif_id[ids[key]] = key
        return ids

    def read(self) -> tuple[list[dict], list[dict]]:
        """The statements and the edges between them, in the document's order."""
        edges: list[dict] = []
        steps: dict[str, list[dict]] = {}  # RA nodeID -> its support edges
        counts = Counter(self.type(k) for k in self.nodes)
        for key in self.nodes:
            t = self.type(key)
            if t == "RA":
                steps[key] = self._step(key, "support", edges)
            elif t == "CA":
                self._step(key, "attack", edges)
            elif t == "MA":
                self._rephrase(key)
        for key in self.nodes:
            if self.type(key) == "CA":
                self._undercuts(key, steps, edges)
        self._summarise(counts)
        nodes = []
        for key, sid in self.ids.items():
            text = self.nodes[key].get("text")
            note = [f"{self.terms['id']}: {key}"] * (key in self.renamed) + self.notes[key]
            if isinstance(self.nodes[key].get("note"), str):  # from a format read as AIF
                note.append(self.nodes[key]["note"])
            nodes.append({"id": sid, "text": "" if text is None else str(text),
                          **({"note": "\n".join(note)} if note else {})})
        return nodes, edges

    def _ends(self, key: str) -> tuple[list[str], list[str], list[str]]:
        """An RA or CA node's statements in and out, and the other nodes it links
        to (the dialogue layer's not among them)."""
        into = [x for x in self.into[key] if self.type(x) not in DIALOGUE]
        out = [x for x in self.out_of[key] if self.type(x) not in DIALOGUE]
        read = self._read_elsewhere(key, into, out)
        other = [x for x in into + out if x not in self.ids and x not in read]
        return [x for x in into if x in self.ids], [x for x in out if x in self.ids], other

    def _read_elsewhere(self, key: str, into: list[str], out: list[str]) -> set[str]:
        """The links of ``key`` that another reading takes: a CA-node into an RA-node
        is an undercut (:meth:`_undercuts`); a CA-node into a CA-node is told of by
        the one it comes from."""
        read = {x for x in into if self.type(x) == "CA"}
        if self.type(key) == "CA":
            read.update(x for x in out if self.type(x) == "RA")
        return read

    def _step(self, key: str, relation: str, edges: list) -> list[dict]:
        t = self.type(key)
        premises, conclusions, other = self._ends(key)
        for x in other:
            self.w.warn(f"{self.terms[t]} {key} links to {self.type(x) or 'an untyped'} node "
                        f"{x}, which is no statement; that link is left out",
                        f"{t} links to a node of another type")
        undercut = t == "CA" and any(self.type(x) == "RA" for x in self.out_of[key])
        if undercut and not conclusions:
            return []  # an undercut only: _undercuts reads it
        if not premises or not conclusions:
            self.w.warn(f"{self.terms[t]} {key} lacks a premise or a conclusion; left out",
                        "a step without its ends")
            return []
        scheme = self._scheme(key) if t == "RA" else None
        made = []
        for c in conclusions:
            group = f"{key}→{c}" if len(premises) > 1 else None
            for p in premises:
                made.append({"source": self.ids[p], "target": self.ids[c], "relation": relation,
                             "group": group, "origin": f"{self.terms[t]} {key}",
                             **({"scheme": scheme} if scheme else {})})
        edges.extend(made)
        return made

    def _undercuts(self, key: str, steps: dict, edges: list) -> None:
        """An undercut from each statement into CA-node ``key`` of each inference
        of the RA-nodes it points at."""
        undercutters = [x for x in self.into[key] if x in self.ids]
        for ra in (x for x in self.out_of[key] if self.type(x) == "RA"):
            if not undercutters or not steps.get(ra):
                self.w.warn(f"{self.terms['CA']} {key} undercuts {self.terms['RA']} {ra}, but "
                            + ("no statement leads into it" if not undercutters else
                               "that step was left out") + "; left out",
                            "an undercut that can't be read")
                continue
            by_target = defaultdict(list)
            for e in steps[ra]:
                by_target[e["target"]].append(e)
            for target, made in by_target.items():
                for u in undercutters:
                    edges.append({"source": self.ids[u], "target": target,
                                  "relation": "undercut", "group": made[0]["group"],
                                  "reasons": [e["source"] for e in made],
                                  "origin": f"{self.terms['CA']} {key} (on {self.terms['RA']} {ra})"})

    def _rephrase(self, key: str) -> None:
        """An MA-node: a note on each of the two statements it joins."""
        into = [x for x in self.into[key] if x in self.ids]
        out = [x for x in self.out_of[key] if x in self.ids]
        for a in into:
            for b in out:
                self.notes[b].append(f"Rephrases {self.ids[a]} ({self.terms['MA']} {key}): "
                                     f"{self._text(a)}")
                self.notes[a].append(f"Rephrased by {self.ids[b]} ({self.terms['MA']} {key}): "
                                     f"{self._text(b)}")

    def _text(self, key: str) -> str:
        text = str(self.nodes[key].get("text") or "")
        return text if len(text) <= 120 else text[:119] + "…"

    def _scheme(self, key: str) -> str | None:
        """The catalogue name of an RA-node's scheme (its ``scheme`` or its
        text), or None for a default inference; one the catalogue does not hold
        is left out with a warning."""
        written = self._scheme_text(key)
        if written is None:
            return None
        name = scheme_for(written)
        if name is None:
            self.w.warn(f"{self.terms['RA']} {key} names the scheme {written!r}, which the catalogue "
                        "does not hold (`argmap schemes` lists it); the step is kept "
                        "without its scheme", "an unknown scheme")
        return name

    def _unnamed_schemes(self) -> None:
        """One warning for the RA-nodes whose scheme only AIFdb's table could name."""
        unnamed = {str(f.get("nodeID")) for f in self.doc.get("schemefulfillments") or ()
                   if isinstance(f, dict)}
        unnamed = [k for k in unnamed if k in self.nodes and self.type(k) == "RA"
                   and self._scheme_text(k) is None]
        if unnamed:
            self.w.warn(f"{len(unnamed)} RA-node(s) name their scheme only by a schemeID "
                        "(`schemefulfillments`), which says no name; those steps are kept "
                        "without a scheme")

    def _scheme_text(self, key: str) -> str | None:
        n = self.nodes[key]
        written = n.get("scheme") or n.get("text")
        if not isinstance(written, str) or _squash(written) in _NO_SCHEME:
            return None
        return written

    def _summarise(self, counts: Counter) -> None:
        """One warning for the dialogue layer and the rephrases, one for the rest."""
        parts = [f"{counts[t]} {t}-node(s)" for t in DIALOGUE + ("MA",) if counts[t]]
        for key in ("locutions", "participants"):
            if self.doc.get(key):
                parts.append(f"{len(self.doc[key])} {key}")
        if parts:
            self.w.warn("the dialogue layer has no place in a map and is left out ("
                        + ", ".join(parts) + ")"
                        + ("; rephrases (MA) became notes" if counts["MA"] else ""))
        self._unnamed_schemes()
        for t, count in sorted(counts.items()):
            if t not in ("I", "RA", "CA", "MA") + DIALOGUE:
                self.w.warn(f"{count} node(s) of type {t or '(none)'!r} have no place in a "
                            "map; left out")


def scheme_for(written: str) -> str | None:
    """The catalogue's name of a scheme as another tool writes it, or None."""
    return _SCHEMES.get(_squash(written))


def _squash(name: str) -> str:
    """A scheme name as AIF tools vary it (`Argument From Expert Opinion`,
    `ExpertOpinion`, `expert-opinion`), reduced to one form: `expertopinion`."""
    squashed = re.sub(r"[^a-z]", "", name.lower())
    for prefix in ("argumentfrom", "argumentby", "argument"):
        if squashed.startswith(prefix) and len(squashed) > len(prefix):
            return squashed[len(prefix):]
    return squashed


_SCHEMES = {_squash(name): name for name in built_in()}
_SCHEMES.update({"practicalinference": "practical-reasoning",
                 "consequences": "positive-consequences",
                 "goodconsequences": "positive-consequences",
                 "badconsequences": "negative-consequences",
                 "causalrelation": "cause-to-effect",
                 "popularacceptance": "popular-opinion",
                 "expertise": "expert-opinion",
                 "verbalclassification": "verbal-classification",
                 "positiontoknow": "position-to-know",
                 "witness": "witness-testimony"})
