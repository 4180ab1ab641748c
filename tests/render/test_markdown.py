"""The Markdown outline: structure, footnotes, and text that renders literally."""

import re

import pytest

import argmap
from argmap.render import render
from argmap.render.markdown import md
from helpers import HOSTILE, hostile_map
from helpers import ROOT


def test_structure_of_a_map_with_headings():
    text = render(argmap.load(ROOT / "maps/examples/essay-outline.argmap"), "md")
    assert text.startswith("# Why cities should build protected bike lanes\n\n*argmap examples, ")
    assert "## Safety\n\n**Claim.** Protected lanes make cycling safer" in text
    assert "- Claim: Protected lanes make cycling safer for everyone on the street. *(see § Safety)*" \
        in text
    assert "- *These reasons count only together:*\n  - Premise: A kilometre" in text
    assert "[^1]: Teschke et al. 2012" in text


def test_objections_responses_and_unanswered_ones():
    m = argmap.loads(
        "thesis t: A.\n  + premise p: B.\n  - counter x: C.\n    + premise y: D.\n"
        "    - rebuttal r: E.\n      + premise z: F.\n  - counter open: G.\n    + premise w: H.\n")
    text = render(m, "md")
    assert "- **Objection**: C.\n  - Premise: D.\n  - **Response**: E.\n    - Premise: F." in text
    assert "- **Objection (unanswered)**: G." in text


def test_without_headings_each_point_for_the_thesis_is_a_section():
    text = render(argmap.load(ROOT / "maps/examples/seminar-debate.argmap"), "md")
    assert "**Thesis.** Lecturers should ban laptops in lectures." in text
    assert "## Students learn more when they take notes by hand." in text


def test_every_text_renders_literally(hostile):
    text = render(argmap.load(hostile), "md")
    # nothing from the map can open HTML, a link, an autolink or emphasis
    body = re.sub(r"\(\[link\]\(https://[^)\s]*\)\)", "", text)
    assert not re.search(r"(?<!\\)<", body)
    assert not re.search(r"(?<!\\)\]\(", body)
    assert not re.search(r"(?<!\\)[*_`]{1}[A-Za-z]", body.replace("**", "").replace("*Note:*", ""))
    assert "javascript" not in "".join(re.findall(r"(?<!\\)\]\(([^)]*)\)", text))
    for s in HOSTILE:
        assert md(s) in text


def test_escaping_round_trips_through_a_commonmark_reading():
    # CommonMark: a backslash before ASCII punctuation is that character
    for s in HOSTILE:
        assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md(s)) == s


# -- no map text becomes a link, read by real Markdown parsers (issue 14) ------

_CITES = ["https://evil.example/phish", "javascript:alert(1)", 'https://e.example "t"',
          "<https://evil.example>", "[x]: https://evil.example/ref", "mail@evil.example"]


def _hostile_with_cites(tmp_path):
    """The hostile map's outline, once with each cite text first among the footnotes
    (only the first footnote line can start a definition: the others continue its paragraph)."""
    outlines = []
    for i, cite in enumerate(_CITES):
        path = tmp_path / f"cites{i}.argmap"
        front, body = hostile_map().split("\n---\n", 1)
        path.write_text(f"{front}\n---\nthesis c: Cited.\n  + evidence e: E.\n    cite: {cite}\n"
                        + body, encoding="utf-8")
        outlines.append(render(argmap.load(path), "md"))
    return outlines


def _links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', html)


def test_no_map_text_is_a_link_in_commonmark(tmp_path):
    """A renderer without footnotes reads `[^1]: text` as a link reference
    definition if `text` can be a link destination: none may be."""
    from markdown_it import MarkdownIt

    for outline in _hostile_with_cites(tmp_path):
        html = MarkdownIt("commonmark").render(outline)
        assert set(_links(html)) <= {"https://example.org/a?b=1&amp;c=%3C2%3E"}, _links(html)


def test_no_map_text_is_a_link_in_githubs_flavour(tmp_path):
    """GitHub's own parser (cmark-gfm), footnotes on: only our url links, the
    footnotes' own anchors, and e-mail addresses, which it links however they
    are escaped."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    options = cmarkgfm.Options.CMARK_OPT_FOOTNOTES | cmarkgfm.Options.CMARK_OPT_UNSAFE
    for outline in _hostile_with_cites(tmp_path):
        html = cmarkgfm.github_flavored_markdown_to_html(outline, options)
        for href in _links(html):
            assert href.startswith(("#fn", "mailto:")) \
                or href == "https://example.org/a?b=1&amp;c=%3C2%3E", href
        assert "<script" not in html


def test_plain_text_stays_plain():
    """A date, a full stop, a hyphen, a colon or parentheses mean nothing in
    Markdown where they stand in a sentence: they get no backslash (issue 16)."""
    assert md("On 2026-12-04 the vote (a close one): 51 to 49.") == \
        "On 2026-12-04 the vote (a close one): 51 to 49."
    assert md("- a dash that would start a list") == "\\- a dash that would start a list"
    assert md("12. a number that would start a numbered list") == \
        "12\\. a number that would start a numbered list"
    assert md("see www.example.org or https://example.org") == \
        "see www\\.example.org or https\\://example.org"


def test_brief_outline_leaves_the_evidence_out():
    full = render(argmap.load(ROOT / "maps/russia-turn-to-asia.argmap"), "md")
    from argmap.render import RenderOptions
    brief = render(argmap.load(ROOT / "maps/russia-turn-to-asia.argmap"), "md",
                   RenderOptions(brief=True))
    assert "- Evidence:" in full and "- Evidence:" not in brief
    assert len(brief.split()) < len(full.split()) * 0.75
    assert full.count("Close cooperation with China has reduced Russia's room") == 1


def test_the_flagship_outline_names_its_sources_short_and_its_thesis_once():
    m = argmap.load(ROOT / "maps/russia-turn-to-asia.argmap")
    text = render(m, "md")
    full = "Russian-Chinese Relations and Russia's Turn to Asia\", Acta Slavica Iaponica"
    assert text.count(full) == 1  # in the Sources list only, not in ~35 notes
    assert "[^1]: Marcin Kaczmarski 2020, p. 111" in text  # the thesis comes first
    for page in range(112, 124):  # every page of the article is a short note
        assert f"]: Marcin Kaczmarski 2020, p. {page}\n" in text, page
    thesis = next(d["text"] for d in m.nodes.values() if d["kind"] == "thesis")
    assert text.count(thesis) <= 2


def test_a_pointer_names_the_section_where_the_point_is_spelled_out():
    """A node declared in one section but spelled out under a root of another (the
    first root that reaches it) is pointed at in that other section, not "above"."""
    m = argmap.loads("# A\n\nthesis t: T.\n  + @s\n\n"
                     "# B\n\nclaim b: B.\n  + premise s: Shared point.\n  + premise q: Q.\n")
    text = render(m, "md")
    section_b = text[text.index("## B"):]
    assert "Shared point. *(see § A)*" in section_b
    assert "see above" not in text
