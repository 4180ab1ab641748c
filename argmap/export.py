"""Machine-readable exports of a built map: JSON (section 5) and GraphML.

Each exporter takes a built :class:`~argmap.model.Map` and returns text.
"""

from __future__ import annotations

import io
import json
import re

from .graph import NODE_FIELDS, ordered_edges

__all__ = ["EXPORTERS", "as_aif", "as_dict", "lost_in", "ordered_edges", "to_aif", "to_argdown",
           "to_graphml", "to_json", "to_mermaid", "write_json"]


def _node_items(argmap, evaluation=None):
    for n, d in argmap.nodes.items():
        item = {"id": n}
        for key in NODE_FIELDS:
            item[key] = d[key]
        if evaluation is not None and n in evaluation.status:
            item["status"] = evaluation.status[n]
            item["strength"] = round(evaluation.strength[n], 9)
        yield item


def _edge_items(argmap):
    for u, v, d in ordered_edges(argmap.succ):
        item = {"source": u, "target": v, "relation": d["relation"], "group": d["group"]}
        item.update(_inference_fields(d))
        item["file"], item["line"] = d["file"], d["line"]
        yield item


def _inference_fields(d) -> dict:
    """Version 1.2's edge fields, where they apply: an undercut's ``reasons``, and
    the ``scheme`` of a support or undercut edge's inference."""
    out = {}
    if "reasons" in d:
        out["reasons"] = list(d["reasons"])
    if "scheme" in d:
        out["scheme"] = d["scheme"]
    return out


def as_dict(argmap, evaluation=None) -> dict:
    """The map as section 5 of the language reference describes; with an
    evaluation, each argument node also has its `status` and `strength`."""
    return {"version": 1, "meta": dict(argmap.meta),
            "nodes": list(_node_items(argmap, evaluation)), "edges": list(_edge_items(argmap))}


def write_json(argmap, out, evaluation=None) -> None:
    """Write the JSON of :func:`as_dict` to a text stream, a node or edge a line.

    Each line is put together from strings escaped by the json module's own C
    escaper: several times faster than encoding dicts, and flat in memory.
    """
    esc = json.encoder.encode_basestring

    def strings(values):
        return "[" + ", ".join(map(esc, values)) + "]" if values else "[]"

    # what repeats (files, sections, stances, groups) is escaped once
    known = {None: "null"}
    out.write('{\n"version": 1,\n"meta": ' + json.dumps(dict(argmap.meta), ensure_ascii=False)
              + ',\n"nodes": [')
    sep = "\n"
    status = evaluation.status if evaluation is not None else {}
    for n, d in argmap.nodes.items():
        f, section, stance = d["file"], d["section"], d["stance"]
        for value in (f, section, stance):
            if value not in known:
                known[value] = esc(value)
        note, url, weight, expect = d["note"], d["url"], d["weight"], d["expect"]
        attrs = (f'"cite": {strings(d["cite"])}, "tags": {strings(d["tags"])}, '
                 f'"note": {"null" if note is None else esc(note)}, '
                 f'"url": {"null" if url is None else esc(url)}, '
                 f'"weight": {"null" if weight is None else json.dumps(weight)}, '
                 f'"expect": {"null" if expect is None else esc(expect)}, '
                 f'"cq": {strings(d["cq"])}, ')
        extra = ""
        if n in status:
            extra = (f', "status": "{status[n]}", '
                     f'"strength": {json.dumps(round(evaluation.strength[n], 9))}')
        out.write(
            f'{sep}{{"id": {esc(n)}, "kind": "{d["kind"]}", "text": {esc(d["text"])}, '
            f'"section": {known[section]}, "stance": {known[stance]}, {attrs}'
            f'"file": {known[f]}, "line": {d["line"]}, "column": {d["column"]}{extra}}}')
        sep = ",\n"
    out.write('\n],\n"edges": [')
    sep = "\n"
    for u, v, d in ordered_edges(argmap.succ):
        f, group = d["file"], d["group"]
        for value in (f, group):
            if value not in known:
                known[value] = esc(value)
        extra = ""
        if len(d) > 5:  # an edge of version 1.2, with more than the five keys of 1.1
            extra = "".join(f'"{k}": {json.dumps(v, ensure_ascii=False)}, '
                            for k, v in _inference_fields(d).items())
        out.write(f'{sep}{{"source": {esc(u)}, "target": {esc(v)}, '
                  f'"relation": "{d["relation"]}", "group": {known[group]}, {extra}'
                  f'"file": {known[f]}, "line": {d["line"]}}}')
        sep = ",\n"
    out.write("\n]\n}\n")


