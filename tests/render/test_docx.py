"""The outline as a Word document, read back with python-docx."""

import os
import subprocess
import sys

import pytest

import argmap
from argmap.render import RenderOptions, render
from argmap.render.outline import build
from helpers import ROOT

docx = pytest.importorskip("docx")
FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"


def _read(data: bytes, tmp_path):
    path = tmp_path / "out.docx"
    path.write_bytes(data)
    return docx.Document(str(path))


def test_headings_lists_pictures_and_notes(tmp_path):
    m = argmap.load(FLAGSHIP)
    d = _read(render(m, "docx"), tmp_path)
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    assert styles[0] == ("Title", m.meta["title"])
    assert ("Heading 1", "The evolving relationship") in styles
    assert ("Heading 2", "The official narrative") in styles
    o = build(m)
    with_entries = [s for s in o.sections if s.entries and s.title is not None]
    assert len(d.inline_shapes) == len(with_entries)  # a diagram per section
    assert {s for s, _ in styles} >= {"List Bullet", "List Bullet 2", "List Bullet 3"}
    notes = [t for s, t in styles if s == "List Number"]
    assert notes == o.notes
    superscripts = [r.text for p in d.paragraphs for r in p.runs if r.font.superscript]
    assert superscripts and all(x.replace(",", "").isdigit() for x in superscripts)
    text = "\n".join(t for _, t in styles)
    assert text.count("Close cooperation with China has reduced Russia's room") == 1


def test_brief_and_a_map_without_headings(tmp_path):
    seminar = argmap.load(ROOT / "maps" / "examples" / "seminar-debate.argmap")
    d = _read(render(seminar, "docx", RenderOptions(brief=True)), tmp_path)
    assert len(d.inline_shapes) == 1
    assert not any(p.text.startswith("Evidence:") for p in d.paragraphs)


def test_the_command_and_a_clear_message_without_python_docx(tmp_path):
    out = tmp_path / "essay.docx"
    done = subprocess.run([sys.executable, "-m", "argmap", "render",
                           str(ROOT / "maps/examples/evaluation.argmap"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and out.read_bytes()[:2] == b"PK"
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "docx.py").write_text("raise ImportError('no python-docx here')\n")
    env = dict(os.environ, PYTHONPATH=str(blocker))
    done = subprocess.run([sys.executable, "-m", "argmap", "render",
                           str(ROOT / "maps/examples/evaluation.argmap"), "-o",
                           str(tmp_path / "no.docx")], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 1
    assert "Word documents need python-docx: pip install 'argmap[docx]'" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "no.docx").exists()


@pytest.mark.skipif(not __import__("shutil").which("soffice"),
                    reason="LibreOffice is not installed (Debian: apt install "
                           "libreoffice-writer-nogui)")
def test_libreoffice_reads_it_and_writes_a_pdf(tmp_path):
    path = tmp_path / "essay.docx"
    path.write_bytes(render(argmap.load(FLAGSHIP), "docx"))
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "essay.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") + data.count(b"/Type/Page") > 5
