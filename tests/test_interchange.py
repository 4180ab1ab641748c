"""Export to AIF and Argdown, import from argmap JSON and AIF: round trips."""

import json
import re
import os
import shutil
import subprocess

import pytest

import argmap
from argmap.export import as_aif, as_dict, to_argdown
from argmap.fmt import difference
from argmap.importer import from_aif, from_json
from helpers import ROOT, TESTS, hostile_map, invoke

MAPS = [p for p in sorted((ROOT / "maps").rglob("*.argmap")) if p.name != "sources.argmap"]
VALID = (sorted((TESTS / "conformance" / "valid").glob("*.argmap"))
         + sorted((TESTS / "conformance-1.2" / "valid").glob("*.argmap")))


def _statements(G):
    """Texts, relations between texts, and groups of texts: what AIF and Argdown keep."""
    text = {n: d["text"] for n, d in G.nodes(data=True) if d["kind"] != "source"}
    relations = {(text[u], text[v], d["relation"], tuple(text[r] for r in d.get("reasons", ())),
                  d.get("scheme")) for u, v, d in G.edges(data=True) if d["relation"] != "cite"}
    groups = {}
    for u, v, d in G.edges(data=True):
        if d["group"]:
            groups.setdefault((d["group"], v), set()).add(text[u])
    return sorted(text.values()), relations, {frozenset(g) for g in groups.values()}


def test_aif_shape():
    m = argmap.loads("thesis t: T.\n  + premise a: A.\n  & premise b: B.\n  - counter c: C.\n"
                     "    + premise d: D.\n")
    aif = as_aif(m)
    types = [n["type"] for n in aif["nodes"]]
    assert types.count("I") == 5 and types.count("RA") == 2 and types.count("CA") == 1
    assert aif["locutions"] == []
    ra = next(n["nodeID"] for n in aif["nodes"] if n["type"] == "RA")
    into_ra = [e["fromID"] for e in aif["edges"] if e["toID"] == ra]
    assert sorted(into_ra) == ["2", "3"]  # one RA holds the linked pair
    assert {"edgeID", "fromID", "toID"} <= set(aif["edges"][0])


@pytest.mark.parametrize("path", MAPS + VALID, ids=lambda p: p.stem)
def test_map_to_aif_to_map_keeps_statements_and_relations(path):
    m = argmap.load(path)
    text, warnings = from_aif(json.loads(json.dumps(as_aif(m))))
    back = argmap.loads(text)
    assert back.ok, text
    assert _statements(back.graph) == _statements(m.graph)


@pytest.mark.parametrize("path", MAPS + VALID, ids=lambda p: p.stem)
def test_map_to_json_to_map_is_the_same_graph(path):
    m = argmap.load(path)
    doc = json.loads(json.dumps(as_dict(m)))
    text, warnings = from_json(doc)
    assert warnings == []
    back = argmap.loads(text, file=m.files[0], root=path.parent)
    G, H = m.graph, back.graph
    # the same nodes (anonymous ones in order), attributes, edges and groups
    assert len(G) == len(H)
    names = dict(zip(G, H))
    for n, h in names.items():
        assert n == h or (n.startswith("_") and h.startswith("_"))
        for key in ("kind", "text", "section", "cite", "tags", "note", "url", "weight", "expect",
                    "stance", "cq"):
            assert G.nodes[n][key] == H.nodes[h][key], (n, key)

    def edges(G, name):
        return {(name(u), name(v), d["relation"], tuple(map(name, d.get("reasons", ()))),
                 d.get("scheme"), tuple(q for _, q, _, _ in d.get("cq", ())))
                for u, v, d in G.edges(data=True)}

    assert edges(G, names.__getitem__) == edges(H, lambda n: n)
    assert list(back.meta.items()) == list(m.meta.items())


