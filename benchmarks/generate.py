"""Write a synthetic argument map of about N nodes, free of findings.

    python benchmarks/generate.py 100000 -o /tmp/map-100k.argmap
    python benchmarks/generate.py 100000 --argdown -o /tmp/map-100k.argdown

Each section has a thesis, a source, and claims that each carry a linked pair
of premises, cited evidence, and a counter with its own support and a rebuttal;
every few claims, one premise also supports the thesis by a relation line.
"""

from __future__ import annotations

import argparse
import sys

WORDS = ("the pivot to the east remained largely declarative while cooperation with "
         "china deepened in energy trade arms and diplomacy across the region").split()


def sentence(i: int, n: int = 9) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)).capitalize() + "."


def argmap_text(nodes: int, prefix: str = "") -> str:
    """The map as argmap text; ``prefix`` starts every id (to merge maps)."""
    x = prefix
    out = ["---", f"title: Synthetic map of {nodes} nodes", "---", ""]
    per_claim = 9  # claim, 2 premises, evidence, counter, its premise, rebuttal, its premise, +1
    claims_per_section = 10
    count, s = 0, 0
    while count < nodes:
        out += [f"# Section {s}", "", f"source {x}src{s}: A book, volume {s}.", "",
                f"thesis {x}t{s}: {sentence(s)}"]
        count += 2
        relations = []
        for c in range(claims_per_section):
            if count >= nodes:
                break
            k = f"{x}{s}-{c}"
            out += [
                f"  + claim c{k}: {sentence(count)}",
                f"    + premise p{k}a: {sentence(count + 1)}",
                f"    & premise p{k}b: {sentence(count + 2)}",
                f"    + evidence e{k}: {sentence(count + 3)}",
                f"      cite: @{x}src{s}, p. {c + 1}",
                f"    + premise p{k}c: {sentence(count + 4)}",
                f"    - counter x{k}: {sentence(count + 5)}",
                f"      + premise x{k}a: {sentence(count + 6)}",
                f"      - rebuttal r{k}: {sentence(count + 7)}",
                f"        + premise r{k}a: {sentence(count + 8)}",
            ]
            count += per_claim
            if c % 3 == 0:
                relations.append(f"@p{k}c supports @{x}t{s}")
        out += [""] + relations + [""]
        s += 1
    return "\n".join(out) + "\n"


def edited(text: str, every: int = 100) -> str:
    """``text`` with every ``every``-th node reworded (1 % of them by default), for
    `argmap diff`: the same lines, so that only the words of those nodes differ."""
    out, k = [], 0
    for line in text.split("\n"):
        head, sep, rest = line.partition(": ")
        if sep and rest and not line.lstrip().startswith(("cite", "title")) and head.strip():
            k += 1
            if k % every == 0:
                line = f"{head}: Reworded, {rest[0].lower()}{rest[1:]}"
        out.append(line)
    return "\n".join(out)


def argdown_text(nodes: int) -> str:
    """The same statements and relations as :func:`argmap_text`, in Argdown.

    Argdown has no sources, citations or linked groups: evidence keeps its
    text, the linked pair becomes two supports.
    """
    out = ["===", f"title: Synthetic map of {nodes} nodes", "===", ""]
    count, s = 0, 0
    while count < nodes:
        out += [f"# Section {s}", "", f"[t{s}]: {sentence(s)}"]
        count += 2
        relations = []
        for c in range(10):
            if count >= nodes:
                break
            k = f"{s}-{c}"
            out += [
                f"  + [c{k}]: {sentence(count)}",
                f"    + [p{k}a]: {sentence(count + 1)}",
                f"    + [p{k}b]: {sentence(count + 2)}",
                f"    + [e{k}]: {sentence(count + 3)}",
                f"    + [p{k}c]: {sentence(count + 4)}",
                f"    - [x{k}]: {sentence(count + 5)}",
                f"      + [x{k}a]: {sentence(count + 6)}",
                f"      - [r{k}]: {sentence(count + 7)}",
                f"        + [r{k}a]: {sentence(count + 8)}",
            ]
            count += 9
            if c % 3 == 0:
                relations.append(f"  + [p{k}c]")
        if relations:
            out += ["", f"[t{s}]"] + relations
        out.append("")
        s += 1
    return "\n".join(out) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nodes", type=int)
    ap.add_argument("-o", "--output", help="file to write (default: standard output)")
    ap.add_argument("--argdown", action="store_true", help="write Argdown instead")
    args = ap.parse_args(argv)
    text = argdown_text(args.nodes) if args.argdown else argmap_text(args.nodes)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
