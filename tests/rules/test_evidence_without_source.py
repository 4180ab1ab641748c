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
