"""What `argmap render` and `argmap --help` tell a person (issue 16's defects):
what was written and how big, a too-wide whole map with better commands, a PNG
Graphviz would shrink refused, a map of sources only drawn as a message, a map
with errors rendered with a warning, every command's summary whole."""

import struct
import sys

from argmap.render.measure import pixel_size
from helpers import ROOT, invoke

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402

FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"
SOURCES_ONLY = ROOT / "maps" / "examples" / "shared-sources" / "sources.argmap"


def test_render_says_what_it_wrote_and_its_size(tmp_path):
    run = invoke("render", str(ROOT / "maps/examples/evaluation.argmap"), "-o",
                 str(tmp_path / "e.png"))
    assert run.code == 0
    w, h = struct.unpack(">II", (tmp_path / "e.png").read_bytes()[16:24])
    assert run.err.strip().endswith(f"e.png ({w} × {h} px)")
    quiet = invoke("render", str(ROOT / "maps/examples/evaluation.argmap"), "-o",
                   str(tmp_path / "q.svg"), "-q")
    assert quiet.code == 0 and quiet.err == ""


def test_a_whole_map_too_wide_to_read_gets_better_commands(tmp_path):
    run = invoke("render", str(FLAGSHIP), "-o", str(tmp_path / "whole.svg"))
    assert run.code == 0
    assert "px wide, too wide to read as one picture; these read better:" in run.err
    assert '--section "A growing power asymmetry" --direction LR' in run.err
    assert "--focus sinocentrism --depth 1" in run.err
    part = invoke("render", str(FLAGSHIP), "--section", "A growing power asymmetry",
                  "--direction", "LR", "-o", str(tmp_path / "part.svg"))
    assert "too wide" not in part.err


def test_a_png_graphviz_would_shrink_is_refused(tmp_path):
    big = tmp_path / "big.argmap"
    big.write_text(generate.argmap_text(2000))
    run = invoke("render", str(big), "-o", str(tmp_path / "big.png"))
    assert run.code == 2 and "too big for a PNG" in run.err
    assert not (tmp_path / "big.png").exists()


def test_a_map_of_sources_only_is_drawn_as_a_message(tmp_path):
    run = invoke("render", str(SOURCES_ONLY), "-o", str(tmp_path / "s.png"))
    assert run.code == 0
    w, h = pixel_size((tmp_path / "s.png").read_bytes(), "png")
    assert w > 300  # no longer a blank 58 × 58 square
    svg = invoke("render", str(SOURCES_ONLY), "-f", "svg").out
    assert "Nothing to draw: this map has no argument nodes (only sources)." in svg


def test_a_map_with_errors_renders_with_a_warning(tmp_path):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  - counter c: C.\n")
    run = invoke("render", "m.argmap", "-o", "m.svg", cwd=tmp_path)
    assert run.code == 0 and (tmp_path / "m.svg").exists()
    assert "the map has 2 errors; rendered anyway (`argmap check m.argmap` shows them)" in run.err


def test_help_names_every_command_with_its_whole_summary():
    from argmap.cli import cli

    text = " ".join(invoke("--help").out.split())
    for name, command in cli.commands.items():
        summary = " ".join(command.help.split("\n\n")[0].split())
        assert f"{name} {summary}" in text, name
        assert "..." not in summary


def test_a_spinner_shows_only_once_a_layout_takes_a_while():
    import io
    import time

    from rich.console import Console

    from argmap.cli import _Spinner

    out = io.StringIO()
    console = Console(file=out, force_terminal=True)
    with _Spinner("Laying out m.argmap…", True, delay=0.05, console=console):
        time.sleep(0.4)
    assert "Laying out m.argmap…" in out.getvalue()
    quick = io.StringIO()
    with _Spinner("Laying out", True, delay=5, console=Console(file=quick, force_terminal=True)):
        pass
    assert quick.getvalue() == ""
    with _Spinner("Laying out", False, delay=0):  # not a terminal: nothing at all
        time.sleep(0.05)
