"""Sphinx: the ``argmap`` directive, a map drawn as its diagram (or outline).

In ``conf.py`` (``pip install 'argmap[sphinx]'``)::

    extensions = ["argmap.sphinx"]

then, in reStructuredText::

    .. argmap::
       :format: both

       thesis t: Cities should ban cars from their centres.
         + premise air: Exhaust pollutes the air.

or ``.. argmap:: :file: maps/debate.argmap`` for a map in a file (relative to
the document; its includes are read from its folder). With MyST, write
```` ```{argmap} ```` fences; ``myst_fence_as_directive = ["argmap"]`` in
``conf.py`` makes plain ```` ```argmap ```` fences work too. Options:
``format`` (diagram, outline, both), ``section``, ``focus``, ``depth``,
``direction`` and ``eval``. A map with errors shows its findings and warns, so
that ``sphinx-build -W`` fails. HTML builders only: others get the findings or
nothing.
"""

from __future__ import annotations

import os

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ._version import __version__
from .embed import BlockError, describe, render_block

log = logging.getLogger(__name__)


class ArgmapDirective(SphinxDirective):
    has_content = True
    option_spec = {"file": directives.unchanged_required,
                   "format": lambda v: directives.choice(v, ("diagram", "outline", "both")),
                   "section": directives.unchanged_required,
                   "focus": directives.unchanged_required,
                   "depth": directives.nonnegative_int,
                   # docutils compares choices in lower case
                   "direction": lambda v: directives.choice(v, ("tb", "bt", "lr", "rl")),
                   "eval": directives.flag,
                   "overview": directives.flag}

    def run(self):
        options = {k: v for k, v in self.options.items() if k != "file"}
        for flag in ("eval", "overview"):
            if flag in options:
                options[flag] = True
        try:
            text, name, root = self.source_text()
            embedded = render_block(text, options, file=name, root=root)
        except (BlockError, OSError, UnicodeDecodeError) as exc:
            log.warning(f"argmap: {exc}", location=self.get_location())
            return [nodes.paragraph(text=f"argmap: {exc}")]
        for f in embedded.errors:
            log.warning(describe(f), location=self.get_location())
        return [nodes.raw("", embedded.html, format="html")]

    def source_text(self) -> tuple[str, str, str | None]:
        """The map's text, its name in findings, and the folder of its includes."""
        if "file" in self.options:
            rel, path = self.env.relfn2path(self.options["file"], self.env.docname)
            self.env.note_dependency(rel)
            with open(path, encoding="utf-8") as fh:
                return fh.read(), rel, os.path.dirname(path)
        return "\n".join(self.content), "argmap block", None


def setup(app):
    app.add_directive("argmap", ArgmapDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
