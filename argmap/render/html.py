"""The map as one self-contained HTML page: the outline, and the diagram inline.

Nothing is loaded from the network and the page runs no script. Clicking a
node of the diagram jumps to its entry in the outline; the ◇ beside an entry
jumps back to the node. Every string from the map is escaped; links are made
only from `url:` values that are plain http(s) URLs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..links import safe_url
from .dot import literal_tooltips, to_dot
from .layout import layout_svgs
from .options import RenderOptions
from .outline import Entry, bears_on, build, label, question_line, scheme_line
from .text import clean

_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\Z")


def h(text: str) -> str:
    """``text`` escaped for HTML element content and quoted attribute values."""
    return (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


CSS = """
:root { --ink: #1b1b1b; --muted: #5c5c5c; --line: #d9d9d9; --accent: #1d3557; --page: #ffffff;
        --link: #1d4f91; --mark: #fff6cc; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e8e8; --muted: #a9a9a9; --line: #444; --accent: #9ab8e6; --page: #16181c;
          --link: #8fb8ff; --mark: #4a4220; }
  .status-rejected { color: #9a9a9a !important; }
  .unanswered { background: #5a2620 !important; }
  .cq-open { color: #f0b070 !important; }
}
body { background: var(--page); }
* { box-sizing: border-box; }
body { font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.12rem; margin: 1.6rem 0 .5rem; }
h4, h5, h6, h7 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
nav.toc { margin: 1.2rem 0; padding: .6rem 1rem; border: 1px solid var(--line); border-radius: 6px; }
nav.toc ol { margin: .2rem 0; padding-left: 1.2rem; }
nav.toc li { margin: .1rem 0; }
.byline, .meta { color: var(--muted); margin: .2rem 0; }
figure { margin: 1.5rem 0; border: 1px solid var(--line); border-radius: 6px; background: #fff;
         position: relative; }
figure .scroll { overflow: hidden; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
/* full size, without a script: a checkbox that the label toggles */
figure .zoom { position: absolute; opacity: 0; pointer-events: none; }
figure .zoom-label { position: absolute; top: .3rem; right: .4rem; font-size: .8rem; z-index: 1;
                     color: #1d4f91; background: #ffffffd0; border: 1px solid #c8c8c8;
                     border-radius: 4px; padding: .05rem .4rem; cursor: zoom-in; }
figure .zoom:checked ~ .scroll { overflow: auto; max-height: 90vh; }
figure .zoom:checked ~ .scroll svg { max-width: none; }
figure .zoom:checked ~ .zoom-label { cursor: zoom-out; }
figure .zoom:focus-visible ~ .zoom-label { outline: 2px solid #1d4f91; }
figcaption { color: #5c5c5c; font-size: .85rem; padding: .4rem .8rem; }
.root { margin: 1.2rem 0 .4rem; }
.root > .lead { font-weight: 600; }
.bears { color: var(--muted); font-size: .92rem; margin: .2rem 0; }
ul { margin: .3rem 0; padding-left: 1.4rem; }
li { margin: .25rem 0; }
.label { font-weight: 600; margin-right: .3rem; }
.role-objection > .label, .role-objection > .lead .label { color: #a12d14; }
.role-response > .label { color: #5b3387; }
.role-undercut > .label { color: #a12d14; font-style: italic; }
.scheme > .label { color: var(--accent); }
.checklist { list-style: none; padding-left: 1rem; }
.cq-open { color: #7a3b00; } .cq-done { color: var(--muted); }
.unanswered { background: #fdecea; border-radius: 3px; padding: 0 .25rem; }
.pointer { color: var(--muted); }
.note { color: var(--muted); font-style: italic; list-style: none; }
.to-diagram { text-decoration: none; color: #7a8ea8; margin-left: .3rem; font-size: .85em; }
a { color: var(--link); }
:target { background: var(--mark); outline: 2px solid #f0c419; border-radius: 3px; }
sup a { text-decoration: none; }
.status-rejected { text-decoration: line-through; color: #6b6b6b; }
.status-undecided { background: #fff3bf; }
.badge { font-size: .75em; border-radius: 3px; padding: 0 .3rem; margin-left: .35rem;
         border: 1px solid; }
.badge-rejected { color: #6b6b6b; } .badge-undecided { color: #7a6500; }
.notes { font-size: .9rem; color: var(--muted); }
@media (max-width: 600px) {
  body { font-size: 15px; padding: 1rem .75rem 3rem; }
  h1 { font-size: 1.45rem; }
  ul { padding-left: 1.1rem; }
}
@media print {
  body { max-width: none; padding: 0; }
  figure { border: none; break-inside: avoid; }
  figure .scroll { overflow: visible; max-height: none; }
  figure svg { max-width: 100% !important; max-height: 95vh; }
  .to-diagram, .zoom-label, nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


class _Page:
    def __init__(self, argmap, outline, overview: str | None, per_section: dict, home: dict):
        self.m = argmap
        self.o = outline
        self.overview = overview
        self.per_section = per_section  # section title -> SVG
        self.home = home  # node -> the element id of its node in a diagram
        self.out: list[str] = []
        self.anchors: dict[str, str] = {}  # section title -> its heading's id
        self.slugs: set[str] = set()
        self.figures = 0

    def text_of(self, node):
        d = self.m.nodes[node]
        ev = self.o.evaluation
        status = ev.status.get(node) if ev is not None else None
        if status and status != "accepted":
            parts = [f'<span class="status-{status}">{h(d["text"])}</span>'
                     f'<span class="badge badge-{status}">{status}</span>']
        else:
            parts = [h(d["text"])]
        for i in self.o.marks.get(node, ()):
            parts.append(f'<sup><a href="#fn-{i}">{i}</a></sup>')
        url = safe_url(d["url"])
        if url:
            parts.append(f' <a href="{h(url)}" rel="noopener noreferrer">link</a>')
        if node in self.home:
            parts.append(f'<a class="to-diagram" href="#{self.home[node]}" '
                         'title="show in the diagram">◇</a>')
        return "".join(parts)

    def entry_li(self, e: Entry) -> str:
        if e.role == "linked":
            return ('<li class="linked"><span class="label">These reasons count only together:'
                    '</span><ul>')
        if e.role == "scheme":
            head, _, rest = scheme_line(e.check).partition(": ")
            items = "".join(
                f'<li class="cq cq-{"open" if q.by is None else "done"}">'
                f'{"☐" if q.by is None else "☑"} {h(question_line(q))}</li>'
                for q in e.check.questions)
            return (f'<li class="scheme"><span class="label">{head}:</span>{h(rest)}'
                    + (f'<ul class="checklist">{items}</ul>' if items else ""))
        d = self.m.nodes[e.node]
        word = label(self.m, e, self.o)
        cls = f"kind-{d['kind']} role-{e.role}"
        if "unanswered" in word:
            word = f'<span class="unanswered">{word}</span>'
        if e.pointer is not None:
            nid = self.o.ids[e.node]
            where = f"§ {h(e.pointer)}" if e.pointer else ("above" if e.above else "below")
            return (f'<li class="{cls} pointer"><span class="label">{word}</span>{h(d["text"])} '
                    f'<a href="#o-{nid}">(see {where})</a>' + ("<ul>" if e.children else ""))
        nid = self.o.ids[e.node]
        li = f'<li class="{cls}" id="o-{nid}"><span class="label">{word}</span>{self.text_of(e.node)}'
        if d["note"]:
            li += "".join(f'<div class="note">Note: {h(line)}</div>'
                          for line in d["note"].split("\n"))
        return li + ("<ul>" if e.children else "")

    def tree(self, entries):
        """Nested lists for ``entries``, written with an explicit stack."""
        out = self.out
        out.append("<ul>")
        stack = [("open", e) for e in reversed(entries)]
        while stack:
            what, e = stack.pop()
            if what == "close":
                out.append("</ul></li>" if e.children else "</li>")
                continue
            out.append(self.entry_li(e))
            stack.append(("close", e))
            if e.children:
                stack.extend(("open", c) for c in reversed(e.children))
        out.append("</ul>")

    def root(self, e: Entry):
        m = self.m
        d = m.nodes[e.node]
        nid = self.o.ids[e.node]
        kind = "Objection" if d["kind"] == "counter" else d["kind"].capitalize()
        role = "role-objection" if d["kind"] == "counter" else ""
        self.out.append(f'<div class="root kind-{d["kind"]} {role}" id="o-{nid}">')
        self.out.append(f'<p class="lead"><span class="label">{kind}.</span>{self.text_of(e.node)}</p>')
        if d["note"]:
            self.out.extend(f'<p class="note">Note: {h(line)}</p>' for line in d["note"].split("\n"))
        for verb, target in bears_on(m, e.node):
            where = self.o.section_of(m, target)
            where = f" (§ {h(where)})" if where else ""
            tid = self.o.ids[target]
            self.out.append(f'<p class="bears">{verb}: <a href="#o-{tid}">'
                            f'{h(m.nodes[target]["text"])}</a>{where}</p>')
        if e.children:
            self.tree(e.children)
        self.out.append("</div>")

    def render(self) -> str:
        out = self.out
        title = self.o.meta.get("title") or "Argument map"
        lang = self.o.meta.get("lang") if _LANG.match(self.o.meta.get("lang") or "") else None
        out.append("<!DOCTYPE html>")
        out.append(f'<html{f" lang={chr(34)}{h(lang)}{chr(34)}" if lang else ""}>')
        out.append('<head><meta charset="utf-8">'
                   '<meta name="viewport" content="width=device-width, initial-scale=1">'
                   '<meta name="generator" content="argmap">'
                   f"<title>{h(title)}</title><style>{CSS}</style></head>")
        out.append("<body>")
        self.header(title)
        self.contents()
        if self.overview:
            out.append(self.figure(self.overview, "diagram", "Click a node to read it in the "
                                   "outline; ◇ in the outline leads back to it."))
        elif self.per_section:
            out.append('<p class="meta">Each section has a diagram of its own: click a node '
                       "to read it in the outline; ◇ in the outline leads back to it.</p>")
        out.append("<main>")
        self.sections()
        self.back_matter()
        out.append("</main></body></html>")
        return "\n".join(out) + "\n"

    def figure(self, svg: str, ident: str | None, caption: str | None) -> str:
        """A diagram scaled to the column, with a "Full size" switch that needs no script."""
        self.figures += 1
        box = f"zoom-{self.figures}"
        ident = f' id="{ident}"' if ident else ""
        return (f'<figure{ident} class="diagram"><input type="checkbox" class="zoom" id="{box}">'
                f'<label class="zoom-label" for="{box}" title="show the diagram at full size">'
                f'Full size</label><div class="scroll">{svg}</div>'
                + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>")

    def contents(self) -> None:
        """A table of contents, nested as the map's headings are."""
        titled = [s for s in self.o.sections if s.title is not None]
        if len(titled) < 2:
            return
        out = self.out
        out.append('<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>')
        depth = titled[0].level
        for i, s in enumerate(titled):
            if i:
                if s.level > depth:
                    out.append("<ol>" * (s.level - depth))
                else:
                    out.append("</li>" + "</ol></li>" * (depth - s.level))
                depth = s.level
            out.append(f'<li><a href="#{self.anchor(s.title)}">{h(s.title)}</a>')
        out.append("</li>" + "</ol></li>" * (depth - titled[0].level) + "</ol></nav>")

    def anchor(self, title: str) -> str:
        """The id of a section's heading: its title as a slug, made unique."""
        if title not in self.anchors:
            base = "s-" + (re.sub(r"[^0-9a-z]+", "-", title.lower()).strip("-") or "section")
            slug, k = base, 2
            while slug in self.slugs:
                slug, k = f"{base}-{k}", k + 1
            self.slugs.add(slug)
            self.anchors[title] = slug
        return self.anchors[title]

    def sections(self, level: int = 2) -> None:
        """Each section: its heading (``<hLEVEL>`` for the map's level 1, deeper for
        deeper ones), its diagram, its entries."""
        out = self.out
        for section in self.o.sections:
            out.append("<section>")
            if section.title is not None:
                n = min(level + section.level - 1, 6)
                out.append(f'<h{n} id="{self.anchor(section.title)}">{h(section.title)}</h{n}>')
            if section.title in self.per_section:
                out.append(self.figure(self.per_section[section.title], None, None))
            for e in section.entries:
                self.root(e)
            out.append("</section>")

    def header(self, title: str) -> None:
        """The title, the byline and where the argument comes from."""
        meta, out = self.o.meta, self.out
        out.append("<header>")
        out.append(f"<h1>{h(title)}</h1>")
        byline = ", ".join(h(meta[k]) for k in ("author", "date") if meta.get(k))
        if byline:
            out.append(f'<p class="byline">{byline}</p>')
        if meta.get("description"):
            out.append(f"<p>{h(meta['description'])}</p>")
        bits = [h(meta["source"])] if meta.get("source") else []
        if meta.get("doi"):
            bits.append("DOI " + h(meta["doi"]))
        url = safe_url(meta.get("url"))
        if bits or url:
            link = f' <a href="{h(url)}" rel="noopener noreferrer">link</a>' if url else ""
            out.append(f'<p class="meta">Source: {"; ".join(bits)}{link}</p>')
        out.append("</header>")

    def back_matter(self) -> None:
        """The sources and the notes."""
        o, out = self.o, self.out
        if o.sources:
            out.append('<section id="sources"><h2>Sources</h2><ul>')
            for s in o.sources:
                d = self.m.nodes[s]
                url = safe_url(d["url"])
                link = f' <a href="{h(url)}" rel="noopener noreferrer">link</a>' if url else ""
                out.append(f'<li id="o-{o.ids[s]}">{h(d["text"])}{link}</li>')
            out.append("</ul></section>")
        if o.notes:
            out.append('<section><h2>Notes</h2><ol class="notes">')
            out.extend(f'<li id="fn-{i}">{h(n)}</li>' for i, n in enumerate(o.notes, 1))
            out.append("</ol></section>")


def _inline_svg(svg: str) -> str:
    """Graphviz's SVG without its XML prologue, ready to sit inside HTML."""
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""


#: maps with more argument nodes than this (and with headings) get a diagram per section
SECTION_DIAGRAMS_FROM = 40


def to_html(argmap, options=None, diagram: bool = True) -> str:
    """The page; for a big map with headings, an overview and a diagram per section.

    Section diagrams run left to right, which keeps a section's many reasons
    stacked and readable; the diagrams leave sources to the outline's notes.
    """
    options = options or RenderOptions()
    outline = build(argmap, options.catalogue, options.brief)
    outline.evaluation = options.dot.evaluation
    overview, per_section, home = None, {}, {}
    if diagram:
        overview, per_section, home = _diagrams(argmap, outline, options)
    return _Page(argmap, outline, overview, per_section, home).render()


def outline_fragment(argmap, options=None, level: int = 3) -> str:
    """The outline alone, as an HTML fragment to sit in another page (section
    headings at ``<hLEVEL>``); its notes close it."""
    options = options or RenderOptions()
    outline = build(argmap, options.catalogue)
    outline.evaluation = options.dot.evaluation
    page = _Page(argmap, outline, None, {}, {})
    page.out.append('<div class="argmap-outline">')
    page.sections(level)
    if outline.notes:
        page.out.append('<ol class="notes">')
        page.out.extend(f'<li id="fn-{i}">{h(n)}</li>' for i, n in enumerate(outline.notes, 1))
        page.out.append("</ol>")
    page.out.append("</div>")
    return "\n".join(page.out) + "\n"


def _one_diagram(args, titles, dot) -> bool:
    """Whether the page has one diagram: a small map, one without headings, or a
    part of a map asked for (a focus or a section)."""
    return len(args) <= SECTION_DIAGRAMS_FROM or not titles or dot.focus is not None \
        or dot.section is not None


def _diagrams(argmap, outline, options):
    """The page's diagrams: one overview, or (a big map with headings) one per
    section; and the element id of each node's place in them."""
    base = replace(options.dot, links="outline", sources="hide")
    titles = [s.title for s in outline.sections if s.title is not None and s.entries]
    args = argmap.arggraph.arguments()
    if _one_diagram(args, titles, base):
        overview = _inline_svg(literal_tooltips(layout_svgs(
            [to_dot(argmap, base)], options.engine, options.timeout, options.memory)[0],
            argmap, base))
        home = {n: f"d_{outline.ids[n]}" for n in args if f'id="d_{outline.ids[n]}"' in overview}
        return overview, {}, home
    each = [replace(base, section=title, direction="LR", legend=False, header=False,
                    id_prefix=f"s{k}_") for k, title in enumerate(titles)]
    svgs = layout_svgs([to_dot(argmap, o) for o in each], options.engine, options.timeout,
                       options.memory)
    per_section = {title: _inline_svg(literal_tooltips(svg, argmap, o))
                   for title, svg, o in zip(titles, svgs, each)}
    where = {t: k for k, t in enumerate(titles)}
    home = {n: f"s{where[argmap.nodes[n]['section']]}_{outline.ids[n]}"
            for n in args if argmap.nodes[n]["section"] in where}
    return None, per_section, home
