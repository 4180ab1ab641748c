import argmap
from helpers import findings


def test_the_later_statement_warns_and_it_stays_one_edge():
    text = "thesis t: A.\n  + @cap\nclaim cap: B.\n  + premise c: C.\n@cap supports @t\n  \n"
    assert findings(text) == [("duplicate-relation", 5)]
    assert argmap.loads(text).graph.number_of_edges() == 2


def test_citing_a_source_twice_is_one_edge_and_no_warning():
    text = ("source s: S.\nthesis t: A.\n  + evidence e: B.\n    cite: @s, p. 1\n"
            "    cite: @s, p. 2\n")
    m = argmap.loads(text)
    assert findings(text) == []
    assert m.graph.nodes["e"]["cite"] == ["@s, p. 1", "@s, p. 2"]


def test_a_repeated_edge_joins_the_written_group():
    text = "thesis t: A.\npremise a: B.\n@a supports @t\n  \nthesis u: C.\n"
    text = "thesis t: A.\n  + premise a: B.\n  + @a\n  & premise b: C.\n"
    m = argmap.loads(text)
    assert m.graph.edges["a", "t"]["group"] == m.graph.edges["b", "t"]["group"] is not None
    assert findings(text) == [("duplicate-relation", 3)]
