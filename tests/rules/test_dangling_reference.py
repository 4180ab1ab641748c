import argmap
from helpers import findings

TEXT = """\
thesis t: Russia turned to Asia.
  + premise asymmetry: The gap grows.
  + @asymetry
@nothing supports @t
@t attacks @nowhere
"""


def test_reference_relation_and_both_sides():
    assert findings(TEXT, "dangling-reference") == [
        ("dangling-reference", 3), ("dangling-reference", 4), ("dangling-reference", 5)]


def test_suggests_the_nearest_id():
    m = argmap.loads(TEXT)
    first = argmap.check(m)[0]
    assert first.hint == "did you mean `asymmetry`?"
    assert (first.line, first.column) == (3, 5)


def test_dangling_cite():
    text = "source lo2008: Lo.\nthesis t: A.\n  + evidence e: B.\n    cite: @lo2009, p. 3\n"
    m = argmap.loads(text)
    got = [f for f in argmap.check(m) if f.rule == "dangling-reference"]
    assert [(f.line, f.hint) for f in got] == [(4, "did you mean `lo2008`?")]


def test_forward_reference_is_fine():
    assert findings("thesis t: A.\n  + @p\npremise p: B.\n") == []


def test_left_out_of_the_graph():
    m = argmap.loads(TEXT)
    assert set(m.graph.edges) == {("asymmetry", "t")}
