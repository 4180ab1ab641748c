import argmap
from helpers import findings


def test_one_finding_per_strongly_connected_set_at_the_first_node():
    text = """\
    thesis t: T.
      + claim a: A.
        + claim b: B.
          + @a
    claim c: C.
      + claim d: D.
        + @c
    @c supports @t
    """
    assert findings(text, "circular-support") == [("circular-support", 2), ("circular-support", 5)]


def test_message_spells_the_circle():
    text = "thesis t: T.\n  + claim a: A.\n    + claim b: B.\n      + claim c: C.\n        + @a\n"
    [f] = [f for f in argmap.check(argmap.loads(text)) if f.rule == "circular-support"]
    assert "`a` → `c` → `b` → `a`" in f.message


def test_attack_cycles_are_not_support_cycles():
    text = "thesis t: T.\n  + premise p: P.\n  - counter a: A.\n    + premise q: Q.\n    - @t\n"
    assert findings(text, "circular-support") == []
