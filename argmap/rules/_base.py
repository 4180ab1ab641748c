"""Helpers shared by the rule modules: where a finding is, and how it names a node."""

from ..model import Finding


def finding(rule, severity, file, line, column, message, hint=None, end_column=None):
    return Finding(rule, severity, file, line, column, message, hint, end_column)


def facts_of(argmap, kind):
    """The facts of type ``kind`` that building ``argmap`` recorded, in the order found."""
    return [fact for fact in argmap.facts if type(fact) is kind]


def at_place(rule, severity, place, message, hint=None):
    """A finding at a statement's :class:`~argmap.facts.Place`."""
    return Finding(rule, severity, place.file, place.line, place.column, message, hint,
                   place.end)


def at_node(rule, severity, data, message, hint=None):
    """A finding at the declaration of the node whose attributes are ``data``."""
    return Finding(rule, severity, data["file"], data["line"], data["column"], message, hint)


def label(node_id, data):
    """How a message names a node: its id, or its text for an anonymous one."""
    if node_id.startswith("_"):
        text = data["text"]
        return f'"{text[:40]}…"' if len(text) > 41 else f'"{text}"'
    return f"`{node_id}`"
