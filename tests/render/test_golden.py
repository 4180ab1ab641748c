"""Golden files: the DOT and Markdown of every map in maps/.

To accept a deliberate change of the output, run
``ARGMAP_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py`` and
review the diff of ``tests/render/golden/`` before committing it.
"""

import os
from pathlib import Path

import pytest

import argmap
from argmap.render import render
from helpers import ROOT

GOLDEN = Path(__file__).parent / "golden"
MAPS = sorted((ROOT / "maps").rglob("*.argmap"))
MAPS = [m for m in MAPS if m.name != "sources.argmap"]  # only ever included


@pytest.mark.parametrize("fmt", ["dot", "md"])
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_golden(path, fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    m = argmap.load(path.relative_to(ROOT))
    got = render(m, fmt)
    golden = GOLDEN / f"{path.stem}.{fmt}"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run with ARGMAP_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")
