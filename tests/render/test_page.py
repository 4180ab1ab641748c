"""The HTML page as a reader gets it: contents, linkable and nested headings, and,
in headless Chromium (Playwright), diagrams that fit the column at phone and
desktop widths, a full-size switch without a script, dark mode and print."""

import shutil

import pytest

import argmap
from argmap.render import render
from helpers import ROOT

FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"
SEMINAR = ROOT / "maps" / "examples" / "seminar-debate.argmap"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_contents_and_headings_keep_the_maps_sections_and_levels():
    page = render(argmap.load(FLAGSHIP), "html")
    assert '<nav class="toc" aria-label="Contents">' in page
    # the nested heading that has no node of its own is kept, with its sub-sections
    assert '<h2 id="s-the-evolving-relationship">The evolving relationship</h2>' in page
    assert '<h3 id="s-the-official-narrative">The official narrative</h3>' in page
    assert '<a href="#s-what-succeeded">What succeeded</a>' in page
    assert "<script" not in page.lower()
    md = render(argmap.load(FLAGSHIP), "md")
    assert "\n## The evolving relationship\n" in md and "\n### The official narrative\n" in md


def test_two_headings_of_one_title_get_two_ids():
    m = argmap.loads("# A\nthesis t: T.\n## B\nclaim c: C.\n@c supports @t\n# B!\n"
                     "claim d: D.\n@d supports @t\n")
    page = render(m, "html")
    assert 'id="s-b"' in page and 'id="s-b-2"' in page


def _browser():
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (Debian: apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api


FITS = """() => {
  const page = document.documentElement;
  const out = {pageScroll: page.scrollWidth - page.clientWidth, svgs: []};
  for (const svg of document.querySelectorAll("figure svg")) {
    const r = svg.getBoundingClientRect();
    const box = svg.closest(".scroll");
    out.svgs.push({left: r.left, right: r.right, width: window.innerWidth,
                   cut: box.scrollWidth - box.clientWidth});
  }
  return out;
}"""


@pytest.mark.parametrize("path", [FLAGSHIP, SEMINAR], ids=["flagship", "seminar"])
def test_diagrams_fit_at_phone_and_desktop_widths(path, tmp_path):
    sync_api = _browser()
    page_file = tmp_path / "page.html"
    page_file.write_text(render(argmap.load(path), "html"))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(page_file.as_uri())
            seen = page.evaluate(FITS)
            assert seen["pageScroll"] <= 0, (width, seen["pageScroll"])
            assert seen["svgs"]
            for svg in seen["svgs"]:
                assert svg["left"] >= 0 and svg["right"] <= svg["width"] + 0.5, (width, svg)
                assert svg["cut"] <= 0, (width, svg)
            page.close()
        browser.close()


def test_full_size_switch_dark_mode_and_print(tmp_path):
    sync_api = _browser()
    page_file = tmp_path / "page.html"
    page_file.write_text(render(argmap.load(SEMINAR), "html"))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.goto(page_file.as_uri())
        before = page.evaluate("document.querySelector('figure svg').getBoundingClientRect().width")
        page.click("figure .zoom-label")
        after = page.evaluate("document.querySelector('figure svg').getBoundingClientRect().width")
        assert after > before * 1.5  # at full size the figure scrolls, the page does not
        assert page.evaluate("document.documentElement.scrollWidth <= "
                             "document.documentElement.clientWidth")
        page.emulate_media(color_scheme="dark")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(22, 24, 28)"
        page.close()
        page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
        page.goto(page_file.as_uri())
        page.emulate_media(media="print")
        widths = page.evaluate("[...document.querySelectorAll('figure svg')].map("
                               "s => s.getBoundingClientRect().right)")
        assert widths and max(widths) <= 794
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format="A4")
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
        browser.close()
