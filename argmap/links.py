"""Which `url:` values may become links: plain http(s) addresses only.

Shared by the `unsafe-url` rule and every renderer, and kept apart from the
renderers so that checking a map never imports them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_URL_OK = re.compile(r"[!#-;=?-\[\]_a-z~\u00a0-\U0010ffff]+\Z", re.I)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http or https URL, else None.

    Anything with white space, control characters, quotes or angle brackets is
    refused, so that ``java\\nscript:`` or ``&#106;avascript:`` can't pass as a
    link.
    """
    if not url or not _URL_OK.match(url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
