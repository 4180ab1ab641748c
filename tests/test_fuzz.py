"""A quick, deterministic fuzz: random bytes and mutated conformance files through
`argmap check --format json` give findings, never a traceback, and exit 0 or 1."""

import json
import random

import pytest

from helpers import TESTS, invoke

SEEDS = sorted((TESTS / "conformance").glob("*/*.argmap"))
ALPHABET = [" ", "  ", "\t", "\n", "\r\n", "\r", "+", "-", "&", "@", ":", ": ", "#", "//",
            "---", "include ", "thesis ", "claim ", "premise ", "evidence ", "counter ",
            "rebuttal ", "source ", "cite: ", "cite: @", "url: ", "tags: ", "note: ",
            "weight: ", "expect: ", "supports", "attacks", "t", "p", "x", "_", "\u202e",
            "\ufeff", "\x00", "é", "中", "😀", "\\n", '"']


def _mutate(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        i = rng.randrange(len(lines))
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 2:
            lines[i] = b" " * rng.randint(0, 8) + lines[i].lstrip()
        elif op == 3:
            pos = rng.randint(0, len(lines[i]))
            token = rng.choice(ALPHABET).encode("utf-8")
            lines[i] = lines[i][:pos] + token + lines[i][pos:]
        elif op == 4:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 5:
            pos = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:pos]
        else:
            lines[i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
    return b"\n".join(lines)


def _random_text(rng: random.Random) -> bytes:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))).encode("utf-8")


def _cases(count, seed):
    rng = random.Random(seed)
    seeds = [p.read_bytes() for p in SEEDS]
    for n in range(count):
        kind = n % 3
        if kind == 0:
            yield bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        elif kind == 1:
            yield _random_text(rng)
        else:
            yield _mutate(rng, rng.choice(seeds))


@pytest.mark.parametrize("batch", range(6))
def test_check_never_crashes(tmp_path, batch):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "sources.argmap").write_bytes(
        (TESTS / "conformance" / "valid" / "parts" / "sources.argmap").read_bytes())
    path = tmp_path / "case.argmap"
    for data in _cases(500, seed=batch):
        path.write_bytes(data)
        r = invoke("check", "case.argmap", "--format", "json", cwd=tmp_path)
        assert r.code in (0, 1), (data, r.err)
        report = json.loads(r.out)
        assert report["summary"]["errors"] + report["summary"]["warnings"] == len(report["findings"])
        for f in report["findings"]:
            assert f["line"] >= 1 and f["column"] >= 1, (data, f)
        if r.code == 0:
            exported = invoke("export", "case.argmap", cwd=tmp_path)
            assert exported.code == 0, (data, exported.err)
            json.loads(exported.out)


# The same properties through hypothesis (derandomized): arbitrary bytes and
# mutated conformance files, through the whole pipeline at the API level.
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import argmap  # noqa: E402
from argmap.export import to_json  # noqa: E402
from argmap.fmt import difference, format_source  # noqa: E402
from argmap.render.dot import to_dot  # noqa: E402

_SEED_BYTES = [p.read_bytes() for p in SEEDS]
_ROOT = str(TESTS / "conformance" / "valid")


@st.composite
def _mutated(draw):
    rng = random.Random(draw(st.integers(0, 2**32)))
    return _mutate(rng, draw(st.sampled_from(_SEED_BYTES)))


def _pipeline(data):
    m = argmap.loads(data, file="fuzz.argmap", root=_ROOT)
    findings = argmap.check(m)
    assert all(f.line >= 1 and f.column >= 1 for f in findings)
    if not m.ok:
        assert any(f.rule in ("syntax", "encoding", "include") for f in findings)
        return
    json.loads(to_json(m))
    assert to_dot(m).startswith("digraph argmap {")
    _outputs(m)
    result = format_source(data, "fuzz.argmap", _ROOT)
    assert result.problem is None, result.problem
    if result.formatted is not None and result.changed:
        again = format_source(result.formatted, "fuzz.argmap", _ROOT)
        assert again.formatted == result.formatted
        after = argmap.loads(result.formatted, file="fuzz.argmap", root=_ROOT)
        assert difference(m, after) is None


def _outputs(m):
    """Every other output of a built map: valid where it has a grammar to hold."""
    import xml.etree.ElementTree as ET

    from argmap.evaluate import evaluate
    from argmap.export import to_aif, to_argdown, to_graphml
    from argmap.render.html import to_html
    from argmap.render.markdown import to_markdown

    ET.fromstring(to_graphml(m))
    json.loads(to_aif(m))
    to_argdown(m)
    ev = evaluate(m)
    assert "\x1b" not in to_markdown(m, ev)
    to_html(m, diagram=False)


_FUZZ = settings(max_examples=1500, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.binary(max_size=300))
def test_pipeline_on_arbitrary_bytes(data):
    _pipeline(data)


@_FUZZ
@given(_mutated())
def test_pipeline_on_mutated_conformance_files(data):
    _pipeline(data)


def _parsed(data, lines=True):
    """A file's parse as plain data: statements (parents as indexes), findings, lines."""
    from argmap import parser as P
    from argmap.rules import RULE_IDS

    text = data.decode("utf-8", "replace")
    out = P.parse(text, "f.argmap", (), RULE_IDS, lines=lines)
    index = {id(s): i for i, s in enumerate(out.statements)}

    def plain(stmt):
        slots = getattr(type(stmt), "__slots__", ())
        fields = {k: getattr(stmt, k) for k in slots}
        for k in ("parent", "node"):
            if k in fields and fields[k] is not None:
                fields[k] = index.get(id(fields[k]), "outside")
        return type(stmt).__name__, fields

    return [plain(s) for s in out.statements], out.findings, out.lines, out.meta


_CHILD_LINES = st.builds(
    lambda indent, sign, kind, name, text: f"{' ' * indent}{sign} {kind} {name}: {text}",
    st.sampled_from([2, 2, 2, 4, 4, 0, 1, 6]), st.sampled_from("+-&"),
    st.sampled_from(["claim", "premise", "counter", "rebuttal", "evidence", "source", "thesis"]),
    st.sampled_from(["a", "b", "c1", "x_y", "a", "b", "include", "a" * 65]),
    st.sampled_from(["T.", "T.", "T.", "T.  ", "t\r", "a: b", " ", "\u202e"]))
_OTHER_LINES = st.sampled_from(["thesis t: T.", "thesis t: T.", "source s: S.", "  + @a",
                                "  cite: @s, p. 1", "# H", "", "  // note", "@a supports @t"])
_LINES = st.lists(st.one_of(_CHILD_LINES, _OTHER_LINES), max_size=14).map(
    lambda ls: "\n".join(ls).encode("utf-8"))


@settings(max_examples=800, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(_mutated(), _LINES))
@example(b"thesis t: T.\n  - counter a: A.\n  & premise b: B.\n")  # a group of attacks
@example(b"thesis t: T.\n  & premise b: B.\n")  # a group with no first member
@example(b"thesis t: T.\n  + @c\n  & premise b: B.\nclaim c: C.\n")  # after a reference
@example(b"thesis t: T.\n  + premise a: A.\n    & premise b: B.\n")  # under the first
def test_the_parsers_fast_path_reads_lines_as_its_general_path_does(monkeypatch, data):
    import re

    from argmap import parser as P

    fast = _parsed(data)
    with monkeypatch.context() as mp:
        mp.setattr(P, "_FAST_CHILD", re.compile(r"(?!)"))  # matches nothing
        general = _parsed(data)
    assert fast == general