def to_json(argmap, evaluation=None) -> str:
    buf = io.StringIO()
    write_json(argmap, buf, evaluation)
    return buf.getvalue()


#: what XML 1.0 can't hold: most C0 controls, surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def to_graphml(argmap) -> str:
    """GraphML through networkx: lists become newline-joined strings, nulls are left out."""
    import networkx as nx  # slow to import (0.2 s): only GraphML needs it

    H = nx.DiGraph()
    H.graph.update({k: _xml_text(str(v)) for k, v in argmap.meta.items()})
    for n, d in argmap.nodes.items():
        attrs = {}
        for key in NODE_FIELDS:
            value = d[key]
            if isinstance(value, list):
                value = "\n".join(value)
            if isinstance(value, str):
                value = _xml_text(value)
            if value is not None and value != "":
                attrs[key] = value
        H.add_node(n, **attrs)
    for u, v, d in ordered_edges(argmap.succ):
        attrs = {k: d[k] for k in ("relation", "group", "file", "line") if d[k] is not None}
        H.add_edge(u, v, **attrs)
    return "\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n"


def as_aif(argmap) -> dict:
    """AIF JSON as AIFdb and OVA read it.

    One I-node per statement (every node but sources), one RA-node per support
    inference (a `&` group is one RA with several premises; its scheme, if it
    has one, is the RA's text and ``scheme``, as AIFdb names schemes: "Expert
    Opinion"), one CA-node per attack, and per undercut one CA-node whose
    conclusion is the RA-node it undercuts. Sources, citations and attributes
    have no place in AIF and are left out.
    """
    nodes, edges = [], []
    number = {}

    def link(a, b):
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b})

    def add(text, kind, **more):
        nodes.append({"nodeID": str(len(nodes) + 1), "text": text, "type": kind, **more})
        return nodes[-1]["nodeID"]

    for n, d in argmap.nodes.items():
        if d["kind"] != "source":
            number[n] = add(d["text"], "I")
    for inf in argmap.arggraph.inferences():
        if inf.relation == "support":
            name = aif_scheme_name(inf.scheme) if inf.scheme else None
            node_id = add(name or "Default Inference", "RA", **({"scheme": name} if name else {}))
        else:
            node_id = add("Default Conflict", "CA")
        for u in inf.reasons:
            link(number[u], node_id)
        link(node_id, number[inf.target])
        for u in inf.undercutters:
            ca = add("Default Conflict", "CA")
            link(number[u], ca)
            link(ca, node_id)
    return {"nodes": nodes, "edges": edges, "locutions": []}


def aif_scheme_name(name: str) -> str:
    """A catalogue name as AIFdb writes scheme names: `expert-opinion` → "Expert Opinion"."""
    return " ".join(word.capitalize() for word in name.split("-"))


def to_aif(argmap) -> str:
    return json.dumps(as_aif(argmap), ensure_ascii=False, indent=2) + "\n"


_ARGDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def argdown_text(text: str) -> str:
    """Text that Argdown reads back literally: every ASCII punctuation mark escaped."""
    return _ARGDOWN_SPECIAL.sub(r"\\\1", text)


