"""argmap: argument maps as text.

    >>> import argmap
    >>> m = argmap.loads("thesis t: Russia turned to Asia.\\n  + premise p: In 2012.\\n")
    >>> [f.rule for f in argmap.check(m)]
    []
    >>> m.graph.edges["p", "t"]["relation"]
    'support'
"""

__version__ = "0.1.0"

from .api import CheckRun, check_files, check_paths, load, loads
from .checker import check, fails
from .config import Config, ConfigError
from .graph import ArgGraph, Inference
from .model import Finding, Map
from .reader import ReadError

__all__ = [
    "ArgGraph", "CheckRun", "Config", "ConfigError", "Finding", "Inference", "Map", "ReadError",
    "check", "check_files", "check_paths", "fails", "load", "loads", "__version__",
]
