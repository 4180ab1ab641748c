from helpers import findings


def test_source_nothing_cites():
    text = "source a: A.\nsource b: B.\nthesis t: T.\n  + evidence e: E.\n    cite: @b\n"
    assert findings(text, "unused-source") == [("unused-source", 1)]
