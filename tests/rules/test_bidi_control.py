from helpers import findings


def test_one_finding_per_line_at_the_first_character():
    text = "thesis t: A \u202e B \u2066.\n  + premise p: \u2067B.\n  + premise q: C.\n"
    assert findings(text) == [("bidi-control", 1), ("bidi-control", 2)]


def test_reported_even_with_syntax_errors():
    assert findings("thesis t: \u202eA.\n  bad\n") == [("bidi-control", 1), ("syntax", 2)]


def test_right_to_left_text_itself_is_fine():
    assert findings("thesis t: روسيا والصين.\n  + premise p: רוסיה.\n") == []


def test_can_be_ignored():
    text = "// argmap: ignore bidi-control\nthesis t: A \u202e.\n  + premise p: B.\n"
    assert findings(text) == []
