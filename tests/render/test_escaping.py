"""Escaping, proved by properties: random hostile labels come out literally everywhere."""

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pydot
import pygraphviz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.render import render
from argmap.render.text import clean, wrap

FRAGMENTS = ['"', "'", "\\", "\\n", "\\l", "\\N", "\\G", "\\E", "\\T", "\\\\", "{", "}", ";", "->",
             "--", "node", "edge", "graph", "strict", "digraph", "subgraph", ":n", ":sw", "port:",
             "<", ">", "<b>", "<TABLE>", "<TR><TD>", "</TD>", "<BR/>", "<script>", "</script>",
             "<img src=x onerror=alert(1)>", "javascript:", "]]>", "<![CDATA[", "&amp;", "&#60;",
             "&lt;", "%", "$", "[", "](", "*", "_", "`", "#", "@", "\x07", "\x1b[31m", "\x7f",
             "\u0085", "\u202e", "\u2066", "שלום", "مرحبا", "😀", "🇺🇦", "\u200d", "中文", " "]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS),
                          st.text(st.characters(blacklist_categories=("Cs",),
                                                blacklist_characters="\n\r\x00"), max_size=6)),
                min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)


def _map(texts):
    lines = [f"thesis n: {texts[0]}"]
    for i, t in enumerate(texts[1:]):
        lines.append(f"  {'+' if i % 2 else '-'} {'premise' if i % 2 else 'counter'} k{i}: {t}")
        if not i % 2:
            lines.append("    + premise: Because.")
    return argmap.loads("\n".join(lines) + "\n")


def _unquote(value):
    return re.sub(r"\\(.)", r"\1", value[1:-1])


settings.register_profile("escaping", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@settings(settings.get_profile("escaping"))
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_dot_reads_back_with_the_same_labels_and_nothing_else(texts):
    m = _map(texts)
    assert m.ok, texts
    dot = render(m, "dot")
    ids = {f"n{i}": d["text"] for i, (_, d) in enumerate(m.graph.nodes(data=True))}
    parsed = pydot.graph_from_dot_data(dot)[0]
    names = {n.get_name() for n in parsed.get_nodes()} - {"node", "edge", "graph"}
    assert names <= set(ids) | {"legend", "footnotes"} | {f"j{i}" for i in range(10)}
    for node in parsed.get_nodes():
        if node.get_name() in ids:
            assert _unquote(node.get("tooltip")) == clean(ids[node.get_name()])
    A = pygraphviz.AGraph(string=dot)
    for name, text in ids.items():
        label = A.get_node(name).attr["label"]
        body = re.sub(r"<FONT[^>]*>.*?</FONT><BR/>", "", label, count=1)
        lines = [html.unescape(x).replace("\\\\", "\\") for x in body.split("<BR/>")]
        assert lines == wrap(text)
        assert not re.search(r"<(?!/?(FONT|BR|B|S)\b)", label), label


@settings(settings.get_profile("escaping"), max_examples=25)
@given(st.lists(TEXT, min_size=3, max_size=8))
def test_svg_text_equals_the_labels(texts):
    m = _map(texts)
    assert m.ok, texts
    root = ET.fromstring(render(m, "svg"))
    ns = "{http://www.w3.org/2000/svg}"
    drawn = {}
    for g in root.iter(f"{ns}g"):
        if g.get("class") == "node":
            drawn[g.find(f"{ns}title").text] = [t.text or "" for t in g.iter(f"{ns}text")][1:]
    for i, (_, d) in enumerate(m.graph.nodes(data=True)):
        # Graphviz drops leading and trailing spaces of a text line, and so does wrap()
        assert [x.strip() for x in drawn[f"n{i}"]] == [x.strip() for x in wrap(d["text"])]
    for a in root.iter(f"{ns}a"):
        href = a.get("{http://www.w3.org/1999/xlink}href")
        assert href is None or href.startswith("https://")


@settings(settings.get_profile("escaping"), max_examples=25)
@given(st.lists(TEXT, min_size=3, max_size=8))
def test_svg_tooltips_are_the_text_literally(texts):
    """Graphviz expands \\N, \\G and \\L in tooltips (issue 14): none may be."""
    texts = [texts[0] + " \\N \\G \\L \\\\N"] + texts[1:]
    m = _map(texts)
    assert m.ok, texts
    root = ET.fromstring(render(m, "svg"))
    ns, xlink = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
    titles = {}
    for g in root.iter(f"{ns}g"):
        a = g.find(f"{ns}a")
        if (g.get("id") or "").startswith("a_d_n") and a is not None:
            titles[g.get("id")[4:]] = a.get(f"{xlink}title")
    nodes = list(m.graph.nodes(data=True))
    assert len(titles) == len(nodes)
    for i, (_, d) in enumerate(nodes):
        assert titles[f"n{i}"] == clean(d["text"])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed", "link"):
            self.bad.append(tag)
        for k, v in attrs:
            if k.startswith("on") or (v and "javascript:" in v.lower()):
                self.bad.append((tag, k, v))


@settings(settings.get_profile("escaping"), max_examples=60)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_outlines_hold_no_element_attribute_or_link_from_map_text(texts):
    m = _map(texts)
    assert m.ok, texts
    md = render(m, "md")
    assert not re.search(r"(?<!\\)<", md)
    assert not re.search(r"(?<!\\)\]\((?!https://)", md)
    page = __import__("argmap.render.html", fromlist=["to_html"]).to_html(m, diagram=False)
    p = _Tags()
    p.feed(page)
    assert p.bad == []
