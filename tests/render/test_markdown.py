"""The Markdown outline: structure, footnotes, and text that renders literally."""

import re

import argmap
from argmap.render import render
from argmap.render.markdown import md
from helpers import HOSTILE
from helpers import ROOT


def test_structure_of_a_map_with_headings():
    text = render(argmap.load(ROOT / "maps/examples/essay-outline.argmap"), "md")
    assert text.startswith("# Why cities should build protected bike lanes\n\n*argmap examples, ")
    assert "## Safety\n\n**Claim.** Protected lanes make cycling safer" in text
    assert "- Claim: Protected lanes make cycling safer for everyone on the street\\. *(see § Safety)*" in text
    assert "- *Together:*\n  - Premise: A kilometre" in text
    assert "[^1]: Teschke et al\\. 2012" in text


def test_objections_responses_and_unanswered_ones():
    m = argmap.loads(
        "thesis t: A.\n  + premise p: B.\n  - counter x: C.\n    + premise y: D.\n"
        "    - rebuttal r: E.\n      + premise z: F.\n  - counter open: G.\n    + premise w: H.\n")
    text = render(m, "md")
    assert "- **Objection**: C\\.\n  - Premise: D\\.\n  - **Response**: E\\.\n    - Premise: F\\." in text
    assert "- **Objection (unanswered)**: G\\." in text


def test_without_headings_each_point_for_the_thesis_is_a_section():
    text = render(argmap.load(ROOT / "maps/examples/seminar-debate.argmap"), "md")
    assert "**Thesis.** Lecturers should ban laptops in lectures\\." in text
    assert "## Students learn more when they take notes by hand\\." in text


def test_every_text_renders_literally(hostile):
    text = render(argmap.load(hostile), "md")
    # nothing from the map can open HTML, a link, an autolink or emphasis
    body = re.sub(r"\(\[link\]\(https://[^)\s]*\)\)", "", text)
    assert not re.search(r"(?<!\\)<", body)
    assert not re.search(r"(?<!\\)\]\(", body)
    assert not re.search(r"(?<!\\)[*_`]{1}[A-Za-z]", body.replace("**", "").replace("*Note:*", ""))
    assert "javascript" not in "".join(re.findall(r"\]\(([^)]*)\)", text))
    for s in HOSTILE:
        assert md(s) in text


def test_escaping_round_trips_through_a_commonmark_reading():
    # CommonMark: a backslash before ASCII punctuation is that character
    for s in HOSTILE:
        assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md(s)) == s
