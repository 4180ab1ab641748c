"""The vocabulary of the argmap language, defined once for every stage.

Kinds, attribute keys, reserved words, the id pattern and the values that
attributes take: the parser reads by them, the graph builder and the rules
judge by them, the importers write by them. Nothing here reads a file.
"""

from __future__ import annotations

import re

from .util import nearest

KINDS = ("thesis", "claim", "premise", "evidence", "counter", "rebuttal", "source")
KIND_SET = frozenset(KINDS)
#: kinds that need incoming support (section 2's kinds table)
NEEDS_SUPPORT = frozenset({"thesis", "claim", "counter", "rebuttal"})
RESERVED = KIND_SET | {"include", "supports", "attacks", "undercuts"}
ATTRIBUTE_KEYS = ("cite", "url", "tags", "note", "weight", "expect", "scheme", "cq")
EXPECT_VALUES = ("accepted", "rejected", "undecided")
#: the relation a child line's sign states (`&` joins the sign above it)
SIGN_RELATION = {"+": "support", "-": "attack", "~": "undercut"}
RELATION_VERB = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}
#: relations that count against their target (stance, answers to a counter)
AGAINST = frozenset({"attack", "undercut"})

ID_PATTERN = r"[a-z][a-z0-9_-]{0,63}"
ID_RE = re.compile(ID_PATTERN + r"\Z")
_ID_SHAPE_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")
#: a `weight:` value: a decimal from 0 to 1
WEIGHT_RE = re.compile(r"(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)\Z")
#: a front matter key
META_KEY_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")


def is_identifier(word: str) -> bool:
    """Whether ``word`` can be a node's id."""
    return bool(ID_RE.match(word)) and word not in RESERVED


def id_problem(word: str) -> str | None:
    """Why ``word`` can't be an id, or None when it can."""
    if word in RESERVED:
        return f"`{word}` is reserved and can't be an id"
    if len(word) > 64 and _ID_SHAPE_RE.match(word):
        return f"an id has at most 64 characters; this one has {len(word)}"
    if not ID_RE.match(word):
        return (
            f"`{word}` is not a valid id: ids start with a lowercase letter, "
            "then lowercase letters, digits, `_` or `-`"
        )
    return None


def default_kind(relation: str, parent_kind: str | None) -> str:
    """The kind of a child line written without one."""
    if relation == "support":
        return "premise"
    if relation == "undercut":
        return "counter"
    return "rebuttal" if parent_kind == "counter" else "counter"


def kind_hint(word: str) -> str:
    """The hint for an unknown kind: the nearest kind, and the list."""
    near = nearest(word.lower(), KINDS)
    kinds = ", ".join(KINDS)
    if near:
        return f"did you mean `{near}`? The kinds are {kinds}"
    return f"the kinds are {kinds}"
