"""A map as a Graphviz DOT graph, built as a pydot graph.

Every string from the map reaches DOT through :func:`~argmap.render.text.dot_quoted`,
:func:`~argmap.render.text.html_text` or :func:`~argmap.render.text.html_lines`;
node ids are synthetic (``n0``, ``n1``, …); only the attributes written here are
ever set. Nodes and edges are stored in the graph as pydot stores them
(:func:`_add_node`, :func:`_add_edge`); :func:`write_dot` writes the graph as
DOT text, as pydot's ``to_string`` does.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

import pydot
import pydot.core

from ..export import ordered_edges
from ..links import safe_url
from .text import dot_quoted, html_lines, html_text, wrap


# -- writing the pydot objects as DOT ---------------------------------------
#
# pydot's to_string() decides afresh, in Python, whether each value needs quotes
# (most of the time of rendering a big map). The graphs build() makes use only
# plain ids, and values that are quoted ("..."), HTML-like (<...>) or drawn from
# a few constants, so write_dot() writes them with those answers known, and asks
# pydot only about the rest, once each. tests/render/test_dot.py holds it
# byte-identical to to_string() on every map, option and hostile text.

_PLAIN_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_KEYWORDS = frozenset(pydot.core.dot_keywords)


def _id(name: str) -> str:
    if _PLAIN_ID.match(name) and name.lower() not in _KEYWORDS:
        return name
    return pydot.core.quote_id_if_necessary(name)


def _attrs(attributes: dict, known: dict) -> str:
    """``key=value, …`` as pydot writes an attribute list (without the brackets)."""
    parts = []
    for key, value in attributes.items():
        text = known.get(value)  # a value seen before: the constants, mostly
        if text is None:
            if value is None:
                parts.append(key)
                continue
            first = value[:1]
            if first == '"' and value[-1] == '"' and len(value) > 1 \
                    or first == "<" and value[-1] == ">":
                text = value  # quoted or HTML-like: pydot leaves it as it is
            else:
                text = known[value] = pydot.core.quote_attr_if_necessary(value or '""')
        parts.append(f"{key}={text}")
    return ", ".join(parts)


def _write(od: dict, out: list, known: dict, names: dict) -> None:
    first = [od["type"]]
    if od.get("name"):
        first.append(pydot.core.quote_id_if_necessary(od["name"]))
    out.append(" ".join(first) + " {\n")
    out.extend(_attrs({key: value}, known) + ";\n" for key, value in od["attributes"].items())
    members = [obj for kind in ("edges", "nodes", "subgraphs") for objs in od[kind].values()
               for obj in objs]
    members.sort(key=lambda obj: obj["sequence"])
    for obj in members:
        kind = obj["type"]
        if kind == "node":
            name = obj["name"]
            attrs = _attrs(obj["attributes"], known)
            if name in ("graph", "node", "edge"):
                if not attrs:
                    out.append("\n")  # pydot writes nothing for these, then a line end
                    continue
            else:
                name = names.get(name) or names.setdefault(name, _id(name))
            out.append(f"{name} [{attrs}];\n" if attrs else f"{name};\n")
        elif kind == "edge":
            src, dst = obj["points"]
            src = names.get(src) or names.setdefault(src, _id(src))
            dst = names.get(dst) or names.setdefault(dst, _id(dst))
            attrs = _attrs(obj["attributes"], known)
            out.append(f"{src} -> {dst} [{attrs}];\n" if attrs else f"{src} -> {dst};\n")
        else:
            _write(obj, out, known, names)
    out.append("}\n")


# -- adding nodes and edges ---------------------------------------------------
#
# A pydot graph keeps each node and edge as a plain dict, its obj_dict (pydot
# stores it, not the Node or Edge object, and makes those afresh for get_nodes()).
# pydot's add_node and add_edge check types, split ports out of names and look up
# earlier nodes of the name on every call: a third of building a big map. The two
# functions below store the very dicts they store; tests/render/test_dot.py holds
# every graph build() makes equal to the one pydot's own calls make.

def _add_node(graph: pydot.Graph, name: str, attributes: dict) -> None:
    """``graph.add_node(pydot.Node(name, **attributes))``, for a new plain ``name``."""
    od = graph.obj_dict
    seq = od.get("current_child_sequence", 1)
    od["current_child_sequence"] = seq + 1
    od["nodes"][name] = [{"attributes": attributes, "type": "node",
                          "parent_graph": od["parent_graph"], "sequence": seq, "name": name,
                          "port": None}]


def _add_edge(graph: pydot.Graph, src: str, dst: str, attributes: dict) -> None:
    """``graph.add_edge(pydot.Edge(src, dst, **attributes))``."""
    od = graph.obj_dict
    seq = od.get("current_child_sequence", 1)
    od["current_child_sequence"] = seq + 1
    edge = {"points": (src, dst), "attributes": attributes, "type": "edge",
            "parent_graph": od["parent_graph"], "sequence": seq}
    same = od["edges"].get(edge["points"])
    if same is None:
        od["edges"][edge["points"]] = [edge]
    else:
        same.append(edge)


def write_dot(dot: pydot.Dot) -> str:
    """The DOT text of a graph made by :func:`build`, as ``dot.to_string()`` writes it."""
    out: list[str] = []
    _write(dot.obj_dict, out, {}, {})
    return "".join(out)


FONT = "Helvetica"

# Fills are light and borders dark, so the map prints in grayscale; kinds also
# differ by shape and border style, relations by line style and arrowhead.
KIND_STYLE = {
    "thesis": {"fillcolor": "#1d3557", "color": "#0b1d33", "fontcolor": "#ffffff",
               "style": "rounded,filled,bold", "penwidth": "2.5", "tag": "#c9d6e8"},
    "claim": {"fillcolor": "#d6e4f0", "color": "#1d3557", "style": "rounded,filled",
              "tag": "#1d3557"},
    "premise": {"fillcolor": "#ffffff", "color": "#457b9d", "style": "rounded,filled",
                "tag": "#457b9d"},
    "evidence": {"fillcolor": "#e6f2e8", "color": "#2a7a3b", "style": "filled",
                 "shape": "note", "tag": "#2a7a3b"},
    "counter": {"fillcolor": "#fbe0d3", "color": "#b5361b", "style": "rounded,filled,dashed",
                "penwidth": "1.6", "tag": "#b5361b"},
    "rebuttal": {"fillcolor": "#ece2f4", "color": "#6a3d9a", "style": "rounded,filled",
                 "peripheries": "2", "tag": "#6a3d9a"},
    "source": {"fillcolor": "#f2f2f2", "color": "#808080", "style": "filled", "shape": "box",
               "fontsize": "9", "tag": "#666666"},
}
#: each kind's node attributes (its style without the tag colour)
NODE_ATTRS = {kind: {k: v for k, v in st.items() if k != "tag"} for kind, st in KIND_STYLE.items()}
#: with --eval: rejected nodes greyed and struck through, undecided ones pale yellow
STATUS_STYLE = {
    "rejected": {"fillcolor": "#e4e4e4", "color": "#8a8a8a", "fontcolor": "#555555"},
    "undecided": {"fillcolor": "#fff3bf", "color": "#a58a00", "fontcolor": "#4a3d00"},
}
#: nodes outside the section drawn, shown for context only
CONTEXT_STYLE = {"fillcolor": "#f5f5f5", "color": "#9a9a9a", "fontcolor": "#555555",
                 "style": "rounded,filled,dotted", "penwidth": "1.2", "peripheries": "1",
                 "shape": "box"}
EDGE_STYLE = {
    "support": {"color": "#2a7a3b", "style": "solid", "arrowtail": "normal", "penwidth": "1.4"},
    "attack": {"color": "#b5361b", "style": "dashed", "arrowtail": "tee", "penwidth": "1.6"},
}
#: every edge's defaults: a support's look, drawn from the reason with the arrow at
#: what it supports (most edges are supports, so most carry nothing but their id)
EDGE_DEFAULTS = {"fontname": FONT, "fontsize": "9", "arrowsize": "0.8", "dir": "back",
                 **EDGE_STYLE["support"]}
#: what an edge of each relation sets beyond the defaults
EDGE_OWN = {rel: {k: v for k, v in style.items() if EDGE_DEFAULTS.get(k) != v}
            for rel, style in EDGE_STYLE.items()}


@dataclass
class DotOptions:
    direction: str = "TB"  # where the conclusion sits: TB puts it at the top
    legend: bool = True
    sources: str = "footnotes"  # "footnotes", "nodes" or "hide"
    focus: str | None = None
    depth: int = 2
    #: only the nodes of this section, with the nodes they relate to elsewhere as context
    section: str | None = None
    #: "url": a node links to its http(s) `url:`; "outline": to its outline entry
    links: str = "url"
    #: big maps: straight edges and bounded layout effort (chosen automatically)
    fast: bool | None = None
    #: prefix of the SVG element ids of nodes (several diagrams can share a page)
    id_prefix: str = "d_"
    #: the title (or the section's title) above the diagram
    header: bool = True
    #: an :class:`argmap.evaluate.Evaluation`: shade nodes by status, show strengths
    evaluation: object = None


def neighbourhood(m, start: str, depth: int) -> set[str]:
    """The nodes within ``depth`` edges of ``start``, in either direction."""
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        n, d = queue.popleft()
        if d == depth:
            continue
        for nb in list(m.succ[n]) + list(m.pred[n]):
            if nb not in seen:
                seen.add(nb)
                queue.append((nb, d + 1))
    return seen


class Citations:
    """A number for each source (or free-text citation), in order of first use.

    A node's marks give the number with the locator it cites: ``[1, p. 113; 2]``.
    """

    def __init__(self, m, nodes):
        self.number: dict[tuple, int] = {}
        self.text: list[str] = []
        self.of_node: dict[str, list[str]] = {}
        for n in nodes:
            marks = []
            for value in m.nodes[n]["cite"]:
                key, label, locator = citation(m, value)
                if key not in self.number:
                    self.number[key] = len(self.text) + 1
                    self.text.append(label)
                mark = str(self.number[key]) + (f", {locator}" if locator else "")
                if mark not in marks:
                    marks.append(mark)
            if marks:
                self.of_node[n] = marks


def citation(m, value: str) -> tuple[tuple, str, str]:
    """A citation's identity, its text and its locator (a source's, or free text)."""
    if value.startswith("@"):
        ref, _, locator = value[1:].partition(",")
        ref, _, rest = ref.partition(" ")
        locator = (locator or rest).strip()
        node = m.nodes.get(ref)
        if node is not None and node["kind"] == "source":
            return ("source", ref), node["text"], locator
    return ("text", value), value, ""


def _label(kind: str, text: str, marks: list[str] | None, style, tag=None,
           status: str | None = None) -> str:
    tag = html_text(tag) if tag else kind.upper()
    if marks:
        tag += "  [" + html_text("; ".join(marks)) + "]"
    if status:
        tag += "  ·  " + html_text(status)
    lines = html_lines(wrap(text))
    if status and status.startswith("REJECTED"):
        lines = f"<S>{lines}</S>"
    return (f'<<FONT POINT-SIZE="8" COLOR="{style["tag"]}">{tag}</FONT>'
            f"<BR/>{lines}>")


def _header(meta: dict) -> str | None:
    title = meta.get("title")
    byline = " · ".join(v for v in (meta.get("author"), meta.get("date")) if v)
    if not title and not byline:
        return None
    parts = []
    if title:
        parts.append('<FONT POINT-SIZE="18"><B>'
                     + html_lines(wrap(title, 70)) + "</B></FONT>")
    if byline:
        parts.append(f'<FONT POINT-SIZE="12">{html_text(byline)}</FONT>')
    return "<" + "<BR/>".join(parts) + "<BR/> >"


def _legend(kinds: list[str], relations: set[str], cites: bool, evaluation=False) -> str:
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    if evaluation:
        for status, st in STATUS_STYLE.items():
            text = "<S>struck through</S>" if status == "rejected" else "pale yellow"
            rows.append(f'<TR><TD BGCOLOR="{st["fillcolor"]}" BORDER="1" COLOR="{st["color"]}">'
                        f' </TD><TD ALIGN="LEFT">{status} ({text})</TD></TR>')
    for kind in kinds:
        s = KIND_STYLE[kind]
        rows.append(
            f'<TR><TD BGCOLOR="{s["fillcolor"]}" BORDER="1" COLOR="{s["color"]}" WIDTH="22"> </TD>'
            f'<TD ALIGN="LEFT">{kind}</TD></TR>')
    arrows = {"support": ("━━━▶", "supports"), "attack": ("╌╌╌┫", "attacks")}
    for rel in ("support", "attack"):
        if rel in relations:
            glyph, word = arrows[rel]
            rows.append(f'<TR><TD><FONT COLOR="{EDGE_STYLE[rel]["color"]}">{glyph}</FONT></TD>'
                        f'<TD ALIGN="LEFT">{word} (arrow at the claim)</TD></TR>')
    if "group" in relations:
        rows.append('<TR><TD>●</TD><TD ALIGN="LEFT">reasons that work only together</TD></TR>')
    if cites:
        rows.append('<TR><TD><FONT COLOR="#808080">┈┈┈</FONT></TD>'
                    '<TD ALIGN="LEFT">cites a source</TD></TR>')
    return ('<<TABLE BORDER="1" COLOR="#bbbbbb" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
            + "".join(rows) + "</TABLE>>")


def _footnotes(cites: Citations) -> str:
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Sources</B></TD></TR>']
    for i, text in enumerate(cites.text, 1):
        body = "<BR ALIGN=\"LEFT\"/>".join(html_text(t) for t in wrap(text, 70))
        rows.append(f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">[{i}]</TD>'
                    f'<TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD></TR>')
    return ('<<TABLE BORDER="1" COLOR="#bbbbbb" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            + "".join(rows) + "</TABLE>>")


def build(argmap, options: DotOptions | None = None) -> pydot.Dot:
    """The pydot graph of a built map."""
    o = options or DotOptions()
    nodes = list(argmap.nodes)
    if o.focus is not None:
        keep = neighbourhood(argmap, o.focus, o.depth)
        nodes = [n for n in nodes if n in keep]
    context: set[str] = set()
    if o.section is not None:
        inside = {n for n in nodes if argmap.nodes[n]["section"] == o.section}
        for n in inside:
            for nb, e in list(argmap.succ[n].items()) + list(argmap.pred[n].items()):
                if nb not in inside and e["relation"] != "cite":
                    context.add(nb)
        nodes = [n for n in nodes if n in inside or n in context]
    if o.sources != "nodes":
        nodes = [n for n in nodes if argmap.nodes[n]["kind"] != "source"]
    # ids follow the full graph's order, so a part of the map keeps the ids of the whole
    index = {n: i for i, n in enumerate(argmap.nodes)}
    ids = {n: f"n{index[n]}" for n in nodes}
    fast = o.fast if o.fast is not None else len(nodes) > 1500

    dot = pydot.Dot("argmap", graph_type="digraph", strict=False)
    graph_attrs = {
        "rankdir": o.direction, "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
        "fontname": FONT, "bgcolor": "white", "pad": "0.3", "compound": "true",
    }
    if fast:
        graph_attrs.update({"splines": "line", "nslimit": "2", "nslimit1": "2",
                            "mclimit": "0.5", "searchsize": "20", "remincross": "false"})
    header = _header(argmap.meta) if o.focus is None and o.section is None else None
    if o.section is not None:
        header = f'<<FONT POINT-SIZE="16"><B>{html_text(o.section)}</B></FONT><BR/> >'
    if header and o.header:
        graph_attrs.update({"label": header, "labelloc": "t", "labeljust": "c"})
    graph_attrs["id"] = dot_quoted(f"{o.id_prefix}graph")
    for key, value in graph_attrs.items():
        dot.set(key, value)
    # every SVG element gets an id of this diagram's own, so diagrams can share a page
    count = iter(range(1 << 30))
    # the prefix is quoted once: the rest of each id is a letter and a number
    quoted_prefix = dot_quoted(o.id_prefix)[:-1]

    def eid():
        return f'{quoted_prefix}x{next(count)}"'
    dot.set_node_defaults(shape="box", fontname=FONT, fontsize="11", margin="0.14,0.07",
                          penwidth="1.2")
    dot.set_edge_defaults(**EDGE_DEFAULTS)

    cites = Citations(argmap, nodes) if o.sources == "footnotes" else None
    clusters: dict[str, pydot.Cluster] = {}

    def container(section):
        if section is None or fast or o.section is not None:
            return dot
        if section not in clusters:
            c = pydot.Cluster(f"s{len(clusters)}", label=dot_quoted(section), style="rounded", id=eid(),
                              color="#b8b8b8", fontcolor="#4d4d4d", fontsize="13",
                              fontname=FONT, labeljust="l", margin="12")
            clusters[section] = c
            dot.add_subgraph(c)
        return clusters[section]

    kinds_seen = []
    for n in nodes:
        d = argmap.nodes[n]
        kind = d["kind"]
        if kind not in kinds_seen:
            kinds_seen.append(kind)
        s = KIND_STYLE[kind]
        attrs = NODE_ATTRS[kind].copy()
        ev = o.evaluation
        status = None
        if ev is not None and n in ev.status:
            status = f"{ev.status[n].upper()} {ev.strength[n]:.2f}"
            if ev.status[n] != "accepted":
                attrs.update(STATUS_STYLE[ev.status[n]])
                s = s | {"tag": STATUS_STYLE[ev.status[n]]["fontcolor"]}
        attrs["label"] = _label(kind, d["text"], cites.of_node.get(n) if cites else None, s,
                                status=status)
        if n in context:
            attrs.update(CONTEXT_STYLE)
            where = f"{kind.upper()} · in § {d['section']}" if d["section"] else None
            attrs["label"] = _label(kind, d["text"], None, CONTEXT_STYLE | {"tag": "#777777"},
                                    tag=where)
        attrs["tooltip"] = dot_quoted(d["text"])
        attrs["id"] = f'{quoted_prefix}{ids[n]}"'
        if o.focus == n:
            attrs["penwidth"] = "3.5"
        if o.links == "outline":
            attrs["URL"] = dot_quoted(f"#o-{ids[n]}")
        else:
            url = safe_url(d["url"])
            if url:
                attrs["URL"] = dot_quoted(url)
                attrs["target"] = '"_blank"'
        section = d["section"] if kind != "source" and n not in context else None
        _add_node(container(section), ids[n], attrs)

    relations = set()
    junctions: dict[tuple, str] = {}
    for u, v, e in ordered_edges(argmap.succ):
        if u not in ids or v not in ids:
            continue
        rel = e["relation"]
        if rel == "cite":
            if o.sources == "nodes":
                relations.add("cite")
                _add_edge(dot, ids[u], ids[v], {"dir": "forward", "style": "dotted",
                                                "color": "#808080", "penwidth": "1",
                                                "arrowhead": "none", "weight": "0", "id": eid()})
            continue
        relations.add(rel)
        own = EDGE_OWN[rel]
        group = e["group"]
        if group is None:
            _add_edge(dot, ids[v], ids[u], {"id": eid(), **own})
            continue
        relations.add("group")
        key = (group, v)
        if key not in junctions:
            j = junctions[key] = f"j{len(junctions)}"
            _add_node(container(argmap.nodes[v]["section"]), j, {
                "shape": "point", "width": "0.09", "height": "0.09",
                "color": EDGE_STYLE[rel]["color"], "label": '""', "id": eid()})
            _add_edge(dot, ids[v], j, {"id": eid(), **own})
        # from a reason to its group's junction: a line, no arrow
        _add_edge(dot, junctions[key], ids[u], {"dir": "none", "id": eid(), **own})

    extras = []
    if cites and cites.text:
        extras.append(pydot.Node("footnotes", shape="plaintext", label=_footnotes(cites),
                                 id=eid()))
    if o.legend and nodes:
        order = [k for k in KIND_STYLE if k in kinds_seen]
        extras.append(pydot.Node("legend", shape="plaintext", id=eid(),
                                 label=_legend(order, relations, "cite" in relations,
                                               o.evaluation is not None)))
    if extras:
        bottom = pydot.Subgraph("extras", rank="sink")
        for node in extras:
            bottom.add_node(node)
        dot.add_subgraph(bottom)
    return dot


def to_dot(argmap, options: DotOptions | None = None) -> str:
    return write_dot(build(argmap, options))
