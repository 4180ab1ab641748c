import argmap
from helpers import findings


def test_the_later_relation_is_reported_and_left_out():
    text = "thesis t: A.\n  + premise p: B.\n  - @p\n@p attacks @t\n"
    assert findings(text, "conflicting-relation") == [
        ("conflicting-relation", 3), ("conflicting-relation", 4)]
    assert argmap.loads(text).graph.edges["p", "t"]["relation"] == "support"


def test_opposite_directions_do_not_conflict():
    text = "thesis t: A.\n  + claim c: B.\n    + premise p: C.\n@t attacks @p\n"
    assert findings(text, "conflicting-relation") == []
