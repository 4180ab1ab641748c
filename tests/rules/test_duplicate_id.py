from helpers import findings, load_text

TEXT = """\
thesis t: A.
  + premise p: B.
  + premise p: C.
    + premise q: D.
"""


def test_each_later_declaration():
    assert findings(TEXT + "claim p: E.\n", "duplicate-id") == [
        ("duplicate-id", 3), ("duplicate-id", 5)]


def test_the_later_node_is_dropped_and_its_children_go_to_the_first():
    m = load_text(TEXT)
    assert m.graph.nodes["p"]["text"] == "B."
    assert m.graph.edges["q", "p"]["relation"] == "support"
    # the repeated relation p -> t is not reported again
    assert findings(TEXT) == [("duplicate-id", 3)]


def test_ids_are_shared_with_included_files(tmp_path):
    (tmp_path / "b.argmap").write_text("premise p: B.\n")
    assert findings("include b.argmap\nthesis t: A.\n  + premise p: C.\n", tmp_path=tmp_path) == [
        ("duplicate-id", 3)]
