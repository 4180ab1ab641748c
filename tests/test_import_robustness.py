"""Importing what others wrote (issue 14): an imported map always parses, and
every change made on the way is a warning or a refusal. Each test failed
before the fix."""

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.importer import MAX_NESTING, WARNINGS_OF_A_KIND, NotImportable, import_bytes
from helpers import invoke

_IDS = st.sampled_from(["t", "p", "q", "Smith2020", "_2", "_3", "a b", "", "include", "x" * 70,
                        "1x", "é", "s"])
_TEXT = st.one_of(st.sampled_from(["T.", "", " ", "a\nb", "x: y", "\x00", "tab\there", "\ud800"]),
                  st.text(max_size=8))
_NODE = st.fixed_dictionaries(
    {"id": _IDS, "kind": st.sampled_from(["thesis", "claim", "premise", "evidence", "counter",
                                          "rebuttal", "source", "wish"]), "text": _TEXT},
    optional={"cite": st.lists(st.one_of(st.sampled_from(["@Smith2020", "@p", "@s, p. 1", "@",
                                                          "@_2", "free", "", " "]), _TEXT),
                               max_size=3),
              "tags": st.lists(st.one_of(st.sampled_from(["", " ", "a,b"]), _TEXT), max_size=3),
              "note": _TEXT, "url": _TEXT, "section": st.one_of(st.none(), _TEXT),
              "weight": st.one_of(st.floats(), st.sampled_from(["0.5", "2", "x"])),
              "expect": st.sampled_from(["accepted", "x", ""])})
_EDGE = st.fixed_dictionaries(
    {"source": _IDS, "target": _IDS, "relation": st.sampled_from(["support", "attack", "cite", "x"])},
    optional={"group": st.sampled_from(["g1", "g2", None]), "line": st.integers(0, 5),
              "file": st.sampled_from(["a", "b"])})
_DOCS = st.fixed_dictionaries({
    "version": st.just(1),
    "meta": st.dictionaries(st.sampled_from(["title", "Bad Key", "x"]), _TEXT, max_size=2),
    "nodes": st.lists(_NODE, max_size=8), "edges": st.lists(_EDGE, max_size=10)})
_AIF = st.fixed_dictionaries({
    "nodes": st.lists(st.fixed_dictionaries({
        "nodeID": st.sampled_from(["1", "2", "3", "4", "5", 6]),
        "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA"]), "text": _TEXT}), max_size=8),
    "edges": st.lists(st.fixed_dictionaries({"fromID": st.sampled_from(["1", "2", "3", "4", "5", 6]),
                                             "toID": st.sampled_from(["1", "2", "3", "4", "5", 6])}),
                      max_size=10)})
_SETTINGS = settings(max_examples=400, deadline=None, derandomize=True,
                     suppress_health_check=list(HealthCheck))


def _imports_to_a_map(doc, source_format):
    try:
        text, warnings = import_bytes(json.dumps(doc).encode("utf-8", "surrogatepass"),
                                      source_format)
    except NotImportable:
        return
    m = argmap.loads(text)
    assert m.ok, (text, [f.message for f in m.findings])


@_SETTINGS
@given(_DOCS)
@example({"version": 1, "meta": {}, "edges": [], "nodes": [
    {"id": "p", "kind": "premise", "text": "P.", "cite": ["@Smith2020", "@", ""], "tags": [""],
     "url": " "}, {"id": "Smith2020", "kind": "source", "text": "S."}]})
@example({"version": 1, "meta": {}, "edges": [], "nodes": [
    {"id": "_2", "kind": "premise", "text": "A."}, {"id": "_2", "kind": "premise", "text": "B."}]})
def test_every_imported_json_export_parses(doc):
    _imports_to_a_map(doc, "json")


@_SETTINGS
@given(_AIF)
def test_every_imported_aif_document_parses(doc):
    _imports_to_a_map(doc, "aif")


def test_a_cite_follows_the_source_it_names_when_its_id_is_renamed():
    doc = {"version": 1, "meta": {}, "edges": [], "nodes": [
        {"id": "Smith2020", "kind": "source", "text": "Smith."},
        {"id": "e", "kind": "evidence", "text": "E.", "cite": ["@Smith2020, p. 3"]}]}
    text, warnings = import_bytes(json.dumps(doc).encode())
    m = argmap.loads(text)
    assert not [f for f in argmap.check(m) if f.severity == "error"]
    assert m.graph.has_edge("e", "smith2020")
    assert m.nodes["e"]["cite"] == ["@smith2020, p. 3"]


