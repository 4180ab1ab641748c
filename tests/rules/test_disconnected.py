from helpers import findings


def test_nodes_with_no_path_to_a_thesis():
    text = """\
    thesis t: A.
      + premise p: B.
      - counter x: C.
        + premise x1: D.
        - rebuttal r: E.
          + premise r1: F.
    claim lone: G.
      + premise lp: H.
    source s: I.
    """
    assert findings(text, "disconnected") == [("disconnected", 7), ("disconnected", 8)]


def test_no_thesis_no_disconnected():
    assert findings("claim c: A.\n  + premise p: B.\n", "disconnected") == []


def test_support_from_the_thesis_does_not_connect_its_target():
    text = "thesis t: A.\n  + premise p: B.\nclaim c: C.\n  + premise q: D.\n@t supports @c\n"
    assert findings(text, "disconnected") == [("disconnected", 3), ("disconnected", 4)]
