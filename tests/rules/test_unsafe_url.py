import pytest

import argmap
from helpers import findings


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
    "file:///etc/passwd", "/relative/path", "&#106;avascript:alert(1)", "https://x.org/\"a",
    "https://x.org/<b>", "http://", "vbscript:x", "https://exa mple.org",
])
def test_unsafe_urls_are_reported_at_the_url_line(url):
    text = f"thesis t: T.\n  + premise p: P.\n    url: {url}\n"
    assert findings(text, "unsafe-url") == [("unsafe-url", 3)]


@pytest.mark.parametrize("url", ["https://doi.org/10.14943/ASI.41.111", "http://kremlin.ru/x",
                                 "https://example.org/a?b=1&c=2#frag", "https://例え.jp/パス"])
def test_plain_http_urls_pass(url):
    assert findings(f"thesis t: T.\n  + premise p: P.\n    url: {url}\n", "unsafe-url") == []


def test_column_points_at_the_value():
    m = argmap.loads("thesis t: T.\n  url:   javascript:x\n  + premise p: P.\n")
    [f] = [f for f in argmap.check(m) if f.rule == "unsafe-url"]
    assert (f.line, f.column) == (2, 10)
