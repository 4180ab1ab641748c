"""Run by :mod:`argmap.render.layout` in a child process: DOT on stdin, FORMAT on stdout.

With the format ``svg-many``, stdin holds a JSON list of DOT graphs and stdout
gets a JSON list of their SVGs.
"""

import json
import sys


def main():
    import pygraphviz  # optional (argmap's bundled Graphviz), and slow to import

    fmt = sys.argv[1]
    data = sys.stdin.buffer.read().decode("utf-8")
    if fmt == "svg-many":
        svgs = [pygraphviz.AGraph(string=dot).draw(format="svg", prog="dot").decode("utf-8")
                for dot in json.loads(data)]
        sys.stdout.write(json.dumps(svgs))
        return
    sys.stdout.buffer.write(pygraphviz.AGraph(string=data).draw(format=fmt, prog="dot"))


if __name__ == "__main__":
    main()
