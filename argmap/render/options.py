"""What a rendering is asked for: a diagram's options, and the layout's limits."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DotOptions:
    direction: str = "TB"  # where the conclusion sits: TB puts it at the top
    legend: bool = True
    sources: str = "footnotes"  # "footnotes", "nodes" or "hide"
    focus: str | None = None
    depth: int = 2
    #: only the nodes of this section, with the nodes they relate to elsewhere as context
    section: str | None = None
    #: "url": a node links to its http(s) `url:`; "outline": to its outline entry
    links: str = "url"
    #: big maps: straight edges and bounded layout effort (chosen automatically)
    fast: bool | None = None
    #: prefix of the SVG element ids of nodes (several diagrams can share a page)
    id_prefix: str = "d_"
    #: the title (or the section's title) above the diagram
    header: bool = True
    #: an :class:`argmap.evaluate.Evaluation`: shade nodes by status, show strengths
    evaluation: object = None
    #: the theses, claims, counters and rebuttals only, each with a count of what is
    #: folded under it, scaled to fit an A4 page
    overview: bool = False


@dataclass
class RenderOptions:
    dot: DotOptions = field(default_factory=DotOptions)
    engine: str = "auto"
    timeout: float = 60.0
    memory: int = 2048  # MB the layout process may take
    #: the argument schemes outlines make checklists from (None: argmap's own)
    catalogue: dict | None = None
    #: outlines: the essay's skeleton, claims and objections without the evidence
    brief: bool = False