def test_import_warns_about_what_it_cannot_hold():
    doc = {"version": 1, "meta": {"Bad Key": "x", "title": "T\nwith a break"},
           "nodes": [
               {"id": "Not An Id", "kind": "thesis", "text": "T.", "extra": 1},
               {"id": "p", "kind": "wish", "text": "P."},
               {"id": "q", "kind": "premise", "text": "Q.", "weight": 7},
           ],
           "edges": [{"source": "p", "target": "Not An Id", "relation": "support", "group": None},
                     {"source": "q", "target": "gone", "relation": "support", "group": None},
                     {"source": "q", "target": "p", "relation": "causes", "group": None}]}
    text, warnings = from_json(doc)
    joined = "\n".join(warnings)
    for needle in ("'Bad Key'", "line breaks", "renamed `not-an-id`", "unknown kind 'wish'",
                   "weight 7", "names a node that is not there", "relation 'causes'", "extra"):
        assert needle in joined, needle
    m = argmap.loads(text)
    assert m.ok and m.graph.edges["p", "not-an-id"]["relation"] == "support"


def test_aif_import_reads_undercuts_and_warns_of_other_nodes():
    doc = {"nodes": [{"nodeID": "1", "text": "A", "type": "I"},
                     {"nodeID": "2", "text": "B", "type": "I"},
                     {"nodeID": "3", "text": "Default Inference", "type": "RA"},
                     {"nodeID": "4", "text": "C", "type": "I"},
                     {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
                     {"nodeID": "6", "text": "asserting", "type": "YA"}],
           "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"},
                     {"edgeID": "2", "fromID": "3", "toID": "2"},
                     {"edgeID": "3", "fromID": "4", "toID": "5"},
                     {"edgeID": "4", "fromID": "5", "toID": "3"}],
           "locutions": [{"nodeID": "6"}]}
    text, warnings = from_aif(doc)
    # the dialogue layer, in one warning with counts (issue 17)
    assert warnings == ["the dialogue layer has no place in a map and is left out "
                        "(1 YA-node(s), 1 locutions)"]
    G = argmap.loads(text).graph  # ids are the AIF node ids (issue 17)
    assert G.edges["i1", "i2"]["relation"] == "support"
    # CA → RA: C undercuts the step from A to B; nothing supports C: a premise
    assert G.edges["i4", "i2"]["relation"] == "undercut"
    assert G.edges["i4", "i2"]["reasons"] == ["i1"] and G.nodes["i4"]["kind"] == "premise"


def test_aif_schemes_by_their_aifdb_names():
    def doc(name):
        return {"nodes": [{"nodeID": "1", "text": "A", "type": "I"},
                          {"nodeID": "2", "text": "B", "type": "I"},
                          {"nodeID": "3", "text": name, "type": "RA"}],
                "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"},
                          {"edgeID": "2", "fromID": "3", "toID": "2"}]}

    for name in ("Argument From Expert Opinion", "ExpertOpinion", "Expert Opinion",
                 "expert-opinion"):
        text, warnings = from_aif(doc(name))
        assert "scheme: expert-opinion" in text and warnings == [], name
    text, warnings = from_aif(doc("Argument From Bias"))
    assert "scheme:" not in text
    assert warnings == ["RA-node 3 names the scheme 'Argument From Bias', which the catalogue "
                        "does not hold (`argmap schemes` lists it); the step is kept without "
                        "its scheme"]
    assert from_aif(doc("Default Inference"))[1] == []


def test_aif_export_names_schemes_and_undercuts():
    m = argmap.loads("thesis t: T.\n  + premise p: P.\n    scheme: expert-opinion\n"
                     "    ~ counter u: U.\n")
    aif = as_aif(m)
    ra = next(n for n in aif["nodes"] if n["type"] == "RA")
    assert ra["text"] == ra["scheme"] == "Expert Opinion"
    u = next(n["nodeID"] for n in aif["nodes"] if n["text"] == "U.")
    ca = next(e["toID"] for e in aif["edges"] if e["fromID"] == u)
    assert [e["toID"] for e in aif["edges"] if e["fromID"] == ca] == [ra["nodeID"]]


