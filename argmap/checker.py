"""Run the rules on a map: ``check(map, config)`` returns the findings, sorted.

Problems of reading (``syntax``, ``encoding``, ``include``) come from loading
and are passed through as they are; every other finding comes from a rule.
"""

from __future__ import annotations

import functools

from .config import Config
from .model import FINDINGS_PER_RULE, Finding, Map, file_order_key, more_findings
from .problems import PROBLEM_IDS
from .rules import CHECKS, RULES
from .util import paused_gc

_RULE_ORDER = {rule.ID: i for i, rule in enumerate(RULES)}
_DEFAULT = Config()


@functools.lru_cache(maxsize=64)
def _enabled(config: Config) -> tuple:
    """The rules a configuration runs, in order (worked out once for a folder of maps)."""
    ids = config.enabled()
    return tuple(rule for rule in CHECKS if rule.ID in ids)


def check(argmap: Map, config: Config | None = None) -> list[Finding]:
    """Every finding of the enabled rules on ``argmap``, in file, line, column order.

    Findings silenced by an ``// argmap: ignore RULE`` comment on the line above
    are left out; ``syntax``, ``encoding`` and ``include`` can't be silenced.
    """
    built = argmap.ok
    findings: list[Finding] = list(argmap.findings)
    config = config or _DEFAULT
    with paused_gc():
        for rule in _enabled(config):
            if getattr(rule, "CATALOGUE", False):
                if built:
                    findings.extend(rule.check(argmap, config.catalogue()))
            elif built or not rule.NEEDS_GRAPH:
                findings.extend(rule.check(argmap))
    silenced = argmap.suppressions
    if silenced:
        findings = [
            f for f in findings
            if f.rule in PROBLEM_IDS or f.rule not in silenced.get((f.file, f.line), ())
        ]
    if len(findings) > FINDINGS_PER_RULE:
        findings = _capped(findings)
    if len(findings) > 1:
        findings.sort(key=file_order_key(argmap.files, _RULE_ORDER))
    return findings


def _capped(findings: list[Finding]) -> list[Finding]:
    """At most FINDINGS_PER_RULE findings of a rule in a file, and one that counts
    the rest: a file of a million bad lines costs a report of a page, not gigabytes."""
    findings.sort(key=lambda f: (f.file, f.rule, f.line, f.column))
    kept, count, hidden = [], {}, {}
    for f in findings:
        key = (f.file, f.rule)
        n = count[key] = count.get(key, 0) + 1
        if n <= FINDINGS_PER_RULE:
            kept.append(f)
        else:
            hidden[key] = (f, n - FINDINGS_PER_RULE)
    kept.extend(more_findings(last, n) for last, n in hidden.values())
    return kept


def fails(findings, strict: bool = False) -> bool:
    """Whether these findings make a check fail (errors; warnings too when strict)."""
    return any(f.severity == "error" or strict for f in findings)
