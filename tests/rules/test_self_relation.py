import argmap
from helpers import findings


def test_relation_line_and_reference():
    text = "thesis t: A.\n  + premise p: B.\n  + @t\n@p supports @p\n"
    assert findings(text, "self-relation") == [("self-relation", 3), ("self-relation", 4)]
    assert ("t", "t") not in argmap.loads(text).graph.edges
