"""argmap fmt: the layout, idempotence, meaning kept, and safe writes."""

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.fmt import difference, format_source
from helpers import ROOT, TESTS, invoke

CASES = sorted((TESTS / "fmt").glob("*.in.argmap"))
CORPUS = (sorted((TESTS / "conformance").rglob("*.argmap"))
          + sorted((TESTS / "conformance-1.2").rglob("*.argmap"))
          + sorted((ROOT / "maps").rglob("*.argmap")))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_golden_layout(case):
    expected = case.with_name(case.name.replace(".in.", ".out.")).read_bytes()
    result = format_source(case.read_bytes(), case.name, str(case.parent))
    assert result.formatted == expected
    assert format_source(expected, case.name, str(case.parent)).formatted == expected


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_idempotent_and_meaning_preserving(path):
    data = path.read_bytes()
    result = format_source(data, path.name, str(path.parent))
    assert result.problem is None
    if result.formatted is None:  # syntax, encoding or include errors: left alone
        assert result.findings
        return
    again = format_source(result.formatted, path.name, str(path.parent))
    assert again.formatted == result.formatted
    before = argmap.loads(data, file=path.name, root=path.parent)
    after = argmap.loads(result.formatted, file=path.name, root=path.parent)
    assert difference(before, after) is None


LINE = st.sampled_from([
    "thesis t: T.", "claim c: C.", "premise p: P.", "source s: S.", "# Heading", "## Sub",
    "@p supports @t", "@c attacks @t", "// a comment", "", "   ", "include parts/sources.argmap",
    "@c undercuts @p supports @t",
])
CHILD = st.sampled_from([
    "+ premise: A reason.", "- counter: An objection.", "& premise: Linked.", "+ @p", "- @c",
    "cite: Somebody 2020", "cite: @s, p. 3", "note: A note.", "tags: x, y", "// inner comment",
    "+ Text: with a colon.", "url: https://example.org", "", "weight: 0.5",
    "~ counter: An undercut.", "~ @c", "scheme: sign", "cq: strength", "cq: alternatives",
])


@st.composite
def maps(draw):
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        lines.append(draw(LINE))
        if lines[-1].split(" ")[0] in ("thesis", "claim", "premise"):
            for _ in range(draw(st.integers(0, 5))):
                depth = draw(st.integers(1, 3))
                lines.append(" " * draw(st.sampled_from([2, 3, 4])) * depth + draw(CHILD))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(lines) + draw(st.sampled_from(["", ending]))


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_generated_maps(text):
    root = str(TESTS / "conformance" / "valid")
    data = text.encode("utf-8")
    result = format_source(data, "gen.argmap", root)
    assert result.problem is None, (text, result.problem)
    if result.formatted is not None:
        assert format_source(result.formatted, "gen.argmap", root).formatted == result.formatted


