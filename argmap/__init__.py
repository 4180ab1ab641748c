"""argmap: argument maps as text.

    >>> import argmap
    >>> m = argmap.loads("thesis t: Russia turned to Asia.\\n  + premise p: In 2012.\\n")
    >>> [f.rule for f in argmap.check(m)]
    []
    >>> m.graph.edges["p", "t"]["relation"]
    'support'
"""

__version__ = "0.1.0"

from .checker import check, fails
from .config import Config, ConfigError
from .loader import ReadError, load, loads
from .model import Finding, Map

__all__ = [
    "Config", "ConfigError", "Finding", "Map", "ReadError",
    "check", "fails", "load", "loads", "__version__",
]
