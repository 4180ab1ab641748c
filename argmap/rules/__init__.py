"""The rules, registered explicitly, in the order of the language reference.

Each rule is a module with ``ID``, ``SEVERITY`` (``error`` or ``warning``),
``DEFAULT`` (on unless selected), ``NEEDS_GRAPH`` (runs only on a built map), a
``check(map)`` returning findings (``check(map, catalogue)`` for a rule with
``CATALOGUE = True``: it judges by the schemes of the configuration), and a docstring that is its documentation:
its first line is the summary ``argmap rules`` shows. A rule's id, severity,
messages and hints live in its module and nowhere else.

:data:`RULES` also lists the problems of reading (:mod:`argmap.problems`:
``syntax``, ``encoding``, ``include``) first, documented alike, so that
``argmap rules``, SARIF and the configuration know every id a finding can have;
:data:`CHECKS` are the rules proper, that :func:`argmap.check` runs.
"""

from ..problems import ENCODING, INCLUDE, SYNTAX
from . import (
    bidi_control,
    circular_support,
    conflicting_relation,
    dangling_reference,
    disconnected,
    duplicate_id,
    duplicate_relation,
    evidence_without_source,
    misused_source,
    mistyped_kind,
    no_thesis,
    open_critical_question,
    self_relation,
    unanswered_counter,
    uncited_premise,
    unexpected_status,
    unknown_scheme,
    unsafe_url,
    unsupported_claim,
    unused_source,
)

CHECKS = (
    bidi_control,
    duplicate_id,
    dangling_reference,
    self_relation,
    conflicting_relation,
    circular_support,
    unsupported_claim,
    evidence_without_source,
    misused_source,
    no_thesis,
    disconnected,
    unanswered_counter,
    duplicate_relation,
    unused_source,
    uncited_premise,
    unexpected_status,
    unknown_scheme,
    open_critical_question,
    mistyped_kind,
    unsafe_url,
)

RULES = (SYNTAX, ENCODING, INCLUDE, *CHECKS)

BY_ID = {rule.ID: rule for rule in RULES}
RULE_IDS = frozenset(BY_ID)
DEFAULT_IDS = frozenset(rule.ID for rule in RULES if rule.DEFAULT)


def summary(rule) -> str:
    """The first line of a rule's documentation."""
    return rule.__doc__.strip().splitlines()[0]


def documentation(rule) -> str:
    return rule.__doc__.strip()