def to_argdown(argmap) -> str:
    """Argdown: one statement per node (titled by its id), each with the
    statements that support (+) or attack (-) it, its tags as `#(tags)` and
    its citations, note, url, weight and expectation as `{data}`; a source is
    a statement tagged `#(source)`. An inference that is linked, undercut or
    of a scheme is also written as an argument `<TARGET from REASON>`: its
    reasons are the premises, its target the conclusion, its scheme the
    inference rule, and an undercutter's statement `_>` it."""
    out = []
    meta = argmap.meta
    if meta:
        out.append("===")
        out.extend(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
        out += ["===", ""]
    incoming, cuts = {}, {}
    for u, v, d in ordered_edges(argmap.succ):
        if d["relation"] in ("support", "attack"):
            incoming.setdefault(v, []).append(("+" if d["relation"] == "support" else "-", u))
        elif d["relation"] == "undercut":
            cuts.setdefault(u, []).append(_argdown_argument(v, d["reasons"]))
    section = None
    for n, d in argmap.nodes.items():
        if d["section"] != section and d["section"] is not None:
            section = d["section"]
            out += [f"# {argdown_text(section)}", ""]
        out.append(f"[{n}]: {argdown_text(d['text'])}{_argdown_extras(d)}")
        out.extend(f"  {sign} [{u}]" for sign, u in incoming.get(n, []))
        out.extend(f"  _> <{title}>" for title in cuts.get(n, []))
        out.append("")
        out.extend(_argdown_arguments(argmap, n))
    return "\n".join(out).rstrip("\n") + "\n"


def _argdown_extras(d: dict) -> str:
    """A statement's tags (`#(tag)`, which Argdown keeps in the text too) and its
    other attributes as YAML data right after them (a space before the data
    would stay in the text), written as JSON with every brace escaped: Argdown
    finds data by its braces."""
    tags = list(d["tags"]) + (["source"] if d["kind"] == "source" else [])
    out = "".join(f" #({argdown_text(t)})" for t in tags)
    data = {key: d[key] for key in ("cite", "note", "url", "weight", "expect") if d.get(key)}
    if data:
        text = json.dumps(data, ensure_ascii=True)
        out += "{" + text[1:-1].replace("{", "\\u007b").replace("}", "\\u007d") + "}"
    return out


def _argdown_arguments(argmap, n: str) -> list[str]:
    """An argument, premises and conclusion, for each inference into ``n`` that a
    statement's relations can't say all of: linked, undercut or of a scheme."""
    out = []
    for inf in argmap.arggraph.inferences_into(n):
        if inf.relation == "support" and (inf.linked or inf.undercutters or inf.scheme):
            out += [f"<{_argdown_argument(n, inf.reasons)}>", ""]
            out.extend(f"({i}) [{r}]" for i, r in enumerate(inf.reasons, 1))
            out += ["--", argdown_text(inf.scheme), "--"] if inf.scheme else ["----"]
            out += [f"({len(inf.reasons) + 1}) [{n}]", ""]
    return out


def _argdown_argument(target: str, reasons) -> str:
    """The title of the Argdown argument that stands for an inference."""
    return f"{target} from {reasons[0]}"


_MERMAID_ESCAPES = (("&", "#amp;"), ("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"),
                    (">", "#gt;"), ("`", "#96;"))
#: how each relation is drawn in Mermaid (from the reason to what it bears on)
_MERMAID_ARROWS = {"support": "-->", "attack": "--x", "undercut": "-.-x"}


def mermaid_text(text: str) -> str:
    """Text for a quoted Mermaid label: every character that Mermaid reads as
    syntax or markup written as Mermaid's entity code; controls as spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    for ch, code in _MERMAID_ESCAPES:
        text = text.replace(ch, code)
    return text


def to_mermaid(argmap) -> str:
    """A Mermaid flowchart (GitHub, GitLab and many Markdown viewers draw it):
    a node per argument node, claims at the top, a subgraph per section; an
    attack ends in a cross, an undercut (dotted) on its step's first reason's
    line to the target. Sources and citations are left out."""
    nodes = argmap.nodes
    ids = {n: f"n{i}" for i, n in enumerate(nodes)}
    out = ["flowchart BT"]
    sections: dict = {}
    for n, d in nodes.items():
        if d["kind"] != "source":
            sections.setdefault(d["section"], []).append(n)
    for k, (title, members) in enumerate(sections.items()):
        pad = "  "
        if title is not None:
            out.append(f'  subgraph s{k}["{mermaid_text(title)}"]')
            pad = "    "
        for n in members:
            d = nodes[n]
            out.append(f'{pad}{ids[n]}["{mermaid_text(d["kind"].upper() + ": " + d["text"])}"]'
                       f':::{d["kind"]}')
        if title is not None:
            out.append("  end")
    for u, v, d in ordered_edges(argmap.succ):
        arrow = _MERMAID_ARROWS.get(d["relation"])
        if arrow:
            label = "|undercuts|" if d["relation"] == "undercut" else ""
            out.append(f"  {ids[u]} {arrow}{label} {ids[v]}")
    out += ["  classDef thesis fill:#1d3557,color:#ffffff,stroke:#0b1d33",
            "  classDef claim fill:#d6e4f0,stroke:#1d3557",
            "  classDef premise fill:#ffffff,stroke:#457b9d",
            "  classDef evidence fill:#e6f2e8,stroke:#2a7a3b",
            "  classDef counter fill:#fbe0d3,stroke:#b5361b,stroke-dasharray:4 3",
            "  classDef rebuttal fill:#ece2f4,stroke:#6a3d9a"]
    return "\n".join(out) + "\n"


def lost_in(argmap, fmt: str) -> list[str]:
    """What a map holds that the export format ``fmt`` can't, and what becomes of
    it: for warnings."""
    nodes = argmap.nodes.values()
    if fmt == "graphml":
        return _graphml_lost(argmap)
    if fmt not in ("aif", "argdown", "mermaid"):
        return []
    if fmt == "argdown":  # it holds them all but critical questions
        return ["critical questions (`cq:`); left out"] if any(d["cq"] for d in nodes) else []
    lost = _attributes_lost(nodes)
    if any(d["cq"] for d in nodes):
        lost.append("critical questions (`cq:`); left out")
    if fmt == "aif":
        if argmap.meta or any(d["section"] for d in nodes):
            lost.append("front matter and sections; left out")
        return lost
    return lost + (["argument schemes; left out"] if _schemes(argmap) else [])


def _schemes(argmap) -> bool:
    return any("scheme" in e for nbrs in argmap.succ.values() for e in nbrs.values())


def _graphml_lost(argmap) -> list[str]:
    texts = [*map(str, argmap.meta.values())]
    for d in argmap.nodes.values():
        texts += [v for v in (d["text"], d["note"], d["section"], *d["cite"], *d["tags"]) if v]
    return ["control characters; written as U+FFFD"] if any(_NOT_XML.search(t) for t in texts) \
        else []


def _attributes_lost(nodes) -> list[str]:
    """Sources, citations and attributes: what AIF and Mermaid don't hold."""
    lost = []
    sources = sum(1 for d in nodes if d["kind"] == "source")
    cites = sum(len(d["cite"]) for d in nodes)
    counted = [f"{n} {what}{'s' if n > 1 else ''}"
               for n, what in ((sources, "source"), (cites, "citation")) if n]
    if counted:
        lost.append(" and ".join(counted) + "; left out")
    if any(d[k] for d in nodes for k in ("note", "url", "tags", "weight")):
        lost.append("notes, urls, tags and weights; left out")
    return lost


#: export formats, by name, with the function that writes each
EXPORTERS = {"json": to_json, "graphml": to_graphml, "aif": to_aif, "argdown": to_argdown,
             "mermaid": to_mermaid}
