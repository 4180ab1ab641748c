import argmap
from helpers import findings


def test_reported_at_line_one_of_the_first_file():
    m = argmap.loads("\n\nclaim c: A.\n  + premise p: B.\n", file="x.argmap")
    assert [(f.rule, f.file, f.line, f.column) for f in argmap.check(m)
            if f.rule == "no-thesis"] == [("no-thesis", "x.argmap", 1, 1)]


def test_empty_file():
    assert findings("") == [("no-thesis", 1)]


def test_a_thesis_anywhere_is_enough():
    assert findings("premise p: A.\nthesis t: B.\n  + @p\n", "no-thesis") == []
