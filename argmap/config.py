"""Which rules run, and how strictly: from options, `setup.cfg` or `pyproject.toml`.

Configuration lives in an ``[argmap]`` section of ``setup.cfg`` or a
``[tool.argmap]`` table of ``pyproject.toml``, in the current folder or the
nearest folder above it that has one (``pyproject.toml`` first where a folder
has both). Keys:

* ``select``: the rules to run instead of the default set (``ALL`` for every rule);
* ``extend-select``: rules to run besides the selected ones (say ``uncited-premise``);
* ``ignore``: rules not to run;
* ``strict``: warnings fail the check too;
* ``schemes``: a TOML file of argument schemes that add to argmap's catalogue
  or replace schemes of the same name (a path relative to the configuration
  file; :mod:`argmap.schemes` describes its form).

``syntax``, ``encoding`` and ``include`` always run.
"""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass, field, replace

from .problems import PROBLEM_IDS
from .rules import DEFAULT_IDS, RULE_IDS
from .schemes import CatalogueError, catalogue

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """A configuration that can't be used (unknown rule, bad value, bad file)."""


@dataclass(frozen=True)
class Config:
    select: frozenset[str] | None = None
    extend_select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)
    strict: bool = False
    #: the course's catalogue of schemes (an absolute path), or None
    schemes: str | None = None
    #: where the settings came from (for messages), or None for the defaults
    source: str | None = None

    def enabled(self) -> frozenset[str]:
        """The ids of the rules that run."""
        base = DEFAULT_IDS if self.select is None else self.select
        return ((base | self.extend_select) - self.ignore) | PROBLEM_IDS

    def catalogue(self) -> dict:
        """The argument schemes that `scheme:` may name under this configuration."""
        try:
            return catalogue(self.schemes)
        except CatalogueError as exc:
            raise ConfigError(str(exc)) from None

    def override(self, **changes) -> Config:
        """This configuration with the options given on the command line applied."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **changes)


def parse_rule_list(value, where: str) -> frozenset[str]:
    """Rule ids from a comma- or newline-separated string, or a list."""
    if isinstance(value, str):
        items = value.replace("\n", ",").split(",")
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise ConfigError(f"{where}: expected a list of rule ids")
    names = set()
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"{where}: expected a list of rule ids")
        item = item.strip()
        if not item:
            continue
        if item == "ALL":
            names |= RULE_IDS
        elif item not in RULE_IDS:
            raise ConfigError(f"{where}: unknown rule `{item}` (`argmap rules` lists them)")
        else:
            names.add(item)
    return frozenset(names)


def _bool(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{where}: expected true or false, not {value!r}")


def from_mapping(table: dict, where: str, folder: str = ".") -> Config:
    known = {"select", "extend-select", "ignore", "strict", "schemes"}
    for key in table:
        if key.replace("_", "-") not in known:
            raise ConfigError(f"{where}: unknown setting `{key}` (known: {', '.join(sorted(known))})")
    get = lambda k: table.get(k, table.get(k.replace("-", "_")))  # noqa: E731
    select = get("select")
    schemes = get("schemes")
    if schemes is not None:
        if not isinstance(schemes, str) or not schemes.strip():
            raise ConfigError(f"{where}: schemes: expected the path of a TOML file of schemes")
        schemes = os.path.normpath(os.path.join(os.path.abspath(folder), schemes.strip()))
    config = Config(
        select=None if select is None else parse_rule_list(select, f"{where}: select"),
        extend_select=parse_rule_list(get("extend-select") or [], f"{where}: extend-select"),
        ignore=parse_rule_list(get("ignore") or [], f"{where}: ignore"),
        strict=_bool(False if get("strict") is None else get("strict"), f"{where}: strict"),
        schemes=schemes,
        source=where,
    )
    if schemes is not None:
        config.catalogue()  # a catalogue that can't be used is an error now, not mid-check
    return config


def read_file(path: str) -> Config | None:
    """The configuration in one file, or None when the file has no argmap section."""
    if os.path.basename(path) == "pyproject.toml":
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        except RecursionError:
            raise ConfigError(f"{path}: nested too deeply to read") from None
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: `tool` must be a table")
        table = tool.get("argmap")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.argmap] must be a table")
        return from_mapping(table, f"{path} [tool.argmap]", os.path.dirname(path))
    cp = configparser.ConfigParser(interpolation=None)  # `%` is a character, not a reference
    try:
        cp.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if not cp.has_section("argmap"):
        return None
    return from_mapping(dict(cp.items("argmap")), f"{path} [argmap]", os.path.dirname(path))


def discover(start: str | None = None) -> Config:
    """The configuration found from ``start`` (the current folder) upwards."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        for name in ("pyproject.toml", "setup.cfg"):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                found = read_file(path)
                if found is not None:
                    return found
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config()
        folder = parent
