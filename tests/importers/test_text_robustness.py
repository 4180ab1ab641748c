"""Argdown and Kialo text of any shape: the importer raises nothing but
NotImportable, and what it writes is a map that parses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.importer import NotImportable, import_bytes

PIECES = ["[A]", "[B]: text", "<X>", "<Y>: desc", "(1) p", "(2) [A]", "----", "--", "-- rule --",
          "{uses: [1]}", "+ ", "- ", "<+ ", "<- ", "+> ", "-> ", "_> ", "<_ ", "_ ", ">< ",
          "#tag", "#(a tag)", "# Head", "## Sub", "===", "title: t", "//", "/*", "*/", "<!--",
          "-->", "*", "_", "**", "\\", "@[A]", "@<X>", "[l](u)", "{", "}", "\t", "  ", "    ",
          "é", "\u202e", "\x00", "\r", "1. ", "* ", "plain words"]
LINES = st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=25)


def _writes_a_map(data: bytes, fmt: str) -> None:
    try:
        text, _ = import_bytes(data, fmt)
    except NotImportable:
        return
    m = argmap.loads(text)
    assert [f for f in argmap.check(m) if f.rule in ("syntax", "encoding")] == [], text


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_any_argdown_text(lines):
    _writes_a_map("\n".join(lines).encode("utf-8", "surrogatepass"), "argdown")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(["1.", "2.", "1.1.", "3."]), max_size=3)
                          .map("".join),
                          st.sampled_from(["Pro: ", "Con: ", "", "-> See 1.", "-> See 9.9."]),
                          st.sampled_from(PIECES)), max_size=20))
def test_any_kialo_text(items):
    body = "\n".join(f"{n} {stance}{text}" for n, stance, text in items)
    _writes_a_map(f"Discussion Title: T\n\n1. Root\n{body}".encode("utf-8", "surrogatepass"),
                  "kialo")
