from helpers import findings, load_text


def test_cite_of_a_non_source_and_relations_naming_a_source():
    text = """\
    source s: A book.
    thesis t: A.
      + evidence e: B.
        cite: @t
        cite: @s
      + @s
    @s supports @t
    @e attacks @s
    """
    assert findings(text, "misused-source") == [
        ("misused-source", 4), ("misused-source", 6), ("misused-source", 7), ("misused-source", 8)]
    m = load_text(text)
    assert not any(d["relation"] != "cite" and "s" in (u, v) for u, v, d in m.graph.edges(data=True))
