"""Maps inside documents: the entry point, and each host built for real
(MkDocs, Sphinx with MyST, a Jupyter notebook, Pandoc), the Pygments lexer and
the Mermaid export."""

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from argmap.embed import BlockError, parse_options, render_block
from helpers import ROOT, hostile_map, invoke
import mermaid_check

FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"
SECTION = "A growing power asymmetry"
SMALL = "thesis t: Cities should ban cars from their centres.\n  + premise p: Exhaust pollutes the air.\n"
BROKEN = "thesis t T.\n"
BIN = Path(sys.executable).parent


def _env():
    return dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")


# -- the entry point --------------------------------------------------------------

def test_formats_and_options():
    both = render_block(SMALL, {"format": "both", "direction": "lr"})
    assert both.ok and both.svg and both.html.count("<svg") == 1
    # scaled to the column, never below three quarters of its size (then it scrolls)
    natural = float(re.search(r'<svg[^>]*? width="([0-9.]+)pt"', both.svg).group(1)) * 4 / 3
    assert (f'style="width:min({natural:.0f}px,max(100%,{natural * 0.75:.0f}px));'
            'max-width:none;height:auto"') in both.html
    assert '<figure class="argmap" style="overflow-x:auto;margin:0">' in both.html
    assert 'class="argmap-outline"' in both.html
    outline = render_block(SMALL, {"format": "outline"})
    assert "<svg" not in outline.html and "Exhaust pollutes the air." in outline.html
    section = render_block(FLAGSHIP.read_text(), {"section": SECTION})
    assert section.ok and "Russia" in section.svg
    for bad in ({"format": "poster"}, {"depth": "deep"}, {"colour": "red"},
                {"direction": "up"}):
        with pytest.raises(BlockError):
            render_block(SMALL, bad)
    with pytest.raises(BlockError, match="no section 'Nowhere'"):
        render_block(SMALL, {"section": "Nowhere"})
    assert parse_options({"eval": ""})["eval"] is True


def test_two_diagrams_of_one_page_have_ids_of_their_own():
    a = render_block(SMALL).svg
    b = render_block(SMALL.replace("air", "water")).svg
    ids = lambda svg: {x.split('"')[0] for x in svg.split(' id="')[1:]}  # noqa: E731
    assert ids(a) and not ids(a) & ids(b)


def test_a_block_with_errors_shows_its_findings_and_reports_them():
    e = render_block(BROKEN, file="essay.md")
    assert not e.ok and [f.rule for f in e.errors] == ["syntax"]
    assert "<svg" not in e.html and "error[syntax]" in e.html and "essay.md:1:1" in e.html


def test_hostile_text_is_escaped():
    # its `url:` lines are errors (unsafe-url): the findings, escaped, stand in for it
    broken = render_block(hostile_map(), {"format": "both"})
    assert not broken.ok and "unsafe-url" in broken.html
    fine = render_block("\n".join(ln for ln in hostile_map().splitlines() if "url:" not in ln),
                        {"format": "both"})
    assert fine.ok
    assert "c=&lt;2&gt;" in broken.html  # a code frame of a url line, escaped
    for e in (broken, fine):
        assert "<script" not in e.html.lower() and "<b onmouseover" not in e.html.lower()
    assert "&lt;script&gt;" in fine.html


# -- MkDocs ---------------------------------------------------------------------------

MKDOCS_YML = """site_name: Maps
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: argmap
          class: argmap
          format: !!python/name:argmap.mkdocs.fence_format
          validator: !!python/name:argmap.mkdocs.fence_validator
"""


def _mkdocs(tmp_path, pages):
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML)
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env=_env())


def test_mkdocs_site_holds_the_section_diagram(tmp_path):
    page = (f'# The asymmetry\n\n```argmap {{section="{SECTION}" direction="LR"}}\n'
            f"{FLAGSHIP.read_text()}\n```\n")
    done = _mkdocs(tmp_path, {"index.md": page})
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "index.html").read_text()
    assert html.count("<svg") == 1
    if mermaid_check.CHROMIUM:
        shot = tmp_path / "shot.png"
        subprocess.run([mermaid_check.CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                        "--window-size=1280,1000", (tmp_path / "site" / "index.html").as_uri()],
                       capture_output=True, timeout=120)
        assert shot.stat().st_size > 20_000


def test_mkdocs_strict_build_fails_on_a_broken_map(tmp_path):
    done = _mkdocs(tmp_path, {"index.md": f"# Broken\n\n```argmap\n{BROKEN}```\n"})
    assert done.returncode != 0
    assert "error[syntax]: expected `: ` after the head of the declaration" in done.stderr


# -- Sphinx, with MyST ------------------------------------------------------------

def _sphinx(tmp_path, files):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "conf.py").write_text('project = "maps"\nextensions = ["argmap.sphinx", '
                                 '"myst_parser"]\nmyst_fence_as_directive = ["argmap"]\n')
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(src),
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
                          env=_env())


