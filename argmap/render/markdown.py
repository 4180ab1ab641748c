"""The map as a Markdown essay outline (CommonMark with GitHub footnotes).

All map text is escaped so that it renders literally: no HTML, link, emphasis
or autolink written in a map gets through. Links are made only from `url:`
values that are plain http(s) URLs.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .outline import Entry, bears_on, build, label, question_line, scheme_line
from ..links import safe_url
from .text import clean

# What CommonMark or GFM read as markup anywhere in a line: emphasis, code,
# links and images, HTML and autolinks, entities, tables, strikethrough, math,
# footnotes, headings' closing marks.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~$^#])")
# GFM's extended autolinks: `www.`, `scheme://`, and e-mail addresses
_AUTOLINK = re.compile(r"(?i)\b(www)\.|\b([a-z][a-z0-9+.-]*):(?=//)|(?<=[^\s\\])@(?=[^\s.]+\.\S)")
# what opens a block when it starts a line: list items, numbered items, setext
# underlines
_LINE_START = re.compile(r"[-+=]|\d+(?=[.)])")


def _unlink(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1) + "\\."
    if m.group(2) is not None:
        return m.group(2) + "\\:"
    return "\\@"


def md(text: str) -> str:
    """``text`` escaped to render literally in Markdown, with a backslash only
    where a character would otherwise mean something (a full stop, a hyphen or a
    date stay as they are)."""
    s = _AUTOLINK.sub(_unlink, _ANYWHERE.sub(r"\\\1", clean(text)))
    start = _LINE_START.match(s)
    if start:
        if start.group().isdigit():
            s = s[:start.end()] + "\\" + s[start.end():]
        else:
            s = "\\" + s
    return s


def md_url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def _link(url) -> str:
    url = safe_url(url)
    return f" ([link]({md_url(url)}))" if url else ""


def _fn(outline, node) -> str:
    marks = "".join(f"[^{i}]" for i in outline.marks.get(node, ()))
    ev = outline.evaluation
    if ev is not None and node in ev.status and ev.status[node] != "accepted":
        marks += f" *({ev.status[node]})*"
    return marks


def _entry_lines(m, outline, entry: Entry, depth: int, out: list[str]):
    # explicit stack: (entry, depth)
    stack = [(entry, depth)]
    while stack:
        e, level = stack.pop()
        pad = "  " * level
        if e.role == "linked":
            out.append(f"{pad}- *These reasons count only together:*")
            stack.extend((c, level + 1) for c in reversed(e.children))
            continue
        if e.role == "scheme":
            _checklist(e.check, pad, out)
            continue
        d = m.nodes[e.node]
        word = label(m, e, outline)
        if e.role in ("objection", "response", "undercut"):
            word = f"**{word}**"
        text = md(d["text"])
        if e.pointer is not None:  # spelled out elsewhere: named here in a few words
            where = f"see § {md(e.pointer)}" if e.pointer else (
                "see above" if e.above else "see below")
            out.append(f"{pad}- {word}: {md(_few_words(d['text']))} *({where})*")
            stack.extend((c, level + 1) for c in reversed(e.children))
            continue
        out.append(f"{pad}- {word}: {text}{_fn(outline, e.node)}{_link(d['url'])}")
        if d["note"]:
            for line in d["note"].split("\n"):
                out.append(f"{pad}  - *Note:* {md(line)}")
        stack.extend((c, level + 1) for c in reversed(e.children))


#: a point spelled out elsewhere is named here by its first words
FEW_WORDS = 12


def _few_words(text: str) -> str:
    words = text.split()
    return text if len(words) <= FEW_WORDS else " ".join(words[:FEW_WORDS]) + " …"


def _one_thesis(m) -> bool:
    return sum(d["kind"] == "thesis" for d in m.nodes.values()) == 1


def _checklist(check, pad: str, out: list[str]) -> None:
    """A scheme and its critical questions, as a task list (GitHub ticks the boxes)."""
    head, _, rest = scheme_line(check).partition(": ")
    out.append(f"{pad}- *{head}:* {md(rest)}")
    for q in check.questions:
        out.append(f"{pad}  - [{' ' if q.by is None else 'x'}] {md(question_line(q))}")


def _root(m, outline, entry: Entry, out: list[str]):
    d = m.nodes[entry.node]
    kind = "Objection" if d["kind"] == "counter" else d["kind"].capitalize()
    out.append(f"**{kind}.** {md(d['text'])}{_fn(outline, entry.node)}{_link(d['url'])}")
    out.append("")
    for verb, target in bears_on(m, entry.node):
        where = outline.section_of(m, target)
        where = f" (§ {md(where)})" if where else ""
        t = m.nodes[target]
        named = "the thesis" if t["kind"] == "thesis" and _one_thesis(m) else \
            md(_few_words(t["text"]))
        out.append(f"*{verb}:* {named}{where}")
        out.append("")
    if d["note"]:
        for line in d["note"].split("\n"):
            out.append(f"*Note:* {md(line)}")
            out.append("")
    lines: list[str] = []
    for child in entry.children:
        _entry_lines(m, outline, child, 0, lines)
    if lines:
        out.extend(lines)
        out.append("")


def _front(meta: dict) -> list[str]:
    """The title, byline, description and source of the map."""
    out = [f"# {md(meta.get('title') or 'Argument map')}", ""]
    byline = ", ".join(md(meta[k]) for k in ("author", "date") if meta.get(k))
    if byline:
        out += [f"*{byline}*", ""]
    if meta.get("description"):
        out += [md(meta["description"]), ""]
    source_line = [md(meta[k]) for k in ("source",) if meta.get(k)]
    if meta.get("doi"):
        source_line.append("DOI " + md(meta["doi"]))
    if source_line:
        out += ["Source: " + "; ".join(source_line) + _link(meta.get("url")), ""]
    return out


def _thesis_sections(argmap, o, entry: Entry, out: list[str]) -> None:
    """A thesis of a map without headings: each point made for it becomes a section."""
    _root(argmap, o, Entry("root", entry.node), out)
    for child in entry.children:
        node = child.node if child.node else child.children[0].node
        title = argmap.nodes[node]["text"] if child.node else "Reasons that work together"
        out += [f"## {md(title)}", ""]
        lines: list[str] = []
        _entry_lines(argmap, o, child, 0, lines)
        out += lines + [""]


def _footnote_body(note: str) -> str:
    """A footnote's text, written so that a renderer without footnotes can't read
    `[^1]: text` as a link reference definition (`text` its destination and title).

    That needs `text` to be one word, or one word and a title in quotes (a title
    in parentheses can't be: they are escaped). A one-word text gets a word
    joiner (U+2060, invisible) after a space; a title's opening quote is escaped.
    """
    body = md(note)
    first, space, rest = body.partition(" ")
    if not space:
        return body + " \u2060"
    rest = rest.strip(" ")
    if len(rest) > 1 and rest[0] in "\"'" and rest[-1] == rest[0]:
        return f"{first} \\{rest}"
    return body


def to_markdown(argmap, evaluation=None, catalogue=None, brief: bool = False) -> str:
    """The outline; with an evaluation, rejected and undecided points are marked.
    ``catalogue``: the schemes its checklists come from (argmap's own by default);
    ``brief``: the skeleton, without the evidence."""
    o = build(argmap, catalogue, brief)
    o.evaluation = evaluation
    out = _front(o.meta)
    for section in o.sections:
        if section.title is not None:
            out += [f"{'#' * min(section.level + 1, 6)} {md(section.title)}", ""]
        for entry in section.entries:
            if not o.headings and argmap.nodes[entry.node]["kind"] == "thesis" and entry.children:
                _thesis_sections(argmap, o, entry, out)
            else:
                _root(argmap, o, entry, out)
    if o.sources:
        out += ["## Sources", ""]
        for s in o.sources:
            d = argmap.nodes[s]
            out.append(f"- {md(d['text'])}{_link(d['url'])}")
        out.append("")
    out.extend(f"[^{i}]: {_footnote_body(note)}" for i, note in enumerate(o.notes, 1))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
