"""Helpers shared by the rule modules."""

from ..model import Finding


def recorded(rule_id):
    """A ``check`` that returns the findings of ``rule_id`` made while loading."""

    def check(argmap):
        return [f for f in argmap.findings if f.rule == rule_id]

    return check


def at_node(rule, severity, data, message, hint=None):
    """A finding at the declaration of the node whose attributes are ``data``."""
    return Finding(rule, severity, data["file"], data["line"], data["column"], message, hint)


def label(node_id, data):
    """How a message names a node: its id, or its text for an anonymous one."""
    if node_id.startswith("_"):
        text = data["text"]
        return f'"{text[:40]}…"' if len(text) > 41 else f'"{text}"'
    return f"`{node_id}`"
