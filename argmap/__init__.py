"""argmap: argument maps as text.

    >>> import argmap
    >>> m = argmap.loads("thesis t: Russia turned to Asia.\\n  + premise p: In 2012.\\n")
    >>> [f.rule for f in argmap.check(m)]
    []
    >>> m.graph.edges["p", "t"]["relation"]
    'support'
"""

from ._version import __version__
from .api import CheckRun, check_files, check_paths, load, loads
from .checker import check, fails
from .config import Config, ConfigError
from .graph import ArgGraph, Inference
from .model import Finding, Map
from .reader import ReadError
from . import model as _model


def _display(m):
    # deferred: rendering is loaded only when a notebook shows a map
    from .jupyter import mimebundle

    return mimebundle(m)


_model.DISPLAY = _display


def load_ipython_extension(ip):
    """``%load_ext argmap``: the ``%%argmap`` cell magic (:mod:`argmap.jupyter`)."""
    # deferred: IPython and rendering only for those who load the extension
    from .jupyter import load_ipython_extension as load

    load(ip)

__all__ = [
    "ArgGraph", "CheckRun", "Config", "ConfigError", "Finding", "Inference", "Map", "ReadError",
    "check", "check_files", "check_paths", "fails", "load", "loads", "__version__",
]