def test_cli_round_trip(tmp_path):
    src = ROOT / "maps/examples/seminar-debate.argmap"
    assert invoke("export", src, "-o", tmp_path / "m.json").code == 0
    r = invoke("import", tmp_path / "m.json", "-o", tmp_path / "back.argmap")
    assert r.code == 0 and r.err == ""
    assert difference(argmap.load(src), argmap.load(tmp_path / "back.argmap")) is None
    r = invoke("export", src, "-f", "aif", "-o", tmp_path / "m.aif.json")
    assert r.code == 0 and "can't hold" in r.err
    r = invoke("import", tmp_path / "m.aif.json")
    assert r.code == 0 and r.out.startswith("thesis i1: Lecturers should ban laptops")
    (tmp_path / "junk.json").write_text("[1, 2]")
    assert invoke("import", tmp_path / "junk.json").code == 1
    assert invoke("import", tmp_path / "missing.json").code == 2


def _argdown():
    for candidate in (os.environ.get("ARGDOWN"), str(ROOT / ".ci/node/node_modules/.bin/argdown"),
                      shutil.which("argdown")):
        if candidate and os.path.exists(candidate) and shutil.which("node"):
            return candidate
    return None


ARGDOWN = _argdown()


@pytest.mark.skipif(not ARGDOWN, reason="no @argdown/cli (npm install @argdown/cli, "
                    "or set ARGDOWN to its `argdown` program)")
@pytest.mark.parametrize("path", MAPS + [TESTS / "render" / "hostile"]
                         + sorted((TESTS / "conformance-1.2" / "valid").glob("*.argmap")),
                         ids=lambda p: p.stem)
def test_argdown_reads_back_the_same_statements_and_relations(path, tmp_path):
    if path.stem == "hostile":
        path = tmp_path / "hostile.argmap"
        path.write_text(hostile_map())
    m = argmap.load(path)
    (tmp_path / "m.argdown").write_text(to_argdown(m), encoding="utf-8")
    done = subprocess.run([ARGDOWN, "json", "m.argdown", "out"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((tmp_path / "out" / "m.json").read_text())
    got = {s["title"]: next(x["text"] for x in s["members"] if x.get("text") is not None)
           for s in data["statements"].values()}
    # Argdown keeps a statement's tags at the end of its text (issue 17: tags as #tags,
    # a source as a statement tagged #(source), the other attributes as data)
    # (and, before data, the line break after a statement with relations under it
    # as a space: whitespace at the end, which means nothing)
    got = {k: re.sub(r"(\s*#\([^)]*\))+\s*\Z", "", t).rstrip() for k, t in got.items()}
    want = {n: d["text"] for n, d in m.graph.nodes(data=True)}
    assert got == want
    tags = {s["title"]: s.get("tags", []) for s in data["statements"].values()}
    assert tags == {n: list(d["tags"]) + ["source"] * (d["kind"] == "source")
                    for n, d in m.graph.nodes(data=True)}
    for s in data["statements"].values():
        d = m.graph.nodes[s["title"]]
        assert s.get("data", {}) == {k: d[k] for k in ("cite", "note", "url", "weight", "expect")
                                     if d.get(k)}
    relations = {(r["from"], r["to"], r["relationType"]) for r in data["relations"]}
    edges = [(u, v, d) for u, v, d in m.graph.edges(data=True) if d["relation"] != "cite"]
    # an undercut is a relation to an argument whose premises are the reasons and
    # whose conclusion is the target
    pcs = {title: [(p["title"], p["role"]) for p in a["pcs"]]
           for title, a in data["arguments"].items()}
    undercuts = set()
    for u, v, d in edges:
        if d["relation"] == "undercut":
            title = next(t for t, ps in pcs.items()
                         if ps == [(r, "premise") for r in d["reasons"]] + [(v, "main-conclusion")])
            undercuts.add((u, title, "undercut"))
    assert relations == {(u, v, d["relation"]) for u, v, d in edges
                         if d["relation"] != "undercut"} | undercuts
