from helpers import findings


def test_evidence_needs_a_cite():
    text = """\
    source s: A book.
    thesis t: A.
      + evidence a: No cite.
      + evidence b: Free text.
        cite: Kaczmarski 2020, p. 112
      + evidence c: A source.
        cite: @s, p. 3
    """
    assert findings(text, "evidence-without-source") == [("evidence-without-source", 3)]


def test_a_cite_indented_as_the_parents_gets_a_hint():
    import argmap as _argmap
    from helpers import load_text as _load

    m = _load("thesis t: T.\n  + evidence e: E.\n  cite: Somebody 2020\n")
    [f] = [f for f in _argmap.check(m) if f.rule == "evidence-without-source"]
    assert f.hint == ("the `cite:` on line 3 is indented as an attribute of the node above this "
                      "one: indent it by 2 more spaces to put it under this evidence")
