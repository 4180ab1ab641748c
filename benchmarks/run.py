"""Time argmap side by side with the floor and with Argdown, and check the budgets.

    python benchmarks/run.py                 # N = 1 000, 10 000, 100 000; 7 runs each
    python benchmarks/run.py --quick         # N = 1 000, 1 run (what the tests run)
    python benchmarks/run.py --argdown PATH  # Argdown's CLI, if not found on its own

Every command is a whole process. After one warm-up round, the rounds run all
commands in turn (interleaved, so that drift of the machine hits them alike),
and those of under a second twice more, after the others, in turn as well;
the table shows the median wall time and peak RSS of each. A budget compares
two commands that each round runs one right after the other: its time ratio is
the median of the ratios of those pairs of runs, so that the machine speeding
up or slowing down between rounds (by half, on a shared one) cancels out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

PY = sys.executable
#: a command of under a second is timed this many times a round: the median of
#: a short run is the one machine noise moves most
SHORT_PASSES = 3
#: the table's order of the commands run at each size
ROWS = ["floor", "check", "diff", "export json", "render dot", "render svg", "graphviz alone",
        "argdown json", "argdown dot"]


# Every process reads argmap's compiled modules, as an installed argmap's would:
# none of them should pay for compiling a module that a change left stale.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# The processes are started by a small helper process, not by this one: Linux
# counts the memory of the process that forks into the peak RSS of the child
# (until it execs), and this one holds the generated maps.
_TIMER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    argv, cwd = json.loads(line)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    print(json.dumps([wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]),
          flush=True)
"""


