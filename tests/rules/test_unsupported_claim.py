import pytest

from helpers import findings


@pytest.mark.parametrize("kind", ["thesis", "claim", "counter", "rebuttal"])
def test_kinds_that_need_support(kind):
    assert findings(f"{kind} x: A.\n", "unsupported-claim") == [("unsupported-claim", 1)]


@pytest.mark.parametrize("kind", ["premise", "evidence", "source"])
def test_kinds_that_may_stand_alone(kind):
    assert findings(f"{kind} x: A.\n", "unsupported-claim") == []


def test_support_from_a_relation_line_counts():
    assert findings("thesis t: A.\npremise p: B.\n@p supports @t\n", "unsupported-claim") == []


def test_attack_is_not_support():
    text = "thesis t: A.\n  + premise p: B.\n  - counter c: C.\n    - rebuttal r: R.\n"
    assert findings(text, "unsupported-claim") == [("unsupported-claim", 3), ("unsupported-claim", 4)]


def test_anonymous_nodes_named_by_their_text():
    import argmap

    m = argmap.loads("thesis t: A.\n  + claim: The asymmetry grows.\n")
    [f] = argmap.check(m)
    assert f.message == 'claim "The asymmetry grows." has no support'
