"""Run by :mod:`argmap.render.layout` in a child process: DOT on stdin, FORMAT on stdout."""

import sys


def main():
    import pygraphviz

    fmt = sys.argv[1]
    graph = pygraphviz.AGraph(string=sys.stdin.buffer.read().decode("utf-8"))
    sys.stdout.buffer.write(graph.draw(format=fmt, prog="dot"))


if __name__ == "__main__":
    main()
