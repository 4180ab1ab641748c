"""What a small input may cost: time and memory at two sizes of pathological input.

    python benchmarks/resources.py           # sizes N and 10 N, 3 runs each
    python benchmarks/resources.py --quick   # small sizes, one run (what the tests run)

Each case grows an input tenfold and times the whole `argmap` process (wall
time and peak RSS, as benchmarks/run.py does): growing linearly, ten times the
input takes about ten times as long. The budgets: at most 15 times as long,
and a peak RSS under the stated bound at the larger size. The cases are those
that grew with the square of the input before (issue 14): an import whose
nesting is as deep as the document, an import with one node citing everything,
a folder holding a chain of includes, and a file of one-character lines (each
a syntax error).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import PY, Timer  # noqa: E402

#: the larger size's time over the smaller's (inputs ten times apart)
GROWTH = 15.0


def deep_json(folder: Path, n: int) -> list[str]:
    nodes = [{"id": "t", "kind": "thesis", "text": "T.", "file": "m", "line": 1}]
    edges = []
    for i in range(1, n):
        nodes.append({"id": f"p{i}", "kind": "premise", "text": "P.", "file": "m", "line": i + 1})
        edges.append({"source": f"p{i}", "target": f"p{i - 1}" if i > 1 else "t",
                      "relation": "support", "file": "m", "line": i + 1})
    path = folder / f"deep{n}.json"
    path.write_text(json.dumps({"version": 1, "meta": {}, "nodes": nodes, "edges": edges}))
    return ["import", path.name, "-o", f"deep{n}.argmap"]


def many_cites(folder: Path, n: int) -> list[str]:
    nodes = [{"id": "t", "kind": "thesis", "text": "T.", "cite": []}] + [
        {"id": f"s{i}", "kind": "source", "text": "S."} for i in range(n)]
    edges = [{"source": "t", "target": f"s{i}", "relation": "cite"} for i in range(n)]
    path = folder / f"cites{n}.json"
    path.write_text(json.dumps({"version": 1, "meta": {}, "nodes": nodes, "edges": edges}))
    return ["import", path.name, "-o", f"cites{n}.argmap"]


def include_chain(folder: Path, n: int) -> list[str]:
    """A folder of ``n`` maps, each including the one before it."""
    chain = folder / f"chain{n}"
    chain.mkdir()
    for k in range(n):
        include = f"include m{k - 1:06d}.argmap\n" if k else ""
        (chain / f"m{k:06d}.argmap").write_text(
            f"{include}thesis t{k}: T{k}.\n  + premise p{k}: P.\n")
    return ["check", chain.name, "-f", "concise"]


def bad_lines(folder: Path, n: int) -> list[str]:
    path = folder / f"lines{n}.argmap"
    path.write_text("x\n" * n)
    return ["check", path.name, "-f", "sarif"]


#: case -> (make its input, N, peak RSS bound in MB at 10 N)
CASES = {
    "import, nesting as deep as the document": (deep_json, 5_000, 300),
    "import, one node citing every source": (many_cites, 5_000, 300),
    "check a folder holding a chain of includes": (include_chain, 500, 200),
    "check a file of one-character lines": (bad_lines, 100_000, 300),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run, no budgets")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    timer = Timer()
    ok = True
    print(f"{'case':<45} {'N':>8} {'wall s':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, (make, n, bound) in CASES.items():
            if args.quick:
                n = max(10, n // 50)
            walls = {}
            for size in (n, 10 * n):
                command = [PY, "-m", "argmap", *make(work, size)]
                runs = [timer.measure(command, work) for _ in range(repeat)]
                walls[size] = statistics.median(w for w, _ in runs)
                rss = max(r for _, r in runs)
                print(f"{name:<45} {size:>8} {walls[size]:>8.3f} {rss:>8.1f}")
            growth = walls[10 * n] / walls[n]
            if not args.quick:
                fine = growth <= GROWTH and rss <= bound
                ok &= fine
                print(f"{'ok  ' if fine else 'FAIL'} {name}: 10x the input, {growth:.1f}x the time "
                      f"(budget ≤ {GROWTH:g}x), {rss:.0f} MB (budget ≤ {bound} MB)")
    timer.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
