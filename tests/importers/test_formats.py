"""Each importer on small documents made to show one behaviour at a time."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.importer import NotImportable, import_bytes
from helpers import invoke


def aif(nodes, edges, **more) -> bytes:
    return json.dumps({"nodes": [{"nodeID": k, "type": t, "text": x} for k, t, x in nodes],
                       "edges": [{"fromID": a, "toID": b} for a, b in edges], **more}).encode()


def load(data: bytes, fmt="auto", name=None):
    text, warnings = import_bytes(data, fmt, name)
    return argmap.loads(text), warnings


def kinds(m) -> dict:
    return {n: d["kind"] for n, d in m.graph.nodes(data=True)}


def test_kinds_follow_the_structure():
    # 3 supports 1; 4 attacks 3 and nothing supports it; 5 stands alone
    m, _ = load(aif([("1", "I", "Conclusion"), ("2", "RA", "Default Inference"),
                     ("3", "I", "Reason"), ("4", "I", "Objection"), ("5", "I", "Aside"),
                     ("6", "CA", "Default Conflict")],
                    [("3", "2"), ("2", "1"), ("4", "6"), ("6", "3")]))
    assert kinds(m) == {"i1": "thesis", "i3": "premise", "i4": "premise", "i5": "premise"}
    assert argmap.check(m) == [] or all(f.severity == "warning" for f in argmap.check(m))


def test_unsound_relations_are_left_out_with_the_aif_ids():
    m, warnings = load(aif([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", ""), ("4", "RA", ""),
                            ("5", "RA", ""), ("6", "CA", "")],
                           [("1", "3"), ("3", "1"),            # A for A
                            ("1", "4"), ("4", "2"),            # A for B
                            ("2", "5"), ("5", "1"),            # B for A: a circle
                            ("1", "6"), ("6", "2")]))          # A against B
    assert warnings == [
        "RA-node 3 makes I-node 1 a reason for itself; left out",
        "I-node 1 both supports and attacks I-node 2 (RA-node 4, CA-node 6); a map holds one "
        "relation of a pair, so CA-node 6 is left out",
        "RA-node 5 (I-node 2 → I-node 1) closes a circle of support; left out"]
    assert [f for f in argmap.check(m) if f.severity == "error"] == []


def test_overlapping_linked_arguments_say_what_was_kept():
    m, warnings = load(aif([("1", "I", "C"), ("2", "I", "P"), ("3", "I", "Q"), ("4", "I", "R"),
                            ("5", "RA", ""), ("6", "RA", "")],
                           [("2", "5"), ("3", "5"), ("5", "1"), ("2", "6"), ("4", "6"),
                            ("6", "1")]))
    assert warnings == [
        "I-node 2 is a premise of two arguments for I-node 1: RA-node 5 (I-node 2, "
        "I-node 3) and RA-node 6 (I-node 2, I-node 4). A map relates two statements once, so "
        "it stays in RA-node 5's group, and RA-node 6 is written with the rest (I-node 4); see "
        "“Overlapping linked arguments” in docs/language.md"]
    assert "delete" not in warnings[0]
    G = m.graph
    assert G.edges["i2", "i1"]["group"] == G.edges["i3", "i1"]["group"]
    assert G.edges["i4", "i1"].get("group") != G.edges["i2", "i1"]["group"]


def test_rephrases_become_notes_and_ids_that_cant_be_spelt_get_one():
    m, warnings = load(aif([("A", "I", "Cats are best."), ("a", "I", "The best are cats."),
                            ("m", "MA", "Default Rephrase")], [("a", "m"), ("m", "A")]))
    notes = {n: d.get("note") for n, d in m.graph.nodes(data=True)}
    assert notes == {"ia": "Rephrases ia-2 (MA-node m): The best are cats.",
                     "ia-2": "AIF nodeID: a\nRephrased by ia (MA-node m): Cats are best."}
    assert warnings == ["the dialogue layer has no place in a map and is left out "
                        "(1 MA-node(s)); rephrases (MA) became notes"]


KIALO = b"""Discussion Title: Should cities ban cars?

