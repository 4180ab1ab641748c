"""Version 1.2's graph: undercuts, schemes and `cq:` as section 7 says, clause by clause."""

import pytest

import argmap
from argmap.export import as_dict
from helpers import findings, load_text


def undercuts(text):
    m = load_text(text)
    return [(u, v, d["reasons"]) for u, v, d in m.arggraph.edges() if d["relation"] == "undercut"]


def test_an_undercut_under_the_first_line_of_a_group_names_every_reason():
    # the `&` after the `~` line still joins the group: `~` lines are children
    text = """\
        thesis t: A.
          + premise p: B.
            ~ counter u: U.
          & premise q: C.
        """
    assert undercuts(text) == [("u", "t", ["p", "q"])]


def test_an_undercut_by_relation_line_before_the_support_is_stated():
    text = """\
        @u undercuts @p supports @t
        thesis t: A.
          + @p
        premise p: B.
        counter u: U.
        """
    assert undercuts(text) == [("u", "t", ["p"])]
    assert ("dangling-reference", 1) not in findings(text)


def test_a_reason_of_the_inference_can_not_undercut_it():
    text = """\
        thesis t: A.
          + premise p: B.
            ~ @q
          & premise q: C.
        """
    assert findings(text, "self-relation") == [("self-relation", 3)]
    assert undercuts(text) == []


def test_the_target_can_not_undercut_its_own_inference():
    assert findings("@t undercuts @p supports @t\nthesis t: A.\n  + premise p: B.\n",
                    "self-relation") == [("self-relation", 1)]


def test_the_same_undercut_twice_is_a_duplicate():
    text = """\
        thesis t: A.
          + premise p: B.
            ~ counter u: U.
        @u undercuts @p supports @t
        """
    assert findings(text, "duplicate-relation") == [("duplicate-relation", 4)]
    assert findings(text, "conflicting-relation") == []


def test_undercutting_two_inferences_of_one_target_conflicts():
    text = """\
        thesis t: A.
          + premise p: B.
            ~ counter u: U.
          + premise q: C.
        @u undercuts @q supports @t
        """
    assert findings(text, "conflicting-relation") == [("conflicting-relation", 5)]
    assert undercuts(text) == [("u", "t", ["p"])]


def test_an_undercut_and_a_later_attack_of_the_target_conflict_at_the_later_line():
    text = """\
        thesis t: A.
          + premise p: B.
            ~ counter u: U.
        @u attacks @t
        @u attacks @t
        """
    assert [f for f in findings(text) if "relation" in f[0]] == [
        ("conflicting-relation", 4), ("conflicting-relation", 5)]
    m = load_text(text)
    assert m.arggraph.succ["u"]["t"]["relation"] == "undercut"


def test_an_undercut_and_an_earlier_support_of_the_target_conflict():
    text = """\
        thesis t: A.
          + premise u: U.
          + premise p: B.
        @u undercuts @p supports @t
        """
    assert findings(text, "conflicting-relation") == [("conflicting-relation", 4)]


def test_no_edge_and_no_finding_under_a_support_line_that_was_left_out():
    text = """\
        thesis t: A.
          - premise p: B.
          + @p
            ~ counter u: U.
            ~ @nowhere
        """
    found = findings(text)
    assert ("conflicting-relation", 3) in found
    # the node of the `~` line remains; neither line draws an edge or gets a finding
    assert sorted(f for f in found if f[1] in (4, 5)) == [
        ("disconnected", 4), ("unanswered-counter", 4), ("unsupported-claim", 4)]
    assert undercuts(text) == []


def test_dangling_ids_of_a_relation_line_each_at_its_id():
    m = load_text("thesis t: A.\n  + premise p: B.\n@x undercuts @p supports @y\n")
    found = [(f.rule, f.column) for f in argmap.check(m) if f.rule == "dangling-reference"]
    assert found == [("dangling-reference", 1), ("dangling-reference", 26)]


def test_a_missing_support_is_one_finding_at_the_reason():
    m = load_text("thesis t: A.\n  - counter p: B.\ncounter u: C.\n"
                  "@u undercuts @p supports @t\n")
    found = [f for f in argmap.check(m) if f.rule == "dangling-reference"]
    assert [(f.line, f.column) for f in found] == [(4, 14)]
    assert "`p` does not support `t`" in found[0].message


def test_stance_and_answers_treat_an_undercut_as_an_attack():
    text = """\
        thesis t: A.
          + premise p: B.
            ~ counter u: U.
              + premise v: V.
                ~ @w
        counter w: W.
          + premise x: X.
        """
    m = load_text(text)
    stance = {n: d["stance"] for n, d in m.nodes.items()}
    assert stance == {"t": "pro", "p": "pro", "u": "con", "v": "con", "w": "pro", "x": "pro"}
    # w undercuts an inference into u: that answers the counter u; w itself is unanswered
    assert findings(text, "unanswered-counter") == [("unanswered-counter", 6)]


@pytest.mark.parametrize("text, line", [
    ("thesis t: A.\n  scheme: sign\n", 2),
    ("thesis t: A.\n  - counter c: B.\n    scheme: sign\n", 3),
    ("thesis t: A.\n  cq: strength\n", 2),
    ("thesis t: A.\n  - counter c: B.\n    cq: strength\n", 3),
    ("thesis t: A.\n  + premise p: B.\n    scheme: sign\n    scheme: sign\n", 4),
    ("thesis t: A.\n  + @p\n    cite: x\npremise p: B.\n", 3),
    ("thesis t: A.\n  + premise p: B.\n    ~ @u\n      scheme: sign\ncounter u: C.\n", 4),
    ("thesis t: A.\n  + premise p: B.\n    ~ @u\n      ~ @u\ncounter u: C.\n", 4),
    ("thesis t: A.\n  + @p\n    + premise q: C.\npremise p: B.\n", 3),
    ("thesis t: A.\n  + premise undercuts: B.\n", 2),
    ("~ counter u: B.\n", 1),
])
def test_misplaced_lines_of_version_1_2_are_syntax_errors(text, line):
    assert findings(text, "syntax") == [("syntax", line)]


def test_a_support_reference_line_takes_a_scheme_and_undercuts():
    text = """\
        thesis t: A.
          + @p
            scheme: sign
            ~ counter u: U.
              cq: alternatives
              + premise v: V.
              - rebuttal r: R.
                + premise s: S.
        premise p: B.
        """
    assert findings(text) == [("open-critical-question", 3)]


def test_json_has_reasons_schemes_and_questions():
    data = as_dict(load_text("""\
        thesis t: A.
          + premise p: B.
            scheme: sign
            cq: strength
            ~ counter u: U.
              + premise v: V.
          & premise q: C.
          + premise r: D.
        """))
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges["p", "t"]["scheme"] == edges["q", "t"]["scheme"] == "sign"
    assert edges["u", "t"] == {"source": "u", "target": "t", "relation": "undercut",
                               "group": None, "reasons": ["p", "q"], "scheme": "sign",
                               "file": "map.argmap", "line": 5}
    assert "scheme" not in edges["r", "t"] and "reasons" not in edges["p", "t"]
    assert {n["id"]: n["cq"] for n in data["nodes"]} == {
        "t": [], "p": ["strength"], "u": [], "v": [], "q": [], "r": []}
