import argmap
from argmap.config import Config
from helpers import findings, load_text

MAP = """\
thesis t: The bridge is safe.
  + premise eng: The city engineer says the bridge is safe.
    scheme: expert-opinon
  + premise twin: The twin bridge upstream has stood for forty years.
    scheme: analogy
    cq: truth
    cq: similar
  & premise same: Both bridges were built to the same design.
    cq: differences
  + premise old: Old bridges usually stand.
    cq: backup
"""


def test_unknown_scheme_unknown_question_and_question_without_scheme():
    found = argmap.check(load_text(MAP), Config())
    mine = [(f.line, f.column, f.message, f.hint) for f in found if f.rule == "unknown-scheme"]
    assert mine == [
        (3, 13, "no scheme is named `expert-opinon`", "did you mean `expert-opinion`?"),
        (7, 9, "the scheme `analogy` has no critical question `similar`",
         "its questions are differences, truth, counter-case"),
        (11, 9, "`cq: backup`, but the inference has no scheme",
         "name its scheme with `scheme:` under the support line"),
    ]


def test_the_questions_of_an_unknown_scheme_are_not_reported_again():
    text = "thesis t: A.\n  + premise p: B.\n    scheme: nonesuch\n  & premise q: C.\n    cq: x\n"
    assert findings(text, "unknown-scheme") == [("unknown-scheme", 3)]
    assert findings(text, "open-critical-question") == []


def test_a_course_catalogue_adds_schemes(tmp_path):
    (tmp_path / "course.toml").write_text(
        '[rule-of-thumb]\ntitle = "Rule of thumb"\nsource = "Our course"\n'
        'conclusion = "A."\npremises = [{ role = "rule", text = "Usually A." }]\n'
        'questions = [{ name = "exceptions", text = "Is this case an exception?" }]\n')
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nschemes = "course.toml"\n')
    (tmp_path / "m.argmap").write_text(
        "thesis t: A.\n  + premise p: B.\n    scheme: rule-of-thumb\n"
        "    ~ counter x: This case is special.\n      cq: exceptions\n"
        "      + premise y: It is.\n      - rebuttal z: It is not.\n        + premise w: W.\n")
    from helpers import invoke
    run = invoke("check", "m.argmap", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\n")
    run = invoke("check", "m.argmap", "--format", "json", cwd=tmp_path)
    assert run.pairs() == [["unknown-scheme", 3]]  # its questions go unjudged
