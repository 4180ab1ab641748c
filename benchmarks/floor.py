"""The floor: the least a Python-and-networkx tool can do with a map.

It reads the file, matches each line with one regular expression, and builds
the networkx DiGraph of nodes and support/attack edges, with an indentation
stack for parents. No checks, no positions, no findings, no output but a count.

    python benchmarks/floor.py map.argmap
"""

import re
import sys

import networkx as nx

LINE = re.compile(r"( *)(?:([+&-]) )?(?:(thesis|claim|premise|evidence|counter|rebuttal|source) )?"
                  r"(?:@?([a-z][a-z0-9_-]*))?(?:: (.*))?$")


def main(path):
    G = nx.DiGraph()
    stack = []  # (indent, node)
    relation = {"+": "support", "-": "attack", "&": "support"}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = LINE.match(line.rstrip("\n"))
            if not m or not m.group(4):
                continue
            indent, sign, kind, node, text = m.groups()
            depth = len(indent)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            if text is not None:
                G.add_node(node, kind=kind, text=text)
            if sign and stack:
                G.add_edge(node, stack[-1][1], relation=relation[sign])
            stack.append((depth, node))
    print(G.number_of_nodes(), G.number_of_edges())


if __name__ == "__main__":
    main(sys.argv[1])
