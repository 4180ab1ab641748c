"""Kialo's plain-text export (`Export discussion` → text), read as AIF.

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars.
    1.1. Pro: Cars pollute.
    1.1.1. Con: Electric cars don't.
    1.2. Con: -> See 1.1.1.

A claim numbered ``1.2.`` is a Pro (support) or a Con (attack) of ``1.``; a
claim's text may run over several lines; ``-> See 1.1.1.`` makes the claim
there a reason here too. Ids keep the numbers: ``1.2.`` is ``k1-2``. Markdown
links keep their text, and their addresses go into a note.
"""

from __future__ import annotations

import re

from ._shape import NotImportable, text_of
from .aif import import_graph
from .writer import Writer

TERMS = {"I": "claim", "RA": "the Pro at", "CA": "the Con at", "MA": "rephrase",
         "prefix": "k", "id": "Kialo number"}
_TITLE = re.compile(r"\ADiscussion Title: *(.*)\Z")
_ITEM = re.compile(r"\A((?:\d+\.)+) (?:(Pro|Con): )?(.*)\Z")
_SEE = re.compile(r"\A-> See ((?:\d+\.)+)\s*\Z")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\s\\])*)\)")
_ESCAPE = re.compile(r"\\([\\\[\]()*_#>+\-.!`])")


def is_kialo(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return bool(_TITLE.match(first))


def from_kialo(data: bytes) -> tuple[str, list[str]]:
    text = text_of(data)
    lines = text.splitlines()
    if not lines or not _TITLE.match(lines[0]):
        raise NotImportable("not a Kialo text export (its first line is "
                            "`Discussion Title: …`)")
    w = Writer()
    items = _items(lines, w)
    if not items:
        raise NotImportable("a Kialo text export with no claims (the first is `1. …`)")
    claims, alias, kept = _numbers(items, w)
    nodes, edges = [], []
    for line, number, stance, body in (item for item in items if item[0] in kept):
        key = number.rstrip(".")
        source = _seen(key, alias, claims)
        if source is None:
            w.warn(f"line {line}: `{body.strip()}` names no claim of this discussion; left out",
                   "a see-link to nothing")
            continue
        if key in claims:
            if body.startswith("-> See discussion"):
                w.warn(f"line {line}: claim {number} links to another Kialo discussion; its "
                       "text is kept as the claim", "a link to another discussion")
            nodes.append(_node(key, body))
        parent = key.rpartition(".")[0]
        if not parent:
            continue
        target = _seen(parent, alias, claims)
        if target is None:
            w.warn(f"line {line}: claim {number} has no claim {parent}. above it; written "
                   "without a relation", "a claim without its parent")
        elif stance is None:
            w.warn(f"line {line}: claim {number} is neither Pro nor Con; written without a "
                   "relation", "a claim without a stance")
        else:
            nodes.append({"nodeID": f"line {line}", "type": "RA" if stance == "Pro" else "CA"})
            edges += [{"fromID": source, "toID": f"line {line}"},
                      {"fromID": f"line {line}", "toID": target}]
    title = _TITLE.match(lines[0]).group(1).strip()
    return import_graph({"nodes": nodes, "edges": edges}, TERMS,
                        {"title": title} if title else {}, w)


def _numbers(items: list[tuple], w: Writer) -> tuple[dict, dict, set]:
    """number -> the line of its claim; number -> the number its `-> See` names;
    and the lines of the items to read (a repeated number is left out)."""
    claims, alias, kept = {}, {}, set()
    for line, number, _, body in items:
        key = number.rstrip(".")
        if key in claims or key in alias:
            w.warn(f"line {line}: claim {number} is numbered as one before it; left out",
                   "a repeated number")
            continue
        see = _SEE.match(body)
        if see:
            alias[key] = see.group(1).rstrip(".")
        else:
            claims[key] = line
        kept.add(line)
    return claims, alias, kept


def _seen(key: str, alias: dict, claims: dict) -> str | None:
    """The claim a number stands for: its own, or the one its `-> See` names
    (followed through other `-> See` items; None where it leads nowhere)."""
    for _ in range(len(alias) + 1):
        if key in claims:
            return key
        if key not in alias:
            return None
        key = alias[key]
    return None


def _items(lines: list[str], w: Writer) -> list[tuple]:
    """(line, number, stance, text) of each claim, its continuation lines joined."""
    items: list[list] = []
    for i, raw in enumerate(lines[1:], 2):
        match = _ITEM.match(raw.strip())
        if match:
            items.append([i, match.group(1), match.group(2), match.group(3).strip()])
        elif raw.strip() and items:
            items[-1][3] += "\n" + raw.strip()
        elif raw.strip():
            w.warn(f"line {i}: text before the first claim; left out", "text before claims")
    return [tuple(item) for item in items]


def _node(key: str, body: str) -> dict:
    """An I-node of a claim: Markdown links as their text, escapes undone; the
    links' addresses in its note."""
    urls = [_ESCAPE.sub(r"\1", m.group(2)) for m in _LINK.finditer(body) if m.group(2)]
    text = _ESCAPE.sub(r"\1", _LINK.sub(r"\1", body))
    node = {"nodeID": key, "type": "I", "text": " ".join(text.split())}
    if urls:
        node["note"] = "Links: " + " ".join(urls)
    return node