def test_sphinx_directive_file_and_myst_fences(tmp_path):
    index = (f"Maps\n====\n\n.. toctree::\n\n   notes\n\n.. argmap::\n   :file: flagship.argmap\n"
             f"   :section: {SECTION}\n   :direction: LR\n")
    notes = (f"# Notes\n\n```{{argmap}}\n:format: both\n{SMALL}```\n\n"
             f"```argmap\n{SMALL.replace('t:', 'u:').replace('p:', 'q:')}```\n")
    (tmp_path / "src").mkdir()
    shutil.copy(FLAGSHIP, tmp_path / "src" / "flagship.argmap")
    done = _sphinx(tmp_path, {"index.rst": index, "notes.md": notes})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "index.html").read_text().count("<svg") == 1
    assert (tmp_path / "out" / "notes.html").read_text().count("<svg") == 2


def test_sphinx_w_fails_on_a_broken_map(tmp_path):
    done = _sphinx(tmp_path, {"index.rst": f"Maps\n====\n\n.. argmap::\n\n   {BROKEN}"})
    assert done.returncode != 0
    assert "argmap block:1:1: error[syntax]" in done.stderr


# -- Jupyter ----------------------------------------------------------------------------

def test_a_notebook_shows_maps_and_runs_the_magic():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"import argmap\nargmap.loads({SMALL!r})"),
                nbformat.v4.new_code_cell("%load_ext argmap"),
                nbformat.v4.new_code_cell(f"%%argmap --format both\n{SMALL}"),
                nbformat.v4.new_code_cell(f"%%argmap\n{BROKEN}")]
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    shown = nb.cells[0].outputs[0]["data"]
    assert shown["image/svg+xml"].lstrip().startswith(("<?xml", "<svg", "<!--"))
    assert "<svg" in nb.cells[2].outputs[0]["data"]["text/html"]
    broken = nb.cells[3].outputs
    assert any("error[syntax]" in o.get("text", "") for o in broken)
    assert any("error[syntax]" in o.get("data", {}).get("text/html", "") for o in broken)


# -- Pandoc ---------------------------------------------------------------------------

def _pandoc():
    pypandoc = pytest.importorskip("pypandoc")
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        pytest.skip("no pandoc (pip install pypandoc_binary)")


DOCUMENT = (f"# Essay\n\n```{{.argmap format=both caption=\"The argument\"}}\n{SMALL}```\n\n"
            "```argmap\ntitle: Another filter's YAML\npremises:\n  - text: one\n```\n")


def test_pandoc_filter_to_html_and_docx(tmp_path):
    pandoc = _pandoc()
    (tmp_path / "in.md").write_text(DOCUMENT)
    done = subprocess.run([pandoc, "in.md", "--filter", "argmap-pandoc", "-o", "out.html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=_env())
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "out.html").read_text()
    assert html.count("<svg") == 1 and "Exhaust pollutes the air." in html
    assert "holds YAML, not argmap text" in done.stderr and "Another filter" in html
    done = subprocess.run([pandoc, "in.md", "--filter", "argmap-pandoc", "-o", "out.docx"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=_env())
    assert done.returncode == 0, done.stderr
    media = [n for n in zipfile.ZipFile(tmp_path / "out.docx").namelist() if "media/" in n]
    assert len(media) == 1 and media[0].endswith(".png")


def test_pandoc_filter_shows_findings_of_a_broken_block(tmp_path):
    pandoc = _pandoc()
    (tmp_path / "in.md").write_text(f"```argmap\n{BROKEN}```\n")
    done = subprocess.run([pandoc, "in.md", "--filter", "argmap-pandoc", "-t", "html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=_env())
    assert done.returncode == 0 and "error[syntax]" in done.stdout
    assert "warning: argmap block:1:1: error[syntax]" in done.stderr


# -- highlighting and Mermaid --------------------------------------------------------

def test_the_lexer_reads_every_map_without_an_error_token():
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
    from pygments.token import Error

    lexer = get_lexer_by_name("argmap")
    assert type(get_lexer_for_filename("essay.argmap")) is type(lexer)
    paths = [*ROOT.joinpath("maps").rglob("*.argmap"),
             *ROOT.joinpath("tests").glob("conformance*/**/*.argmap")]
    for path in paths:
        tokens = list(lexer.get_tokens(path.read_text(encoding="utf-8", errors="replace")))
        assert not [t for t in tokens if t[0] is Error], path
    tokens = dict((v, t) for t, v in lexer.get_tokens("thesis t: A.\n  ~ @u\n"))
    assert str(tokens["thesis"]) == "Token.Keyword.Type" and str(tokens["~"]) == "Token.Operator"


def test_diff_comments_draw_mermaid_that_parses(tmp_path):
    if mermaid_check.REASON:
        pytest.skip(mermaid_check.REASON)
    old, new = tmp_path / "a.argmap", tmp_path / "b.argmap"
    old.write_text(hostile_map())
    new.write_text(hostile_map().replace("thesis", "claim", 1) + "\ncounter zz: \"x\" <b> `y`.\n")
    md = invoke("diff", str(old), str(new), "-f", "markdown").out
    blocks = [b.split("```", 1)[0] for b in md.split("```mermaid\n")[1:]]
    assert blocks and mermaid_check.parse_results(blocks) == ["OK"] * len(blocks)


def test_an_overview_block():
    e = render_block(FLAGSHIP.read_text(), {"overview": "true"})
    assert e.ok and "+ 4 evidence" in e.svg and "EVIDENCE" not in e.svg
