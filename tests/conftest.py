import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

TESTS = Path(__file__).parent
ROOT = TESTS.parent


class Run:
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


@pytest.fixture
def run(tmp_path):
    """Run the CLI in an empty temporary folder (no configuration above it matters)."""

    def runner(*args, cwd=None, **kw):
        return invoke(*args, cwd=cwd or tmp_path, **kw)

    return runner


@pytest.fixture
def write(tmp_path):
    """Write a map file into the temporary folder; returns its path."""

    def writer(text, name="map.argmap"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return writer


@pytest.fixture(autouse=True)
def _no_color(monkeypatch):
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
