"""Undercuts and schemes wherever a map is shown: diagram, outlines, `argmap show`."""

import re

import argmap
from argmap.render import render
from helpers import dedent, invoke

MAP = dedent("""
    thesis safe: The new pesticide is safe for bees.
      + premise experts: The company's scientists say it is safe.
        scheme: expert-opinion
        ~ counter paid: The scientists are paid by the company.
          cq: trustworthiness
          + premise payroll: They are on the company's payroll.
      & premise field: They are entomologists.
        cq: field
      + premise trial: A field trial found no harm.
        ~ counter small: The trial was too small.
          + premise n: Only three hives were used.
    """)


def _edges(dot: str) -> list[tuple[str, str, str]]:
    """(tail, head, attributes) of each edge statement of DOT text."""
    return re.findall(r"^(\w+) -> (\w+) \[(.*)\];$", dot, re.M)


def test_an_undercut_ends_on_the_junction_of_the_step():
    dot = render(argmap.loads(MAP), "dot")
    edges = _edges(dot)
    # safe is n0, experts n1, paid n2, payroll n3, field n4, trial n5, small n6, n n7
    # j0: the linked step (experts & field → safe); j1: trial's lone step, undercut
    assert ("n0", "j0") in [(a, b) for a, b, _ in edges]
    assert ("n0", "j1") in [(a, b) for a, b, _ in edges]
    undercuts = [(a, b) for a, b, attrs in edges if 'style=dotted' in attrs]
    assert undercuts == [("j0", "n2"), ("j1", "n6")]
    # the scheme names the step, on the line from the junction to the claim
    label = next(attrs for a, b, attrs in edges if (a, b) == ("n0", "j0"))
    assert "<I>expert-opinion</I>" in label
    legend = dot[dot.index("Legend"):]
    for words in ("undercuts: denies that the reasons carry the claim",
                  "reasons that work only together", "the step from a reason to its claim",
                  "the argument scheme of a step"):
        assert words in legend, words


def test_a_map_without_undercuts_draws_no_step_of_one_reason():
    dot = render(argmap.loads("thesis t: T.\n  + premise p: P.\n"), "dot")
    assert "shape=point" not in dot and "undercut" not in dot


def test_markdown_checklist_and_objections_to_the_inference():
    md = render(argmap.loads(MAP), "md")
    assert md.splitlines()[9:20] == [
        "  - *Scheme:* Argument from expert opinion (expert-opinion), "
        "4 of 6 critical questions open (ticked: answered by a reason or raised by an "
        "objection)",
        "    - [ ] expertise: How credible is E as an expert source?",
        "    - [x] field: Is E an expert in the field that A is in? (answered by a reason)",
        "    - [ ] opinion: What did E assert that implies A?",
        "    - [x] trustworthiness: Is E personally reliable as a source? "
        "(raised by an objection)",
        "    - [ ] consistency: Is A consistent with what other experts assert?",
        "    - [ ] backup: Is E's assertion based on evidence?",
        "  - **Objection to the inference (unanswered)**: The scientists are paid by the "
        "company.",
        "    - Premise: They are on the company's payroll.",
        "",
        "## A field trial found no harm.",
    ]
    assert "- **Objection to the inference (unanswered)**: The trial was too small." in md


def test_html_checklist_without_script():
    html = render(argmap.loads(MAP), "html")
    assert "<script" not in html.lower()
    assert ('<li class="cq cq-open">☐ expertise: How credible is E as an expert source?</li>'
            in html)
    assert "☑ field: Is E an expert in the field that A is in? (answered by a reason)" in html
    assert 'class="kind-counter role-undercut"' in html


def test_show_marks_undercuts_and_open_questions(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP)
    out = invoke("show", "m.argmap", cwd=tmp_path, env={"COLUMNS": "200"}).out
    assert "~ Objection to the inference (unanswered) The scientists are paid by the company." \
        in out
    assert "[ ] expertise: How credible is E as an expert source?" in out
    assert "[x] trustworthiness: Is E personally reliable as a source? (raised by an objection)" \
        in out


def test_a_course_catalogue_makes_the_checklist(tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[expert-opinion]\ntitle = "Our expert scheme"\nsource = "Course"\nconclusion = "A."\n'
        'premises = [{ role = "e", text = "E says A." }]\n'
        'questions = [{ name = "field", text = "Right field?" }]\n')
    (tmp_path / "setup.cfg").write_text("[argmap]\nschemes = ours.toml\n")
    (tmp_path / "m.argmap").write_text(MAP)
    md = invoke("render", "m.argmap", "-f", "md", cwd=tmp_path).out
    assert "Our expert scheme (expert-opinion), 1 critical question addressed" in md
    assert "- [x] field: Right field? (answered by a reason)" in md


def test_an_unknown_scheme_is_named_as_such():
    md = render(argmap.loads("thesis t: T.\n  + premise p: P.\n    scheme: nonesuch\n"), "md")
    assert "*Scheme:* nonesuch (not in the catalogue)" in md
