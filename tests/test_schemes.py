"""The scheme catalogue: its data, `argmap schemes`, and a course's own catalogue."""

import json

import pytest

from argmap.schemes import CatalogueError, built_in, parse_catalogue
from helpers import invoke

NAMED_BY_THE_SPEC = ["expert-opinion", "witness-testimony", "popular-opinion", "analogy",
                     "example", "cause-to-effect", "correlation-to-cause", "sign",
                     "positive-consequences", "negative-consequences", "practical-reasoning",
                     "verbal-classification"]


def test_the_catalogue_holds_the_schemes_section_7_names():
    schemes = built_in()
    assert set(NAMED_BY_THE_SPEC) <= set(schemes)
    for s in schemes.values():
        assert s.title and s.source and s.conclusion and s.premises and s.questions, s.name


def test_the_two_fixed_lists_are_exactly_the_spec_s():
    schemes = built_in()
    assert [(q.name, q.text) for q in schemes["expert-opinion"].questions] == [
        ("expertise", "How credible is E as an expert source?"),
        ("field", "Is E an expert in the field that A is in?"),
        ("opinion", "What did E assert that implies A?"),
        ("trustworthiness", "Is E personally reliable as a source?"),
        ("consistency", "Is A consistent with what other experts assert?"),
        ("backup", "Is E's assertion based on evidence?"),
    ]
    assert [(q.name, q.text) for q in schemes["analogy"].questions] == [
        ("differences", "Are there differences between the two cases that would undermine "
                        "the similarity?"),
        ("truth", "Is A true in the compared case?"),
        ("counter-case", "Is there another similar case in which A is false?"),
    ]


def test_schemes_lists_and_shows_one():
    listed = invoke("schemes")
    assert listed.code == 0
    for name in NAMED_BY_THE_SPEC:
        assert name in listed.out
    one = invoke("schemes", "analogy")
    assert one.code == 0
    assert "Argument from analogy (analogy)" in one.out
    assert "counter-case  Is there another similar case in which A is false?" in one.out
    data = invoke("schemes", "-f", "json").json()
    assert [s["name"] for s in data["schemes"]] == sorted(built_in())
    assert invoke("schemes", "analogie").code == 2


GOOD = """\
[analogy]
title = "Our analogy"
source = "Course notes"
conclusion = "So."
premises = [{ role = "base", text = "A in C1." }]
questions = [{ name = "same", text = "Same?" }]
"""


def test_a_course_catalogue_overrides_and_adds(tmp_path):
    (tmp_path / "ours.toml").write_text(GOOD)
    (tmp_path / "setup.cfg").write_text("[argmap]\nschemes = ours.toml\n")
    data = invoke("schemes", "-f", "json", cwd=tmp_path).json()
    analogy = next(s for s in data["schemes"] if s["name"] == "analogy")
    assert analogy["questions"] == [{"name": "same", "text": "Same?"}]
    assert analogy["origin"] == str(tmp_path / "ours.toml")
    assert "from" in invoke("schemes", cwd=tmp_path).out


@pytest.mark.parametrize("text, line, message", [
    ("[analogy\n", 1, "Expected ']'"),
    ("\n\n[x]\ntitle = 1\n", 3, "scheme `x`: `x` has no"),
    (GOOD.replace('"same"', '"Same thing"'), 1, "is not a question name"),
    (GOOD.replace("}]\n", '}, { name = "same", text = "Again?" }]\n', 1)
     .replace('[{ role', '[{ role'), 1, None),
    ("[Bad_Name]\n", 1, "is not a scheme name"),
    ('[x]\ntitle = "T"\nsource = "S"\nconclusion = "C"\npremises = []\nquestions = []\n'
     'extra = 1\n', 1, "unknown key `extra`"),
])
def test_a_bad_catalogue_is_a_configuration_error_with_file_and_line(tmp_path, text, line,
                                                                      message):
    (tmp_path / "ours.toml").write_text(text)
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nschemes = "ours.toml"\n')
    (tmp_path / "m.argmap").write_text("thesis t: A.\n")
    for args in (("schemes",), ("check", "m.argmap")):
        run = invoke(*args, cwd=tmp_path)
        assert run.code == 2, (args, run.out, run.err)
        assert f"ours.toml:{line}:" in run.err and "Traceback" not in run.err
        if message:
            assert message in run.err


def test_a_missing_or_undecodable_catalogue(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nschemes = "none.toml"\n')
    run = invoke("schemes", cwd=tmp_path)
    assert run.code == 2 and "none.toml:1: can't read the scheme catalogue" in run.err
    (tmp_path / "none.toml").write_bytes(b"[x]\ntitle = \"\xff\"\n")
    run = invoke("schemes", cwd=tmp_path)
    assert run.code == 2 and "is not UTF-8" in run.err


def test_parse_catalogue_names_the_repeated_question():
    with pytest.raises(CatalogueError, match=r"^x:1: scheme `analogy`: the question `same`"):
        parse_catalogue(GOOD.replace('questions = [{ name = "same", text = "Same?" }]',
                                     'questions = [{ name = "same", text = "Same?" }, '
                                     '{ name = "same", text = "Again?" }]'), "x")


def test_json_of_one_scheme():
    data = json.loads(invoke("schemes", "sign", "-f", "json").out)
    assert [s["name"] for s in data["schemes"]] == ["sign"]
