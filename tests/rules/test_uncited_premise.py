from helpers import findings

TEXT = """\
thesis t: A.
  + premise p: No cite, no support.
  + premise q: Cited.
    cite: Kaczmarski 2020, p. 113
  + premise r: Supported.
    + evidence e: E.
      cite: Kaczmarski 2020, p. 114
"""


def test_off_by_default():
    assert findings(TEXT) == []


def test_when_selected():
    assert findings(TEXT, "uncited-premise") == [("uncited-premise", 2)]
