import argmap
from helpers import findings

TEXT = """\
thesis t: The pivot failed.
  expect: accepted
  + premise p: Trade stayed Sinocentric.
  - counter c: Russia joined the East Asia Summit.
    expect: accepted
    + premise e: It joined in 2011.
"""


def test_reported_at_the_expect_line_when_the_status_differs():
    assert findings(TEXT, "unexpected-status") == [("unexpected-status", 2)]


def test_message_and_hint_say_why():
    [f] = [f for f in argmap.check(argmap.loads(TEXT)) if f.rule == "unexpected-status"]
    assert (f.line, f.column) == (2, 3)
    assert f.message == "`t` is rejected, not accepted as expected"
    assert f.hint.startswith("attacked by accepted `c`")


def test_met_expectations_and_maps_without_any_are_quiet():
    assert findings(TEXT.replace("expect: accepted\n  +", "expect: rejected\n  +"),
                    "unexpected-status") == []
    assert findings("thesis t: A.\n  + premise p: B.\n", "unexpected-status") == []


def test_can_be_silenced():
    text = TEXT.replace("  expect: accepted\n  + premise p",
                        "  // argmap: ignore unexpected-status\n  expect: accepted\n  + premise p")
    assert findings(text, "unexpected-status") == []
