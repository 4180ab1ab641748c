"""Small helpers for tests that call the library directly."""

import textwrap

import argmap
from argmap.config import Config


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
