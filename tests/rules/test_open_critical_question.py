import argmap
from argmap.config import Config
from helpers import findings, load_text


def test_each_open_question_once_at_the_scheme_line_with_its_text():
    m = load_text("""\
        thesis t: The vaccine is safe.
          + premise agency: The agency says it is safe.
            scheme: expert-opinion
          & premise trials: Its verdict rests on trials.
            cq: backup
            cq: field
            ~ counter paid: Agency staff are paid by the maker.
              cq: trustworthiness
              + premise leak: A leaked payroll.
              - rebuttal no: The payroll is fake.
                + premise forensics: Forensics says so.
        """)
    found = [f for f in argmap.check(m, Config()) if f.rule == "open-critical-question"]
    assert [(f.line, f.column, f.severity) for f in found] == [(3, 13, "warning")] * 3
    assert [f.message for f in found] == [
        "critical question `expertise` of `expert-opinion` is open: "
        "How credible is E as an expert source?",
        "critical question `opinion` of `expert-opinion` is open: "
        "What did E assert that implies A?",
        "critical question `consistency` of `expert-opinion` is open: "
        "Is A consistent with what other experts assert?",
    ]


def test_an_undercut_by_reference_does_not_address_questions():
    # `cq:` is written where a node is declared: a node drawn in by `~ @ID` counts for
    # the inference of its own line only
    text = """\
        thesis t: A.
          + premise p: B.
            scheme: sign
            ~ @u
        counter u: U.
          + premise v: V.
          cq: strength
        """
    assert ("syntax", 7) in findings(text)


def test_questions_of_another_inference_do_not_count():
    text = """\
        thesis t: A.
          + premise p: B.
            scheme: sign
          + premise q: C.
            scheme: sign
            cq: strength
            cq: alternatives
        """
    assert findings(text, "open-critical-question") == [("open-critical-question", 3)] * 2


def test_silenced_above_the_scheme_line():
    text = """\
        thesis t: A.
          + premise p: B.
            // argmap: ignore open-critical-question
            scheme: sign
        """
    assert findings(text, "open-critical-question") == []
