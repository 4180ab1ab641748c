import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_circle_through_relation_lines_only_is_found():
    # no child line climbs back: the circle is made of column-1 relation lines
    text = ("thesis t: T.\n  + claim a: A.\n    + premise p: P.\nclaim b: B.\n  + premise q: Q.\n"
            "@a supports @b\n@b supports @a\n")
    assert findings(text, "circular-support") == [("circular-support", 2)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(2, 7).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                   st.sampled_from(["supports", "attacks"])), max_size=12))))
def test_a_circle_is_reported_exactly_when_networkx_finds_a_support_cycle(case):
    n, edges = case
    lines = [f"claim n{i}: N{i}." for i in range(n)]
    lines += [f"@n{u} {rel} @n{v}" for u, v, rel in edges if u != v]
    m = argmap.loads("\n".join(lines) + "\n")
    support = nx.DiGraph((u, v) for u, v, d in m.graph.edges(data=True)
                         if d["relation"] == "support")
    expected = sum(1 for c in nx.strongly_connected_components(support) if len(c) > 1)
    assert len([f for f in argmap.check(m) if f.rule == "circular-support"]) == expected