def test_repeated_ids_keep_the_first_node_and_say_so():
    doc = {"version": 1, "meta": {}, "edges": [], "nodes": [
        {"id": "p", "kind": "thesis", "text": "First."}, {"id": "p", "kind": "claim", "text": "Second."}]}
    text, warnings = import_bytes(json.dumps(doc).encode())
    assert text == "thesis p: First.\n"
    assert any("repeated" in w and "Second." in w for w in warnings)
    aif = {"nodes": [{"nodeID": "1", "type": "I", "text": "A."}, {"nodeID": "1", "type": "I",
                                                                   "text": "B."}], "edges": []}
    text, warnings = import_bytes(json.dumps(aif).encode(), "aif")
    assert "A." in text and "B." not in text and any("repeated" in w for w in warnings)


@pytest.mark.parametrize("node, field", [
    ({"id": "p", "kind": "premise", "text": "P.", "cite": "a/b/c"}, "`cite` must be a list"),
    ({"id": "p", "kind": "premise", "text": "P.", "tags": "x,y"}, "`tags` must be a list"),
    ({"id": "p", "kind": "premise", "text": None}, "`text` must be a string, not null"),
    ({"id": "p", "kind": "premise", "text": ["P."]}, "`text` must be a string, not a list"),
    ({"id": "p", "kind": 3, "text": "P."}, "`kind` must be a string"),
    ({"id": "p", "kind": "premise", "text": "P.", "cite": [3]}, "`cite` must hold strings"),
])
def test_wrong_types_are_refused_not_coerced(node, field):
    doc = {"version": 1, "meta": {}, "nodes": [node], "edges": []}
    with pytest.raises(NotImportable, match=field):
        import_bytes(json.dumps(doc).encode())


def test_wrong_shapes_are_refused_with_exit_1(tmp_path):
    for i, doc in enumerate([{"version": 1, "meta": [], "nodes": [], "edges": []},
                             {"version": 1, "meta": {}, "nodes": {}, "edges": []},
                             {"version": 1, "meta": {}, "nodes": [], "edges": [3]},
                             {"nodes": [{"nodeID": "1"}], "edges": "x"}]):
        (tmp_path / f"d{i}.json").write_text(json.dumps(doc))
        r = invoke("import", f"d{i}.json", cwd=tmp_path)
        assert r.code == 1 and "can't be imported" in r.err and "internal" not in r.err, r.err


def test_json_nested_100000_levels_is_refused(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    r = invoke("import", "deep.json", cwd=tmp_path)
    assert r.code == 1 and "nested too deeply" in r.err


def test_a_deep_chain_imports_to_a_map_of_bounded_indentation():
    """Indentation grew with the square of the depth: 1.7 MB of JSON became 100 MB."""
    n = 3000
    nodes = [{"id": "t", "kind": "thesis", "text": "T.", "file": "m", "line": 1}]
    edges = []
    for i in range(1, n):
        nodes.append({"id": f"p{i}", "kind": "premise", "text": "P.", "file": "m", "line": i + 1})
        edges.append({"source": f"p{i}", "target": f"p{i - 1}" if i > 1 else "t",
                      "relation": "support", "file": "m", "line": i + 1})
    text, _ = import_bytes(json.dumps({"version": 1, "meta": {}, "nodes": nodes,
                                       "edges": edges}).encode())
    longest = max(len(line) - len(line.lstrip(" ")) for line in text.splitlines())
    assert longest <= 2 * (MAX_NESTING + 1)  # a node's attributes one level deeper
    m = argmap.loads(text)
    assert m.ok and len(m.nodes) == n and argmap.check(m) == []


def test_many_warnings_of_one_kind_are_counted_not_listed():
    n = 500
    nodes = [{"id": "t", "kind": "thesis", "text": "T."}] + [
        {"id": f"s{i}", "kind": "source", "text": "S."} for i in range(n)]
    edges = [{"source": "t", "target": f"s{i}", "relation": "cite"} for i in range(n)]
    text, warnings = import_bytes(json.dumps({"version": 1, "meta": {}, "nodes": nodes,
                                              "edges": edges}).encode())
    assert len(warnings) == WARNINGS_OF_A_KIND + 1
    assert warnings[-1].startswith(f"… and {n - WARNINGS_OF_A_KIND} more warning(s)")
    assert len(argmap.loads(text).nodes["t"]["cite"]) == n
