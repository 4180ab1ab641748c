"""A `url:` that is not a plain http or https address.

Maps are shared, and their links end up in SVG diagrams and HTML pages that
people click. argmap links only plain `http://` and `https://` addresses; any
other `url:` value is reported here and is never made a link: `javascript:`,
`data:` and `file:` addresses, relative paths, and values with white space,
control characters, quotes or angle brackets (which is how `java script:` or
`&#106;avascript:` try to pass).

    thesis t: Russia turned to Asia.
      url: javascript:alert(1)        <- unsafe-url

Fix: give the full `https://` address, or drop the line.
"""

from ..links import safe_url
from ..model import Finding

ID = "unsafe-url"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True


def check(argmap):
    findings = []
    for n, d in argmap.nodes.items():
        url = d["url"]
        if url is not None and safe_url(url) is None:
            line, column = d.get("url_at") or (d["line"], d["column"])
            findings.append(Finding(ID, SEVERITY, d["file"], line, column,
                                    "the url is not a plain http(s) address; it won't be a link",
                                    "write the full https:// address"))
    return findings
