"""Small helpers for tests that call the library directly."""

import json
import os
import textwrap
from pathlib import Path

from click.testing import CliRunner

import argmap
from argmap.cli import cli
from argmap.config import Config

TESTS = Path(__file__).parent
ROOT = TESTS.parent


class Run:
    """The outcome of one CLI run."""

    def __init__(self, result):
        self.result = result
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr

    def json(self):
        return json.loads(self.out)

    def pairs(self):
        """[rule, line] of each finding of a `--format json` check."""
        return [[f["rule"], f["line"]] for f in self.json()["findings"]]


def invoke(*args, cwd=None, input=None, env=None):
    """Run the argmap CLI in-process; ``cwd`` is the folder it runs in."""
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env,
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result)


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def load_text(text, tmp_path=None, name="map.argmap"):
    """Load a map from text, through a file when ``tmp_path`` is given."""
    text = dedent(text) if isinstance(text, str) else text
    if tmp_path is None:
        return argmap.loads(text, file=name)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return argmap.load(path)


def findings(text, rule=None, tmp_path=None, **config):
    """``(rule, line)`` of each finding, optionally only those of ``rule``."""
    if rule is not None and "select" not in config:
        config.setdefault("extend_select", frozenset({rule}))
    m = load_text(text, tmp_path)
    found = argmap.check(m, Config(**config))
    return [(f.rule, f.line) for f in found if rule is None or f.rule == rule]