def test_check_and_diff_write_nothing(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(b"thesis   t: T.\n    + premise p: P.\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    r = invoke("fmt", "--check", path)
    assert r.code == 1 and r.out == f"would reformat {path}\n"
    r = invoke("fmt", "--diff", path)
    assert r.code == 1
    assert "-thesis   t: T.\n-    + premise p: P.\n+thesis t: T.\n+  + premise p: P.\n" in r.out
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert os.listdir(tmp_path) == ["m.argmap"]


def test_rewrite_in_place_keeps_mode_and_follows_symlinks(tmp_path):
    target = tmp_path / "real.argmap"
    target.write_bytes(b"thesis   t: T.\n  + premise p: P.\n")
    target.chmod(0o640)
    link = tmp_path / "link.argmap"
    link.symlink_to(target)
    r = invoke("fmt", link)
    assert r.code == 0
    assert link.is_symlink()
    assert target.read_bytes() == b"thesis t: T.\n  + premise p: P.\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.argmap", "real.argmap"]


def test_an_unchanged_file_is_not_rewritten(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(b"thesis t: T.\n  + premise p: P.\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert invoke("fmt", path).code == 0
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "m.argmap"
    original = b"thesis   t: T.\n  + premise p: P.\n"
    path.write_bytes(original)

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    r = invoke("fmt", path)
    assert r.code == 2
    assert r.err.strip().endswith(f"can't write {path}: No space left on device")
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["m.argmap"]


def test_files_with_errors_are_left_alone(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_bytes(b"thesis   t: T.\n  premise p: P.\n")
    r = invoke("fmt", path)
    assert r.code == 1 and "error[syntax]" in r.err and "left as it is" in r.err
    assert path.read_bytes() == b"thesis   t: T.\n  premise p: P.\n"


def test_a_change_of_meaning_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "m.argmap"
    path.write_bytes(b"thesis   t: T.\n  + premise p: P.\n")
    import argmap.fmt as F

    real = F.format_text
    monkeypatch.setattr(F, "format_text", lambda text, file="": real(text, file).replace("P.", "Q."))
    r = invoke("fmt", path)
    assert r.code == 2 and "would change what the map says" in r.err and "bug" in r.err
    assert path.read_bytes() == b"thesis   t: T.\n  + premise p: P.\n"


@pytest.mark.parametrize("before, after", [
    ("thesis t: T.\n  + premise p: P.\n    scheme: sign\n",
     "thesis t: T.\n  + premise p: P.\n    scheme: example\n"),
    ("thesis t: T.\n  + premise p: P.\n    ~ counter u: U.\n  & premise q: Q.\n",
     "thesis t: T.\n  + premise p: P.\n    ~ counter u: U.\n  + premise q: Q.\n"),
    ("thesis t: T.\n  + premise p: P.\n    scheme: sign\n    ~ counter u: U.\n      cq: strength\n",
     "thesis t: T.\n  + premise p: P.\n    scheme: sign\n    cq: strength\n"
     "    ~ counter u: U.\n"),
])
def test_a_difference_of_version_1_2_is_one(before, after):
    assert difference(argmap.loads(before), argmap.loads(after)) is not None


def test_stdin_to_stdout():
    r = invoke("fmt", "-", input=b"thesis  t: T.\n   + premise p: P.\n")
    assert r.code == 0 and r.out == "thesis t: T.\n  + premise p: P.\n"
    assert invoke("fmt", "-", input=b"thesis t T.\n").code == 1


def test_the_projects_maps_are_formatted():
    r = invoke("fmt", "--check", ROOT / "maps")
    assert r.code == 0, r.out


# -- fmt never refuses a valid map (issue 14: a comment and a blank line before
# an attribute made it refuse one, "a bug in argmap") ---------------------------

_BLOCK_LINES = st.sampled_from([
    "{pad}+ premise: P.", "{pad}- counter: C.", "{pad}  + premise: Q.", "{pad}cite: x",
    "{pad}note: n", "{pad}tags: a, b", "{pad}// a comment", "", "{pad}url: https://e.org"])


@st.composite
def _valid_maps(draw):
    lines = ["thesis t: T."]
    for _ in range(draw(st.integers(0, 12))):
        line = draw(_BLOCK_LINES)
        lines.append(line.format(pad="  "))
    if draw(st.booleans()):
        lines += ["", "// a closing comment"]
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(_valid_maps())
@example(b"thesis t: T.\n  + premise p: P.\n  // c\n\n  cite: x\n")
@example(b"thesis t: T.\n  + premise p: P.\n  cite: a\n  // c\n\n  note: x\n")
def test_fmt_formats_every_valid_map_and_stays_put(data):
    result = format_source(data, "m.argmap", "/nonexistent")
    assert result.problem is None, data
    if result.formatted is not None:
        again = format_source(result.formatted, "m.argmap", "/nonexistent")
        assert again.problem is None and again.formatted == result.formatted, result.formatted
