"""A map as a Graphviz DOT graph, built with pydot's public API.

Every string from the map reaches DOT through :func:`~argmap.render.text.dot_quoted`,
:func:`~argmap.render.text.html_text` or :func:`~argmap.render.text.html_lines`;
node ids are synthetic (``n0``, ``n1``, …); only the attributes written here are
ever set. :func:`build` makes a :class:`pydot.Dot` (``pydot.Node``,
``pydot.Edge``, ``pydot.Cluster``); :func:`to_dot` is its ``to_string()``.
"""

from __future__ import annotations

import re
from collections import deque
import pydot

from ..links import safe_url
from .options import DotOptions
from .text import dot_quoted, html_lines, html_text, wrap, xml_attribute


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
    "counter": {"fillcolor": "#f8d0c0", "color": "#b5361b", "style": "rounded,filled,dashed",
                "penwidth": "1.6", "tag": "#b5361b"},
    "rebuttal": {"fillcolor": "#fff1c9", "color": "#6a3d9a", "style": "rounded,filled",
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
    # a tee big enough to read as a bar, not a dot, at 100 %
    "attack": {"color": "#b5361b", "style": "dashed", "arrowtail": "tee", "penwidth": "1.6",
               "arrowsize": "1.3"},
    # an undercut ends on the inference (its junction), not on a node: dotted, heavier
    "undercut": {"color": "#b5361b", "style": "dotted", "arrowtail": "tee", "penwidth": "2.2"},
}
#: every edge's defaults: a support's look, drawn from the reason with the arrow at
#: what it supports (most edges are supports, so most carry nothing but their id)
EDGE_DEFAULTS = {"fontname": FONT, "fontsize": "9", "arrowsize": "0.8", "dir": "back",
                 **EDGE_STYLE["support"]}
#: what an edge of each relation sets beyond the defaults
EDGE_OWN = {rel: {k: v for k, v in style.items() if EDGE_DEFAULTS.get(k) != v}
            for rel, style in EDGE_STYLE.items()}


#: what an overview draws; the rest is folded into counts under these
OVERVIEW_KINDS = frozenset({"thesis", "claim", "counter", "rebuttal"})
#: an overview names each point by this many of its first words
OVERVIEW_WORDS = 12


def folded(m, kept: list[str]) -> dict[str, str]:
    """Node -> "+ 3 premises, 7 evidence": the reasons and objections folded
    under it (each hidden node counted once, under the first kept node its
    relations lead to)."""
    kept_set = set(kept)
    counts: dict[str, dict[str, int]] = {}
    owner: dict[str, str] = {}
    for n, d in m.nodes.items():  # declaration order: reasons come after what they bear on
        if n in kept_set or d["kind"] == "source":
            continue
        for _, v in m.arggraph.bears_on(n):
            top = v if v in kept_set else owner.get(v)
            if top is not None:
                owner[n] = top
                kinds = counts.setdefault(top, {})
                kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
                break
    plural = {"premise": "premises", "evidence": "evidence", "counter": "counters",
              "rebuttal": "rebuttals", "claim": "claims"}
    return {n: "+ " + ", ".join(f"{k} {plural[kind] if k > 1 else kind}"
                                for kind, k in sorted(c.items()))
            for n, c in counts.items()}


def neighbourhood(m, start: str, depth: int) -> set[str]:
    """The nodes within ``depth`` edges of ``start``, in either direction."""
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        n, d = queue.popleft()
        if d == depth:
            continue
        for nb in m.arggraph.neighbours(n):
            if nb not in seen:
                seen.add(nb)
                queue.append((nb, d + 1))
    return seen


def _context(m, inside: set[str]) -> set[str]:
    """The nodes outside ``inside`` that support or attack, or are supported or
    attacked by, a node inside it."""
    context = set()
    for n in inside:
        for nb, e in list(m.succ[n].items()) + list(m.pred[n].items()):
            if nb not in inside and e["relation"] != "cite":
                context.add(nb)
    return context


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
                c = m.arggraph.citation(value)
                if c.key not in self.number:
                    self.number[c.key] = len(self.text) + 1
                    self.text.append(c.text)
                mark = str(self.number[c.key]) + (f", {c.locator}" if c.locator else "")
                if mark not in marks:
                    marks.append(mark)
            if marks:
                self.of_node[n] = marks


