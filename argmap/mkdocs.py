"""MkDocs: a fenced ``argmap`` block drawn as its diagram (pymdownx.superfences).

In ``mkdocs.yml`` (``pip install 'argmap[mkdocs]'``)::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              format: !!python/name:argmap.mkdocs.fence_format
              validator: !!python/name:argmap.mkdocs.fence_validator

A block takes the options of :func:`argmap.embed.parse_options` as attributes of
its fence: ```` ```argmap {format="both" direction="LR"} ````. A block with
errors shows its findings in the page and logs them as warnings, so that
``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import logging

from .embed import OPTIONS, BlockError, describe, render_block

log = logging.getLogger("mkdocs.plugins.argmap")


def fence_validator(language, inputs, options, attrs, md) -> bool:
    """Take the fence's attributes that are block options; keep the others."""
    for key, value in inputs.items():
        if key in OPTIONS:
            options[key] = value
        else:
            attrs[key] = value
    return True


def fence_format(source, language, css_class, options, md, **kwargs) -> str:
    """The HTML of one block: its diagram (or outline), or its findings."""
    try:
        embedded = render_block(source, options)
    except BlockError as exc:
        log.warning("argmap block: %s", exc)
        return f'<div class="argmap-findings"><p>argmap: {_escape(str(exc))}</p></div>'
    for f in embedded.errors:
        log.warning("argmap block: %s", describe(f))
    return embedded.html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