1. Cities should ban cars.
1.1. Pro: Cars [pollute](https://example.org/air\\(2020\\)).
1.1.1. Con: Electric cars
don't pollute the air.
1.2. Con: -> See 1.1.1.
"""


def test_kialo():
    m, warnings = load(KIALO)
    assert warnings == []
    G = m.graph
    # 1.1 is attacked but nothing supports it: a premise, as the structure says
    assert kinds(m) == {"k1": "thesis", "k1-1": "premise", "k1-1-1": "premise"}
    assert G.nodes["k1-1"]["text"] == "Cars pollute."
    assert G.nodes["k1-1"]["note"] == "Links: https://example.org/air(2020)"
    assert G.nodes["k1-1-1"]["text"] == "Electric cars don't pollute the air."
    assert G.edges["k1-1-1", "k1"]["relation"] == "attack"  # by `-> See`
    assert m.meta["title"] == "Should cities ban cars?"


ARGDOWN = """===
title: Cars
author: A. Student
model:
    mode: strict
===

# The case

[Ban]: Cities should ban cars. #policy
  + <Pollution>
  - [Freedom]: People may travel as they like. // a comment
  >< [Keep]: Cities should keep cars.

<Pollution>: Cars *pollute* the air.

(1) Cars emit \\[fumes\\].
(2) [Harm]: Fumes harm @[Ban]'s citizens. {source: "WHO 2021"}
--
Modus ponens {uses: [1, 2]}
--
(3) Cars harm citizens.
(4) What harms citizens should be banned.
----
(5) [Ban]: Cars should go.
  <_ [Exception]: Some harms are worth their benefits.

[Harm]: Fumes hurt people.
"""


def test_argdown_constructs():
    m, warnings = load(ARGDOWN.encode(), name="cars.argdown")
    G = m.graph
    assert m.meta == {"title": "Cars", "author": "A. Student"}
    assert G.nodes["ban"]["text"] == "Cities should ban cars."
    assert G.nodes["ban"]["tags"] == ["policy"] and G.nodes["ban"]["section"] == "The case"
    assert "Also stated as: Cars should go." in G.nodes["ban"]["note"]
    assert "Argument <Pollution>: Cars pollute the air." in G.nodes["ban"]["note"]
    assert G.nodes["harm"]["text"] == "Fumes harm Ban's citizens."
    assert 'Argdown data (line 18): {source: "WHO 2021"}' in G.nodes["harm"]["note"]
    cars = next(n for n, d in G.nodes(data=True) if d["text"] == "Cars emit [fumes].")
    middle = next(n for n, d in G.nodes(data=True) if d["text"] == "Cars harm citizens.")
    should = next(n for n, d in G.nodes(data=True) if d["text"].startswith("What harms"))
    # (1) & (2) -> (3), then (3) & (4) -> (5): a chain of linked groups
    assert G.edges[cars, middle]["group"] == G.edges["harm", middle]["group"]
    assert G.edges[middle, "ban"]["group"] == G.edges[should, "ban"]["group"]
    assert "Inference rule: Modus ponens {uses: [1, 2]}" not in (G.nodes[middle].get("note") or "")
    assert G.edges["freedom", "ban"]["relation"] == "attack"
    assert G.edges["keep", "ban"]["relation"] == G.edges["ban", "keep"]["relation"] == "attack"
    cut = G.edges["exception", "ban"]
    assert cut["relation"] == "undercut" and sorted(cut["reasons"]) == sorted([middle, should])
    assert "line 4: front matter `model` is not text (Argdown's configuration, or nested " \
        "data); left out" in warnings
    # the map is in strict mode (front matter): - and >< between statements are logic
    assert "2 relation(s) between two statements (lines 12, 13: entailment, contrariety or " \
        "contradiction) came in as support and attack" in warnings
    assert [f for f in argmap.check(m) if f.severity == "error"] == []


def test_argdown_warns_with_the_line():
    _, warnings = load(b"  + [A]: dangling\n", "argdown")
    assert warnings == ["line 1: a relation (`+`) with nothing above it to relate to; read as "
                        "an element of its own"]


@pytest.mark.parametrize("data, name, message", [
    (b'{"foo": 1}', "x.json", "not a format argmap imports (expected argmap JSON, AIF or xAIF "
     "JSON, SADFace JSON, Argdown (a .argdown file) or a Kialo text export (`Discussion "
     "Title: …`))"),
    (b"just some notes\n", "notes.txt", "not a format argmap imports"),
    (b'{"nodes": [], "edges": []}', "empty.json", "not a format argmap imports"),
    (b'"a string"', "s.json", "not a format argmap imports"),
    (b"\xff\xfe", "x.argdown", "not UTF-8 text (byte 0)"),
])
def test_what_is_none_of_the_formats_is_one_clear_line(data, name, message, tmp_path):
    with pytest.raises(NotImportable) as err:
        import_bytes(data, "auto", name)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
    path = tmp_path / name
    path.write_bytes(data)
    r = invoke("import", path, "-o", tmp_path / "out.argmap")
    assert r.code == 1 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert not (tmp_path / "out.argmap").exists()


@pytest.mark.parametrize("fmt", ["aif", "sadface", "json"])
def test_a_wrong_format_option_is_one_clear_line(fmt):
    with pytest.raises(NotImportable):
        import_bytes(b'{"title": "x", "items": []}', fmt)


@pytest.mark.parametrize("name", ["seminar-debate", "neonicotinoids", "essay-outline"])
def test_argdown_export_reads_back(name):
    """Argdown written by `argmap export -f argdown` comes back with its statements,
    their texts and tags, its relations and its linked groups."""
    from pathlib import Path

    from argmap.export import to_argdown
    m = argmap.load(Path(__file__).parents[2] / "maps" / "examples" / f"{name}.argmap")
    back, _ = load(to_argdown(m).encode(), "argdown")
    named = {n: d for n, d in m.graph.nodes(data=True) if not n.startswith("_")}
    for n, d in named.items():
        assert back.graph.nodes[n]["text"] == d["text"]
        assert back.graph.nodes[n].get("tags", []) == list(d["tags"]) + (
            ["source"] if d["kind"] == "source" else [])

    def relations(G):
        return {(u, v, d["relation"]) for u, v, d in G.edges(data=True)
                if d["relation"] != "cite" and u in named and v in named}
    assert relations(m.graph) <= relations(back.graph)
    for u, v, d in m.graph.edges(data=True):
        if d.get("group") and u in named and v in named:
            mates = {x for x, _, e in m.graph.in_edges(v, data=True) if e.get("group") == d["group"]}
            g = back.graph.edges[u, v].get("group")
            assert g is not None and {x for x, _, e in back.graph.in_edges(v, data=True)
                                      if e.get("group") == g} >= mates


def test_argdown_headings_keep_their_levels_and_nodes_their_sections():
    text, _ = import_bytes(b"# Top\n\n[a]: A.\n\n## Inner\n\n[b]: B.\n  +> [a]\n\n"
                           b"# Other\n\n[c]: C.\n  -> [b]\n", "argdown")
    m = argmap.loads(text)
    assert [(level, title) for level, title in m.headings] == [(1, "Top"), (2, "Inner"),
                                                               (1, "Other")]
    assert {n: d["section"] for n, d in m.graph.nodes(data=True)} == {
        "a": "Top", "b": "Inner", "c": "Other"}


def test_argdown_statement_that_starts_with_a_link_is_no_reference():
    text, _ = import_bytes(b"[Wikipedia](https://w.org) says so.\n", "argdown")
    assert text == ("premise wikipedia-says-so: Wikipedia says so.\n"
                    "  note: Link: Wikipedia <https://w.org>\n")


def test_a_lone_argument_that_a_linked_one_shares_is_named_too():
    # RA 5: P alone for C; RA 6: P and Q for C
    _, warnings = load(aif([("1", "I", "C"), ("2", "I", "P"), ("3", "I", "Q"),
                            ("5", "RA", ""), ("6", "RA", "")],
                           [("2", "5"), ("5", "1"), ("2", "6"), ("3", "6"), ("6", "1")]))
    assert warnings == [
        "I-node 2 is a premise of two arguments for I-node 1: RA-node 5 (I-node 2) and "
        "RA-node 6 (I-node 2, I-node 3). A map relates two statements once, so it stays the "
        "lone reason of RA-node 5, and RA-node 6 is written with the rest (I-node 3); see "
        "“Overlapping linked arguments” in docs/language.md"]
    # and the other way round: the lone argument second has nothing left to write
    _, warnings = load(aif([("1", "I", "C"), ("2", "I", "P"), ("3", "I", "Q"),
                            ("6", "RA", ""), ("5", "RA", "")],
                           [("2", "6"), ("3", "6"), ("6", "1"), ("2", "5"), ("5", "1")]))
    assert warnings[0].endswith("so it stays in RA-node 6's group, and RA-node 5, which has "
                                "no other premise, is not written apart; see “Overlapping "
                                "linked arguments” in docs/language.md")


def test_argdown_says_what_it_leaves_out_with_the_line():
    _, warnings = load(b"# Part {isGroup: false}\n\n<A>\n\n(1) P.\n(2) Q.\n", "argdown")
    assert warnings == [
        "line 1: data on a heading ({isGroup: false}) has no place in a map; left out",
        "line 5: a premise–conclusion structure with no inference line (`----`); its "
        "statements come in without relations"]



@pytest.mark.parametrize("source, expected", [
    # loose mode (Argdown's default): support and attack between statements are exact
    (b"[A]: a\n  - [B]: b\n", []),
    # an inference rule that is no scheme is a note; one that is, a scheme
    (b"(1) [P]: p\n-- Some custom rule --\n(2) [C]: c\n", "note: Inference rule: Some custom rule"),
    (b"(1) [P]: p\n--\nArgument from expert opinion {uses: [1]}\n--\n(2) [C]: c\n",
     "scheme: expert-opinion"),
    # a `--` that a statement closes
    (b"(1) [P]: p\n--\n(2) [C]: c\n", "+ premise p: p"),
    # an argument title with relations under it keeps its structure
    (b"<A>: desc\n  <+ [X]: x\n\n(1) [P]: p\n----\n(2) [C]: c\n", "note: Argument <A>: desc"),
    # an item of a list after a relation is an element of its own
    (b"* [A]: a\n  + [B]: b\n* [C]: c\n  - [D]: d\n", "premise c: c\n  - premise d: d"),
    # list items under a heading are no part of it
    (b"# Heading\n* [A]: item\n", "# Heading\n\npremise a: item"),
    # a title in another script keeps its identity in a note; escapes stay text
    ("[Über Maß]: Größe.\n\n[日本]: Japan.\n".encode(), "note: Argdown title: [日本]"),
    ("[A]: icon \ue041 and \\*not bold\\*\n".encode(), "icon \ue041 and *not bold*"),
    # an argument that concludes what it is written under says nothing more
    (b"[T]: t\n  <+ <A>\n\n<A>\n\n(1) [P]: p\n----\n(2) [T]\n", "thesis t: t"),
    (b"===\nsubTitle: Sub\n===\n\n[A]: a\n", "subtitle: Sub"),
    (b"===\nauthor:\n    - A. One\n    - B. Two\ntitle: Long\n    title\n===\n\n[A]: a\n",
     "author: A. One; B. Two\ntitle: Long title"),
])
def test_argdown_cases_from_the_review(source, expected):
    text, warnings = import_bytes(source, "argdown")
    if expected == []:
        assert warnings == []
    else:
        assert expected in text, text
        assert not any("reason for itself" in w for w in warnings)


def test_aif_undercuts_and_attacks_of_one_ca_node_and_what_can_not_be_read():
    # CA 6 from U undercuts RA 3 and attacks D
    m, warnings = load(aif([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", ""), ("4", "I", "D"),
                            ("5", "I", "U"), ("6", "CA", "")],
                           [("1", "3"), ("3", "2"), ("5", "6"), ("6", "3"), ("6", "4")]))
    assert warnings == []
    assert m.graph.edges["i5", "i2"]["relation"] == "undercut"
    assert m.graph.edges["i5", "i4"]["relation"] == "attack"
    _, warnings = load(aif([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", ""), ("6", "CA", "")],
                           [("1", "3"), ("3", "2"), ("6", "3")]))
    assert warnings == ["CA-node 6 undercuts RA-node 3, but no statement leads into it; left out"]


def test_kialo_numbers_repeated_see_links_forward_and_children_of_see_items():
    m, warnings = load(b"Discussion Title: T\n\n1. Root.\n1.1. Pro: A.\n1.2. Con: -> See 1.3.\n"
                       b"1.2.1. Pro: Child of a see.\n1.3. Con: B.\n1.3. Con: Duplicate.\n"
                       b"1.4. Pro: -> See 9.9.\n")
    assert warnings == [
        "line 8: claim 1.3. is numbered as one before it; left out",
        "line 9: `-> See 9.9.` names no claim of this discussion; left out",
        "the Con at line 7 repeats the Con at line 5 (claim 1.3 → claim 1); a map holds a "
        "relation once, so it is written once"]
    G = m.graph
    assert G.edges["k1-3", "k1"]["relation"] == "attack"  # `-> See` a claim further down
    assert G.edges["k1-2-1", "k1-3"]["relation"] == "support"  # under the claim it sees


def test_sadface_says_what_it_holds_beside_the_argument():
    doc = {"metadata": {"core": {"title": "T"}}, "resources": [{"id": "r1"}],
           "nodes": [{"id": "x", "type": "atom", "text": "A.", "metadata": {"k": 1},
                      "sources": [{"resource_id": "r1", "text": "A", "offset": 0}]}],
           "edges": []}
    m, warnings = load(json.dumps(doc).encode())
    assert warnings == ["SADFace holds more than a map can: 1 source quote(s) of atoms, "
                        "1 node(s) with metadata, 1 resource(s) left out"]
    assert m.graph.nodes["ax"]["text"] == "A."
