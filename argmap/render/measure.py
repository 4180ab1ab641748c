"""How big a rendered diagram is, read from the output itself."""

from __future__ import annotations

import re
import struct

#: Graphviz shrinks a PNG or image that would be larger than this many pixels a side
GRAPHVIZ_MAX_SIDE = 32767
#: a whole map wider than this (in pixels at 96 dpi) reads badly as one picture
TOO_WIDE = 4000

_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"',
                       re.S)


def pixel_size(data, fmt: str) -> tuple[int, int] | None:
    """(width, height) in pixels of a PNG, or of an SVG at 96 dpi; None otherwise."""
    if fmt == "png" and isinstance(data, bytes) and data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if fmt == "svg":
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        m = _SVG_SIZE.search(text[:4000])
        if m:
            scale = 96 / 72 if (m.group(2) or "pt") == "pt" else 1.0
            return round(float(m.group(1)) * scale), round(float(m.group(3)) * scale)
    return None


def squeezed(size: tuple[int, int] | None) -> bool:
    """Whether Graphviz had to shrink the picture to its largest size."""
    return size is not None and max(size) >= GRAPHVIZ_MAX_SIDE - 2
