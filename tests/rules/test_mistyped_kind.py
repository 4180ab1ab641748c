import argmap
from helpers import findings, load_text


def test_a_synonym_or_a_near_kind_before_an_id_and_a_colon():
    m = load_text("""\
        thesis t: Cities should ban cars.
          + premise p: Exhaust pollutes the air.
          + objection o: Delivery jobs would be lost.
          + evidense e: Footfall rose.
          + Drivers: they will adapt.
          + The claim x: is a sentence with a colon late.
        """)
    found = [(f.line, f.message, f.hint) for f in argmap.check(m) if f.rule == "mistyped-kind"]
    assert found == [
        (3, "`objection` is no kind: the whole line became the text of an anonymous premise",
         "did you mean `- counter o: Delivery jobs would be lost.`?"),
        (4, "`evidense` is no kind: the whole line became the text of an anonymous premise",
         "did you mean `+ evidence e: Footfall rose.`?"),
    ]


def test_no_warning_for_text_that_only_looks_alike():
    text = "thesis t: T.\n  + premise p: Response times: they fell.\n  + Fact check: done.\n"
    assert findings(text, "mistyped-kind") == []
