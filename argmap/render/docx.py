"""The essay outline as a Word document (``argmap render MAP -o essay.docx``).

Built with python-docx (``pip install 'argmap[docx]'``): the title and byline,
the map's headings as real Word headings at their levels, each section's
diagram as a picture (PNG, laid out by Graphviz in its child process, scaled
to the page), the points as nested bulleted lists (Word's "List Bullet"
styles), and the sources as numbered notes at the end, referred to by
superscript numbers. Word has endnotes, python-docx does not write them: the
notes are a numbered list under "Notes", as a printed essay's endnotes are.
"""

from __future__ import annotations

import io
from dataclasses import replace

from .dot import to_dot
from .layout import layout
from .options import RenderOptions
from .outline import ROLE_LABEL, build, label, question_line, scheme_line, walk

#: a picture is at most this wide on the page (A4 less its margins), in inches
PICTURE_WIDTH = 6.0
#: python-docx's list styles go three levels deep; deeper points stay at the third
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")


def to_docx(argmap, options: RenderOptions | None = None) -> bytes:
    """The outline as the bytes of a .docx file."""
    try:
        # python-docx is an extra: only Word documents need it
        import docx
        from docx.shared import Inches
    except ImportError:
        raise ImportError("Word documents need python-docx: pip install 'argmap[docx]'") \
            from None
    options = options or RenderOptions()
    o = build(argmap, options.catalogue, options.brief)
    document = docx.Document()
    _front(document, o.meta)
    pictures = _pictures(argmap, o, options)
    for section in o.sections:
        if section.title is not None:
            document.add_heading(section.title, level=min(section.level, 8))
        if section.title in pictures:
            document.add_picture(io.BytesIO(pictures[section.title]), width=Inches(PICTURE_WIDTH))
        for entry in section.entries:
            _root(document, argmap, o, entry)
    _back(document, argmap, o)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _front(document, meta: dict) -> None:
    document.add_heading(meta.get("title") or "Argument map", level=0)
    byline = ", ".join(meta[k] for k in ("author", "date") if meta.get(k))
    if byline:
        document.add_paragraph().add_run(byline).italic = True
    if meta.get("description"):
        document.add_paragraph(meta["description"])


def _pictures(argmap, o, options) -> dict:
    """Section title -> its diagram as PNG (one picture of the whole for a map
    without headings, under the key None)."""
    titles = [s.title for s in o.sections if s.entries]
    base = replace(options.dot, sources="hide", legend=False, header=False)
    parts = {t: replace(base, section=t, direction="LR") for t in titles if t is not None} \
        or {None: base}
    return {t: layout(to_dot(argmap, dot), "png", options.engine, options.timeout,
                      options.memory) for t, dot in parts.items()}


def _marks(paragraph, o, node) -> None:
    numbers = o.marks.get(node, ())
    if numbers:
        paragraph.add_run(",".join(map(str, numbers))).font.superscript = True


def _root(document, m, o, entry) -> None:
    d = m.nodes[entry.node]
    p = document.add_paragraph()
    kind = "Objection" if d["kind"] == "counter" else d["kind"].capitalize()
    p.add_run(f"{kind}. ").bold = True
    p.add_run(d["text"])
    _marks(p, o, entry.node)
    if d["note"]:
        document.add_paragraph().add_run(f"Note: {d['note']}").italic = True
    depth_of = {id(c): 0 for c in entry.children}
    for e in walk(entry.children):
        depth = depth_of[id(e)]
        for c in e.children:
            depth_of[id(c)] = depth + 1
        _point(document, m, o, e, LIST_STYLES[min(depth, len(LIST_STYLES) - 1)])


def _point(document, m, o, e, style) -> None:
    p = document.add_paragraph(style=style)
    if e.role == "linked":
        p.add_run("These reasons count only together:").italic = True
        return
    if e.role == "scheme":
        p.add_run(scheme_line(e.check)).italic = True
        for q in e.check.questions:
            document.add_paragraph(("☐ " if q.by is None else "☑ ") + question_line(q),
                                   style=style)
        return
    d = m.nodes[e.node]
    word = label(m, e, o)
    p.add_run(f"{word}: ").bold = e.role in ROLE_LABEL and ROLE_LABEL[e.role] is not None
    p.add_run(d["text"])
    if e.pointer is not None:
        where = f"see § {e.pointer}" if e.pointer else ("see above" if e.above else "see below")
        p.add_run(f" ({where})").italic = True
        return
    _marks(p, o, e.node)


def _back(document, m, o) -> None:
    if o.sources:
        document.add_heading("Sources", level=1)
        for s in o.sources:
            document.add_paragraph(m.nodes[s]["text"], style="List Bullet")
    if o.notes:
        document.add_heading("Notes", level=1)
        for note in o.notes:
            document.add_paragraph(note, style="List Number")
