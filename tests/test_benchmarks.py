"""The benchmark keeps working: a quick run (N = 1 000, one round). Budgets are
checked by `python benchmarks/run.py`, not by timed tests."""

import subprocess
import sys

import pytest

from helpers import ROOT


def test_quick_benchmark_runs_and_prints_every_command():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for name in ("floor", "check", "export json", "render dot", "render svg", "graphviz alone",
                 "import networkx", "check page", "check folder", "check all-in-one"):
        assert f"\n{name} " in done.stdout, name


def test_floor_and_generator_agree_on_the_graph(tmp_path):
    out = tmp_path / "m.argmap"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "1000", "-o",
                    str(out)], check=True)
    floor = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "floor.py"), str(out)],
                           capture_output=True, text=True, check=True)
    import argmap

    m = argmap.load(out)
    assert argmap.check(m) == []
    nodes, edges = map(int, floor.stdout.split())
    # the floor's one regular expression also takes `title:` and `cite:` for nodes
    assert len(m.graph) <= nodes <= len(m.graph) + 2
    support_attack = sum(1 for *_, r in m.graph.edges(data="relation") if r != "cite")
    assert edges <= support_attack  # the floor skips relation lines


def test_quick_resource_benchmark_runs_every_case():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "resources.py"), "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for case in ("nesting as deep", "citing every source", "chain of includes",
                 "one-character lines"):
        assert done.stdout.count(case) == 2, case


def test_quick_lsp_benchmark_drives_the_real_server():
    pytest.importorskip("pygls")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "lsp.py"), "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()[1:]
    assert [r.split()[0] for r in rows] == ["flagship", "10"]