class Timer:
    """Times whole processes: wall seconds and peak RSS (MB) of each."""

    def __init__(self):
        self.helper = subprocess.Popen([PY, "-c", _TIMER], env=ENV, text=True,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def measure(self, argv, cwd) -> tuple[float, float]:
        print(json.dumps([[str(a) for a in argv], str(cwd)]), file=self.helper.stdin, flush=True)
        wall, rss, code = json.loads(self.helper.stdout.readline())
        if code not in (0, 1):
            raise RuntimeError(f"{' '.join(map(str, argv))} exited {code}")
        return wall, rss

    def close(self):
        self.helper.stdin.close()
        self.helper.wait()


def find_argdown(given):
    for candidate in (given, os.environ.get("ARGDOWN"),
                      str(ROOT / ".ci/node/node_modules/.bin/argdown"), shutil.which("argdown")):
        if candidate and Path(candidate).exists() and shutil.which("node"):
            return candidate
    return None


def small_maps(folder: Path, count: int) -> Path:
    """``count`` small maps in ``folder``, and one map holding all their nodes."""
    folder.mkdir()
    whole = []
    for i in range(count):
        text = generate.argmap_text(10, prefix=f"m{i}-")
        (folder / f"map{i:04d}.argmap").write_text(text)
        whole.append(text.split("---\n", 2)[2].replace("# Section 0", f"# Map {i}"))
    single = folder.parent / "all-in-one.argmap"
    single.write_text("".join(whole))
    return single


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="N = 1 000, one round, no budgets")
    ap.add_argument("--argdown", help="path of Argdown's `argdown` program")
    ap.add_argument("--svg-up-to", type=int, default=10000,
                    help="largest N rendered to SVG (Graphviz's share grows fastest)")
    args = ap.parse_args(argv)
    timer = Timer()  # before the maps are made, while this process is small
    sizes = [1000] if args.quick else [int(n) for n in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    argdown = None if args.quick else find_argdown(args.argdown)
    argmap = [PY, "-m", "argmap"]

    import compileall

    compileall.compile_dir(str(ROOT / "argmap"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    commands = []  # (key, argv)
    for n in sizes:
        text = generate.argmap_text(n)
        (work / f"m{n}.argmap").write_text(text)
        (work / f"m{n}-edited.argmap").write_text(generate.edited(text))
        (work / f"m{n}.argdown").write_text(generate.argdown_text(n))
        # each budget's two commands run one after the other (see paired())
        commands += [
            (("floor", n), [PY, str(HERE / "floor.py"), f"m{n}.argmap"]),
            (("check", n), argmap + ["check", f"m{n}.argmap"]),
            (("diff", n), argmap + ["diff", f"m{n}.argmap", f"m{n}-edited.argmap"]),
        ]
        if argdown:
            commands.append((("argdown json", n), [argdown, "json", f"m{n}.argdown", "ad"]))
        commands += [
            (("export json", n), argmap + ["export", f"m{n}.argmap", "-o", f"m{n}.json"]),
            (("render dot", n), argmap + ["render", f"m{n}.argmap", "-o", f"m{n}.dot"]),
        ]
        if argdown:
            commands.append((("argdown dot", n), [argdown, "map", "-f", "dot", f"m{n}.argdown",
                                                   "ad"]))
        if n <= args.svg_up_to:
            subprocess.run(argmap + ["render", f"m{n}.argmap", "-o", f"g{n}.dot"], cwd=work,
                           check=True)
            commands += [
                (("render svg", n), argmap + ["render", f"m{n}.argmap", "-o", f"m{n}.svg"]),
                (("graphviz alone", n), ["sh", "-c", f'"{PY}" -m argmap.render._child svg '
                                         f"< g{n}.dot > g{n}.svg"]),
            ]
    page = work / "page.argmap"
    page.write_text(generate.argmap_text(30))
    (work / "page.argdown").write_text(generate.argdown_text(30))
    commands += [
        (("import networkx", 0), [PY, "-c", "import networkx"]),
        (("check page", 0), argmap + ["check", "page.argmap"]),
    ]
    if argdown:
        commands.append((("argdown page", 0), [argdown, "json", "page.argdown", "ad"]))
    count = 100 if args.quick else 1000
    small_maps(work / "folder", count)
    commands += [
        (("check folder", count), argmap + ["check", "folder"]),
        (("check all-in-one", count), argmap + ["check", "all-in-one.argmap"]),
    ]

    results = {key: ([], []) for key, _ in commands}
    rounds = repeat + (0 if args.quick else 1)
    short = []  # commands of under a second: each round times them SHORT_PASSES times
    for r in range(rounds):
        passes = [commands] if not r else [commands] + [short] * (SHORT_PASSES - 1)
        for batch in passes:
            for key, cmd in batch:
                wall, rss = timer.measure(cmd, work)
                if not r and not args.quick:  # the first round warms up
                    if wall < 1.0:
                        short.append((key, cmd))
                    continue
                results[key][0].append(wall)
                results[key][1].append(rss)
    timer.close()
    med = {key: (statistics.median(w), statistics.median(m)) for key, (w, m) in results.items()}
    shutil.rmtree(work, ignore_errors=True)

    print(f"argmap benchmark: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    warm = "" if args.quick else " after a warm-up round"
    runs = f"{repeat} run(s)" if args.quick else \
        f"{repeat} runs ({repeat * SHORT_PASSES} for commands under a second)"
    print(f"medians of {runs}{warm}, commands interleaved\n")
    print(f"{'command':<18} {'N':>7} {'wall s':>8} {'peak MB':>8}  ratio")
    floor = {n: med[("floor", n)] for n in sizes}
    group = {}  # rows of one size together, in ROWS order; the others as run
    for i, (name, n) in enumerate(med):
        group[name, n] = (0, sizes.index(n), ROWS.index(name)) if name in ROWS else (1, i, 0)
    for (name, n), (wall, rss) in sorted(med.items(), key=lambda row: group[row[0]]):
        ratio = ""
        if n in floor and name in ("check", "export json", "render dot"):
            ratio = f"{wall / floor[n][0]:.2f}× floor time, {rss / floor[n][1]:.2f}× floor RSS"
        if name == "diff":
            ratio = f"{wall / med[('check', n)][0]:.2f}× check's time (1 % of nodes reworded)"
        if name.startswith("argdown") and (("check", n) in med) and name != "argdown page":
            mine = med[("export json", n)] if name == "argdown json" else med[("render dot", n)]
            ratio = f"{wall / mine[0]:.2f}× argmap's time, {rss / mine[1]:.2f}× its RSS"
        print(f"{name:<18} {n or '':>7} {wall:>8.3f} {rss:>8.1f}  {ratio}")

    if args.quick:
        return 0
    budgets = []

    def paired(a, b):
        """The ratio of ``a``'s time to ``b``'s: the median of the ratios of
        their runs, timed back to back in each round (drift of the machine
        between rounds then cancels), or of their medians when the counts differ."""
        wa, wb = results[a][0], results[b][0]
        if len(wa) == len(wb):
            return statistics.median(x / y for x, y in zip(wa, wb))
        return med[a][0] / med[b][0]

    def budget(label, value, limit, more_is_better=False):
        ok = value >= limit if more_is_better else value <= limit
        budgets.append(ok)
        sign = "≥" if more_is_better else "≤"
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {value:.2f} (budget {sign} {limit})")

    print("\nbudgets: time ratios are medians of the ratios of runs timed one after the other")
    big, mid = max(sizes), (10000 if 10000 in sizes else None)
    budget(f"check {big} / floor time", paired(("check", big), ("floor", big)), 1.5)
    budget(f"check {big} / floor peak RSS", med[("check", big)][1] / floor[big][1], 2.0)
    budget(f"export json {big} / floor time", paired(("export json", big), ("floor", big)), 2.0)
    budget(f"diff {big} (1 % reworded) / check {big}", paired(("diff", big), ("check", big)), 2.5)
    if mid:
        budget(f"check {big} / check {mid} (linear)",
               paired(("check", big), ("check", mid)), 12 * big / mid / 10)
        budget(f"export {big} / export {mid} (linear)",
               paired(("export json", big), ("export json", mid)), 12 * big / mid / 10)
        if ("render svg", mid) in med:
            budget(f"render svg {mid} / Graphviz alone",
                   paired(("render svg", mid), ("graphviz alone", mid)), 1.3)
    budget("check of a page / import networkx",
           paired(("check page", 0), ("import networkx", 0)), 2.0)
    budget(f"check folder of {count} / all in one map",
           paired(("check folder", count), ("check all-in-one", count)), 1.5)
    if argdown:
        budget(f"argdown json {big} / argmap export (speed-up)",
               paired(("argdown json", big), ("export json", big)), 4.0, True)
        budget(f"argdown json {big} RSS / argmap export RSS",
               med[("argdown json", big)][1] / med[("export json", big)][1], 2.0, True)
        budget("argdown on a page / argmap check (speed-up)",
               paired(("argdown page", 0), ("check page", 0)), 3.0, True)
    else:
        print("(Argdown not found: npm install --prefix .ci/node @argdown/cli, or --argdown PATH)")
    return 0 if all(budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