def _label(kind: str, text: str, marks: list[str] | None, style, tag=None,
           status: str | None = None, folded: str | None = None) -> str:
    tag = html_text(tag) if tag else kind.upper()
    if marks:
        tag += "  [" + html_text("; ".join(marks)) + "]"
    if status:
        tag += "  ·  " + html_text(status)
    if folded is not None:  # an overview names each point by its first words, narrowly
        words = text.split()
        text = " ".join(words[:OVERVIEW_WORDS]) + (" …" if len(words) > OVERVIEW_WORDS else "")
        lines = html_lines(wrap(text, 26))
    else:
        lines = html_lines(wrap(text))
    if status and status.startswith("REJECTED"):
        lines = f"<S>{lines}</S>"
    if folded:
        lines += f'<BR/><FONT POINT-SIZE="10" COLOR="{style["tag"]}"><B>{html_text(folded)}</B></FONT>'
    return (f'<<FONT POINT-SIZE="9" COLOR="{style["tag"]}">{tag}</FONT>'
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
    arrows = {"support": ("━━━▶", "supports (arrow at the claim)"),
              "attack": ("╌╌╌┫", "attacks (arrow at the claim)"),
              "undercut": ("┈┈┈┫●", "undercuts: denies that the reasons carry the claim "
                                    "(ends on the step)")}
    for rel in ("support", "attack", "undercut"):
        if rel in relations:
            glyph, word = arrows[rel]
            rows.append(f'<TR><TD><FONT COLOR="{EDGE_STYLE[rel]["color"]}">{glyph}</FONT></TD>'
                        f'<TD ALIGN="LEFT">{word}</TD></TR>')
    if "group" in relations:
        rows.append('<TR><TD>●</TD><TD ALIGN="LEFT">reasons that work only together</TD></TR>')
    if "step" in relations:
        rows.append('<TR><TD>●</TD><TD ALIGN="LEFT">the step from a reason to its claim</TD></TR>')
    if "scheme" in relations:
        rows.append('<TR><TD><I>scheme</I></TD><TD ALIGN="LEFT">the argument scheme of a step '
                    '(argmap schemes NAME)</TD></TR>')
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


class _Diagram:
    """The pydot graph of one diagram, made in steps: which nodes, the graph's
    attributes, the nodes, the edges, then the footnotes and the legend."""

    def __init__(self, argmap, o: DotOptions):
        self.m = argmap
        self.o = o
        self.folded: dict[str, str] = {}  # node -> what an overview folds under it
        self.nodes, self.context = self.select()
        # ids follow the full graph's order, so a part of the map keeps the ids of the whole
        index = {n: i for i, n in enumerate(argmap.nodes)}
        self.ids = {n: f"n{index[n]}" for n in self.nodes}
        self.fast = o.fast if o.fast is not None else len(self.nodes) > 1500
        self.dot = pydot.Dot("argmap", graph_type="digraph", strict=False)
        # every SVG element gets an id of this diagram's own, so diagrams can share a page;
        # the prefix is quoted once: the rest of each id is a letter and a number
        self.quoted_prefix = dot_quoted(o.id_prefix)[:-1]
        self.count = iter(range(1 << 30))
        self.clusters: dict[str, pydot.Cluster] = {}
        self.cites = Citations(argmap, self.nodes) if o.sources == "footnotes" else None
        self.kinds_seen: list[str] = []
        self.relations: set[str] = set()
        self.junctions: dict[tuple, str] = {}  # (target, first reason) -> its junction point

    def eid(self) -> str:
        return f'{self.quoted_prefix}x{next(self.count)}"'

    def select(self) -> tuple[list[str], set[str]]:
        """The nodes to draw, in declaration order, and those drawn only as context."""
        m, o = self.m, self.o
        nodes = list(m.nodes)
        if o.focus is not None:
            keep = neighbourhood(m, o.focus, o.depth)
            nodes = [n for n in nodes if n in keep]
        context: set[str] = set()
        if o.section is not None:
            inside = {n for n in nodes if m.nodes[n]["section"] == o.section}
            context = _context(m, inside)
            nodes = [n for n in nodes if n in inside or n in context]
        return self.by_kind(nodes), context

    def by_kind(self, nodes: list[str]) -> list[str]:
        """Sources only where asked for; an overview's kinds only, with what it folds."""
        kinds = self.m.nodes
        if self.o.overview:
            nodes = [n for n in nodes if kinds[n]["kind"] in OVERVIEW_KINDS]
            self.folded = folded(self.m, nodes)
        elif self.o.sources != "nodes":
            nodes = [n for n in nodes if kinds[n]["kind"] != "source"]
        return nodes

    def graph_attributes(self) -> None:
        o, dot = self.o, self.dot
        attrs = {
            "rankdir": o.direction, "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
            "fontname": FONT, "bgcolor": "white", "pad": "0.3", "compound": "true",
        }
        if self.fast:
            attrs.update({"splines": "line", "nslimit": "2", "nslimit1": "2",
                          "mclimit": "0.5", "searchsize": "20", "remincross": "false"})
        header = _header(self.m.meta) if o.focus is None and o.section is None else None
        if o.section is not None:
            header = f'<<FONT POINT-SIZE="16"><B>{html_text(o.section)}</B></FONT><BR/> >'
        if header and o.header:
            attrs.update({"label": header, "labelloc": "t", "labeljust": "c"})
        if o.overview:  # left to right, scaled (never up) to a landscape A4 page, margins left
            attrs.update({"size": '"10.4,7.2"', "rankdir": "LR", "ranksep": "0.3",
                          "nodesep": "0.12"})
        attrs["id"] = dot_quoted(f"{o.id_prefix}graph")
        for key, value in attrs.items():
            dot.set(key, value)
        dot.set_node_defaults(shape="box", fontname=FONT, fontsize="11", margin="0.14,0.07",
                              penwidth="1.2")
        dot.set_edge_defaults(**EDGE_DEFAULTS)

    def container(self, section):
        """Where a node of ``section`` goes: the section's cluster, or the graph."""
        if section is None or self.fast or self.o.section is not None or self.o.overview:
            return self.dot
        if section not in self.clusters:
            # the title at the side the section's edges don't leave by: they run
            # towards the conclusions, at the top when the direction is TB
            where = {"TB": "b", "BT": "t"}.get(self.o.direction, "t")
            c = pydot.Cluster(f"s{len(self.clusters)}", label=dot_quoted(section), style="rounded",
                              id=self.eid(), color="#b8b8b8", fontcolor="#4d4d4d",
                              fontsize="13", fontname=FONT, labeljust="l", labelloc=where,
                              margin="12")
            self.clusters[section] = c
            self.dot.add_subgraph(c)
        return self.clusters[section]

    def node_attributes(self, n: str) -> dict:
        o, d = self.o, self.m.nodes[n]
        kind = d["kind"]
        s = KIND_STYLE[kind]
        attrs = NODE_ATTRS[kind].copy()
        ev = o.evaluation
        status = None
        if ev is not None and n in ev.status:
            status = f"{ev.status[n].upper()} {ev.strength[n]:.2f}"
            if ev.status[n] != "accepted":
                attrs.update(STATUS_STYLE[ev.status[n]])
                s = s | {"tag": STATUS_STYLE[ev.status[n]]["fontcolor"]}
        marks = self.cites.of_node.get(n) if self.cites else None
        attrs["label"] = _label(kind, d["text"], marks, s, status=status,
                                folded=self.folded.get(n, "") if self.o.overview else None)
        if n in self.context:
            attrs.update(CONTEXT_STYLE)
            where = f"{kind.upper()} · in § {d['section']}" if d["section"] else None
            attrs["label"] = _label(kind, d["text"], None, CONTEXT_STYLE | {"tag": "#777777"},
                                    tag=where)
        attrs["tooltip"] = dot_quoted(d["text"])
        attrs["id"] = f'{self.quoted_prefix}{self.ids[n]}"'
        if o.focus == n:
            attrs["penwidth"] = "3.5"
        if o.links == "outline":
            attrs["URL"] = dot_quoted(f"#o-{self.ids[n]}")
        else:
            url = safe_url(d["url"])
            if url:
                attrs["URL"] = dot_quoted(url)
                attrs["target"] = '"_blank"'
        return attrs

    def add_nodes(self) -> None:
        for n in self.nodes:
            d = self.m.nodes[n]
            if d["kind"] not in self.kinds_seen:
                self.kinds_seen.append(d["kind"])
            section = d["section"] if d["kind"] != "source" and n not in self.context else None
            self.container(section).add_node(pydot.Node(self.ids[n], **self.node_attributes(n)))

    def add_edges(self) -> None:
        """Every relation between drawn nodes. A support that is a step of its own in
        the picture (a `&` group, or an inference with a scheme or undercuts) runs
        through a junction point: reasons meet there, undercuts end there, and the
        scheme's name labels the line from there to the claim."""
        ids, dot = self.ids, self.dot
        steps = self.steps()
        for u, v, e in self.m.arggraph.edges():
            if u not in ids or v not in ids:
                continue
            rel = e["relation"]
            if rel == "cite":
                if self.o.sources == "nodes":
                    self.relations.add("cite")
                    dot.add_edge(pydot.Edge(ids[u], ids[v], dir="forward", style="dotted",
                                            color="#808080", penwidth="1", arrowhead="none",
                                            weight="0", id=self.eid()))
                continue
            self.relations.add(rel)
            own = EDGE_OWN[rel]
            if rel == "undercut":
                key = (v, e["reasons"][0])
                end = self.junction(key, steps[key], rel) if key in steps else ids[v]
                dot.add_edge(pydot.Edge(end, ids[u], id=self.eid(), **own))
                continue
            key = (v, u)
            if key not in steps:
                dot.add_edge(pydot.Edge(ids[v], ids[u], id=self.eid(), **own))
                continue
            # from a reason to its step's junction: a line, no arrow
            dot.add_edge(pydot.Edge(self.junction(key, steps[key], rel), ids[u], dir="none",
                                    id=self.eid(), **own))

    def steps(self) -> dict:
        """(target, a reason) -> its inference, for each inference drawn through a
        junction; keyed by every reason, and by the first one for undercuts."""
        steps = {}
        graph = self.m.arggraph
        for v in self.ids:
            if self.m.nodes[v]["kind"] == "source":
                continue
            for inf in graph.inferences_into(v):
                if inf.linked or inf.undercutters or inf.scheme:
                    for r in inf.reasons:
                        steps[(v, r)] = inf
        return steps

    def junction(self, key, inf, rel) -> str:
        """The junction point of an inference, made (with its line to the claim) once."""
        first = (inf.target, inf.reasons[0])
        if first in self.junctions:
            return self.junctions[first]
        j = self.junctions[first] = f"j{len(self.junctions)}"
        self.relations.add("group" if inf.linked else "step")
        color = EDGE_STYLE[inf.relation]["color"]
        size = "0.15" if inf.undercutters else "0.09"  # where an undercut ends: easy to see
        self.container(self.m.nodes[inf.target]["section"]).add_node(pydot.Node(
            j, shape="point", width=size, height=size, color=color, label='""',
            id=self.eid()))
        extra = {}
        if inf.scheme:
            self.relations.add("scheme")
            extra = {"label": f'<<I>{html_text(inf.scheme)}</I>>', "fontcolor": "#2a5a34",
                     "fontsize": "10"}
        self.dot.add_edge(pydot.Edge(self.ids[inf.target], j, id=self.eid(),
                                     **EDGE_OWN[inf.relation], **extra))
        return j

    def add_extras(self) -> None:
        """The footnotes and the legend, side by side at the bottom."""
        extras = []
        if self.cites and self.cites.text:
            extras.append(pydot.Node("footnotes", shape="plaintext",
                                     label=_footnotes(self.cites), id=self.eid()))
        if self.o.legend and self.nodes:
            order = [k for k in KIND_STYLE if k in self.kinds_seen]
            extras.append(pydot.Node("legend", shape="plaintext", id=self.eid(),
                                     label=_legend(order, self.relations,
                                                   "cite" in self.relations,
                                                   self.o.evaluation is not None)))
        if extras:
            bottom = pydot.Subgraph("extras", rank="sink")
            for node in extras:
                bottom.add_node(node)
            self.dot.add_subgraph(bottom)


_ANCHOR = re.compile(r'(<g id="a_([^"]*)"><a [^>]*?xlink:title=")([^"]*)(")')


def literal_tooltips(svg: str, argmap, options: DotOptions | None = None) -> str:
    """The SVG with each node's tooltip set to its text, literally.

    Graphviz expands ``\\N``, ``\\G`` and ``\\L`` in a tooltip twice over (an
    escaped backslash too), so no DOT escaping of the text survives it; the
    SVG's tooltips are written here instead, found by the nodes' element ids.
    """
    prefix = (options or DotOptions()).id_prefix
    texts = {f"{prefix}n{i}": d["text"] for i, d in enumerate(argmap.nodes.values())}

    def literal(m):
        text = texts.get(m.group(2))
        return m.group(0) if text is None else m.group(1) + xml_attribute(text) + m.group(4)

    return _ANCHOR.sub(literal, svg)


def build(argmap, options: DotOptions | None = None) -> pydot.Dot:
    """The pydot graph of a built map."""
    d = _Diagram(argmap, options or DotOptions())
    d.graph_attributes()
    if not d.nodes:  # say so, rather than draw a blank picture
        d.dot.add_node(pydot.Node("nothing", shape="plaintext", id=d.eid(), label=dot_quoted(
            "Nothing to draw: this map has no argument nodes"
            + (" (only sources)." if argmap.nodes else "."))))
    d.add_nodes()
    d.add_edges()
    d.add_extras()
    return d.dot


def to_dot(argmap, options: DotOptions | None = None) -> str:
    """The DOT text of a built map."""
    return build(argmap, options).to_string()
