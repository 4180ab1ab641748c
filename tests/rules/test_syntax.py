import pytest

from helpers import findings


@pytest.mark.parametrize("text, line", [
    ("premise p: no sign\n", None),  # a column-1 declaration is fine
    ("thesis t: A.\n  premise p: B.\n", 2),  # missing sign
    ("thesis t: A.\n  +premise p: B.\n", 2),  # no space after the sign
    ("+ premise p: B.\n", 1),  # child at column 1
    ("thesis t:\n", 1),  # empty text
    ("thesis t A.\n", 1),  # no colon
    ("thesis t u: A.\n", 1),  # three words in the head
    ("thesis T1: A.\n", 1),  # bad id
    ("thesis " + "a" * 65 + ": A.\n", 1),  # id too long
    ("thesis claim: A.\n", 1),  # reserved id
    ("argument a: A.\n", 1),  # unknown kind
    ("thesis t: A.\n  + premise claim: B.\n", 2),  # reserved id in a child
    ("thesis t: A.\n  + premise p q: B.\n", 2),
    ("thesis t: A.\n  & premise p: B.\n", 2),  # & without a sibling
    ("thesis t: A.\n  + @p text\npremise p: B.\n", 2),  # text after a reference
    ("thesis t: A.\n  + @\n", 2),
    ("thesis t: A.\n  + @P\n", 2),
    ("thesis t: A.\n  + source s: B.\n", 2),  # a source as a child
    ("source s: A.\n  + premise p: B.\n", 2),  # a child under a source
    ("thesis t: A.\n  + premise p: B.\n  + @p\n    + premise q: C.\n", 4),
    ("thesis t: A.\n  + @p\n    cite: x\npremise p: B.\n", 3),  # attribute under a reference
    ("cite: Kaczmarski\n", 1),
    ("thesis t: A.\n  cite:\n", 2),  # empty value
    ("thesis t: A.\n  url: https://a\n  url: https://b\n", 3),
    ("thesis t: A.\n  url:https://a\n", 2),
    ("thesis t: A.\n  note: x\n    more\n", 3),  # a line under an attribute
    ("thesis t: A.\n  # heading\n", 2),
    ("#heading\n", 1),
    ("####### seven\n", 1),
    ("# \n", 1),
    ("include\n", 1),
    ("thesis t: A.\n  include x.argmap\n", 2),
    ("@a supports\n", 1),
    ("@a causes @b\n", 1),
    ("thesis t: A.\n  @t supports @t\n", 2),
    ("---\ntitle: A\n", 1),
    ("---\ntitle: A\ntitle: B\n---\n", 3),
    ("---\nTitle: A\n---\n", 2),
    ("---\nnot a pair\n---\n", 2),
    ("thesis t: A.\n---\n", 2),
    ("thesis t: A.\n\t+ premise p: B.\n", 2),
    ("thesis t: A.\n  + premise p: B.\r  + premise q: C.\n", 2),  # lone CR
    ("  + premise p: B.\n", 1),  # indented line with nothing above
    ("thesis t: A.\n    + premise p: B.\n  + premise q: C.\n", 3),  # bad dedent
    ("thesis t: A.\n  + premise p: B.\n    cite: x\n   + premise q: C.\n", 4),
    ("thesis t: A.\n  + premise p: B.\n    weight: 1.5\n", 3),
    ("thesis t: A.\n  + premise p: B.\n    expect: maybe\n", 3),
    ("source s: A.\n  weight: 0.5\n", 2),
    ("// argmap: ignore no-such-rule\nthesis t: A.\n", 1),
    ("// argmap: ignore syntax\nthesis t: A.\n", 1),
    ("thesis t: A.\n  + premise p: B.\n    cite: @\n", 3),
    ("thesis t: A.\n  + premise p: B.\n    cite: @Lo\n", 3),
])
def test_syntax_error_at_line(text, line):
    got = findings(text, "syntax")
    assert got == ([] if line is None else [("syntax", line)])


def test_every_bad_line_is_reported_once():
    text = "thesis t: A.\n  premise p: B.\n  premise q: C.\nbad line\n  +x\n"
    assert findings(text, "syntax") == [("syntax", 2), ("syntax", 3), ("syntax", 4), ("syntax", 5)]


def test_syntax_error_stops_the_graph():
    text = "thesis t: A.\n  premise p: B.\nclaim c: unsupported.\n"
    # no unsupported-claim for t or c: the graph is not built
    assert findings(text) == [("syntax", 2)]


def test_children_of_a_bad_line_are_still_checked():
    text = "argument a: A.\n  + premise p: B.\n  premise q: C.\n"
    assert findings(text, "syntax") == [("syntax", 1), ("syntax", 3)]


def test_unclosed_front_matter_resumes_at_the_first_map_line():
    text = "---\ntitle: A\nthesis t: A.\n  premise p: B.\n"
    assert findings(text, "syntax") == [("syntax", 1), ("syntax", 4)]


def test_syntax_cannot_be_ignored():
    text = "thesis t: A.\n  premise p: B.\n"
    assert findings(text, ignore=frozenset({"syntax"})) == [("syntax", 2)]
