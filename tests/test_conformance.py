"""Every case of the conformance corpora (versions 1 and 1.1; version 1.2),
through the CLI, compared as their READMEs say."""

import filecmp
import json
from collections import Counter
from pathlib import Path

import pytest

from helpers import TESTS, invoke

#: each vendored corpus, and the folder beside the checkout it is a copy of
CORPORA = {name: (TESTS / name, TESTS.parent.parent / "shared" / name)
           for name in ("conformance", "conformance-1.2")}
CASES = sorted(case for corpus, _ in CORPORA.values() for case in corpus.glob("*/*.argmap"))


def _compare_findings(got, expected):
    got, want = Counter(map(tuple, got)), Counter(map(tuple, expected))
    missing = want - got
    assert not missing, f"findings missing: {sorted(missing)}; got {sorted(got)}"
    extra = got - want
    fatal = [line for rule, line in want if rule in ("syntax", "encoding")]
    allowed = {
        (rule, line) for rule, line in extra
        if rule in ("syntax", "encoding") and fatal and line > min(fatal)
    }
    assert set(extra) <= allowed, f"unexpected findings: {sorted(set(extra) - allowed)}"


def _node_id(key, nodes):
    if key.startswith("="):
        matches = [n["id"] for n in nodes if n["text"] == key[1:]]
        assert len(matches) == 1, f"no single node with text {key[1:]!r}"
        return matches[0]
    assert any(n["id"] == key for n in nodes), f"no node {key!r}"
    return key


@pytest.mark.parametrize("case", CASES,
                         ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.stem}")
def test_case(case):
    expect = json.loads(case.with_suffix(".expect.json").read_text(encoding="utf-8"))
    checked = invoke("check", case.name, "--format", "json", cwd=case.parent)
    assert checked.code == expect["exit"], checked.out + checked.err
    _compare_findings(checked.pairs(), expect["findings"])

    graph_keys = {"nodes", "edges", "groups", "meta", "sections", "attrs", "undercuts"}
    if not graph_keys & expect.keys():
        return
    exported = invoke("export", case.name, "--format", "json", cwd=case.parent)
    assert exported.code == 0, exported.err
    data = exported.json()
    nodes = data["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for key, spec in expect.get("nodes", {}).items():
        node = by_id[_node_id(key, nodes)]
        assert node["kind"] == spec[0], key
        if len(spec) > 1:
            assert node["text"] == spec[1], key
    edges = {(e["source"], e["target"], e["relation"]) for e in data["edges"]}
    for source, target, relation in expect.get("edges", []):
        edge = (_node_id(source, nodes), _node_id(target, nodes), relation)
        assert edge in edges
    for group in expect.get("groups", []):
        members = {_node_id(k, nodes) for k in group}
        grouped = [e for e in data["edges"] if e["source"] in members and e["group"]]
        ids = {e["group"] for e in grouped}
        assert len(ids) == 1 and len({e["target"] for e in grouped}) == 1, grouped
        assert {e["source"] for e in grouped} == members
        others = [e for e in data["edges"] if e["group"] in ids and e["source"] not in members]
        assert not others
    undercuts = {(e["source"], e["target"], tuple(e["reasons"]))
                 for e in data["edges"] if e["relation"] == "undercut"}
    for source, target, reasons in expect.get("undercuts", []):
        edge = (_node_id(source, nodes), _node_id(target, nodes),
                tuple(_node_id(r, nodes) for r in reasons))
        assert edge in undercuts, (edge, undercuts)
    for key, value in expect.get("meta", {}).items():
        assert data["meta"][key] == value
    for key, title in expect.get("sections", {}).items():
        assert by_id[_node_id(key, nodes)]["section"] == title
    for key, fields in expect.get("attrs", {}).items():
        node = by_id[_node_id(key, nodes)]
        for field, value in fields.items():
            assert node[field] == value, (key, field)


def test_corpora_are_not_empty():
    counts = {name: len(list(corpus.glob("*/*.argmap"))) for name, (corpus, _) in CORPORA.items()}
    assert counts["conformance"] >= 38 and counts["conformance-1.2"] >= 9, counts


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_vendored_copy_equals_shared_corpus(name):
    """tests/NAME is a copy of ../shared/NAME: refresh it when that changes."""
    corpus, shared = CORPORA[name]
    if not shared.is_dir():
        pytest.skip(f"no ../shared/{name} beside this checkout")

    def walk(a: Path, b: Path):
        cmp = filecmp.dircmp(a, b)
        assert not cmp.left_only and not cmp.right_only, (a, cmp.left_only, cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
        assert not mismatch and not errors, (a, mismatch, errors)
        for sub in cmp.common_dirs:
            walk(a / sub, b / sub)

    walk(shared, corpus)
