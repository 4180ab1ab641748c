"""The HTML page: self-contained, escaped, the diagram inline and linked both ways."""

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import argmap
from argmap.render import render
from helpers import HOSTILE
from helpers import ROOT


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.ids, self.hrefs = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            self.attrs.append((tag, k, v))
            if k == "id":
                self.ids.add(v)
            if k in ("href", "xlink:href", "src"):
                self.hrefs.append(v)


def _parse(text):
    p = _Collect()
    p.feed(text)
    return p


def test_no_element_attribute_or_link_from_map_text(hostile):
    page = render(argmap.load(hostile), "html")
    p = _parse(page)
    assert "script" not in p.tags and "iframe" not in p.tags and "img" not in p.tags
    assert not [a for a in p.attrs if a[1].startswith("on")]
    for href in p.hrefs:
        assert href.startswith("#") or href.startswith("https://"), href
    assert "javascript:" not in "".join(p.hrefs)
    for s in HOSTILE[:3]:
        assert s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
            '"', "&quot;").replace("'", "&#39;") in page


def test_self_contained_and_linked_both_ways():
    page = render(argmap.load(ROOT / "maps/examples/seminar-debate.argmap"), "html")
    p = _parse(page)
    assert "link" not in p.tags  # no stylesheet or anything else fetched
    assert not [h for h in p.hrefs if h.startswith("http") and "doi.org" not in h]
    assert "svg" in p.tags
    # every outline entry links to its diagram node, and every node to its entry
    to_diagram = [h[1:] for h in p.hrefs if h.startswith("#d_")]
    to_outline = [h[1:] for h in p.hrefs if h.startswith("#o-")]
    assert to_diagram and to_outline
    assert set(to_diagram) <= p.ids and set(to_outline) <= p.ids


def test_a_big_map_gets_a_diagram_per_section():
    m = argmap.load(ROOT / "maps/russia-turn-to-asia.argmap")
    p = _parse(render(m, "html"))
    titles = {d["section"] for _, d in m.graph.nodes(data=True) if d["kind"] != "source"}
    assert p.tags.count("svg") == len(titles)
    targets = [h[1:] for h in p.hrefs if h.startswith("#s")]
    assert targets and set(targets) <= p.ids
    assert len(p.ids) == len([a for a in p.attrs if a[1] == "id"])  # ids are unique


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (Debian: apt install chromium)")
def test_page_loads_in_headless_chromium(tmp_path):
    page = tmp_path / "map.html"
    page.write_text(render(argmap.load(ROOT / "maps/russia-turn-to-asia.argmap"), "html"))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<svg" in dom.stdout and 'id="s0_n' in dom.stdout
    assert "Close cooperation with China" in dom.stdout
    shot = tmp_path / "shot.png"
    done = subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1280,2000",
                           page.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.stat().st_size > 20_000
    assert "Uncaught" not in done.stderr
