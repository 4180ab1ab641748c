"""argmap diff: what a change does to an argument, one case for each kind of change."""

import json
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.diff import diff_maps
from argmap.fmt import format_source
from helpers import TESTS, dedent, invoke
from test_fmt import maps as generated_maps

BASE = """\
thesis t: Cities should ban cars from their centres.
  + premise air: Exhaust pollutes the air.
    cite: City report 2019
  + claim shops: Shops in car-free streets do better.
    + evidence footfall: Footfall rose after pedestrianisation.
      cite: Council data 2020
  - counter jobs: Delivery jobs would be lost.
    + premise vans: Vans could no longer reach the shops.
    - rebuttal hours: Deliveries can come early in the morning.
      + premise elsewhere: Other cities deliver before 10 a.m.
"""


def changes(old: str, new: str, **kw):
    d = diff_maps(argmap.loads(dedent(old)), argmap.loads(dedent(new)), **kw)
    return [(c.what, c.node, c.before, c.after) for c in d.changes]


# Strengths worked by hand (DF-QuAD, weights 0.5): in BASE, shops = 0.5 + 0.5·0.5 =
# 0.75; hours = 0.75; jobs = 0.5 + (0.5 − 0.75)·0.5 = 0.375; t: S = 1 − 0.5·0.25 =
# 0.875, A = 0.375, so t = 0.5 + 0.5·0.5 = 0.75.
CASES = {
    "nothing": (BASE, []),
    "node-added": (BASE.replace("  - counter jobs", "  & premise noise: Traffic is loud.\n"
                                "  - counter jobs"),
                   [("node-added", "noise", None, "Traffic is loud."),
                    # `&` joins the reason above at its level: shops; the group counts
                    # with its weakest (0.5): S = 0.75, v = 0.375, t = 0.6875
                    ("regrouped", "shops", ["shops"], ["noise", "shops"]),
                    ("strength-move", "t", 0.75, 0.6875)]),
    # S = 0.75, v = 0.375: t = 0.6875
    "node-removed": (BASE.replace("  + premise air: Exhaust pollutes the air.\n"
                                  "    cite: City report 2019\n", ""),
                     [("node-removed", "air", "Exhaust pollutes the air.", None),
                      ("strength-move", "t", 0.75, 0.6875)]),
    "reworded": (BASE.replace("Exhaust pollutes the air.", "Exhaust fouls the air."),
                 [("reworded", "air", "Exhaust pollutes the air.", "Exhaust fouls the air.")]),
    "kind-changed": (BASE.replace("claim shops:", "premise shops:"),
                     [("kind-changed", "shops", "claim", "premise")]),
    # S = 1 − 0.1·0.25 = 0.975, v = 0.6: t = 0.8
    "attribute-changed": (BASE.replace("    cite: City report 2019\n",
                                       "    cite: City report 2019\n    weight: 0.9\n"),
                          [("attribute-changed", "air", None, 0.9),
                           ("strength-move", "air", 0.5, 0.9),
                           ("strength-move", "t", 0.75, 0.8)]),
    "cite": (BASE.replace("cite: City report 2019", "cite: City report 2021"),
             [("cite-added", "air", None, "City report 2021"),
              ("cite-removed", "air", "City report 2019", None)]),
    # shops: S = 0.75, so 0.875; t: S = 0.9375, A = 1 − 0.625·0.5 = 0.6875, so 0.625;
    # vans (accepted) attacks t: rejected
    "relations-added": (BASE + "@vans attacks @t\n@vans supports @shops\n",
                        [("relation-added", "vans", None, "attack"),
                         ("relation-added", "vans", None, "support"),
                         ("status-flip", "t", "accepted", "rejected"),
                         ("strength-move", "shops", 0.75, 0.875),
                         ("strength-move", "t", 0.75, 0.625)]),
    # hours loses its support: rejected (0.5); jobs stands (S = A = 0.5: 0.5); t falls
    # (S = 0.875, A = 0.5: 0.6875); the rebuttal unsupported is a new finding
    "status-flip": (BASE.replace("      + premise elsewhere: Other cities deliver before 10 a.m.\n",
                                 ""),
                    [("node-removed", "elsewhere", "Other cities deliver before 10 a.m.", None),
                     ("finding-new", None, None, None),
                     ("status-flip", "hours", "accepted", "rejected"),
                     ("strength-move", "hours", 0.75, 0.5),
                     ("status-flip", "jobs", "rejected", "accepted"),
                     ("strength-move", "jobs", 0.375, 0.5),
                     ("status-flip", "t", "accepted", "rejected"),
                     ("strength-move", "t", 0.75, 0.6875)]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_kind_of_change(name):
    new, expected = CASES[name]
    got = [(w, n, b if not isinstance(b, float) else round(b, 6),
            a if not isinstance(a, float) else round(a, 6)) for w, n, b, a in changes(BASE, new)]
    got = [(w, n, None, None) if w.startswith("finding") else x
           for x, (w, n, b, a) in zip(got, got)]
    assert sorted(got, key=repr) == sorted(expected, key=repr)


def test_anonymous_nodes_reworded_and_moved_are_matched_by_text():
    old = "thesis t: T.\n  + The old town is crowded every weekend.\n  + Parking is scarce.\n"
    new = ("thesis t: T.\n  + Parking is scarce.\n\n\n"
           "  + The old town is crowded every weekend in summer.\n")
    got = changes(old, new)
    assert [(w, b, a) for w, _, b, a in got] == [
        ("reworded", "The old town is crowded every weekend.",
         "The old town is crowded every weekend in summer.")]


def test_unlike_anonymous_texts_are_one_removed_and_one_added():
    got = changes("thesis t: T.\n  + Cars are loud.\n", "thesis t: T.\n  + Bikes need lanes.\n")
    assert sorted(w for w, *_ in got) == ["node-added", "node-removed"]


def test_relations_turned_regrouped_and_undercut():
    old = "thesis t: T.\n  + premise a: A.\n  + premise b: B.\n  - counter c: C.\n" \
          "    + premise d: D.\n    - rebuttal e: E.\n      + premise f: F.\n"
    new = "thesis t: T.\n  + premise a: A.\n    scheme: sign\n  & premise b: B.\n" \
          "  + premise c: C.\n    + premise d: D.\n    - rebuttal e: E.\n      + premise f: F.\n"
    got = {(w, n) for w, n, _, _ in changes(old, new)}
    assert {("relation-turned", "c"), ("regrouped", "a"), ("regrouped", "b"),
            ("kind-changed", "c")} <= got
    undercut = old.replace("  + premise b: B.\n", "  + premise b: B.\n    ~ @c\n")
    assert ("relation-turned", "c", "attack", "undercut") in changes(old, undercut)


def test_a_moved_subtree_changes_only_its_section():
    old = "# One\nthesis t: T.\n  + @c\n# Two\nclaim c: C.\n  + premise p: P.\n"
    new = "# One\nthesis t: T.\n  + @c\nclaim c: C.\n  + premise p: P.\n# Two\n"
    got = changes(old, new)
    assert [(w, n) for w, n, _, _ in got] == [("section-changed", "c"),
                                               ("section-changed", "p")]


def test_a_change_inside_an_included_file(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + @p\ninclude parts/p.argmap\n")
    (tmp_path / "parts" / "p.argmap").write_text("premise p: P.\n")
    old = argmap.load(tmp_path / "m.argmap")
    (tmp_path / "parts" / "p.argmap").write_text("premise p: P, now.\n")
    d = diff_maps(old, argmap.load(tmp_path / "m.argmap"))
    [c] = d.changes
    assert (c.what, c.node, c.file.endswith("p.argmap"), c.line) == ("reworded", "p", True, 1)


def test_a_broken_expectation():
    old = "thesis t: T.\n  expect: accepted\n  + premise p: P.\n"
    new = "thesis t: T.\n  expect: accepted\n  + premise p: P.\n  - premise q: Q.\n"
    got = changes(old, new)
    assert ("broken-expect", "t", "accepted", "rejected") in got
    assert ("status-flip", "t", "accepted", "rejected") in got


CORPUS = sorted((TESTS / "conformance").rglob("*.argmap")) + sorted(
    (TESTS / "conformance-1.2").rglob("*.argmap"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_map_and_its_formatted_self_differ_in_nothing(path):
    m = argmap.load(path)
    assert diff_maps(m, m).changes == []
    formatted = format_source(path.read_bytes(), path.name, str(path.parent)).formatted
    if formatted is not None:
        again = argmap.loads(formatted, file=str(path), root=path.parent)
        assert diff_maps(m, again).changes == []


def _mirror(c):
    swap = {"node-added": "node-removed", "node-removed": "node-added",
            "cite-added": "cite-removed", "cite-removed": "cite-added",
            "relation-added": "relation-removed", "relation-removed": "relation-added",
            "finding-new": "finding-fixed", "finding-fixed": "finding-new"}
    return swap.get(c.what, c.what), c.before, c.after


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(generated_maps(), generated_maps())
def test_a_diff_and_its_reverse_are_mirror_images(one, two):
    a, b = argmap.loads(one), argmap.loads(two)
    if not (a.ok and b.ok):
        return
    assert diff_maps(a, a).changes == []
    forward = diff_maps(a, b).changes
    backward = diff_maps(b, a).changes
    kinds = lambda cs: sorted(c.what for c in cs)  # noqa: E731
    assert kinds(backward) == sorted(_mirror(c)[0] for c in forward)
    flips = lambda cs: sorted((c.before, c.after) for c in cs if c.what == "reworded")  # noqa
    assert flips(backward) == sorted((a_, b_) for b_, a_ in flips(forward))


# -- the command ---------------------------------------------------------------

def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A scratch repository with three commits of two maps, one of them in parts."""
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "T")
    (tmp_path / "maps" / "parts").mkdir(parents=True)
    (tmp_path / "maps" / "m.argmap").write_text(BASE + "  + @p\ninclude parts/p.argmap\n")
    (tmp_path / "maps" / "parts" / "p.argmap").write_text("premise p: P.\n")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "one")
    (tmp_path / "maps" / "parts" / "p.argmap").write_text("premise p: P, reworded.\n")
    _git(tmp_path, "commit", "-qam", "two")
    (tmp_path / "maps" / "m.argmap").write_text(
        (BASE + "  + @p\ninclude parts/p.argmap\n").replace(
            "      + premise elsewhere: Other cities deliver before 10 a.m.\n", ""))
    _git(tmp_path, "commit", "-qam", "three")
    return tmp_path


def test_diff_of_revisions_reads_includes_as_they_were(repo):
    run = invoke("diff", "HEAD~2", "HEAD~1", "-f", "json", cwd=repo)
    assert run.code == 0, run.err
    data = run.json()
    [m] = data["maps"]
    assert m["new"] == "maps/m.argmap"
    assert [(c["what"], c["file"]) for c in m["changes"]] == [
        ("reworded", "maps/parts/p.argmap")]


def test_gates_and_the_working_tree(repo):
    assert invoke("diff", "HEAD~1", "HEAD", "--fail-on", "removed-node", cwd=repo).code == 1
    assert invoke("diff", "HEAD~1", "HEAD", "--fail-on", "broken-expect", cwd=repo).code == 0
    assert invoke("diff", "HEAD~1", "HEAD", "--fail-on", "thesis-status", cwd=repo).code == 1
    # against the working tree, from a folder inside the repository, for one path
    (repo / "maps" / "m.argmap").write_text("thesis t: Something else entirely.\n")
    run = invoke("diff", "HEAD", "m.argmap", "-f", "json", cwd=repo / "maps")
    assert run.json()["new"] == "working tree"
    assert run.json()["maps"][0]["new"] == "m.argmap"
    assert invoke("diff", "HEAD", cwd=repo).code == 0  # no gate asked for


def test_markdown_comment_and_github_annotations(repo):
    md = invoke("diff", "HEAD~1", "HEAD", "-f", "markdown", cwd=repo).out
    assert md.startswith("### What this change does to the argument\n")
    assert "| statuses changed | 3 |" in md and "**Needs a look:**" in md
    assert "```mermaid\nflowchart BT\n" in md and ":::flipped" in md and ":::removed" in md
    gh = invoke("diff", "HEAD~1", "HEAD", "-f", "github", cwd=repo).out.splitlines()
    assert "::warning file=maps/m.argmap,line=1,title=argmap diff%3A status changed::" \
           "status of `t`: accepted → rejected" in gh


def test_bad_input_is_exit_2(repo, tmp_path):
    assert invoke("diff", "no-such-rev", cwd=repo).code == 2
    assert invoke("diff", "only-one-file.argmap", cwd=tmp_path).code == 2
    (tmp_path / "a.argmap").write_text("thesis t: T.\n")
    (tmp_path / "b.argmap").write_text("thesis t T.\n")
    run = invoke("diff", "a.argmap", "b.argmap", cwd=tmp_path)
    assert run.code == 2 and "syntax" in run.out
    (tmp_path / "d").mkdir()
    assert invoke("diff", "a.argmap", "d", cwd=tmp_path).code == 2
    assert invoke("diff", "a.argmap", "a.argmap", "--fail-on", "bogus", cwd=tmp_path).code == 2


def test_two_folders_pair_maps_by_path(tmp_path):
    for side, text in (("old", BASE), ("new", BASE.replace("Exhaust", "Smoke"))):
        (tmp_path / side).mkdir()
        (tmp_path / side / "m.argmap").write_text(text)
    (tmp_path / "new" / "extra.argmap").write_text("thesis x: X.\n  + premise y: Y.\n")
    data = invoke("diff", "old", "new", "-f", "json", cwd=tmp_path).json()
    assert sorted(((m["old"], m["new"], m["state"]) for m in data["maps"]), key=repr) == [
        ("old/m.argmap", "new/m.argmap", "changed"), (None, "new/extra.argmap", "added")]
    assert json.dumps(data)  # plain JSON through and through


def test_golden_json_of_a_change_of_every_kind():
    """tests/diff: a pair of maps with most kinds of change, and the JSON it must
    give (reviewed by hand; regenerate only for a deliberate change of the schema)."""
    folder = TESTS / "diff"
    run = invoke("diff", "old.argmap", "new.argmap", "-f", "json", cwd=folder)
    assert run.code == 0
    assert run.json() == json.loads((folder / "expect.json").read_text(encoding="utf-8"))
