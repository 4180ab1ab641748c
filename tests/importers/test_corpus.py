"""The importers on real files that other people wrote (tests/importers/corpus,
each folder with its source and licence): every file imports, the maps pass
`argmap check` with no error, AIF round trips keep the counts of I, RA and CA
nodes, and Argdown files give at least as many nodes as Argdown counts
statements (counts.json, from @argdown/cli's own JSON export)."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.export import as_aif
from argmap.importer import import_bytes

CORPUS = Path(__file__).parent / "corpus"
COUNTS = json.loads((CORPUS / "argdown" / "counts.json").read_text())


def _files(folder: str, suffix: str) -> list[Path]:
    return sorted((CORPUS / folder).rglob(f"*{suffix}"))


def _imported(path: Path, fmt: str = "auto"):
    text, warnings = import_bytes(path.read_bytes(), fmt, path.name)
    m = argmap.loads(text)
    return m, warnings, [f for f in argmap.check(m) if f.severity == "error"]


def _aif_counts(doc: dict) -> Counter:
    return Counter(n.get("type") for n in doc.get("AIF", doc)["nodes"]
                   if n.get("type") in ("I", "RA", "CA"))


@pytest.mark.parametrize("path", _files("aif", ".json") + _files("xaif", ".json")
                         + _files("aif-dialogue", ".json"), ids=lambda p: p.stem)
def test_aif_files_import_check_clean_and_round_trip(path):
    m, warnings, errors = _imported(path)
    assert errors == [], [f"{f.rule}: {f.message}" for f in errors]
    doc = json.loads(path.read_bytes())
    counts, back = _aif_counts(doc), _aif_counts(as_aif(m))
    lost = [w for w in warnings if "left out" in w and ("RA-node" in w or "CA-node" in w)
            or "repeats" in w or "premise of two arguments" in w]
    if not lost:  # what the graph can hold comes back
        assert back == counts, (counts, back)
    else:  # and what it can't is named
        assert back["I"] == counts["I"]


def test_dialogue_layer_is_one_warning_with_counts():
    _, warnings, _ = _imported(CORPUS / "xaif" / "arguebuf-typescript__xaif.json")
    layer = [w for w in warnings if "dialogue layer" in w]
    assert layer == ["the dialogue layer has no place in a map and is left out (4 L-node(s), "
                     "5 YA-node(s), 1 TA-node(s), 2 locutions, 14 participants)"]
    assert not any("undercut or a scheme" in w for w in warnings)


def test_xaif_read_with_the_aif_option_is_not_empty(tmp_path):
    from helpers import invoke
    r = invoke("import", CORPUS / "xaif" / "arguebuf-typescript__xaif.json", "-f", "aif")
    assert r.code == 0 and r.out.count(": ") >= 2, r.out + r.err


@pytest.mark.parametrize("path", _files("kialo", ".txt"), ids=lambda p: p.stem)
def test_kialo_exports_import_and_check_clean(path):
    m, warnings, errors = _imported(path)
    assert errors == []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    claims = [x for x in lines if x[:1].isdigit() and ". " in x]
    see = [x for x in claims if "-> See 1." in x]
    assert len(m.nodes) == len(claims) - len(see)
    assert m.meta["title"] == lines[0].split(": ", 1)[1].strip()
    thesis = m.graph.nodes["k1"]
    assert thesis["kind"] == "thesis" and "\\(" not in json.dumps(list(m.nodes.values()))


def test_sadface_files():
    m, warnings, errors = _imported(CORPUS / "sadface" / "hangback-data.json")
    assert errors == [] and warnings == []
    relations = Counter(d["relation"] for _, _, d in m.graph.edges(data=True))
    assert relations == {"support": 2, "attack": 1}
    assert m.meta["title"] == "Hangback Example" and m.meta["author"] == "Simon Wells"
    # an empty SADFace document is SADFace (not AIF), and says it holds nothing
    text, warnings = import_bytes((CORPUS / "sadface" / "minimal.json").read_bytes())
    assert warnings == ["the document holds no statements: the map is empty"]


ARGDOWN_FILES = [p for p in _files("argdown", ".argdown")
                 if COUNTS[p.relative_to(CORPUS / "argdown").as_posix()]["ok"]]


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=lambda p: p.stem)
def test_argdown_files_import_with_at_least_argdowns_statements(path):
    m, warnings, errors = _imported(path)
    assert errors == [], [f"{f.rule}: {f.message}" for f in errors]
    counts = COUNTS[path.relative_to(CORPUS / "argdown").as_posix()]
    assert len(m.nodes) >= counts["statements"]


def test_argdown_counts_are_what_argdown_says(tmp_path):
    """counts.json is @argdown/cli's own reading of the vendored files (checked
    against the real program where it is installed)."""
    from test_interchange import ARGDOWN
    if not ARGDOWN:
        pytest.skip("no @argdown/cli")
    for path in ARGDOWN_FILES[:6]:
        out = tmp_path / path.stem
        done = subprocess.run([ARGDOWN, "json", str(path), str(out)], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        data = json.loads((out / f"{path.stem}.json").read_text())
        want = COUNTS[path.relative_to(CORPUS / "argdown").as_posix()]
        assert (len(data["statements"]), len(data["arguments"]), len(data["relations"])) == (
            want["statements"], want["arguments"], want["relations"])
