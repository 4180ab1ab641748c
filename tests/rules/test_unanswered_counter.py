from helpers import findings


def test_counter_that_nothing_attacks():
    text = """\
    thesis t: A.
      + premise p: B.
      - counter x: C.
        + premise x1: D.
      - counter y: E.
        + premise y1: F.
        - rebuttal r: G.
          + premise r1: H.
    """
    assert findings(text, "unanswered-counter") == [("unanswered-counter", 3)]


def test_silenced_by_a_comment_on_the_line_above():
    text = """\
    thesis t: A.
      + premise p: B.
      // argmap: ignore unanswered-counter
      - counter x: C.
        + premise x1: D.
    """
    assert findings(text) == []
